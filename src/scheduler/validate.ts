/**
 * Cheap argument checks shared by every scheduler. The engines trust their
 * types past these checks; the full zod validation of stored JSON lives in
 * `schema/card-state.ts` (`parseCardState`).
 *
 * Written tersely on purpose: this code is in every scheduler bundle, and the
 * `{ createFsrs }` import has a 3,000-byte gzip budget.
 */
import { RecallKitError, type RecallKitErrorCode, describe } from '../core/errors';
import { type DayRollover, dayNumber } from '../core/time';
import type { CardState, Grade, ReviewLog } from './types';

/**
 * Throws the one kind of error every check raises: `<path> must be <what>, got <value>`.
 *
 * @param code The error code.
 * @param path The bad field.
 * @param what What it must be.
 * @param value What it was.
 * @returns Never.
 * @throws RecallKitError always.
 */
export function fail(code: RecallKitErrorCode, path: string, what: string, value: unknown): never {
  throw new RecallKitError(code, `${path} must be ${what}, got ${describe(value)}`, path);
}

const MS = 'epoch ms';

/**
 * Converts `now` to epoch ms.
 *
 * @param now Epoch ms or a `Date`.
 * @param path The argument name for errors.
 * @returns Epoch ms.
 * @throws RecallKitError `RK_INVALID_TIME` for NaN, infinities, invalid dates and other types.
 */
export function toMs(now: unknown, path = 'now'): number {
  const ms = now instanceof Date ? now.getTime() : now;
  return Number.isFinite(ms) ? (ms as number) : fail('RK_INVALID_TIME', path, `${MS} or a valid Date`, now);
}

/**
 * Checks a rating given to `review`.
 *
 * @param rating The rating.
 * @param path The argument name for errors.
 * @throws RecallKitError `RK_INVALID_RATING` unless 1, 2, 3 or 4.
 */
export function checkGrade(rating: unknown, path = 'rating'): asserts rating is Grade {
  if (rating !== 1 && rating !== 2 && rating !== 3 && rating !== 4) fail('RK_INVALID_RATING', path, '1-4 (Again..Easy)', rating);
}

const isCount = (x: unknown): boolean => Number.isInteger(x) && (x as number) >= 0;
const isSize = (x: unknown): boolean => Number.isFinite(x) && (x as number) >= 0;

/**
 * Checks that a card is a plausible version-1 `CardState` (types and ranges, not history).
 *
 * Hint: the fast path is one chain of comparisons with no allocation (it runs on
 * every review); only a bad card pays for finding and describing the bad field.
 *
 * @param card The card.
 * @param path The argument name for errors.
 * @throws RecallKitError `RK_INVALID_CARD_STATE` naming the first bad field.
 */
export function checkCard(card: unknown, path = 'card'): asserts card is CardState {
  const c = card as CardState;
  const s = c?.state;
  const last = c?.lastReview;
  if (
    c?.version === 1 &&
    Number.isFinite(c.due) &&
    (s === 'review' || s === 'new' || s === 'learning' || s === 'relearning') &&
    isSize(c.stability) &&
    isSize(c.difficulty) &&
    isSize(c.scheduledDays) &&
    isCount(c.step) &&
    isCount(c.reps) &&
    isCount(c.lapses) &&
    (last === null ? s === 'new' : Number.isFinite(last)) &&
    (c.id === undefined || typeof c.id === 'string')
  ) {
    return;
  }
  explainCard(card, path);
}

/** Throws for the first bad field of a card that failed {@link checkCard}. */
function explainCard(card: unknown, path: string): never {
  const c = (typeof card === 'object' && card) || fail('RK_INVALID_CARD_STATE', path, 'a card', card);
  const { version, due, state, lastReview, id } = c as Record<string, unknown>;
  const is = (ok: boolean, key: string, what: string) => ok || fail('RK_INVALID_CARD_STATE', `${path}.${key}`, what, (c as Record<string, unknown>)[key]);
  is(version === 1, 'version', '1 (see migrateCardState)');
  is(Number.isFinite(due), 'due', MS);
  is(['new', 'learning', 'review', 'relearning'].includes(state as string), 'state', 'new|learning|review|relearning');
  for (const key of ['stability', 'difficulty', 'scheduledDays']) is(isSize((c as Record<string, unknown>)[key]), key, 'a number >= 0');
  for (const key of ['step', 'reps', 'lapses']) is(isCount((c as Record<string, unknown>)[key]), key, 'a whole number >= 0');
  is(lastReview === null ? state === 'new' : Number.isFinite(lastReview), 'lastReview', `${MS} (null only if new)`);
  return is(id === undefined || typeof id === 'string', 'id', 'a string') as never;
}

/**
 * Checks that `log` is a review log whose review was the last thing that happened to `card`.
 *
 * @param card The card now (already checked).
 * @param log The log to undo.
 * @throws RecallKitError `RK_INVALID_REVIEW_LOG` when it is malformed or belongs to another review or card.
 */
export function checkLog(card: CardState, log: unknown): asserts log is ReviewLog {
  const l = (log ?? {}) as ReviewLog;
  if (l.version !== 1 || ![0, 1, 2, 3, 4].includes(l.rating)) fail('RK_INVALID_REVIEW_LOG', 'log', 'a version-1 review log', log);
  checkCard(l.card, 'log.card');
  const ok =
    l.cardId === card.id &&
    (l.rating === 0
      ? card.due === l.reviewedAt && (card.reps === l.card.reps || card.reps === 0)
      : card.lastReview === l.reviewedAt && card.reps === l.card.reps + 1);
  if (!ok) fail('RK_INVALID_REVIEW_LOG', 'log', 'the latest review of this card', l.reviewedAt);
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
  const card: CardState = { version: 1, due: now, stability: 0, difficulty: 0, state: 'new', step: 0, reps: 0, lapses: 0, scheduledDays: 0, lastReview: null };
  return id === undefined ? card : typeof id === 'string' ? { ...card, id } : fail('RK_INVALID_INPUT', 'options.id', 'a string', id);
}
