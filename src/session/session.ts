import { RecallKitError, describe } from '../core/errors';
import { type DayRollover, UTC_MIDNIGHT, isDayRollover, toEpochMs } from '../core/time';
import type { CardState, Grade, Preview, ReviewLog } from '../scheduler/types';
import type { Question } from '../schema/question';
import type { Outcome, Response } from '../schema/response';
import { grade as defaultGrade, toRating as defaultToRating } from '../scoring';
import { countDay, parseProgress } from './progress';
import { buildQueues } from './queue';
import type { AnswerResult, DueCounts, Progress, Session, SessionOptions, SessionSummary, StudyItem } from './types';

/** Default daily limits (Anki's defaults for new cards and reviews; its 20-minute learn-ahead). */
export const DEFAULT_LIMITS = Object.freeze({ newPerDay: 20, reviewsPerDay: 200, learnAheadMs: 20 * 60_000 });

/** How far down a queue `next` looks for a card of another topic than the last one. */
const INTERLEAVE_WINDOW = 5;

function checkLimit(value: unknown, path: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new RecallKitError('RK_INVALID_OPTIONS', `expected a whole number >= 0, got ${describe(value)}`, path);
  }
  return value;
}

// Same rule as createFsrs' dayRollover: a bad rollover would make every day number NaN and the limits stop working.
function checkRollover(rollover: unknown): DayRollover {
  if (rollover === undefined) return UTC_MIDNIGHT;
  if (!isDayRollover(rollover)) {
    throw new RecallKitError('RK_INVALID_OPTIONS', `expected { utcOffsetMinutes: -1080..1080, hour: 0..23 } (whole numbers), got ${describe(rollover)}`, 'rollover');
  }
  return rollover;
}

/** The saved card of a question, if any (own properties only: an id like `toString` must not read Object.prototype). */
function savedCard(progress: Progress, id: string): CardState | undefined {
  return Object.hasOwn(progress.cards, id) ? progress.cards[id] : undefined;
}

/**
 * The time to schedule a card at: the clock, but never before the card's last review.
 * A clock set back (NTP, another device) would otherwise make the scheduler refuse the card.
 */
function reviewTime(clockNow: number, card: CardState | undefined): number {
  return Math.max(clockNow, card?.lastReview ?? Number.NEGATIVE_INFINITY);
}

function checkOptions(options: SessionOptions): void {
  if (typeof options !== 'object' || options === null) throw new RecallKitError('RK_INVALID_OPTIONS', `expected an options object, got ${describe(options)}`, '');
  const { bank, scheduler, store, now } = options;
  if (typeof bank !== 'object' || bank === null || !Array.isArray(bank.questions) || typeof bank.id !== 'string') {
    throw new RecallKitError('RK_INVALID_OPTIONS', `expected a bank with an id and questions (see parseBank), got ${describe(bank)}`, 'bank');
  }
  if (typeof scheduler !== 'object' || scheduler === null || typeof scheduler.review !== 'function') {
    throw new RecallKitError('RK_INVALID_OPTIONS', `expected a scheduler such as createFsrs(), got ${describe(scheduler)}`, 'scheduler');
  }
  if (typeof store !== 'object' || store === null || typeof store.load !== 'function' || typeof store.save !== 'function') {
    throw new RecallKitError('RK_INVALID_OPTIONS', `expected a store with load() and save(), got ${describe(store)}`, 'store');
  }
  if (typeof now !== 'function') throw new RecallKitError('RK_INVALID_OPTIONS', `expected a clock function such as () => Date.now(), got ${describe(now)}`, 'now');
}

