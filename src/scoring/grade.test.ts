import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { questionArb, questionArbs, responseArb } from '../../test/fixtures/scoring/arbitraries';
import { COMMON, deepFreeze, errorOf, multiple, options, single } from '../../test/fixtures/scoring/questions';
import type { MatchingQuestion, MultipleChoiceQuestion, Question } from '../schema/question';
import type { Response } from '../schema/response';
import { correctResponse } from './correct-response';
import { grade } from './grade';
import type { GradeOptions } from './types';

const SEED = 20260601;
const OPTION_SETS: GradeOptions[] = [
  {},
  { units: 'required', ignorePunctuation: true, ignoreDiacritics: true, typoTolerance: 1 },
];

describe('grade: properties (fast-check, seeded)', () => {
  for (const options of OPTION_SETS) {
    it(`grade(q, correctResponse(q)) is full marks for every type (${JSON.stringify(options)})`, () => {
      fc.assert(
        fc.property(questionArb, (q) => {
          const o = grade(q, correctResponse(q, options), options);
          expect(o.fraction).toBe(1);
          expect(o.score).toBe(o.maxScore);
          expect(o.correct).toBe(true);
        }),
        { seed: SEED, numRuns: 1500 },
      );
    });
  }

  it('score stays in [0, maxScore], fraction in [0, 1], never NaN, inputs unchanged', () => {
    fc.assert(
      fc.property(
        questionArb.chain((q) => fc.tuple(fc.constant(q), responseArb(q), fc.constantFrom(...OPTION_SETS))),
        ([q, r, options]) => {
          const before = JSON.stringify(r);
          const o = grade(q, deepFreeze(r), options);
          expect(o.fraction).toBeGreaterThanOrEqual(0);
          expect(o.fraction).toBeLessThanOrEqual(1);
          expect(o.score).toBeGreaterThanOrEqual(0);
          expect(o.score).toBeLessThanOrEqual(o.maxScore);
          expect(Number.isNaN(o.score)).toBe(false);
          expect(o.correct && o.partial).toBe(false);
          expect(JSON.stringify(r)).toBe(before);
        },
      ),
      { seed: SEED, numRuns: 3000 },
    );
  });

  it('multiple choice is invariant under permutation of the options and of the ticks', () => {
    const arb = questionArbs['multiple-choice'].chain((body) => {
      const q = { id: 'q', ...COMMON, ...body } as unknown as MultipleChoiceQuestion;
      return fc.tuple(fc.constant(q), responseArb(q), fc.shuffledSubarray(q.options.slice(), { minLength: q.options.length }));
    });
    fc.assert(
      fc.property(arb, fc.integer(), ([q, r, shuffled], seed) => {
        const ticks = (r as { optionIds: string[] }).optionIds;
        const reversed = { type: 'multiple-choice' as const, optionIds: [...ticks].reverse() };
        const rotated = { type: 'multiple-choice' as const, optionIds: ticks.map((_, i) => ticks[(i + Math.abs(seed)) % ticks.length] as string) };
        const base = grade(q, r).fraction;
        expect(grade(q, reversed).fraction).toBeCloseTo(base, 12);
        expect(grade(q, rotated).fraction).toBeCloseTo(base, 12);
        expect(grade({ ...q, options: shuffled }, r).fraction).toBeCloseTo(base, 12);
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });

  it('matching is invariant under permutation of the pairs', () => {
    const arb = questionArbs.matching.chain((body) => {
      const q = { id: 'q', ...COMMON, ...body } as unknown as MatchingQuestion;
      return fc.tuple(fc.constant(q), responseArb(q), fc.shuffledSubarray(q.pairs.slice(), { minLength: q.pairs.length }));
    });
    fc.assert(
      fc.property(arb, ([q, r, pairs]) => {
        const m = (r as { matches: Record<string, string> }).matches;
        const reordered = { type: 'matching' as const, matches: Object.fromEntries(Object.entries(m).reverse()) };
        const base = grade(q, r).fraction;
        expect(grade({ ...q, pairs }, reordered).fraction).toBe(base);
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });
});

describe('grade: bad input', () => {
  const q = single({ options: options('a') });

  it('rejects a response of another type, naming the path', () => {
    expect(errorOf(() => grade(q, { type: 'true-false', value: true }, { path: 'responses.q1' }))).toMatchObject({
      code: 'RK_INVALID_RESPONSE',
      path: 'responses.q1.type',
    });
  });

  it.each([null, undefined, 7, 'a', []])('rejects %j as a response', (bad) => {
    expect(errorOf(() => grade(q, bad as never)).code).toBe('RK_INVALID_RESPONSE');
  });

  it('rejects bad points', () => {
    for (const points of [0, -1, Number.NaN, Infinity]) expect(errorOf(() => grade(q, { type: 'single-choice', optionId: 'a' }, { points })).code).toBe('RK_INVALID_OPTIONS');
  });

  it('rejects an unknown question type', () => {
    expect(errorOf(() => grade({ ...q, type: 'hotspot' } as never, { type: 'hotspot' } as never)).code).toBe('RK_INVALID_QUESTION');
  });

  it('never mutates a frozen question or response (strict mode would throw)', () => {
    const m = multiple({ options: options('ab') });
    const r = deepFreeze({ type: 'multiple-choice', optionIds: ['b', 'a'] }) as Response;
    expect(grade(m, r).fraction).toBe(1);
    expect((r as { optionIds: string[] }).optionIds).toEqual(['b', 'a']);
  });

  it('says which of a quiz of questions failed when given a path', () => {
    const questions: Question[] = [q];
    expect(errorOf(() => grade(questions[0] as Question, { type: 'single-choice', optionId: 'nope' }, { path: 'responses[0]' })).message).toContain(
      'at responses[0].optionId',
    );
  });
});
