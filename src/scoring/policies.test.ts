import { describe, expect, it } from 'vitest';
import { errorOf, multiple, options, single } from '../../test/fixtures/scoring/questions';
import { checkPolicy, markAttempt } from './policies';

const q = single({ options: options('b', { c: 0.5 }) });
const pick = (optionId: string | null) => ({ type: 'single-choice' as const, optionId });
const mark = (tries: ReturnType<typeof pick>[], policy: Parameters<typeof markAttempt>[2], certainty?: 1 | 2 | 3) =>
  markAttempt(q, { tries, ...(certainty ? { certainty } : {}) }, policy, { points: 1 }, 'r');

describe('deferred and immediate feedback', () => {
  it('deferred: the last response counts', () => {
    expect(mark([pick('a'), pick('b')], { kind: 'deferred' }).fraction).toBe(1);
    expect(mark([pick('b'), pick('a')], { kind: 'deferred' }).fraction).toBe(0);
  });
  it('immediate: the first submission is final', () => {
    expect(mark([pick('a'), pick('b')], { kind: 'immediate' })).toMatchObject({ fraction: 0, tries: 1 });
  });
  it('no tries is unanswered', () => {
    expect(mark([], { kind: 'deferred' })).toMatchObject({ fraction: 0, answered: false, tries: 0 });
  });
});

describe('interactive with multiple tries (Moodle qbehaviour_interactive)', () => {
  it('right on try k scores 1 − penalty × (k − 1), default penalty 1/3', () => {
    expect(mark([pick('b')], { kind: 'interactive' }).fraction).toBe(1);
    expect(mark([pick('a'), pick('b')], { kind: 'interactive' }).fraction).toBeCloseTo(2 / 3, 12);
    expect(mark([pick('a'), pick('a'), pick('b')], { kind: 'interactive' }).fraction).toBeCloseTo(1 / 3, 12);
    expect(mark([pick('a'), pick('b')], { kind: 'interactive', penalty: 0.1 }).fraction).toBeCloseTo(0.9, 12);
  });
  it('stops at the first right try and ignores tries beyond maxTries', () => {
    expect(mark([pick('b'), pick('a')], { kind: 'interactive' })).toMatchObject({ fraction: 1, tries: 1 });
    expect(mark([pick('a'), pick('a'), pick('b')], { kind: 'interactive', maxTries: 2 })).toMatchObject({ fraction: 0, tries: 2 });
  });
  it('applies the penalty to a partial last try and never goes below 0', () => {
    // Third (last allowed) try partly right: 0.5 − 2 × 0.2.
    expect(mark([pick('a'), pick('a'), pick('c')], { kind: 'interactive', penalty: 0.2 }).fraction).toBeCloseTo(0.1, 12);
    expect(mark([pick('a'), pick('a'), pick('c')], { kind: 'interactive' }).fraction).toBe(0);
  });
  it('finishing early counts every wrong try submitted (Moodle process_finish)', () => {
    // Two tries of three, the second partly right and not final: 0.5 − 2 × 0.2.
    expect(mark([pick('a'), pick('c')], { kind: 'interactive', penalty: 0.2 }).fraction).toBeCloseTo(0.1, 12);
    expect(mark([pick('c')], { kind: 'interactive', penalty: 0.2 }).fraction).toBeCloseTo(0.3, 12);
  });
  it('does not count empty responses as tries', () => {
    expect(mark([pick(null), pick('b')], { kind: 'interactive' })).toMatchObject({ fraction: 1, tries: 1 });
    expect(mark([pick(null)], { kind: 'interactive' })).toMatchObject({ fraction: 0, tries: 0, answered: false });
  });
});

describe('negative marking', () => {
  it('costs wrongPenalty for a wrong answer, nothing for no answer', () => {
    expect(mark([pick('a')], { kind: 'negative' }).fraction).toBe(-0.25);
    expect(mark([pick('a')], { kind: 'negative', wrongPenalty: 1 / 3 }).fraction).toBeCloseTo(-1 / 3, 12);
    expect(mark([pick(null)], { kind: 'negative' }).fraction).toBe(0);
    expect(mark([pick('c')], { kind: 'negative' }).fraction).toBe(0.5);
  });
});

describe('certainty-based marking (Moodle question_cbm)', () => {
  it('uses the table certainty 1/2/3 -> right 1/2/3, wrong 0/-2/-6', () => {
    expect([1, 2, 3].map((c) => mark([pick('b')], { kind: 'cbm' }, c as 1).fraction)).toEqual([1, 2, 3]);
    expect([1, 2, 3].map((c) => mark([pick('a')], { kind: 'cbm' }, c as 1).fraction)).toEqual([0, -2, -6]);
  });
  it('scales a partial answer by the right mark, defaults to certainty 1, and gives 0 unanswered', () => {
    expect(mark([pick('c')], { kind: 'cbm' }, 3).fraction).toBe(1.5);
    expect(mark([pick('a')], { kind: 'cbm' }).fraction).toBe(0);
    expect(mark([pick(null)], { kind: 'cbm' }, 3).fraction).toBe(0);
  });
  it('rejects a certainty outside 1..3', () => {
    expect(errorOf(() => markAttempt(q, { tries: [pick('b')], certainty: 4 as 1 }, { kind: 'cbm' }, {}, 'r'))).toMatchObject({
      code: 'RK_INVALID_RESPONSE',
      path: 'r.certainty',
    });
  });
});

describe('checkPolicy', () => {
  it('rejects unknown kinds and out-of-range numbers', () => {
    expect(errorOf(() => checkPolicy({ kind: 'adaptive' } as never))).toMatchObject({ code: 'RK_INVALID_OPTIONS', path: 'policy.kind' });
    expect(errorOf(() => checkPolicy({ kind: 'interactive', penalty: 2 })).path).toBe('policy.penalty');
    expect(errorOf(() => checkPolicy({ kind: 'interactive', maxTries: 0 })).path).toBe('policy.maxTries');
    expect(errorOf(() => checkPolicy({ kind: 'negative', floor: 0.5 })).path).toBe('policy.floor');
    expect(errorOf(() => checkPolicy(null as never)).path).toBe('policy');
  });
  it('names the try that is malformed', () => {
    const m = multiple({ options: options('a') });
    expect(errorOf(() => markAttempt(m, { tries: [{ type: 'multiple-choice', optionIds: ['a'] }, { type: 'multiple-choice', optionIds: ['a', 'a'] }] }, { kind: 'deferred' }, {}, 'responses.q1')).path).toBe(
      'responses.q1.tries[1].optionIds[1]',
    );
  });
});