function toStoreError(error: unknown): RecallKitError {
  if (error instanceof RecallKitError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new RecallKitError('RK_STORE_ERROR', `could not save progress: ${message}`, '');
}

interface HistoryEntry {
  readonly id: string;
  readonly previous: CardState | undefined;
  readonly log: ReviewLog;
  readonly outcome: Outcome | undefined;
  readonly grade: Grade;
}

/**
 * Creates a study session: loads the learner's progress, builds the due queue,
 * grades answers, schedules cards and saves after every answer.
 *
 * Hint: every answer is saved before `answer` resolves, so a crash loses at most
 * the answer in flight; use a store whose `save` is atomic (`createFileStore` is).
 *
 * @param options The bank, scheduler, store, clock and limits.
 * @returns A promise of a frozen session object.
 * @throws RecallKitError `RK_INVALID_OPTIONS` for bad options, `RK_STORE_ERROR` for damaged progress.
 * @example
 * ```ts
 * const session = await createSession({ bank, scheduler: createFsrs(), store: createMemoryStore(), now: () => Date.now() })
 * const item = session.next()
 * if (item) await session.answer(item.question.id, { type: 'true-false', value: true })
 * ```
 */
export async function createSession(options: SessionOptions): Promise<Session> {
  checkOptions(options);
  const { bank, scheduler, store } = options;
  const limits = options.limits ?? {};
  const newPerDay = checkLimit(limits.newPerDay, 'limits.newPerDay', DEFAULT_LIMITS.newPerDay);
  const reviewsPerDay = checkLimit(limits.reviewsPerDay, 'limits.reviewsPerDay', DEFAULT_LIMITS.reviewsPerDay);
  const learnAheadMs = checkLimit(limits.learnAheadMs, 'limits.learnAheadMs', DEFAULT_LIMITS.learnAheadMs);
  const rollover = checkRollover(options.rollover);
  const gradeFn = options.grade ?? defaultGrade;
  const toRatingFn = options.toRating ?? defaultToRating;
  const clock = (): number => toEpochMs(options.now(), 'now()');

  // Essays need a person with a rubric, so a self-paced session skips them.
  const questions = bank.questions.filter((q) => q.type !== 'essay');
  const byId = new Map(questions.map((q) => [q.id, q]));

  let stored: unknown;
  try {
    stored = await store.load();
  } catch (error) {
    if (error instanceof RecallKitError) throw error;
    throw new RecallKitError('RK_STORE_ERROR', `could not load progress: ${error instanceof Error ? error.message : String(error)}`, '');
  }
  let progress: Progress = parseProgress(stored, bank.id, scheduler.name);
  if (progress.scheduler !== scheduler.name) {
    throw new RecallKitError(
      'RK_STORE_ERROR',
      `the saved progress was scheduled with ${describe(progress.scheduler)}, not ${describe(scheduler.name)}; use the same scheduler or another data file`,
      'scheduler',
    );
  }
  const history: HistoryEntry[] = [];
  // Saves run one after another so that two quick answers cannot overwrite each other.
  let tail: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };

  const queues = (now: number) => {
    const day = countDay(progress.logs, now, rollover);
    return buildQueues({
      questions,
      cards: progress.cards,
      scheduler,
      now,
      reviewsLeft: reviewsPerDay - day.reviews,
      newLeft: newPerDay - day.newCards,
      learnAheadMs,
      rollover,
    });
  };

  const counts = (): DueCounts => {
    const q = queues(clock());
    // Cards within the learn-ahead limit count as waiting: this session will still ask them.
    const learning = q.learning.length + q.ahead.length;
    return { review: q.review.length, learning, new: q.new.length, total: q.review.length + learning + q.new.length };
  };

  const next = (): StudyItem | undefined => {
    const q = queues(clock());
    const last = history[history.length - 1];
    const skip = (list: readonly StudyItem[]) => list.filter((entry) => entry.question.id !== last?.id);
    // The card just answered is asked again only when nothing else is waiting.
    const groups = [q.review, q.learning, q.new, q.ahead].map(skip);
    const group = groups.find((list) => list.length > 0);
    if (!group) return q.review[0] ?? q.learning[0] ?? q.new[0] ?? q.ahead[0];
    const lastTopic = last ? byId.get(last.id)?.topic : undefined;
    const window = group.slice(0, INTERLEAVE_WINDOW);
    return window.find((entry) => entry.question.topic !== lastTopic) ?? group[0];
  };

  const find = (questionId: string): Question => {
    const question = byId.get(questionId);
    if (!question) {
      const why = bank.questions.some((q) => q.id === questionId) ? 'is an essay (graded by a person, not studied)' : 'is not in this bank';
      throw new RecallKitError('RK_NOT_FOUND', `question ${describe(questionId)} ${why}`, 'questionId');
    }
    return question;
  };

  const commit = (question: Question, grade: Grade, outcome: Outcome | undefined): Promise<AnswerResult> =>
    serial(async () => {
      const previous = savedCard(progress, question.id);
      const now = reviewTime(clock(), previous);
      const before = previous ?? scheduler.newCard(now, { id: question.id });
      const { card, log } = scheduler.review(before, grade, now);
      const updated: Progress = {
        ...progress,
        cards: { ...progress.cards, [question.id]: card },
        logs: [...progress.logs, log],
        updatedAt: now,
      };
      try {
        await store.save(updated);
      } catch (error) {
        throw toStoreError(error);
      }
      // Only a saved answer changes the session, so memory never runs ahead of the store.
      progress = updated;
      history.push({ id: question.id, previous, log, outcome, grade });
      return { question, outcome, grade, card, log };
    });

  // async, so that a bad id, response or rating is a rejection, like a failed save.
  const answer = async (questionId: string, response: Response, answerOptions: { latencyMs?: number } = {}): Promise<AnswerResult> => {
    const question = find(questionId);
    if (typeof response !== 'object' || response === null || response.type !== question.type) {
      const got = typeof response === 'object' && response !== null ? describe(response.type) : describe(response);
      throw new RecallKitError('RK_INVALID_RESPONSE', `expected a ${question.type} response for question ${describe(questionId)}, got ${got}`, 'response.type');
    }
    const outcome = gradeFn(question, response);
    const latency = answerOptions.latencyMs;
    const self = response.type === 'flashcard' ? response.rating : undefined;
    const grade: Grade = self ?? toRatingFn(outcome, latency === undefined ? {} : { latencyMs: latency });
    return commit(question, grade, outcome);
  };

  const rate = async (questionId: string, grade: Grade): Promise<AnswerResult> => {
    const question = find(questionId);
    if (grade !== 1 && grade !== 2 && grade !== 3 && grade !== 4) {
      throw new RecallKitError('RK_INVALID_RATING', `rating must be 1-4 (Again..Easy), got ${describe(grade)}`, 'grade');
    }
    return commit(question, grade, undefined);
  };

  const undo = (): Promise<CardState | undefined> =>
    serial(async () => {
      const last = history[history.length - 1];
      if (!last) return undefined;
      // A computed key always makes an own property, even for an id like `__proto__`.
      const cards: Record<string, CardState> = { ...progress.cards, [last.id]: last.previous as CardState };
      if (!last.previous) delete cards[last.id];
      const updated: Progress = { ...progress, cards, logs: progress.logs.slice(0, -1), updatedAt: clock() };
      try {
        await store.save(updated);
      } catch (error) {
        throw toStoreError(error);
      }
      progress = updated;
      history.pop();
      // The log holds the card as it was before the answer, which is what undo restores.
      return last.log.card;
    });

  const preview = (questionId: string): Preview => {
    const question = find(questionId);
    const card = savedCard(progress, question.id);
    const now = reviewTime(clock(), card);
    return scheduler.preview(card ?? scheduler.newCard(now, { id: question.id }), now);
  };

  const summary = (): SessionSummary => {
    const ratings: Record<Grade, number> = { 1: 0, 2: 0, 3: 0, 4: 0 };
    let correct = 0;
    for (const entry of history) {
      ratings[entry.grade]++;
      if (entry.outcome?.correct) correct++;
    }
    return { answered: history.length, correct, ratings, due: counts() };
  };

  return Object.freeze({ next, counts, preview, answer, rate, undo, summary, progress: () => progress });
}
