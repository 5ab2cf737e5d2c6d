import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { OrderingGradingType } from '../schema/question';
import { errorOf, ordering } from '../../test/fixtures/scoring/questions';
import { grade } from './grade';
import { NO_ANSWER } from './outcome';
import { scoreOrder } from './ordering';

// Moodle qtype_ordering's test question: the correct order is "Modular Object Oriented Dynamic
// Learning Environment"; expected fractions from its tests/question_test.php (Moodle 4.x).
const WORDS = ['Modular', 'Object', 'Oriented', 'Dynamic', 'Learning', 'Environment'];
const q = (gradingType?: OrderingGradingType) =>
  ordering({ items: WORDS.map((text) => ({ id: text.toLowerCase(), text })), ...(gradingType ? { gradingType } : {}) });
const fraction = (type: OrderingGradingType | undefined, words: string[]) =>
  grade(q(type), { type: 'ordering', order: words.map((w) => w.toLowerCase()) }).fraction;

const RIGHT = WORDS;
const REVERSED = ['Environment', 'Learning', 'Dynamic', 'Oriented', 'Object', 'Modular'];
const SWAP_FIRST_LAST = ['Environment', 'Object', 'Oriented', 'Dynamic', 'Learning', 'Modular'];
const ORIENTED_FIRST = ['Oriented', 'Object', 'Dynamic', 'Learning', 'Environment', 'Modular'];
const MODULAR_LAST = ['Object', 'Oriented', 'Dynamic', 'Learning', 'Environment', 'Modular'];

describe('ordering: Moodle qtype_ordering test vectors', () => {
  it('all or nothing', () => {
    expect(fraction('all-or-nothing', RIGHT)).toBe(1);
    expect(fraction('all-or-nothing', SWAP_FIRST_LAST)).toBe(0);
    expect(fraction('all-or-nothing', REVERSED)).toBe(0);
  });
  it('absolute position (the default)', () => {
    expect(fraction(undefined, RIGHT)).toBe(1);
    expect(fraction(undefined, REVERSED)).toBe(0);
    expect(fraction(undefined, SWAP_FIRST_LAST)).toBeCloseTo(4 / 6, 12);
    expect(fraction('absolute-position', ORIENTED_FIRST)).toBeCloseTo(1 / 6, 12);
  });
  it('relative next, excluding the last', () => {
    expect(fraction('relative-next-exclude-last', RIGHT)).toBe(1);
    expect(fraction('relative-next-exclude-last', REVERSED)).toBe(0);
    expect(fraction('relative-next-exclude-last', SWAP_FIRST_LAST)).toBeCloseTo(0.6, 12);
    expect(fraction('relative-next-exclude-last', ORIENTED_FIRST)).toBeCloseTo(0.4, 12);
  });
  it('relative next, including the last', () => {
    expect(fraction('relative-next-include-last', RIGHT)).toBe(1);
    expect(fraction('relative-next-include-last', REVERSED)).toBe(0);
    expect(fraction('relative-next-include-last', SWAP_FIRST_LAST)).toBeCloseTo(0.5, 12);
  });
  it('relative one previous and next', () => {
    expect(fraction('relative-one-previous-and-next', RIGHT)).toBe(1);
    expect(fraction('relative-one-previous-and-next', REVERSED)).toBe(0);
    const f = fraction('relative-one-previous-and-next', ORIENTED_FIRST);
    expect(f).toBeGreaterThan(0.33);
    expect(f).toBeLessThan(0.34);
  });
  it('relative all previous and next', () => {
    expect(fraction('relative-all-previous-and-next', RIGHT)).toBe(1);
    expect(fraction('relative-all-previous-and-next', REVERSED)).toBe(0);
    expect(fraction('relative-all-previous-and-next', ORIENTED_FIRST)).toBeCloseTo(0.6, 12);
    const f = fraction('relative-all-previous-and-next', MODULAR_LAST);
    expect(f).toBeGreaterThan(0.6);
    expect(f).toBeLessThan(0.7);
  });
  it('longest ordered subset', () => {
    expect(fraction('longest-ordered-subset', RIGHT)).toBe(1);
    expect(fraction('longest-ordered-subset', REVERSED)).toBe(0);
    expect(fraction('longest-ordered-subset', MODULAR_LAST)).toBeCloseTo(5 / 6, 12);
  });
  it('longest contiguous subset', () => {
    expect(fraction('longest-contiguous-subset', RIGHT)).toBe(1);
    expect(fraction('longest-contiguous-subset', REVERSED)).toBe(0);
    expect(fraction('longest-contiguous-subset', MODULAR_LAST)).toBeCloseTo(5 / 6, 12);
  });
});

describe('ordering: hand-computed cases', () => {
  // pos[i] = correct index of the item the learner put at i.
  it('longest ordered subset skips items; longest contiguous needs consecutive positions', () => {
    // Learner: 0 3 1 2 -> ordered subset 0 1 2 (3 of 4); contiguous chain 0 1 2 (placed in order).
    expect(scoreOrder([0, 3, 1, 2], 'longest-ordered-subset')).toEqual([3, 4]);
    expect(scoreOrder([0, 3, 1, 2], 'longest-contiguous-subset')).toEqual([3, 4]);
    // Learner: 0 2 4 1 3 -> ordered 0 2 4 (3); contiguous chains 0 1, 2 3 (2).
    expect(scoreOrder([0, 2, 4, 1, 3], 'longest-ordered-subset')).toEqual([3, 5]);
    expect(scoreOrder([0, 2, 4, 1, 3], 'longest-contiguous-subset')).toEqual([2, 5]);
  });

  it('relative one previous and next counts the "none" ends (2n points)', () => {
    // Learner: 1 0 2. Item 1: prev none≠0, next 0≠2. Item 0: prev 1≠none, next 2≠1. Item 2: prev 0≠1, next none=none.
    expect(scoreOrder([1, 0, 2], 'relative-one-previous-and-next')).toEqual([1, 6]);
  });

  it('matches a brute-force longest increasing subsequence (n <= 7)', () => {
    const naive = (pos: number[]): number => {
      let best = 0;
      for (let mask = 1; mask < 1 << pos.length; mask++) {
        const picked = pos.filter((_, i) => mask & (1 << i));
        if (picked.every((v, i) => i === 0 || v > (picked[i - 1] as number))) best = Math.max(best, picked.length);
      }
      return best > 1 ? best : 0;
    };
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 7 }).chain((n) => fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n })), (pos) => {
        expect(scoreOrder(pos, 'longest-ordered-subset')[0]).toBe(naive(pos));
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});

describe('ordering: bad input', () => {
  const question = q();
  const ids = WORDS.map((w) => w.toLowerCase());
  it('scores an empty order as unanswered', () => {
    expect(grade(question, { type: 'ordering', order: [] }).feedback).toEqual([NO_ANSWER]);
  });
  it('rejects missing, unknown and duplicate ids', () => {
    expect(errorOf(() => grade(question, { type: 'ordering', order: ids.slice(1) }))).toMatchObject({ code: 'RK_INVALID_RESPONSE', path: 'order' });
    expect(errorOf(() => grade(question, { type: 'ordering', order: [...ids.slice(1), 'x'] }))).toMatchObject({ path: 'order[5]' });
    expect(errorOf(() => grade(question, { type: 'ordering', order: [...ids.slice(1), 'object'] }))).toMatchObject({ path: 'order[5]' });
  });
});
