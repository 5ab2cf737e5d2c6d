import { RecallKitError, describe } from '../core/errors';
import { type DayRollover, UTC_MIDNIGHT, dayNumber } from '../core/time';
import type { CardState, ReviewLog } from '../scheduler/types';
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

const PHASES = new Set(['new', 'learning', 'review', 'relearning']);
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

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
function checkCard(card: unknown, path: string): void {
  if (!isRecord(card)) fail(`expected a card object, got ${describe(card)}`, path);
  for (const key of ['due', 'stability', 'difficulty', 'step', 'reps', 'lapses', 'scheduledDays']) checkNumber(card[key], `${path}.${key}`);
  if (!PHASES.has(card.state as string)) fail(`expected state new|learning|review|relearning, got ${describe(card.state)}`, `${path}.state`);
  if (card.lastReview !== null) checkNumber(card.lastReview, `${path}.lastReview`);
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
  for (const [id, card] of Object.entries(input.cards)) {
    if (FORBIDDEN_KEYS.has(id)) fail(`key "${id}" is not allowed`, `cards.${id}`);
    checkCard(card, `cards.${id}`);
  }
  if (!Array.isArray(input.logs)) fail(`expected an array of logs, got ${describe(input.logs)}`, 'logs');
  input.logs.forEach((log: unknown, i: number) => {
    if (!isRecord(log)) fail(`expected a log object, got ${describe(log)}`, `logs[${i}]`);
    checkNumber(log.rating, `logs[${i}].rating`);
    checkNumber(log.reviewedAt, `logs[${i}].reviewedAt`);
    checkCard(log.card, `logs[${i}].card`);
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
  // Walk from the end: logs are appended in time order, so today's are last.
  for (let i = logs.length - 1; i >= 0; i--) {
    const log = logs[i] as ReviewLog;
    if (dayNumber(log.reviewedAt, rollover) !== today) break;
    if (log.rating === 0) continue; // `forget` writes Manual logs; they are not answers
    answers++;
    if (log.card.state === 'new') newCards++;
    else if (log.card.state === 'review') reviews++;
  }
  return { newCards, reviews, answers };
}
