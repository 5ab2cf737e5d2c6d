import { RecallKitError, describe, joinPath } from '../core/errors';
import type { Outcome } from '../schema/response';
import { resolvePoints } from './grade';
import { record } from './outcome';
import { type ItemMark, type Policy, checkPolicy, markAttempt, toAttempt } from './policies';
import type { GradeOptions, QuizLike, QuizResponses } from './types';

/** Options for {@link scoreQuiz}: grading options plus the attempt's timing and rounding. */
export interface ScoreQuizOptions extends Omit<GradeOptions, 'points' | 'path'> {
  /** When the attempt started (epoch ms); with `quiz.timeLimitMs`, answers after the limit do not count. */
  readonly startedAt?: number;
  /** Decimal places of the totals (Moodle's quiz "decimal places in grades", default 2). */
  readonly decimals?: number;
}

/** One question's line in a quiz score. */
export interface ItemScore {
  /** The question id. */
  readonly id: string;
  /** The marks it is worth. */
  readonly points: number;
  /** Policy-adjusted fraction (negative under negative marking or CBM; up to 3 under CBM). */
  readonly fraction: number;
  /** `points × fraction`, unrounded. */
  readonly score: number;
  /** The outcome of the try that counted. */
  readonly outcome: Outcome;
  /** Tries graded. */
  readonly tries: number;
  /** Whether it was answered in time. */
  readonly answered: boolean;
  /** Whether an answer came after the time limit and was ignored. */
  readonly late: boolean;
}

/** The result of {@link scoreQuiz}. */
export interface QuizScore {
  /** The total, rounded to `decimals` (half away from zero). */
  readonly score: number;
  /** The maximum: the sum of the marks (times 3 under CBM, its best certainty). */
  readonly maxScore: number;
  /** `score / maxScore × 100`, rounded to `decimals`. */
  readonly percent: number;
  /** Whether `percent >= passMark × 100`; `undefined` when the quiz has no pass mark. */
  readonly passed: boolean | undefined;
  /** The plain fraction right, ignoring penalties and certainty (Moodle CBM "accuracy"), 0..100. */
  readonly accuracy: number;
  /** Whether any essay still waits for a person to mark it. */
  readonly needsReview: boolean;
  /** One line per question, in quiz order. */
  readonly items: readonly ItemScore[];
}

function invalid(path: string, message: string, value: unknown): never {
  throw new RecallKitError('RK_INVALID_OPTIONS', `${message}, got ${describe(value)}`, path);
}

/**
 * Rounds half away from zero, like PHP's `round()` that Moodle uses for grades.
 *
 * @param x The number.
 * @param decimals Decimal places.
 * @returns The rounded number.
 */
export function roundHalfAway(x: number, decimals: number): number {
  const m = 10 ** decimals;
  // The 1 + 2^-52 factor puts 1.005 (stored as 1.00499999...) back on the half it was written as.
  return (Math.sign(x) * Math.round(Math.abs(x) * m * (1 + Number.EPSILON))) / m;
}

/**
 * Scores a quiz attempt: grades each question under the policy, weights it by its marks,
 * and totals, rounds and compares with the pass mark.
 *
 * Hint: missing questions count as unanswered; a response for a question that is not in the
 * quiz is an error. Totals are summed unrounded and rounded once.
 *
 * @param quiz The questions, optional marks per id, pass mark (0..1) and time limit.
 * @param responses Question id -> a response or `{ tries, certainty?, answeredAt? }`.
 * @param policy The marking policy (default deferred feedback).
 * @param options Grading options, `startedAt` and `decimals`.
 * @returns The score.
 * @example
 * ```ts
 * scoreQuiz({ questions, passMark: 0.6 }, { q1: { type: 'true-false', value: true } }).passed
 * ```
 */
export function scoreQuiz(quiz: QuizLike, responses: QuizResponses, policy: Policy = { kind: 'deferred' }, options: ScoreQuizOptions = {}): QuizScore {
  checkPolicy(policy);
  const decimals = options.decimals ?? 2;
  if (!(Number.isInteger(decimals) && decimals >= 0 && decimals <= 10)) invalid('options.decimals', 'expected a whole number from 0 to 10', decimals);
  const { passMark, timeLimitMs } = quiz;
  if (passMark !== undefined && !(typeof passMark === 'number' && passMark >= 0 && passMark <= 1)) invalid('quiz.passMark', 'expected a fraction from 0 to 1', passMark);
  if (timeLimitMs !== undefined && !(typeof timeLimitMs === 'number' && timeLimitMs > 0)) invalid('quiz.timeLimitMs', 'expected a positive number of milliseconds', timeLimitMs);
  const startedAt = options.startedAt;
  if (startedAt !== undefined && !Number.isFinite(startedAt)) {
    throw new RecallKitError('RK_INVALID_TIME', `expected epoch milliseconds, got ${describe(startedAt)}`, 'options.startedAt');
  }
  const deadline = timeLimitMs !== undefined && startedAt !== undefined ? startedAt + timeLimitMs : Infinity;
  const all = record(responses, 'responses');
  const ids = new Set(quiz.questions.map((q) => q.id));
  for (const id in all) if (!ids.has(id)) throw new RecallKitError('RK_INVALID_RESPONSE', `no question with id ${describe(id)} in the quiz`, joinPath('responses', id));

  let total = 0;
  let max = 0;
  let plain = 0;
  let needsReview = false;
  const items = quiz.questions.map((q): ItemScore => {
    const path = joinPath('responses', q.id);
    const points = resolvePoints(q, quiz.points?.[q.id], joinPath('quiz.points', q.id));
    const given = Object.hasOwn(all, q.id) ? all[q.id] : undefined;
    let attempt = toAttempt(given);
    let late = false;
    if (attempt.answeredAt !== undefined) {
      if (!Number.isFinite(attempt.answeredAt)) throw new RecallKitError('RK_INVALID_TIME', `expected epoch milliseconds, got ${describe(attempt.answeredAt)}`, joinPath(path, 'answeredAt'));
      // Moodle submits an open attempt when time is up: what came after the limit is not saved.
      if (attempt.answeredAt > deadline) {
        late = true;
        attempt = { tries: [] };
      }
    }
    const mark: ItemMark = markAttempt(q, attempt, policy, { ...options, points }, path);
    if (mark.outcome.needsReview) needsReview = true;
    total += points * mark.fraction;
    max += points;
    plain += points * mark.outcome.fraction;
    return { id: q.id, points, fraction: mark.fraction, score: points * mark.fraction, outcome: mark.outcome, tries: mark.tries, answered: mark.answered, late };
  });
  const accuracy = max > 0 ? (100 * plain) / max : 0;
  if (policy.kind === 'cbm') max *= 3;
  // Negative marking: the total never goes below `floor` of the maximum (default 0).
  if (policy.kind === 'negative') total = Math.max(total, (policy.floor ?? 0) * max);
  const score = roundHalfAway(total, decimals);
  const percent = max > 0 ? roundHalfAway((100 * total) / max, decimals) : 0;
  return {
    score,
    maxScore: roundHalfAway(max, decimals),
    percent,
    passed: passMark === undefined ? undefined : percent >= roundHalfAway(passMark * 100, decimals),
    accuracy: roundHalfAway(accuracy, decimals),
    needsReview,
    items,
  };
}
