/**
 * Classic SuperMemo-2 (Wozniak, 1990), with the arithmetic of the `supermemo`
 * npm package (the reference our differential test runs against).
 *
 * How SM-2 maps onto `CardState` (no extra fields needed):
 * - `difficulty` = the E-Factor (2.5 for a new item, never below 1.3);
 * - `stability`  = the current interval in days (0 for a new card);
 * - `step`       = the repetition number n (successful answers in a row);
 * - `scheduledDays` = the interval; `lapses` counts failures of a card in review.
 *
 * @see https://super-memory.com/english/ol/sm2.htm
 */
import { RecallKitError, describe } from '../core/errors';
import type { DayRollover } from '../core/time';
import { commonMethods, intervalRetrievability } from './shared';
import type { CardState, Grade, Scheduler } from './types';
import { newCardState, toMs } from './validate';

/** Options of {@link createSm2}. */
export interface Sm2Options {
  /**
   * SM-2 quality (0-5) given for Again, Hard, Good, Easy. Default `[1, 3, 4, 5]`:
   * Again = "incorrect, but remembered on seeing the answer", Hard = "correct with serious difficulty".
   */
  readonly quality?: readonly [number, number, number, number];
  /** E-Factor of a new item; default 2.5. */
  readonly initialEase?: number;
  /** When the learner's day starts (elapsed days in logs); default midnight UTC. */
  readonly dayRollover?: DayRollover;
}

/** The smallest E-Factor SM-2 allows. */
export const SM2_MIN_EASE = 1.3;

/**
 * One SM-2 step, exactly as the `supermemo` package computes it.
 *
 * $$EF' = \max(1.3,\ EF + (0.1 - (5 - q)(0.08 + (5 - q) \cdot 0.02)))$$
 * $I(1) = 1,\ I(2) = 6,\ I(n) = \text{round}(I(n-1) \cdot EF)$; a quality below 3 restarts at $I(1)$.
 *
 * Hint: unlike the 1990 description, the package (and so this) also changes
 * the E-Factor after a failed answer.
 *
 * @param item `{ interval, repetition, efactor }`.
 * @param q Quality 0-5.
 * @returns The next item.
 */
export function sm2Step(item: { interval: number; repetition: number; efactor: number }, q: number): { interval: number; repetition: number; efactor: number } {
  let interval = 1;
  let repetition = 0;
  if (q >= 3) {
    repetition = item.repetition + 1;
    interval = item.repetition === 0 ? 1 : item.repetition === 1 ? 6 : Math.round(item.interval * item.efactor);
  }
  const efactor = item.efactor + (0.1 - (5 - q) * (0.08 + (5 - q) * 0.02));
  return { interval, repetition, efactor: Math.max(efactor, SM2_MIN_EASE) };
}

/**
 * Creates a classic SM-2 scheduler.
 *
 * @param options Quality mapping and initial ease.
 * @returns A frozen scheduler.
 * @throws RecallKitError `RK_INVALID_OPTIONS` for a bad quality map or ease.
 * @example
 * ```ts
 * const sm2 = createSm2()
 * const { card } = sm2.review(sm2.newCard(now), Rating.Good, now) // due in 1 day
 * ```
 */
// @__NO_SIDE_EFFECTS__
export function createSm2(options: Sm2Options = {}): Scheduler {
  if (typeof options !== 'object' || options === null) throw new RecallKitError('RK_INVALID_OPTIONS', `options must be an object, got ${describe(options)}`, 'options');
  const quality = options.quality ?? [1, 3, 4, 5];
  const ease = options.initialEase ?? 2.5;
  if (!Array.isArray(quality) || quality.length !== 4 || quality.some((q) => !Number.isInteger(q) || q < 0 || q > 5)) {
    throw new RecallKitError('RK_INVALID_OPTIONS', `quality must be 4 whole numbers 0-5, got ${describe(quality)}`, 'quality');
  }
  if (typeof ease !== 'number' || !(ease >= SM2_MIN_EASE) || !Number.isFinite(ease)) {
    throw new RecallKitError('RK_INVALID_OPTIONS', `initialEase must be a number >= 1.3, got ${describe(ease)}`, 'initialEase');
  }
  const methods = commonMethods((card: CardState, g: Grade) => {
    const q = quality[g - 1] as number;
    const next = sm2Step({ interval: card.stability, repetition: card.step, efactor: card.state === 'new' ? ease : card.difficulty }, q);
    const failed = q < 3;
    return {
      state: failed ? (card.state === 'review' || card.state === 'relearning' ? 'relearning' : 'learning') : 'review',
      days: next.interval,
      scheduledDays: next.interval,
      stability: next.interval,
      difficulty: next.efactor,
      step: next.repetition,
      lapses: card.lapses + (failed && card.state === 'review' ? 1 : 0),
    };
  }, options.dayRollover);
  return Object.freeze({
    name: 'sm-2',
    newCard: (now: number | Date, opts?: { id?: string }) => newCardState(toMs(now), opts),
    retrievability: intervalRetrievability,
    ...methods,
  });
}
