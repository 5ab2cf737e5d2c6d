import { describe, expect, it } from 'vitest';
import { createAnkiSm2 } from './anki-sm2';
import type { CardState, Grade, Scheduler } from './types';

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
    // Hard on the first step: the average of the first two steps, in whole seconds (Anki steps.rs
    // `hard_delay_secs_for_first_step`: (60 + 600) / 2 = 330 s, not rounded to 6 minutes).
    expect(s.review(c0, 2, START).card.due - START).toBe(330_000);
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

// Expected values below are derived by hand from Anki's Rust scheduler, rslib/src/scheduler/states/
// (commit c32cb29), with fuzz off. Anki computes in f32; where that matters the comment says so.
const SEC = 1000;

/** A review card with interval `ivl` days and ease `ease`, last reviewed at START. */
const reviewCard = (ivl: number, ease: number): CardState => ({ ...review, stability: ivl, scheduledDays: ivl, due: START + ivl * DAY, difficulty: ease });

/** Hard, Good and Easy intervals when `card` is answered `days` after START. */
const passing = (s: Scheduler, card: CardState, days: number) => ([2, 3, 4] as Grade[]).map((g) => s.review(card, g, START + days * DAY).card.scheduledDays);

describe('Anki SM-2 learning steps (steps.rs, learning.rs)', () => {
  const s = createAnkiSm2();
  const learning = (step: number): CardState => ({ ...s.newCard(START), state: 'learning', step, difficulty: 2.5, reps: 1, lastReview: START });

  it('Hard repeats the current step after the first one', () => {
    // steps.rs `hard_delay_secs`: index 1 of [1m, 10m] is not the first step, so Hard = the current step, 600 s.
    expect(s.review(learning(1), 2, START).card).toMatchObject({ state: 'learning', step: 1, due: START + 600 * SEC });
  });

  it('with a single step, Hard is 1.5x that step but at most one day more, rounded to whole days past a day', () => {
    // steps.rs `hard_delay_secs_for_first_step`: 600 x 3 / 2 = 900 s (below a day, kept as is).
    expect(createAnkiSm2({ learningSteps: ['10m'] }).review(s.newCard(START), 2, START).card.due - START).toBe(900 * SEC);
    // 3d = 259200 s: min(388800, 259200 + 86400) = 345600 s = 4 days (`maybe_round_in_days` keeps 4).
    const three = createAnkiSm2({ learningSteps: ['3d'] }).review(s.newCard(START), 2, START).card;
    expect([three.due - START, three.scheduledDays]).toEqual([4 * DAY, 4]);
    // 1d = 86400 s: min(129600, 172800) = 129600 s = 1.5 days > 1 day, so `maybe_round_in_days` rounds to 2 days.
    expect(createAnkiSm2({ learningSteps: ['1d'] }).review(s.newCard(START), 2, START).card.due - START).toBe(2 * DAY);
  });

  it('a step index past the last step counts as the last step', () => {
    // steps.rs `get_index` clamps to the last index (1): Again -> first step (60 s), Hard -> current (600 s), Good -> graduate (1 day).
    expect(s.review(learning(5), 1, START).card).toMatchObject({ state: 'learning', step: 0, due: START + 60 * SEC });
    expect(s.review(learning(5), 2, START).card).toMatchObject({ state: 'learning', step: 1, due: START + 600 * SEC });
    expect(s.review(learning(5), 3, START).card).toMatchObject({ state: 'review', scheduledDays: 1 });
  });

  it('without learning steps, Again, Hard and Good graduate at the graduating interval, Easy at the easy interval', () => {
    // learning.rs `answer_again`/`answer_hard`/`answer_good` with no step: graduating_interval_good (1); `answer_easy`: 4.
    const t = createAnkiSm2({ learningSteps: [] });
    expect(([1, 2, 3, 4] as Grade[]).map((g) => t.review(t.newCard(START), g, START).card.scheduledDays)).toEqual([1, 1, 1, 4]);
  });
});

