/**
 * Plain-data types of the study-session layer. A session reads a bank, asks the
 * due cards, grades answers with the scoring engine, schedules them with any
 * `Scheduler` and persists the learner's progress through a `Store`.
 */
import type { DayRollover } from '../core/time';
import type { CardState, Grade, Preview, ReviewLog, Scheduler } from '../scheduler/types';
import type { Bank } from '../schema/bank';
import type { Question } from '../schema/question';
import type { Outcome, Response } from '../schema/response';

/** The version of the persisted `Progress` shape. */
export const PROGRESS_VERSION = 1;

/**
 * Everything a learner has done with one bank: plain JSON, safe to store anywhere.
 *
 * Hint: `cards` only holds cards that were answered at least once; unseen
 * questions are new cards created on the fly.
 */
export interface Progress {
  /** Shape version, for migrations. */
  readonly version: 1;
  /** The bank this progress belongs to. */
  readonly bankId: string;
  /** The scheduler that wrote the cards, e.g. `'fsrs-6'`. */
  readonly scheduler: string;
  /** Card state per question id. */
  readonly cards: Readonly<Record<string, CardState>>;
  /** Every review, oldest first (enough to roll back and to optimise parameters). */
  readonly logs: readonly ReviewLog[];
  /** When the progress was last written (epoch ms), or `null` when never. */
  readonly updatedAt: number | null;
}

/**
 * Where progress lives. Implement it to back sessions with SQLite, Postgres,
 * IndexedDB or a server API; see docs/session.md.
 *
 * Hint: `save` must be atomic: after a crash, `load` returns either the old or
 * the new progress, never a mix.
 */
export interface Store {
  /** Reads the saved progress, or `undefined` when nothing was saved yet. */
  load(): Promise<unknown>;
  /** Replaces the saved progress. */
  save(progress: Progress): Promise<void>;
}

/** Daily limits and look-ahead of a session. */
export interface SessionLimits {
  /** New cards introduced per learner day (default 20). */
  readonly newPerDay?: number;
  /** Review cards answered per learner day (default 200). */
  readonly reviewsPerDay?: number;
  /**
   * When nothing else is due, learning cards due within this many milliseconds
   * are shown early (Anki's "learn ahead limit", default 20 minutes).
   */
  readonly learnAheadMs?: number;
}

/** The queue a card was taken from. */
export type QueueName = 'review' | 'learning' | 'new';

/** The options of `createSession`. */
export interface SessionOptions {
  /** The question bank to study. Essay questions are skipped (a person grades them). */
  readonly bank: Bank;
  /** The scheduler, e.g. `createFsrs()`. */
  readonly scheduler: Scheduler;
  /** Where progress is loaded from and saved to. */
  readonly store: Store;
  /** The clock: returns the current time as epoch milliseconds or a `Date`. */
  readonly now: () => number | Date;
  /** Daily limits. */
  readonly limits?: SessionLimits;
  /** When the learner's day starts (default: midnight UTC). */
  readonly rollover?: DayRollover;
  /** Grades a response; defaults to the scoring engine's `grade`. */
  readonly grade?: (question: Question, response: Response) => Outcome;
  /** Maps an outcome to a rating; defaults to the scoring engine's `toRating`. */
  readonly toRating?: (outcome: Outcome, options: { latencyMs?: number }) => Grade;
}

/** The next card to ask. */
export interface StudyItem {
  /** The question to show. */
  readonly question: Question;
  /** Its scheduling state before this answer. */
  readonly card: CardState;
  /** The queue it came from. */
  readonly queue: QueueName;
}

/** How many cards are waiting, per queue (limits applied). */
export interface DueCounts {
  /** Review cards due today. */
  readonly review: number;
  /** Learning and relearning cards due now (or within the learn-ahead limit). */
  readonly learning: number;
  /** New cards still allowed today. */
  readonly new: number;
  /** The sum of the three. */
  readonly total: number;
}

/** What answering a card did. */
export interface AnswerResult {
  /** The question answered. */
  readonly question: Question;
  /** The graded outcome, or `undefined` for a self-rated card (`rate`). */
  readonly outcome: Outcome | undefined;
  /** The rating given to the scheduler. */
  readonly grade: Grade;
  /** The card after the review. */
  readonly card: CardState;
  /** The review log appended to the progress. */
  readonly log: ReviewLog;
}

/** The answers of this session so far. */
export interface SessionSummary {
  /** Cards answered in this session. */
  readonly answered: number;
  /** Answers graded fully correct. */
  readonly correct: number;
  /** Answers per rating (1 Again .. 4 Easy). */
  readonly ratings: Readonly<Record<Grade, number>>;
  /** Cards still waiting now. */
  readonly due: DueCounts;
}

/** A running study session: a frozen object of functions. */
export interface Session {
  /** The next card to ask, or `undefined` when nothing is due. */
  next(): StudyItem | undefined;
  /** How many cards are waiting now. */
  counts(): DueCounts;
  /** Every outcome of rating a question now: the four next due times. */
  preview(questionId: string): Preview;
  /** Grades a response, schedules the card and saves the progress. */
  answer(questionId: string, response: Response, options?: { latencyMs?: number }): Promise<AnswerResult>;
  /** Schedules a self-rated card (flashcard buttons) and saves the progress. */
  rate(questionId: string, grade: Grade): Promise<AnswerResult>;
  /** Undoes the last answer of this session and saves; `undefined` when there is none. */
  undo(): Promise<CardState | undefined>;
  /** The answers of this session so far. */
  summary(): SessionSummary;
  /** The current progress (a snapshot; safe to keep). */
  progress(): Progress;
}
