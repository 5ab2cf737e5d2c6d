import { RecallKitError, describe } from '../core/errors';
import { type DayRollover, UTC_MIDNIGHT, dayNumber } from '../core/time';
import type { CardState, ReviewLog } from '../scheduler/types';
import { checkCard as checkSchedulerCard } from '../scheduler/validate';
import { PROGRESS_VERSION, type Progress } from './types';

/**
 * Creates empty progress for a bank.
 *
 * @param bankId The bank id.
 * @param scheduler The scheduler name, e.g. `'fsrs-6'`.
 * @returns Progress with no cards and no logs.
 */
export function emptyProgress(bankId: string, scheduler: string): Progress {
  return { version: PROGRESS_VERSION, bankId, scheduler, cards: {}, logs: [], updatedAt: null };
}

// Cards are always read with own-property lookups, so only `__proto__` stays refused:
// code that copies progress with `cards[id] = ...` would change the prototype with it.
const FORBIDDEN_KEYS = new Set(['__proto__']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fail(message: string, path: string): never {
  throw new RecallKitError('RK_STORE_ERROR', `saved progress is damaged: ${message}`, path);
}

function checkNumber(value: unknown, path: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(`expected a finite number, got ${describe(value)}`, path);
}

// Stored progress comes from disk or a database another program may have edited,
// so every field the session reads is checked once here; past this point it is trusted.
// The scheduler's own check is used, not the zod schema: recallkit/session stays zod-free.
function checkCard(card: unknown, path: string, fsrs: boolean): void {
  try {
    checkSchedulerCard(card, path);
  } catch (error) {
    if (error instanceof RecallKitError) fail(error.issues[0]?.message ?? error.message, error.path || path);
    throw error;
  }
  // FSRS divides by stability and clamps difficulty to 1..10, so once a card has been
  // answered a zero there means the file was edited, and retrievability would be NaN.
  const c = card as CardState;
  if (fsrs && c.state !== 'new') {
    if (!(c.stability > 0)) fail(`${path}.stability must be > 0 once a card was answered, got ${describe(c.stability)}`, `${path}.stability`);
    if (!(c.difficulty >= 1 && c.difficulty <= 10)) fail(`${path}.difficulty must be 1..10 once a card was answered, got ${describe(c.difficulty)}`, `${path}.difficulty`);
  }
}

const RATINGS: readonly unknown[] = [0, 1, 2, 3, 4];

function checkLog(log: unknown, path: string, fsrs: boolean): void {
  if (!isRecord(log)) fail(`expected a log object, got ${describe(log)}`, path);
  if (log.version !== 1) fail(`expected version 1, got ${describe(log.version)}`, `${path}.version`);
  if (!RATINGS.includes(log.rating)) fail(`expected a rating 0-4, got ${describe(log.rating)}`, `${path}.rating`);
  checkNumber(log.reviewedAt, `${path}.reviewedAt`);
  if (!Number.isInteger(log.elapsedDays)) fail(`expected whole elapsedDays, got ${describe(log.elapsedDays)}`, `${path}.elapsedDays`);
  if (log.cardId !== undefined && typeof log.cardId !== 'string') fail(`expected a string cardId, got ${describe(log.cardId)}`, `${path}.cardId`);
  checkCard(log.card, `${path}.card`, fsrs);
}

/**
 * Checks progress read from a store and returns it typed.
 *
 * @param input What the store returned (`undefined` when nothing was saved).
 * @param bankId The bank being studied; progress of another bank is refused.
 * @param scheduler The scheduler name used when nothing was saved yet.
 * @returns The progress, or empty progress for `undefined`.
 * @throws RecallKitError `RK_STORE_ERROR` naming the first damaged field, or a bank mismatch.
 */
export function parseProgress(input: unknown, bankId: string, scheduler: string): Progress {
  if (input === undefined || input === null) return emptyProgress(bankId, scheduler);
  if (!isRecord(input)) fail(`expected an object, got ${describe(input)}`, '');
  if (input.version !== PROGRESS_VERSION) fail(`unsupported version ${describe(input.version)} (this RecallKit reads version ${PROGRESS_VERSION})`, 'version');
  if (input.bankId !== bankId) {
    throw new RecallKitError('RK_STORE_ERROR', `the saved progress belongs to bank ${describe(input.bankId)}, not ${describe(bankId)}; use another data file`, 'bankId');
  }
  if (!isRecord(input.cards)) fail(`expected an object of cards, got ${describe(input.cards)}`, 'cards');
  const fsrs = (typeof input.scheduler === 'string' ? input.scheduler : scheduler).startsWith('fsrs');
  for (const [id, card] of Object.entries(input.cards)) {
    if (FORBIDDEN_KEYS.has(id)) fail(`key "${id}" is not allowed`, `cards.${id}`);
    checkCard(card, `cards.${id}`, fsrs);
  }
  if (!Array.isArray(input.logs)) fail(`expected an array of logs, got ${describe(input.logs)}`, 'logs');
  input.logs.forEach((log: unknown, i: number) => {
    checkLog(log, `logs[${i}]`, fsrs);
  });
  if (input.updatedAt !== null && input.updatedAt !== undefined) checkNumber(input.updatedAt, 'updatedAt');
  return {
    version: PROGRESS_VERSION,
    bankId,
    scheduler: typeof input.scheduler === 'string' ? input.scheduler : scheduler,
    cards: input.cards as Record<string, CardState>,
    logs: input.logs as ReviewLog[],
    updatedAt: typeof input.updatedAt === 'number' ? input.updatedAt : null,
  };
}

/** What a learner did on one day. */
export interface DayCounts {
  /** New cards introduced that day. */
  readonly newCards: number;
  /** Review-state cards answered that day. */
  readonly reviews: number;
  /** All answers that day, learning steps included. */
  readonly answers: number;
}

/**
 * Counts the answers of the learner day that contains `now`.
 *
 * @param logs The review logs.
 * @param now The current time (epoch ms).
 * @param rollover When the learner's day starts.
 * @returns The counts for that day.
 */
export function countDay(logs: readonly ReviewLog[], now: number, rollover: DayRollover = UTC_MIDNIGHT): DayCounts {
  const today = dayNumber(now, rollover);
  let newCards = 0;
  let reviews = 0;
  let answers = 0;
  // Look at every log: after the clock was set back, today's logs need not be the last ones.
  for (const log of logs) {
    if (dayNumber(log.reviewedAt, rollover) !== today) continue;
    if (log.rating === 0) continue; // `forget` writes Manual logs; they are not answers
    answers++;
    if (log.card.state === 'new') newCards++;
    else if (log.card.state === 'review') reviews++;
  }
  return { newCards, reviews, answers };
}
