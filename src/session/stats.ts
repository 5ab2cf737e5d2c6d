import { type DayRollover, UTC_MIDNIGHT, dayNumber } from '../core/time';
import type { CardPhase } from '../scheduler/types';
import type { Bank } from '../schema/bank';
import { countDay } from './progress';
import type { Progress } from './types';

/** Figures about a learner's progress on one bank. */
export interface ProgressStats {
  /** Studyable questions in the bank (essays excluded). */
  readonly questions: number;
  /** Questions never answered. */
  readonly unseen: number;
  /** Cards per learning state (answered cards only). */
  readonly states: Readonly<Record<CardPhase, number>>;
  /** Answers ever given. */
  readonly answers: number;
  /** Answers given today (learner day). */
  readonly answersToday: number;
  /** Review-state answers that were not Again, 0..1, or `null` before the first review. */
  readonly retention: number | null;
  /** Cards due now or earlier (answered cards only). */
  readonly dueNow: number;
  /** Cards that fall due before the end of the next learner day. */
  readonly dueTomorrow: number;
  /** When the progress was last saved (epoch ms), or `null`. */
  readonly updatedAt: number | null;
}

/**
 * Summarises progress: states, answers, retention and what falls due.
 *
 * @param progress The learner's progress.
 * @param bank The bank it belongs to (for the number of unseen questions).
 * @param now The current time (epoch ms).
 * @param rollover When the learner's day starts.
 * @returns The figures.
 */
export function summarizeProgress(progress: Progress, bank: Bank, now: number, rollover: DayRollover = UTC_MIDNIGHT): ProgressStats {
  const studyable = bank.questions.filter((q) => q.type !== 'essay');
  const states: Record<CardPhase, number> = { new: 0, learning: 0, review: 0, relearning: 0 };
  let dueNow = 0;
  let dueTomorrow = 0;
  let seen = 0;
  const tomorrow = dayNumber(now, rollover) + 1;
  for (const q of studyable) {
    // Own properties only: an id like `toString` must not read Object.prototype.
    const card = Object.hasOwn(progress.cards, q.id) ? progress.cards[q.id] : undefined;
    if (!card) continue;
    seen++;
    states[card.state]++;
    if (card.due <= now) dueNow++;
    else if (dayNumber(card.due, rollover) <= tomorrow) dueTomorrow++;
  }
  let reviews = 0;
  let recalled = 0;
  let answers = 0;
  for (const log of progress.logs) {
    if (log.rating === 0) continue;
    answers++;
    if (log.card.state === 'review') {
      reviews++;
      if (log.rating > 1) recalled++;
    }
  }
  return {
    questions: studyable.length,
    unseen: studyable.length - seen,
    states,
    answers,
    answersToday: countDay(progress.logs, now, rollover).answers,
    retention: reviews === 0 ? null : recalled / reviews,
    dueNow,
    dueTomorrow,
    updatedAt: progress.updatedAt,
  };
}
