/**
 * Zod schemas for persisted scheduler state (`CardState`, `ReviewLog`) and the
 * boundary functions that validate and migrate untrusted JSON. The scheduler
 * itself never imports zod; a type test keeps these schemas equal to the
 * interfaces in `scheduler/types.ts`.
 */
import * as z from 'zod';
import { RecallKitError, describe } from '../core/errors';
import type { CardState, ReviewLog } from '../scheduler/types';
import { type SafeParseResult, createParser } from './parse';

const Count = z.number().int().min(0);
const NonNegative = z.number().min(0);
const Ms = z.number();

/** The learning phases of a card. */
export const CardPhaseSchema = z.enum(['new', 'learning', 'review', 'relearning']);

/** A version-1 `CardState` (strict: unknown keys are rejected). */
export const CardStateSchema = z
  .strictObject({
    version: z.literal(1),
    id: z.string().exactOptional(),
    due: Ms,
    stability: NonNegative,
    difficulty: NonNegative,
    state: CardPhaseSchema,
    step: Count,
    reps: Count,
    lapses: Count,
    scheduledDays: NonNegative,
    lastReview: Ms.nullable(),
  })
  .refine((card) => card.lastReview !== null || card.state === 'new', {
    message: 'a card that is not new must have a lastReview',
    path: ['lastReview'],
  })
  .readonly();

/** A version-1 `ReviewLog` (strict). */
export const ReviewLogSchema = z
  .strictObject({
    version: z.literal(1),
    cardId: z.string().exactOptional(),
    rating: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
    reviewedAt: Ms,
    elapsedDays: z.number().int(),
    card: CardStateSchema,
  })
  .readonly();

const cardParsers = /* @__PURE__ */ createParser<CardState>(CardStateSchema as z.ZodType<CardState>, 'RK_INVALID_CARD_STATE', 'card state');
const logParsers = /* @__PURE__ */ createParser<ReviewLog>(ReviewLogSchema as z.ZodType<ReviewLog>, 'RK_INVALID_REVIEW_LOG', 'review log');

/**
 * Validates untrusted input as a version-1 card state.
 *
 * Hint: use {@link migrateCardState} for stored data that may be older (no `version`, ts-fsrs snake_case).
 *
 * @param input Any value, e.g. `JSON.parse(text)`.
 * @returns The card state.
 * @throws RecallKitError `RK_INVALID_CARD_STATE` listing every issue with its path.
 * @example
 * ```ts
 * const card = parseCardState(JSON.parse(localStorage.getItem('card-42') ?? 'null'))
 * ```
 */
export const parseCardState: (input: unknown) => CardState = cardParsers[1];

/**
 * Like {@link parseCardState}, but returns `{ success, value | error }` instead of throwing.
 *
 * @param input Any value.
 * @returns The result.
 */
export const safeParseCardState: (input: unknown) => SafeParseResult<CardState> = cardParsers[0];

/**
 * Validates untrusted input as a version-1 review log (including the card it holds).
 *
 * @param input Any value.
 * @returns The review log.
 * @throws RecallKitError `RK_INVALID_REVIEW_LOG` listing every issue with its path.
 */
export const parseReviewLog: (input: unknown) => ReviewLog = logParsers[1];

/**
 * Like {@link parseReviewLog}, but returns `{ success, value | error }` instead of throwing.
 *
 * @param input Any value.
 * @returns The result.
 */
export const safeParseReviewLog: (input: unknown) => SafeParseResult<ReviewLog> = logParsers[0];

/** ts-fsrs `State` numbers and names (`State.New` = 0 ... `State.Relearning` = 3). */
const TS_FSRS_STATES: Record<string, CardState['state']> = {
  0: 'new',
  1: 'learning',
  2: 'review',
  3: 'relearning',
  new: 'new',
  learning: 'learning',
  review: 'review',
  relearning: 'relearning',
};

/** An instant as stored by older code: epoch ms, a `Date`, or an ISO/date string. */
// ISO 8601 as JSON.stringify(Date) writes it (or a bare date, which Date.parse reads as UTC). A time
// without `Z`/offset would be read in the machine's timezone, and V8 reads strings like "5" as
// dates in 2001, so neither is accepted.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

function parseInstant(text: string): number {
  if (/^-?\d+$/.test(text)) return Number(text); // epoch ms stored as a string
  return ISO_INSTANT.test(text) ? Date.parse(text) : Number.NaN;
}

function toMs(value: unknown, path: string): number {
  const ms = value instanceof Date ? value.getTime() : typeof value === 'string' ? parseInstant(value.trim()) : value;
  if (typeof ms !== 'number' || !Number.isFinite(ms)) {
    throw new RecallKitError('RK_INVALID_CARD_STATE', `${path} must be epoch ms, a Date or an ISO 8601 string with Z or an offset, got ${describe(value)}`, path);
  }
  return ms;
}

/**
 * Upgrades a stored card to the current version-1 `CardState`, then validates it.
 *
 * Accepted shapes:
 * - version 1: validated as is;
 * - ts-fsrs `Card` (snake_case: `scheduled_days`, `learning_steps`, `last_review`, numeric or
 *   named `state`, `Date`/string/number timestamps; `elapsed_days` is dropped because it is derived);
 * - unversioned camelCase cards (RecallKit before `version`), with `Date` or string timestamps.
 *
 * Hint: an `id` (or ts-fsrs-style `cid`) string is kept, so fuzz stays per card.
 *
 * @param input The stored value.
 * @returns A version-1 card state (a new object).
 * @throws RecallKitError `RK_INVALID_CARD_STATE` when the input is none of these shapes or invalid.
 * @example
 * ```ts
 * const card = migrateCardState({ due: '2024-01-01T00:00:00Z', stability: 3.1, difficulty: 5, elapsed_days: 0, scheduled_days: 3, reps: 1, lapses: 0, learning_steps: 0, state: 2, last_review: '2023-12-29T00:00:00Z' })
 * ```
 */
export function migrateCardState(input: unknown): CardState {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new RecallKitError('RK_INVALID_CARD_STATE', `expected a card object, got ${describe(input)}`, '');
  }
  const o = input as Record<string, unknown>;
  if (o.version !== undefined) return parseCardState(input);
  const snake = 'scheduled_days' in o || 'last_review' in o || 'learning_steps' in o || 'elapsed_days' in o;
  const state = TS_FSRS_STATES[String(o.state).toLowerCase()];
  if (state === undefined) {
    throw new RecallKitError('RK_INVALID_CARD_STATE', `state must be a ts-fsrs State (0-3) or a phase name, got ${describe(o.state)}`, 'state');
  }
  const last = snake ? o.last_review : o.lastReview;
  const id = typeof o.id === 'string' ? o.id : typeof o.cid === 'string' ? o.cid : undefined;
  const card = {
    version: 1,
    ...(id === undefined ? {} : { id }),
    due: toMs(o.due, 'due'),
    stability: o.stability,
    difficulty: o.difficulty,
    state,
    step: (snake ? o.learning_steps : o.step) ?? 0,
    reps: o.reps,
    lapses: o.lapses,
    scheduledDays: snake ? o.scheduled_days : o.scheduledDays,
    lastReview: last === undefined || last === null ? null : toMs(last, snake ? 'last_review' : 'lastReview'),
  };
  return parseCardState(card);
}
