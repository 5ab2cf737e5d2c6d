/**
 * The parts of the `Scheduler` contract that do not depend on the algorithm:
 * forgetting a card, rolling back a review, building results. SM-2 and Leitner
 * use these; FSRS has its own copies tuned for its size budget (`forget` shares
 * `forgottenCard` and `withLog` from validate.ts).
 */
import type { CardPhase, CardState, Grade, Preview, ReviewLog, ReviewResult } from './types';
import { checkCard, checkGrade, checkLog, fail, forgottenCard, toMs, withLog } from './validate';
import { DAY_MS, type DayRollover, daysBetween, isDayRollover } from '../core/time';

/** Milliseconds per day. */

/** What an algorithm decides for one answer. */
export interface Decision {
  /** Next phase. */
  readonly state: CardPhase;
  /** Days until due (may be fractional for minute steps). */
  readonly days: number;
  /** Whole days written to `scheduledDays`. */
  readonly scheduledDays: number;
  /** New stability (algorithm-specific meaning, see docs/scheduler.md). */
  readonly stability: number;
  /** New difficulty (algorithm-specific meaning). */
  readonly difficulty: number;
  /** New step. */
  readonly step: number;
  /** New lapse count. */
  readonly lapses: number;
}

/**
 * Builds a scheduler's common methods from one decision function.
 *
 * @param decide `(card, grade, elapsedDays) => Decision`.
 * @param rollover The learner's day rollover.
 * @returns `review`, `preview`, `rollback`, `forget`.
 */
export function commonMethods(decide: (card: CardState, g: Grade, elapsed: number) => Decision, rollover?: DayRollover) {
  if (rollover !== undefined && !isDayRollover(rollover)) fail('RK_INVALID_OPTIONS', 'dayRollover', '{ utcOffsetMinutes: -1080..1080, hour: 0..23 }', rollover);
  const review = (card: CardState, rating: Grade, now: number | Date): ReviewResult => {
    checkGrade(rating);
    checkCard(card);
    const ms = toMs(now);
    const last = card.lastReview;
    if (last !== null && ms < last) fail('RK_INVALID_TIME', 'now', `>= lastReview ${last}`, ms);
    const t = card.state !== 'new' && last !== null ? daysBetween(last, ms, rollover) : 0;
    const d = decide(card, rating, t);
    const next: CardState = {
      version: 1,
      due: ms + Math.round(d.days * DAY_MS),
      stability: d.stability,
      difficulty: d.difficulty,
      state: d.state,
      step: d.step,
      reps: card.reps + 1,
      lapses: d.lapses,
      scheduledDays: d.scheduledDays,
      lastReview: ms,
    };
    return withLog(card, next, rating, ms, t);
  };
  return {
    review,
    preview: (card: CardState, now: number | Date): Preview => ({
      1: review(card, 1, now),
      2: review(card, 2, now),
      3: review(card, 3, now),
      4: review(card, 4, now),
    }),
    rollback(card: CardState, log: ReviewLog): CardState {
      checkCard(card);
      checkLog(card, log);
      return log.card;
    },
    forget(card: CardState, now: number | Date, options?: { resetCounts?: boolean }): ReviewResult {
      checkCard(card);
      const ms = toMs(now);
      if (card.lastReview !== null && ms < card.lastReview) fail('RK_INVALID_TIME', 'now', `>= lastReview ${card.lastReview}`, ms);
      return withLog(card, forgottenCard(card, ms, options?.resetCounts), 0, ms, 0);
    },
  };
}

/**
 * Retrievability estimate for schedulers without a memory model (SM-2, Leitner):
 * exponential forgetting with 90% recall at the scheduled interval, $R = 0.9^{t / I}$.
 *
 * @param card The card.
 * @param now The time.
 * @returns Retrievability in [0, 1]; 0 for a new card.
 */
export function intervalRetrievability(card: CardState, now: number | Date): number {
  checkCard(card);
  const ms = toMs(now);
  const last = card.lastReview;
  if (card.state === 'new' || last === null) return 0;
  const interval = Math.max(card.scheduledDays, 1);
  return 0.9 ** (Math.max(Math.floor((ms - last) / DAY_MS), 0) / interval);
}
