/**
 * Plain-data types shared by every scheduler. No zod here: the validating
 * mirrors live in `schema/card-state.ts` and a type test keeps them equal.
 */

/** The learning state of a card. */
export type CardPhase = 'new' | 'learning' | 'review' | 'relearning';

/** A learner's answer to a review: 1 Again, 2 Hard, 3 Good, 4 Easy. */
export type Grade = 1 | 2 | 3 | 4;

/** Ratings by name. `Manual` (0) marks a log written by `forget`, never a learner's answer. */
export const Rating = Object.freeze({ Manual: 0, Again: 1, Hard: 2, Good: 3, Easy: 4 } as const);

/** Any rating a log can hold, including `Manual` (0). */
export type RatingValue = (typeof Rating)[keyof typeof Rating];

/** The version of the persisted `CardState` and `ReviewLog` shapes. */
export const CARD_STATE_VERSION = 1;

/** The scheduling state of one card: plain JSON, timestamps in epoch milliseconds. */
export interface CardState {
  /** Shape version, for `migrateCardState`. */
  readonly version: 1;
  /** Optional card id; when present it seeds the interval fuzz (with `reps`). */
  readonly id?: string;
  /** When the card is next due (epoch ms). */
  readonly due: number;
  /** Memory stability in days (0 for a new card). */
  readonly stability: number;
  /** Memory difficulty, 1..10 (0 for a new card). */
  readonly difficulty: number;
  /** The learning state. */
  readonly state: CardPhase;
  /** Index of the current (re)learning step. */
  readonly step: number;
  /** Reviews so far. */
  readonly reps: number;
  /** Times the card was forgotten in review. */
  readonly lapses: number;
  /** Days between the last review and `due` (0 for intra-day steps). */
  readonly scheduledDays: number;
  /** When the card was last reviewed (epoch ms), or `null` if never. */
  readonly lastReview: number | null;
}

/** One review: the card as it was before it, the rating, and when it happened. */
export interface ReviewLog {
  /** Shape version. */
  readonly version: 1;
  /** The card id, when the card has one. */
  readonly cardId?: string;
  /** The rating given (0 = Manual, written by `forget`). */
  readonly rating: RatingValue;
  /** When the review happened (epoch ms). */
  readonly reviewedAt: number;
  /** Days since the previous review, counted in learner days (0 for the first). */
  readonly elapsedDays: number;
  /** The card before the review, enough to roll it back. */
  readonly card: CardState;
}

/** The result of answering a card. */
export interface ReviewResult {
  /** The card after the review. */
  readonly card: CardState;
  /** The log of this review. */
  readonly log: ReviewLog;
}

/** Every possible outcome of a review, keyed by grade. */
export type Preview = { readonly [G in Grade]: ReviewResult };

/** What every scheduler (FSRS, SM-2, Leitner) offers. */
export interface Scheduler {
  /** The algorithm's name, e.g. `'fsrs-6'`. */
  readonly name: string;
  /** Creates a new card due now. */
  newCard(now: number | Date, options?: { id?: string }): CardState;
  /** Answers a card. */
  review(card: CardState, rating: Grade, now: number | Date): ReviewResult;
  /** Every outcome of answering a card now. */
  preview(card: CardState, now: number | Date): Preview;
  /** Probability of recall now, 0..1. */
  retrievability(card: CardState, now: number | Date): number;
  /** Undoes a review: returns the card as it was before `log`. */
  rollback(card: CardState, log: ReviewLog): CardState;
  /** Resets a card to new, keeping or resetting counts. */
  forget(card: CardState, now: number | Date, options?: { resetCounts?: boolean }): ReviewResult;
}
