/**
 * Cheap argument checks shared by every scheduler. The engines trust their
 * types past these checks; the full zod validation of stored JSON lives in
 * `schema/card-state.ts` (`parseCardState`).
 */
import { RecallKitError, describe } from '../core/errors';
import { type DayRollover, dayNumber } from '../core/time';
import type { CardState, Grade, ReviewLog } from './types';

const PHASES: Record<string, 1> = { new: 1, learning: 1, review: 1, relearning: 1 };

const isCount = (x: unknown): boolean => typeof x === 'number' && Number.isInteger(x) && x >= 0;
const isFiniteNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/**
 * Converts `now` to epoch ms.
 *
 * @param now Epoch ms or a `Date`.
 * @param path The argument name for errors.
 * @returns Epoch ms.
 * @throws RecallKitError `RK_INVALID_TIME` for NaN, infinities, invalid dates and other types.
 */
export function toMs(now: unknown, path = 'now'): number {
  if (typeof now === 'number' && Number.isFinite(now)) return now;
  const ms = now instanceof Date ? now.getTime() : Number.NaN;
  if (!Number.isFinite(ms)) {
    throw new RecallKitError('RK_INVALID_TIME', `expected epoch milliseconds or a valid Date, got ${describe(now)}`, path);
  }
  return ms;
}

/**
 * Checks a rating given to `review`.
 *
 * @param rating The rating.
 * @param path The argument name for errors.
 * @throws RecallKitError `RK_INVALID_RATING` unless 1, 2, 3 or 4.
 */
export function checkGrade(rating: unknown, path = 'rating'): asserts rating is Grade {
  if (rating !== 1 && rating !== 2 && rating !== 3 && rating !== 4) {
    throw new RecallKitError('RK_INVALID_RATING', `rating must be 1-4 (Again..Easy), got ${describe(rating)}`, path);
  }
}

function bad(path: string, message: string, value: unknown): never {
  throw new RecallKitError('RK_INVALID_CARD_STATE', `${message}, got ${describe(value)}`, path);
}

/**
 * Checks that a card is a plausible version-1 `CardState` (types and ranges, not history).
 *
 * @param card The card.
 * @param path The argument name for errors.
 * @throws RecallKitError `RK_INVALID_CARD_STATE` naming the first bad field.
 */
export function checkCard(card: unknown, path = 'card'): asserts card is CardState {
  if (typeof card !== 'object' || card === null) bad(path, 'card must be an object', card);
  const c = card as Record<string, unknown>;
  if (c.version !== 1) bad(`${path}.version`, 'version must be 1 (use migrateCardState for older shapes)', c.version);
  if (!isFiniteNumber(c.due)) bad(`${path}.due`, 'due must be epoch milliseconds', c.due);
  if (PHASES[c.state as string] !== 1) bad(`${path}.state`, "state must be 'new', 'learning', 'review' or 'relearning'", c.state);
  const s = c.stability;
  const d = c.difficulty;
  if (!isFiniteNumber(s) || s < 0) bad(`${path}.stability`, 'stability must be a finite number >= 0', s);
  if (!isFiniteNumber(d) || d < 0) bad(`${path}.difficulty`, 'difficulty must be a finite number >= 0', d);
  if (!isCount(c.step)) bad(`${path}.step`, 'step must be a whole number >= 0', c.step);
  if (!isCount(c.reps)) bad(`${path}.reps`, 'reps must be a whole number >= 0', c.reps);
  if (!isCount(c.lapses)) bad(`${path}.lapses`, 'lapses must be a whole number >= 0', c.lapses);
  if (!isFiniteNumber(c.scheduledDays) || c.scheduledDays < 0) bad(`${path}.scheduledDays`, 'scheduledDays must be a number >= 0', c.scheduledDays);
  if (c.lastReview !== null && !isFiniteNumber(c.lastReview)) bad(`${path}.lastReview`, 'lastReview must be epoch milliseconds or null', c.lastReview);
  if (c.state !== 'new' && c.lastReview === null) bad(`${path}.lastReview`, `a ${c.state as string} card must have a lastReview`, c.lastReview);
  if (c.id !== undefined && typeof c.id !== 'string') bad(`${path}.id`, 'id must be a string', c.id);
}

/**
 * Checks the shape of a review log.
 *
 * @param log The log.
 * @throws RecallKitError `RK_INVALID_REVIEW_LOG` (or `RK_INVALID_CARD_STATE` for its `card`).
 */
export function checkLog(log: unknown): asserts log is ReviewLog {
  const l = log as Record<string, unknown> | null;
  if (typeof l !== 'object' || l === null || l.version !== 1) {
    throw new RecallKitError('RK_INVALID_REVIEW_LOG', `expected a version-1 review log, got ${describe(log)}`, 'log');
  }
  if (l.rating !== 0 && l.rating !== 1 && l.rating !== 2 && l.rating !== 3 && l.rating !== 4) {
    throw new RecallKitError('RK_INVALID_REVIEW_LOG', `rating must be 0-4, got ${describe(l.rating)}`, 'log.rating');
  }
  if (!isFiniteNumber(l.reviewedAt)) {
    throw new RecallKitError('RK_INVALID_REVIEW_LOG', `reviewedAt must be epoch milliseconds, got ${describe(l.reviewedAt)}`, 'log.reviewedAt');
  }
  checkCard(l.card, 'log.card');
}

/**
 * Checks that `log` is the last thing that happened to `card`, so undoing it is meaningful.
 *
 * @param card The card now.
 * @param log The log to undo.
 * @throws RecallKitError `RK_INVALID_REVIEW_LOG` when the log belongs to another review or card.
 */
export function checkRollback(card: CardState, log: ReviewLog): void {
  const ok =
    log.cardId === card.id &&
    (log.rating === 0
      ? card.due === log.reviewedAt && (card.reps === log.card.reps || card.reps === 0)
      : card.lastReview === log.reviewedAt && card.reps === log.card.reps + 1);
  if (!ok) throw new RecallKitError('RK_INVALID_REVIEW_LOG', 'this log is not the latest review of this card', 'log');
}

/**
 * Whole learner days between two instants.
 *
 * @param from The earlier instant (epoch ms).
 * @param to The later instant (epoch ms).
 * @param rollover When the learner's day starts; `undefined` = midnight UTC.
 * @returns Days (>= 0 when `to >= from`).
 */
export function elapsedDays(from: number, to: number, rollover: DayRollover | undefined): number {
  if (rollover === undefined) return Math.floor(to / 86_400_000) - Math.floor(from / 86_400_000);
  return dayNumber(to, rollover) - dayNumber(from, rollover);
}

/**
 * A new card due at `now`.
 *
 * @param now Epoch ms.
 * @param options `id` to give the card.
 * @returns The card.
 * @throws RecallKitError `RK_INVALID_INPUT` for an id that is not a string.
 */
export function newCardState(now: number, options?: { readonly id?: string }): CardState {
  const id = options?.id;
  const base = { version: 1 as const, due: now, stability: 0, difficulty: 0, state: 'new' as const, step: 0, reps: 0, lapses: 0, scheduledDays: 0, lastReview: null };
  if (id === undefined) return base;
  if (typeof id !== 'string') throw new RecallKitError('RK_INVALID_INPUT', `id must be a string, got ${describe(id)}`, 'options.id');
  return { version: 1, id, due: now, stability: 0, difficulty: 0, state: 'new', step: 0, reps: 0, lapses: 0, scheduledDays: 0, lastReview: null };
}
