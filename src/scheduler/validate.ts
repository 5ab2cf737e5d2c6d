/**
 * Cheap argument checks shared by every scheduler. The engines trust their
 * types past these checks; the full zod validation of stored JSON lives in
 * `schema/card-state.ts` (`parseCardState`).
 *
 * Written tersely on purpose: this code is in every scheduler bundle, and the
 * `{ createFsrs }` import has a gzip budget (4,850 bytes; see scripts/size.ts).
 */
import { RecallKitError, type RecallKitErrorCode, describe } from '../core/errors';
import type { CardState, Grade, RatingValue, ReviewLog, ReviewResult } from './types';

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
  // Numbers first: the common case never reaches the Date check.
  const ms = typeof now === 'number' ? now : now instanceof Date ? now.getTime() : Number.NaN;
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
const SIZE = 'a number >= 0';
const COUNT = 'a whole number >= 0';

/**
 * The first field of a card that breaks the version-1 `CardState` rules, as `[key, rule]`,
 * or `undefined` for a valid card. Fields are checked in the order errors report them.
 *
 * Hint: this runs on every review, so it is one run of comparisons that reads each
 * field by name (a loop over a field table reads them through a megamorphic keyed
 * load, which made `retrievability` twice as slow); for a valid card it allocates nothing.
 */
function cardProblem(c: CardState): readonly [keyof CardState, string] | undefined {
  const s = c.state;
  const last = c.lastReview;
  if (c.version !== 1) return ['version', '1 (see migrateCardState)'];
  if (!Number.isFinite(c.due)) return ['due', MS];
  if (s !== 'review' && s !== 'new' && s !== 'learning' && s !== 'relearning') return ['state', 'new|learning|review|relearning'];
  if (!isSize(c.stability)) return ['stability', SIZE];
  if (!isSize(c.difficulty)) return ['difficulty', SIZE];
  if (!isSize(c.scheduledDays)) return ['scheduledDays', SIZE];
  if (!isCount(c.step)) return ['step', COUNT];
  if (!isCount(c.reps)) return ['reps', COUNT];
  if (!isCount(c.lapses)) return ['lapses', COUNT];
  if (!(last === null ? s === 'new' : Number.isFinite(last))) return ['lastReview', `${MS} (null only if new)`];
  if (c.id !== undefined && typeof c.id !== 'string') return ['id', 'a string'];
  return undefined;
}

/**
 * Checks that a card is a plausible version-1 `CardState` (types and ranges, not history).
 *
 * @param card The card.
 * @param path The argument name for errors.
 * @throws RecallKitError `RK_INVALID_CARD_STATE` naming the first bad field.
 */
export function checkCard(card: unknown, path = 'card'): asserts card is CardState {
  const bad = typeof card === 'object' && card ? cardProblem(card as CardState) : (['', 'a card'] as const);
  if (bad) {
    const key = bad[0];
    fail('RK_INVALID_CARD_STATE', key ? `${path}.${key}` : path, bad[1], key ? (card as CardState)[key] : card);
  }
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

/**
 * Pairs the card after a review (or a `forget`) with its log. A card id, when
 * there is one, is written into the new card (as its last key, like `newCardState`)
 * and into the log as `cardId`.
 *
 * @param before The card before.
 * @param after The card after, a fresh object that this call completes with the id.
 * @param rating The rating (0 for `forget`).
 * @param now When it happened (epoch ms).
 * @param elapsed Learner days since the previous review.
 * @returns The result.
 */
export function withLog(before: CardState, after: CardState, rating: RatingValue, now: number, elapsed: number): ReviewResult {
  const id = before.id;
  const log: { -readonly [K in keyof ReviewLog]: ReviewLog[K] } = { version: 1, rating, reviewedAt: now, elapsedDays: elapsed, card: before };
  if (id !== undefined) {
    (after as { id?: string }).id = id;
    log.cardId = id;
  }
  return { card: after, log };
}

/**
 * The card `forget` leaves: new again and due now, with its counts kept unless reset.
 *
 * @param card The card to forget.
 * @param now When (epoch ms).
 * @param resetCounts Also zero `reps` and `lapses`.
 * @returns The reset card (the id, if any, is kept by the spread).
 */
export function forgottenCard(card: CardState, now: number, resetCounts: boolean | undefined): CardState {
  const keep = resetCounts !== true;
  return {
    ...card,
    due: now,
    stability: 0,
    difficulty: 0,
    state: 'new',
    step: 0,
    reps: keep ? card.reps : 0,
    lapses: keep ? card.lapses : 0,
    scheduledDays: 0,
  };
}
