import { RecallKitError, describe } from '../core/errors';
import type { Grade } from '../scheduler/types';
import type { Outcome } from '../schema/response';
import { RIGHT, WRONG } from './outcome';

/** When an answer counts as right, partly right, or fast; see {@link toRating}. */
export interface RatingThresholds {
  /** The fraction needed for Good. Default 0.999999 (Moodle's "right"). */
  readonly good?: number;
  /** The fraction needed for Hard. Default 0.000001 (Moodle's "partial"). */
  readonly hard?: number;
  /** A right answer given within this many milliseconds is Easy. Default 10,000. */
  readonly easyMs?: number;
}

/** Options for {@link toRating}. */
export interface ToRatingOptions {
  /** How long the learner took to answer, in milliseconds. Without it, a right answer is Good. */
  readonly latencyMs?: number;
  /** The thresholds. */
  readonly thresholds?: RatingThresholds;
}

/** The default thresholds. */
export const DEFAULT_RATING_THRESHOLDS = Object.freeze({ good: RIGHT, hard: WRONG, easyMs: 10_000 });

function check(value: unknown, path: string, max: number): number {
  if (typeof value !== 'number' || !(value >= 0 && value <= max)) {
    throw new RecallKitError('RK_INVALID_OPTIONS', `expected a number from 0 to ${max}, got ${describe(value)}`, path);
  }
  return value;
}

/**
 * Maps a graded answer to an FSRS rating so quizzes feed the scheduler: wrong -> Again (1),
 * partly right -> Hard (2), right -> Good (3), right within `easyMs` -> Easy (4).
 *
 * Hint: for a self-rated flashcard, give the scheduler the learner's own rating instead.
 *
 * @param outcome The outcome of {@link grade}.
 * @param options The latency and thresholds.
 * @returns A rating 1..4.
 * @throws RecallKitError `RK_INVALID_OPTIONS` for a negative or NaN latency or threshold.
 * @example
 * ```ts
 * toRating(grade(q, r), { latencyMs: 4200 }) // 4 (Easy) when right
 * ```
 */
export function toRating(outcome: Outcome, options: ToRatingOptions = {}): Grade {
  const t = options.thresholds ?? {};
  const good = t.good === undefined ? RIGHT : check(t.good, 'thresholds.good', 1);
  const hard = t.hard === undefined ? WRONG : check(t.hard, 'thresholds.hard', good);
  const easyMs = t.easyMs === undefined ? 10_000 : check(t.easyMs, 'thresholds.easyMs', Infinity);
  const f = outcome.fraction;
  if (typeof f !== 'number' || !(f >= 0 && f <= 1)) {
    throw new RecallKitError('RK_INVALID_INPUT', `expected an outcome with a fraction from 0 to 1, got ${describe(f)}`, 'outcome.fraction');
  }
  if (f < hard) return 1;
  // Moodle's "right" is a fraction strictly above 0.999999 (outcome.correct), so at the default
  // threshold 0.999999 itself is still partial: Hard, not Good.
  if (good === RIGHT ? f <= good : f < good) return 2;
  const ms = options.latencyMs;
  if (ms === undefined) return 3;
  return check(ms, 'latencyMs', Infinity) <= easyMs ? 4 : 3;
}
