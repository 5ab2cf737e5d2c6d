import { joinPath } from '../core/errors';
import type { FlashcardQuestion } from '../schema/question';
import type { FlashcardResponse, Outcome } from '../schema/response';
import { NO_ANSWER, bad, outcome, text } from './outcome';
import { bestText, gradeText } from './short-answer';
import type { GradeOptions } from './types';

/** Default credit of the self-ratings 1 Again, 2 Hard, 3 Good, 4 Easy. */
export const SELF_RATING_CREDIT: readonly [number, number, number, number] = [0, 0.5, 1, 1];

/**
 * Grades a flashcard response. A typed answer is compared like a short answer with the card's
 * `answers` (or, without them, its `back`); otherwise the self-rating gives its credit
 * (Again 0, Hard 0.5, Good 1, Easy 1 by default).
 *
 * Hint: to schedule a self-rated card, pass the learner's own rating to the scheduler;
 * `toRating` on this outcome gives Again/Hard/Good (Easy only when fast).
 *
 * @param q The card.
 * @param r The response.
 * @param points The marks.
 * @param o The options.
 * @param path The response path, for errors.
 * @returns The outcome.
 */
export function gradeFlashcard(q: FlashcardQuestion, r: FlashcardResponse, points: number, o: GradeOptions, path: string): Outcome {
  if (r.text !== undefined) {
    const value = text(r.text, joinPath(path, 'text'));
    if (value.trim() !== '' || r.rating === undefined) return gradeText(q.answers ?? [{ text: q.back }], value, points, o);
  }
  const rating = r.rating;
  if (rating === undefined) return outcome(0, points, [NO_ANSWER]);
  if (![1, 2, 3, 4].includes(rating)) bad(joinPath(path, 'rating'), 'expected a rating 1-4', rating);
  const credit = o.selfRatingCredit ?? SELF_RATING_CREDIT;
  return outcome(credit[rating - 1] as number, points, []);
}

/**
 * The flashcard response that earns full marks: the best typed answer, or a Good self-rating.
 *
 * @param q The card.
 * @param o The options.
 * @returns The response.
 */
export function correctFlashcard(q: FlashcardQuestion, o: GradeOptions): FlashcardResponse {
  return q.answers ? { type: 'flashcard', text: bestText(q.answers, o) } : { type: 'flashcard', rating: 3 };
}
