import { supermemo } from 'supermemo';
import { describe, expect, it } from 'vitest';
import { RecallKitError } from '../core/errors';
import { createPrng } from '../core/prng';
import { createSm2, sm2Step } from './sm2';
import type { CardState, Grade } from './types';

const START = Date.UTC(2024, 0, 1, 9);
const DAY = 86_400_000;

describe('classic SM-2', () => {
  it('matches the supermemo 2.0.23 package on 5,000 random sequences (interval, repetition, E-Factor, due)', () => {
    const mismatches: string[] = [];
    for (let h = 0; h < 5000 && mismatches.length === 0; h++) {
      const rng = createPrng(`sm2-diff-${h}`);
      const quality = [rng.int(0, 2), rng.int(2, 4), rng.int(3, 5), rng.int(4, 5)] as [number, number, number, number];
      const s = createSm2({ quality });
      let card: CardState = s.newCard(START);
      let item = { interval: 0, repetition: 0, efactor: 2.5 };
      let now = START;
      for (let i = 0; i < rng.int(3, 20); i++) {
        const g = rng.int(1, 4) as Grade;
        const { card: next } = s.review(card, g, now);
        item = supermemo(item, quality[g - 1] as 0);
        const ours = [next.stability, next.step, next.difficulty, next.due];
        const theirs = [item.interval, item.repetition, item.efactor, now + item.interval * DAY];
        if (ours.some((x, k) => !Object.is(x, theirs[k]))) mismatches.push(`seed sm2-diff-${h} review ${i}: ${ours} vs ${theirs}`);
        card = next;
        now = next.due + rng.int(0, 2) * DAY;
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('follows the SM-2 description: intervals 1, 6, then I(n-1) x EF; a quality below 3 restarts', () => {
    let item = { interval: 0, repetition: 0, efactor: 2.5 };
    const intervals: number[] = [];
    for (const q of [5, 5, 5, 2, 4]) {
      item = sm2Step(item, q);
      intervals.push(item.interval);
    }
    // EF after two 5s: 2.5 + 2 x 0.1 = 2.7; I(3) = round(6 x 2.7) = 16 (the EF before the third update).
    expect(intervals).toEqual([1, 6, 16, 1, 1]);
    expect(sm2Step({ interval: 10, repetition: 4, efactor: 1.3 }, 0).efactor).toBe(1.3);
  });

  it('counts a lapse only for a review card and keeps phases meaningful', () => {
    const s = createSm2();
    const first = s.review(s.newCard(START), 1, START).card;
    expect(first).toMatchObject({ state: 'learning', lapses: 0, scheduledDays: 1 });
    const good = s.review(first, 3, first.due).card;
    expect(good.state).toBe('review');
    expect(s.review(good, 1, good.due).card).toMatchObject({ state: 'relearning', lapses: 1, step: 0 });
  });

  it('rejects bad options, ratings and times', () => {
    expect(() => createSm2({ quality: [1, 2, 3] as never })).toThrow(RecallKitError);
    expect(() => createSm2({ initialEase: 1 })).toThrow(RecallKitError);
    const s = createSm2();
    expect(() => s.review(s.newCard(START), 0 as Grade, START)).toThrow(/RK_INVALID_RATING/);
    expect(() => s.review(s.newCard(START), 3, Number.NaN)).toThrow(/RK_INVALID_TIME/);
  });

  it('rollback undoes a review and inputs stay unchanged', () => {
    const s = createSm2();
    const card = Object.freeze(s.newCard(START, { id: 'x' }));
    const r = s.review(card, 3, START);
    expect(s.rollback(r.card, r.log)).toBe(card);
    expect(r.card.id).toBe('x');
    expect(s.retrievability(r.card, r.card.due)).toBeCloseTo(0.9, 10);
  });
});
