import { describe, expect, it } from 'vitest';
import { errorOf, matching, multiple, numeric, options, ordering, shortAnswer, single, trueFalse } from '../../test/fixtures/scoring/questions';
import { analyzeResponses, randomGuessScore } from './analysis';
import type { QuizLike, QuizResponses } from './types';

// Fixture: 6 students, 4 items. The expected values come from
// test/fixtures/scoring/analysis-expected.py, an independent Python derivation from the formula
// text of Moodle's "Quiz statistics calculations" (hand-checked: T = 5,4,2,3,0,4, mean 3,
// V(T) = 16/5, ΣV(x_i) = 4/15 + 16/15 + 3/10 + 3/10, CIC = 100·4/3·(1 − ΣV/V(T)) = 52.78).
const quiz: QuizLike = {
  questions: [
    { ...single({ options: options('a', {}, 4) }), id: 'q1' },
    { ...trueFalse({ answer: true }), id: 'q2', points: 2 },
    { ...single({ options: options('c', {}, 4) }), id: 'q3' },
    { ...numeric({ answers: [{ value: 42 }] }), id: 'q4' },
  ],
};
const sc = (optionId: string | null) => ({ type: 'single-choice' as const, optionId });
const tf = (value: boolean) => ({ type: 'true-false' as const, value });
const num = (value: string) => ({ type: 'numeric' as const, value });
const attempts: QuizResponses[] = [
  { q1: sc('a'), q2: tf(true), q3: sc('c'), q4: num('42') },
  { q1: sc('a'), q2: tf(true), q3: sc('b'), q4: num('42.0') },
  { q1: sc('a'), q2: tf(false), q3: sc('c'), q4: num('41') },
  { q1: sc('b'), q2: tf(true), q3: sc(null), q4: num('42') },
  { q1: sc('d') },
  { q1: sc('a'), q2: tf(true), q3: sc('c'), q4: num('x') },
];

describe('analyzeResponses: test statistics (Moodle quiz statistics formulas)', () => {
  const { test } = analyzeResponses(quiz, attempts);
  it('mean, median, SD, skewness, kurtosis', () => {
    expect(test.attempts).toBe(6);
    expect(test.maxScore).toBe(5);
    expect(test.mean).toBeCloseTo(3, 12);
    expect(test.median).toBe(3.5);
    expect(test.sd).toBeCloseTo(1.7888543819998317, 10);
    expect(test.skewness).toBeCloseTo(-0.943341178007724, 10);
    expect(test.kurtosis).toBeCloseTo(0.5859375, 10);
  });
  it('coefficient of internal consistency, error ratio, standard error', () => {
    expect(test.cic).toBeCloseTo(52.77777777777777, 10);
    expect(test.errorRatio).toBeCloseTo(68.71842709362768, 10);
    expect(test.standardError).toBeCloseTo(1.2292725943057183, 10);
  });
});

describe('analyzeResponses: item statistics', () => {
  const { items } = analyzeResponses(quiz, attempts);
  const expected = [
    { facility: 66.66666666666666, sd: 51.63977794943223, di: 42.87464628562721, de: 45.45454545454545, ew: 22.474487139158903 },
    { facility: 66.66666666666666, sd: 51.63977794943223, di: 50, de: 57.14285714285715, ew: 36.70068381445479 },
    { facility: 50, sd: 54.77225575051661, di: 11.11111111111111, de: 14.285714285714286, ew: 18.350341907227396 },
    { facility: 50, sd: 54.77225575051661, di: 36.11575592573076, de: 42.85714285714286, ew: 22.474487139158903 },
  ];
  it.each(expected.map((e, i) => [i, e] as const))('item %i: facility, SD, discrimination index and efficiency, effective weight', (i, e) => {
    const item = items[i];
    expect(item?.facility).toBeCloseTo(e.facility, 10);
    expect(item?.sd).toBeCloseTo(e.sd, 10);
    expect(item?.discriminationIndex).toBeCloseTo(e.di, 10);
    expect(item?.discriminativeEfficiency).toBeCloseTo(e.de, 10);
    expect(item?.effectiveWeight).toBeCloseTo(e.ew, 10);
  });
  it('intended weights, random-guess scores, answered counts and answer frequencies', () => {
    expect(items.map((i) => i.intendedWeight)).toEqual([20, 40, 20, 20]);
    expect(items.map((i) => i.randomGuessScore)).toEqual([25, 50, 25, 0]);
    expect(items.map((i) => i.answered)).toEqual([6, 5, 4, 5]);
    expect(items[0]?.responses).toEqual({ a: 4, b: 1, d: 1 });
    expect(items[1]?.responses).toEqual({ true: 4, false: 1, '': 1 });
    expect(items[2]?.responses).toEqual({ c: 3, b: 1, '': 2 });
  });
});

