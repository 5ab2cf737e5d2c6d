/**
 * The Leitner system (Sebastian Leitner, "So lernt man lernen", 1972): cards
 * move up one box when answered correctly and back to the first box when
 * forgotten; each box has a fixed review interval.
 *
 * How it maps onto `CardState`: `step` = the box index (0-based), `stability` =
 * the box interval in days, `difficulty` = 0 (unused).
 */
import { RecallKitError, describe } from '../core/errors';
import type { DayRollover } from '../core/time';
import { commonMethods, intervalRetrievability } from './shared';
import type { CardState, Grade, Scheduler } from './types';
import { newCardState, toMs } from './validate';

/** Options of {@link createLeitner}. */
export interface LeitnerOptions {
  /**
   * The boxes: a count (intervals 1, 2, 4, 8, ... days) or each box's interval in days.
   * Default 5 boxes: 1, 2, 4, 8, 16 days.
   */
  readonly boxes?: number | readonly number[];
  /** When the learner's day starts (elapsed days in logs); default midnight UTC. */
  readonly dayRollover?: DayRollover;
}

/**
 * Creates a Leitner scheduler. Again sends the card to the first box, Hard keeps
 * it in its box, Good moves it up one box and Easy two (never past the last).
 *
 * @param options The boxes.
 * @returns A frozen scheduler.
 * @throws RecallKitError `RK_INVALID_OPTIONS` for bad boxes.
 * @example
 * ```ts
 * const leitner = createLeitner({ boxes: [1, 3, 7, 14, 30] })
 * ```
 */
// @__NO_SIDE_EFFECTS__
export function createLeitner(options: LeitnerOptions = {}): Scheduler {
  if (typeof options !== 'object' || options === null) throw new RecallKitError('RK_INVALID_OPTIONS', `options must be an object, got ${describe(options)}`, 'options');
  const boxes = options.boxes ?? 5;
  const intervals = typeof boxes === 'number' ? Array.from({ length: boxes }, (_, i) => 2 ** i) : boxes;
  if (
    !Array.isArray(intervals) ||
    intervals.length < 1 ||
    intervals.length > 100 ||
    intervals.some((d, i) => typeof d !== 'number' || !(d > 0) || !Number.isFinite(d) || (i > 0 && d < (intervals[i - 1] as number)))
  ) {
    throw new RecallKitError('RK_INVALID_OPTIONS', `boxes must be 1-100 boxes or increasing intervals in days, got ${describe(boxes)}`, 'boxes');
  }
  const last = intervals.length - 1;
  const methods = commonMethods((card: CardState, g: Grade) => {
    const from = card.state === 'new' ? -1 : card.step;
    const box = g === 1 ? 0 : Math.min(last, Math.max(0, g === 2 ? from : from + g - 2));
    const days = intervals[box] as number;
    return {
      state: g === 1 ? (card.state === 'review' || card.state === 'relearning' ? 'relearning' : 'learning') : 'review',
      days,
      scheduledDays: Math.round(days),
      stability: days,
      difficulty: 0,
      step: box,
      lapses: card.lapses + (g === 1 && card.state === 'review' ? 1 : 0),
    };
  }, options.dayRollover);
  return Object.freeze({
    name: 'leitner',
    newCard: (now: number | Date, opts?: { id?: string }) => newCardState(toMs(now), opts),
    retrievability: intervalRetrievability,
    ...methods,
  });
}
