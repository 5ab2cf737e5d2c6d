import { describe, expect, it } from 'vitest';
import { deepFreeze, errorOf, essay, numeric, options, single, trueFalse } from '../../test/fixtures/scoring/questions';
import { roundHalfAway, scoreQuiz } from './quiz';
import type { QuizLike } from './types';

const questions = [
  { ...single({ options: options('a') }), id: 'q1' },
  { ...trueFalse({ answer: true }), id: 'q2', points: 2 },
  { ...numeric({ answers: [{ value: 1 / 3, tolerance: 0.01 }] }), id: 'q3' },
];
const quiz: QuizLike = deepFreeze({ questions, passMark: 0.6 });
const right = { q1: { type: 'single-choice', optionId: 'a' }, q2: { type: 'true-false', value: true }, q3: { type: 'numeric', value: '0.33' } } as const;

describe('scoreQuiz', () => {
  it('weights each question by its marks (quiz.points, then question.points, then 1)', () => {
    const s = scoreQuiz(quiz, { q1: right.q1, q2: { type: 'true-false', value: false }, q3: right.q3 });
    expect(s).toMatchObject({ score: 2, maxScore: 4, percent: 50, passed: false });
    expect(s.items.map((i) => [i.id, i.points, i.score])).toEqual([
      ['q1', 1, 1],
      ['q2', 2, 0],
      ['q3', 1, 1],
    ]);
    const heavier = scoreQuiz({ ...quiz, points: { q1: 6 } }, { q1: right.q1 });
    expect(heavier).toMatchObject({ score: 6, maxScore: 9, percent: 66.67, passed: true });
  });

  it('counts missing questions as unanswered and rejects responses to unknown ones', () => {
    expect(scoreQuiz(quiz, {}).items.every((i) => !i.answered)).toBe(true);
    expect(errorOf(() => scoreQuiz(quiz, { q9: right.q1 }))).toMatchObject({ code: 'RK_INVALID_RESPONSE', path: 'responses.q9' });
  });

  it('rounds totals once, half away from zero, to 2 decimals by default', () => {
    const thirds: QuizLike = { questions: [{ ...single({ options: options('a') }), id: 'a', points: 1 / 3 }, { ...single({ options: options('a') }), id: 'b', points: 2 / 3 }] };
    expect(scoreQuiz(thirds, { a: right.q1 }).score).toBe(0.33);
    expect(scoreQuiz(thirds, { a: right.q1 }, undefined, { decimals: 4 }).percent).toBe(33.3333);
    expect(roundHalfAway(1.005, 2)).toBe(1.01);
    expect(roundHalfAway(-2.5, 0)).toBe(-3);
    expect(roundHalfAway(2.675, 2)).toBe(2.68);
  });

  it('compares the rounded percent with the pass mark', () => {
    const s = scoreQuiz({ ...quiz, passMark: 0.75 }, { q1: right.q1, q2: right.q2 });
    expect(s).toMatchObject({ percent: 75, passed: true });
    expect(scoreQuiz({ questions }, {}).passed).toBeUndefined();
  });

  it('ignores answers given after the time limit when timestamps are given', () => {
    const timed = { ...quiz, timeLimitMs: 60_000 };
    const s = scoreQuiz(
      timed,
      { q1: { tries: [right.q1], answeredAt: 1_000 + 60_000 }, q2: { tries: [right.q2], answeredAt: 1_000 + 60_001 } },
      { kind: 'deferred' },
      { startedAt: 1_000 },
    );
    expect(s.items.map((i) => [i.answered, i.late])).toEqual([
      [true, false],
      [false, true],
      [false, false],
    ]);
    expect(s.score).toBe(1);
    // Without startedAt the limit cannot be applied.
    expect(scoreQuiz(timed, { q2: { tries: [right.q2], answeredAt: 9e12 } }).score).toBe(2);
  });

  it('applies negative marking with a floor on the total', () => {
    const wrong = { q1: { type: 'single-choice', optionId: 'b' }, q2: { type: 'true-false', value: false }, q3: { type: 'numeric', value: '5' } } as const;
    expect(scoreQuiz(quiz, wrong, { kind: 'negative' }).score).toBe(0);
    expect(scoreQuiz(quiz, wrong, { kind: 'negative', floor: -1 }).score).toBe(-1);
    expect(scoreQuiz(quiz, { ...wrong, q2: right.q2 }, { kind: 'negative', wrongPenalty: 0.5 }).score).toBe(1);
  });

  it('scores CBM on Moodle’s scale (max 3 per mark) and reports plain accuracy', () => {
    const s = scoreQuiz(quiz, { q1: { tries: [right.q1], certainty: 3 }, q2: { tries: [{ type: 'true-false', value: false }], certainty: 2 }, q3: { tries: [right.q3] } }, { kind: 'cbm' });
    // q1: 1 × 3, q2: 2 × -2, q3: 1 × 1 (certainty 1 by default) -> 0 out of 12.
    expect(s).toMatchObject({ score: 0, maxScore: 12, percent: 0, accuracy: 50 });
  });

  it('uses interactive tries', () => {
    const s = scoreQuiz(quiz, { q2: { tries: [{ type: 'true-false', value: false }, right.q2] } }, { kind: 'interactive' });
    expect(s.items[1]?.fraction).toBeCloseTo(2 / 3, 12);
    expect(s.score).toBe(1.33);
  });

  it('flags essays that need review', () => {
    const e = { questions: [{ ...essay({ rubric: [{ id: 'c', criterion: 'C', points: 2 }] }), id: 'e' }] };
    expect(scoreQuiz(e, { e: { type: 'essay', text: 'Hi' } }).needsReview).toBe(true);
    expect(scoreQuiz(e, { e: { type: 'essay', text: 'Hi', rubricScores: { c: 2 } } })).toMatchObject({ needsReview: false, score: 1 });
  });

  it('rejects bad quiz settings', () => {
    expect(errorOf(() => scoreQuiz({ ...quiz, passMark: 60 }, {})).path).toBe('quiz.passMark');
    expect(errorOf(() => scoreQuiz({ ...quiz, timeLimitMs: -1 }, {})).path).toBe('quiz.timeLimitMs');
    expect(errorOf(() => scoreQuiz({ ...quiz, points: { q1: Number.NaN } }, {})).path).toBe('quiz.points.q1');
    expect(errorOf(() => scoreQuiz(quiz, {}, undefined, { startedAt: Number.NaN })).code).toBe('RK_INVALID_TIME');
    expect(errorOf(() => scoreQuiz(quiz, null as never)).path).toBe('responses');
    expect(errorOf(() => scoreQuiz(quiz, { q1: 5 as never })).path).toBe('responses.q1.tries[0]');
    expect(errorOf(() => scoreQuiz(quiz, { q1: { tries: 'x' } as never })).path).toBe('responses.q1.tries');
  });
});