describe('analyzeResponses: a naive second implementation agrees on other data', () => {
  it('matches direct formula loops on a 5 × 3 right/wrong matrix (KR-20)', () => {
    const q = [1, 2, 3].map((n) => ({ ...trueFalse({ answer: true }), id: `t${n}` }));
    const m = [
      [1, 1, 1],
      [1, 1, 0],
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 0],
    ];
    const res = analyzeResponses({ questions: q }, m.map((row) => Object.fromEntries(row.map((v, i) => [`t${i + 1}`, tf(v === 1)]))));
    // KR-20 = k/(k−1) (1 − Σ p q' / σ²), with p q' from S − 1 variances as Moodle does.
    const S = m.length;
    const T = m.map((r) => r.reduce((a, b) => a + b, 0));
    const mt = T.reduce((a, b) => a + b, 0) / S;
    const vt = T.reduce((a, t) => a + (t - mt) ** 2, 0) / (S - 1);
    let sv = 0;
    for (let i = 0; i < 3; i++) {
      const col = m.map((r) => r[i] as number);
      const mc = col.reduce((a, b) => a + b, 0) / S;
      sv += col.reduce((a, v) => a + (v - mc) ** 2, 0) / (S - 1);
    }
    expect(res.test.cic).toBeCloseTo(100 * 1.5 * (1 - sv / vt), 10);
    expect(res.items[0]?.facility).toBeCloseTo(60, 10);
  });
});

describe('analyzeResponses: edge cases', () => {
  it('gives null, never NaN, when formulas are undefined', () => {
    const one = analyzeResponses(quiz, [attempts[0] as QuizResponses]);
    expect(one.test).toMatchObject({ mean: 5, median: 5, sd: null, cic: null, errorRatio: null, standardError: null, skewness: null });
    expect(one.items[0]).toMatchObject({ facility: 100, sd: null, discriminationIndex: null, discriminativeEfficiency: null });
    const none = analyzeResponses(quiz, []);
    expect(none.test).toMatchObject({ attempts: 0, mean: null, median: null });
    expect(JSON.stringify(none)).not.toContain('NaN');
  });

  it('rejects bad attempts', () => {
    expect(errorOf(() => analyzeResponses(quiz, null as never)).path).toBe('attempts');
    expect(errorOf(() => analyzeResponses(quiz, [{ q1: sc('zz') }])).path).toBe('attempts[0].q1.tries[0].optionId');
  });
});

describe('randomGuessScore (Moodle get_random_guess_score)', () => {
  it('follows the per-type rules', () => {
    expect(randomGuessScore(single({ options: options('a', { b: 0.5 }, 4) }))).toBe(0.375);
    expect(randomGuessScore(trueFalse({ answer: false }))).toBe(0.5);
    expect(randomGuessScore(matching({ pairs: [{ id: 'a', left: 'a', right: 'A' }, { id: 'b', left: 'b', right: 'B' }], distractors: ['C', 'D'] }))).toBe(0.25);
    expect(randomGuessScore(shortAnswer({ answers: [{ text: 'x' }, { text: '*', fraction: 0.2 }] }))).toBe(0.2);
    expect(randomGuessScore(shortAnswer({ answers: [{ text: 'x' }] }))).toBe(0);
    expect(randomGuessScore(multiple({ options: options('ab') }))).toBeNull();
    expect(randomGuessScore(ordering({ items: [{ id: 'a', text: 'A' }, { id: 'b', text: 'B' }] }))).toBeNull();
  });
});