describe('Anki SM-2 review intervals (review.rs)', () => {
  const s = createAnkiSm2();

  it("Anki's own vectors: interval 1, ease 1.3 gives 2 / 3 / 4; a maximum of 5 caps all three", () => {
    // review.rs test `extreme_multiplier_fuzz` (same result with fuzz off): Hard round(1.2) = 1 -> at least 1 + 1 = 2;
    // Good round(1.3) = 1 -> at least Hard + 1 = 3; Easy round(1.69) = 2 -> at least Good + 1 = 4.
    expect(passing(s, reviewCard(1, 1.3), 1)).toEqual([2, 3, 4]);
    // Same test, interval modifier 10 and maximum 5: every minimum and value is clamped to 5.
    expect(passing(createAnkiSm2({ intervalModifier: 10, maximumInterval: 5 }), reviewCard(1, 1.3), 1)).toEqual([5, 5, 5]);
  });

  it('a Hard multiplier of 1 or less does not pull Good down: Good is at least interval + 1', () => {
    // `passing_nonearly_review_intervals`, interval 10, ease 2.5, hard 1.0, modifier 0.4:
    // Hard = round(10 x 1.0 x 0.4) = 4 (minimum 0, since the factor is <= 1);
    // Good = round(10 x 2.5 x 0.4) = 10, but the minimum is scheduled_days + 1 = 11 (not Hard + 1 = 5);
    // Easy = round(10 x 2.5 x 1.3 x 0.4) = 13 >= Good + 1 = 12.
    expect(passing(createAnkiSm2({ hardInterval: 1, intervalModifier: 0.4 }), reviewCard(10, 2.5), 10)).toEqual([4, 11, 13]);
  });

  it('an early review uses the days actually elapsed, not the interval', () => {
    // `passing_early_review_intervals`, interval 10, ease 2.5, answered after 6 days (4 early):
    // Hard = max(6 x 1.2, 10 x 1.2 / 2) = max(7.2, 6) -> 7; Good = max(6 x 2.5, 10) = 15;
    // Easy = 15 x (1.3 - 0.3 / 2) = 15 x 1.15 = 17.25 -> 17. Ease changes as on time.
    const card = reviewCard(10, 2.5);
    expect(passing(s, card, 6)).toEqual([7, 15, 17]);
    expect(([2, 3, 4] as Grade[]).map((g) => s.review(card, g, START + 6 * DAY).card.difficulty)).toEqual([2.35, 2.5, 2.65]);
  });

  it('rounds as f32: interval 45 x ease 1.3 is 58.49999 in f32, so Good is 58 days, not 59', () => {
    // 1.3 in f32 is 1.29999995, so 45 x 1.3 = 58.4999979 -> 58 (f64 arithmetic gives 58.5 -> 59).
    // Hard = 45 x 1.2 = 54.000002 -> 54 (>= 46); Easy = 58.4999979 x 1.29999995 = 76.05 -> 76 (>= 59).
    expect(passing(s, reviewCard(45, 1.3), 45)).toEqual([54, 58, 76]);
  });

  it('the ease is kept in permille, as Anki stores it on the card, so it never drifts', () => {
    // 2.5 - 0.2 = 2.3 (Again), then 2.3 - 0.15 = 2.15 (Hard), stored as 2150 permille (answering/review.rs).
    const lapsed = s.review(reviewCard(10, 2.5), 1, START + 10 * DAY).card;
    const back = s.review(lapsed, 3, lapsed.due).card;
    expect(s.review(back, 2, back.due).card.difficulty).toBe(2.15);
    // A card carrying 2.1499999999999995 is read as 2150 permille = 2.15 (f32 2.1500001):
    // Good = 10 x 2.1500001 = 21.500001 -> 22 (the raw double would give 21.4999… -> 21).
    expect(passing(s, reviewCard(10, 2.1499999999999995), 10)[1]).toBe(22);
  });
});

describe('Anki SM-2 lapses and relearning (review.rs, relearning.rs)', () => {
  const s = createAnkiSm2({ lapseInterval: 0.5 });

  it('Again during relearning applies the lapse multiplier again, without another lapse or ease change', () => {
    // review.rs `failing_review_interval`: 20 x 0.5 = 10 days; lapses 1; ease 2.5 - 0.2 = 2.3.
    const lapsed = s.review(reviewCard(20, 2.5), 1, START + 20 * DAY).card;
    expect(lapsed).toMatchObject({ state: 'relearning', stability: 10, lapses: 1, difficulty: 2.3 });
    // relearning.rs `answer_again`: the review part is recomputed from 10 days: 10 x 0.5 = 5; lapses and ease unchanged.
    const again = s.review(lapsed, 1, lapsed.due).card;
    expect(again).toMatchObject({ state: 'relearning', step: 0, stability: 5, lapses: 1, difficulty: 2.3, due: lapsed.due + 10 * MIN });
  });

  it('leaving relearning: Good returns to the stored interval, Easy to one day more', () => {
    // relearning.rs `answer_good` (no next step) -> review.scheduled_days = 10; `answer_easy` -> 10 + 1 = 11.
    const lapsed = s.review(reviewCard(20, 2.5), 1, START + 20 * DAY).card;
    expect(s.review(lapsed, 3, lapsed.due).card).toMatchObject({ state: 'review', scheduledDays: 10, difficulty: 2.3 });
    expect(s.review(lapsed, 4, lapsed.due).card).toMatchObject({ state: 'review', scheduledDays: 11, difficulty: 2.3 });
  });

  it('the lapse interval is at least the minimum interval and at most the maximum interval', () => {
    // `failing_review_interval`: round(20 x 0.1) = 2 -> raised to the minimum of 3;
    // round(100 x 0.5) = 50 -> capped at the maximum of 30.
    expect(createAnkiSm2({ lapseInterval: 0.1, minimumInterval: 3 }).review(reviewCard(20, 2.5), 1, START + 20 * DAY).card.stability).toBe(3);
    expect(createAnkiSm2({ lapseInterval: 0.5, maximumInterval: 30 }).review(reviewCard(100, 2.5), 1, START + 100 * DAY).card.stability).toBe(30);
  });
});
