import { describe, expect, it } from 'vitest';
import { createAnkiSm2 } from './anki-sm2';
import type { CardState, Grade } from './types';

const START = Date.UTC(2024, 0, 1, 9);
const DAY = 86_400_000;
const MIN = 60_000;

// A review card: interval 10 days, ease 2.5, last reviewed at START.
const review: CardState = { version: 1, due: START + 10 * DAY, stability: 10, difficulty: 2.5, state: 'review', step: 0, reps: 5, lapses: 0, scheduledDays: 10, lastReview: START };

describe('Anki-style SM-2 (Anki manual, deck options)', () => {
  const s = createAnkiSm2();

  it('new cards walk the learning steps 1m, 10m, then graduate at 1 day; Easy graduates at 4 days', () => {
    const c0 = s.newCard(START);
    const a = s.review(c0, 3, START).card;
    expect([a.state, a.due - START]).toEqual(['learning', 10 * MIN]);
    const b = s.review(a, 3, a.due).card;
    expect([b.state, b.scheduledDays, b.difficulty]).toEqual(['review', 1, 2.5]);
    expect(s.review(c0, 4, START).card.scheduledDays).toBe(4);
    expect(s.review(c0, 1, START).card.due - START).toBe(1 * MIN);
    // Hard on the first step: the average of the first two steps (Anki v3).
    expect(s.review(c0, 2, START).card.due - START).toBe(Math.round(5.5) * MIN);
  });

  it('on-time review: Hard = 10 x 1.2 = 12, Good = 10 x 2.5 = 25, Easy = 10 x 2.5 x 1.3 = 32.5 -> 33; ease -0.15 / 0 / +0.15', () => {
    const out = ([2, 3, 4] as Grade[]).map((g) => s.review(review, g, review.due).card);
    expect(out.map((c) => c.scheduledDays)).toEqual([12, 25, 33]);
    expect(out.map((c) => c.difficulty)).toEqual([2.35, 2.5, 2.65]);
  });

  it('late review: 4 days late, Good counts half the delay ((10 + 2) x 2.5 = 30), Easy all of it ((10 + 4) x 2.5 x 1.3 = 45.5 -> 46)', () => {
    const late = review.due + 4 * DAY;
    expect(s.review(review, 3, late).card.scheduledDays).toBe(30);
    expect(s.review(review, 4, late).card.scheduledDays).toBe(46);
  });

  it('a lapse costs 20% ease (floor 130%), goes to relearning for 10m, and returns at the minimum interval', () => {
    const lapsed = s.review(review, 1, review.due).card;
    expect(lapsed).toMatchObject({ state: 'relearning', lapses: 1, difficulty: 2.3, stability: 1 });
    expect(lapsed.due - review.due).toBe(10 * MIN);
    const back = s.review(lapsed, 3, lapsed.due).card;
    expect([back.state, back.scheduledDays]).toEqual(['review', 1]);
    expect(s.review({ ...review, difficulty: 1.35 }, 1, review.due).card.difficulty).toBe(1.3);
  });

  it('interval modifier and maximum interval apply', () => {
    const t = createAnkiSm2({ intervalModifier: 0.8, maximumInterval: 20 });
    expect(t.review(review, 3, review.due).card.scheduledDays).toBe(20);
    expect(createAnkiSm2({ intervalModifier: 0.8 }).review(review, 3, review.due).card.scheduledDays).toBe(20);
    expect(() => createAnkiSm2({ startingEase: 1 })).toThrow(/RK_INVALID_OPTIONS/);
  });
});
