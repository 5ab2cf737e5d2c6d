import { describe, expect, it } from 'vitest';
import { errorOf, multiple, options, single, trueFalse } from '../../test/fixtures/scoring/questions';
import { TOO_MANY_SELECTED } from './choice';
import { grade } from './grade';
import { NO_ANSWER } from './outcome';

const mc = (ids: string[]) => ({ type: 'multiple-choice' as const, optionIds: ids });

describe('single choice (Moodle qtype_multichoice, one answer)', () => {
  const q = single({ options: options('b').map((o) => (o.id === 'c' ? { ...o, fraction: 0.5, feedback: 'Close.' } : o)) });

  it('gives the key full marks and a distractor zero', () => {
    expect(grade(q, { type: 'single-choice', optionId: 'b' })).toMatchObject({ score: 1, fraction: 1, correct: true, partial: false });
    expect(grade(q, { type: 'single-choice', optionId: 'a' })).toMatchObject({ score: 0, correct: false, partial: false });
  });

  it('uses an option fraction and its feedback', () => {
    expect(grade(q, { type: 'single-choice', optionId: 'c' }, { points: 4 })).toEqual({
      score: 2, maxScore: 4, fraction: 0.5, correct: false, partial: true, feedback: ['Close.'],
    });
  });

  it('clamps a negative option fraction to zero', () => {
    const neg = single({ options: options('a', { b: -0.5 }) });
    expect(grade(neg, { type: 'single-choice', optionId: 'b' }).score).toBe(0);
  });

  it('scores no answer as zero with feedback', () => {
    expect(grade(q, { type: 'single-choice', optionId: null })).toMatchObject({ score: 0, feedback: [NO_ANSWER] });
  });

  it('rejects an unknown option id with its path', () => {
    expect(errorOf(() => grade(q, { type: 'single-choice', optionId: 'zz' }, { path: 'responses.q1' }))).toMatchObject({
      code: 'RK_INVALID_RESPONSE',
      path: 'responses.q1.optionId',
    });
  });
});

describe('multiple choice (Moodle qtype_multichoice_multi_question::grade_response)', () => {
  // Keys a, b, c out of five: default credit +1/3 per key and -1/3 per wrong option.
  const q = multiple({ options: options('abc') });

  it('sums default credits: right minus wrong over the keys', () => {
    expect(grade(q, mc(['a', 'b', 'c'])).fraction).toBe(1);
    expect(grade(q, mc(['a', 'b'])).fraction).toBeCloseTo(2 / 3, 12);
    expect(grade(q, mc(['a', 'b', 'd'])).fraction).toBeCloseTo(1 / 3, 12);
    expect(grade(q, mc(['a', 'd'])).fraction).toBe(0);
  });

  it('clamps the sum to [0, 1]', () => {
    expect(grade(q, mc(['d', 'e'])).fraction).toBe(0);
    const generous = multiple({ options: options('ab', { a: 1, b: 1 }) });
    expect(grade(generous, mc(['a', 'b'])).fraction).toBe(1);
  });

  it('uses explicit fractions, including negative ones (Moodle example: 50%, 50%, -100%)', () => {
    const m = multiple({ options: options('ab', { a: 0.5, b: 0.5, c: -1, d: 0 }, 4) });
    expect(grade(m, mc(['a'])).fraction).toBe(0.5);
    expect(grade(m, mc(['a', 'b', 'd'])).fraction).toBe(1);
    expect(grade(m, mc(['a', 'b', 'c'])).fraction).toBe(0);
  });

  it('grades more ticks than keys normally and says "You have selected too many options."', () => {
    const all = grade(q, mc(['a', 'b', 'c', 'd', 'e']));
    expect(all.fraction).toBeCloseTo(1 / 3, 12);
    expect(all.feedback).toContain(TOO_MANY_SELECTED);
    expect(grade(q, mc(['a', 'b', 'c'])).feedback).not.toContain(TOO_MANY_SELECTED);
  });

  it('scores an empty selection as zero with feedback', () => {
    expect(grade(q, mc([]))).toMatchObject({ score: 0, feedback: [NO_ANSWER] });
  });

  it('rejects duplicates and unknown ids, naming the index', () => {
    expect(errorOf(() => grade(q, mc(['a', 'a'])))).toMatchObject({ code: 'RK_INVALID_RESPONSE', path: 'optionIds[1]' });
    expect(errorOf(() => grade(q, mc(['a', 'x'])))).toMatchObject({ code: 'RK_INVALID_RESPONSE', path: 'optionIds[1]' });
    expect(errorOf(() => grade(q, { type: 'multiple-choice', optionIds: 'a' } as never))).toMatchObject({ path: 'optionIds' });
  });
});

describe('true/false (Moodle qtype_truefalse)', () => {
  const q = trueFalse({ answer: false, feedbackTrue: 'No: it is false.', feedbackFalse: 'Yes.' });

  it('gives 1 for the right value and 0 for the other, with the chosen feedback', () => {
    expect(grade(q, { type: 'true-false', value: false })).toMatchObject({ fraction: 1, feedback: ['Yes.'] });
    expect(grade(q, { type: 'true-false', value: true })).toMatchObject({ fraction: 0, feedback: ['No: it is false.'] });
  });

  it('scores null as unanswered and rejects non-booleans', () => {
    expect(grade(q, { type: 'true-false', value: null }).feedback).toEqual([NO_ANSWER]);
    expect(errorOf(() => grade(q, { type: 'true-false', value: 'true' } as never))).toMatchObject({ path: 'value' });
  });
});
