import { RecallKitError, describe, joinPath } from '../core/errors';
import type { Question } from '../schema/question';
import type { Response } from '../schema/response';
import { resolvePoints } from './grade';
import { record } from './outcome';
import { type ItemMark, type Policy, checkPolicy, markAttempt, toAttempt } from './policies';
import type { GradeOptions, QuizLike, QuizResponses } from './types';

// Item analysis with the formulas of Moodle's quiz statistics report
// (docs.moodle.org/dev/Quiz_statistics_calculations). Notation: S attempts s, items i,
// x_i(s) the score of item i, T(s) = Σ_i x_i(s) the test score, X_i(s) = T(s) − x_i(s) the rest
// of the test. Variances and covariances divide by S − 1, as Moodle does.

/** Per-question statistics. Percentages are 0..100; `null` where a formula is undefined (S < 2, zero variance). */
export interface ItemStatistics {
  /** The question id. */
  readonly id: string;
  /** The question type. */
  readonly type: Question['type'];
  /** Attempts in which the question was answered. */
  readonly answered: number;
  /** Facility index F = 100 (mean − min) / (max − min). */
  readonly facility: number | null;
  /** Standard deviation as a percentage of the score range: 100 √V(x_i) / (max − min). */
  readonly sd: number | null;
  /** The mean score of a random guess, as a percentage (Moodle's per-type rule); `null` where Moodle has none. */
  readonly randomGuessScore: number | null;
  /** Intended weight: 100 × max_i / Σ max. */
  readonly intendedWeight: number;
  /** Effective weight: 100 √C(x_i, T) / Σ_j √C(x_j, T); `null` when a covariance is negative. */
  readonly effectiveWeight: number | null;
  /** Discrimination index: 100 r(x_i, X_i). */
  readonly discriminationIndex: number | null;
  /** Discriminative efficiency: 100 C(x_i, X_i) / C_max(x_i, X_i). */
  readonly discriminativeEfficiency: number | null;
  /** How often each answer was chosen: option ids (choice), `true`/`false`, and `''` for no answer. */
  readonly responses: Readonly<Record<string, number>>;
}

/** Whole-test statistics, in marks unless stated. */
export interface TestStatistics {
  /** Number of attempts analysed. */
  readonly attempts: number;
  /** The maximum test score. */
  readonly maxScore: number;
  /** Mean test score. */
  readonly mean: number | null;
  /** Median test score. */
  readonly median: number | null;
  /** Standard deviation √V(T). */
  readonly sd: number | null;
  /** Skewness k3 / k2^(3/2) (needs S >= 3). */
  readonly skewness: number | null;
  /** Kurtosis k4 / k2^2 (needs S >= 4). */
  readonly kurtosis: number | null;
  /** Coefficient of internal consistency (Cronbach's alpha; KR-20 for right/wrong items), percent. */
  readonly cic: number | null;
  /** Error ratio ER = 100 √(1 − CIC/100), percent. */
  readonly errorRatio: number | null;
  /** Standard error SE = ER / 100 × SD, in marks. */
  readonly standardError: number | null;
}

/** The result of {@link analyzeResponses}. */
export interface Analysis {
  /** The whole test. */
  readonly test: TestStatistics;
  /** One entry per question, in quiz order. */
  readonly items: readonly ItemStatistics[];
}

/** Options for {@link analyzeResponses}. */
export interface AnalyzeOptions extends Omit<GradeOptions, 'points' | 'path'> {
  /** The marking policy whose final item scores are analysed (default deferred feedback). */
  readonly policy?: Policy;
}

const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

function cov(xs: readonly number[], ys: readonly number[]): number {
  const mx = mean(xs);
  const my = mean(ys);
  let sum = 0;
  for (let s = 0; s < xs.length; s++) sum += ((xs[s] as number) - mx) * ((ys[s] as number) - my);
  return sum / (xs.length - 1);
}

const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

/**
 * The random-guess score of a question as a fraction, following Moodle's `get_random_guess_score`:
 * single choice the mean option credit; true/false 1/2; matching 1 / number of choices;
 * short answer and numeric the credit of a `*` answer, else 0; cloze the weighted mean of its
 * gaps; `null` for multiple choice, ordering, flashcards and essays.
 *
 * @param q The question.
 * @returns The fraction, or `null`.
 */
export function randomGuessScore(q: Question): number | null {
  switch (q.type) {
    case 'single-choice':
      return mean(q.options.map((o) => Math.max(0, o.fraction ?? (o.correct ? 1 : 0))));
    case 'true-false':
      return 0.5;
    case 'matching':
      return 1 / (q.pairs.length + (q.distractors?.length ?? 0));
    case 'short-answer':
    case 'numeric': {
      for (const a of q.answers as readonly { text?: string; value?: unknown; fraction?: number }[]) if (a.text === '*') return a.fraction ?? 1;
      return 0;
    }
    case 'cloze': {
      let total = 0;
      let sum = 0;
      for (const g of q.gaps) {
        const w = g.weight ?? 1;
        const r = randomGuessScore({ ...g, id: q.id } as never);
        total += w;
        sum += w * (r ?? 0);
      }
      return sum / total;
    }
    default:
      return null;
  }
}

function tally(q: Question, r: Response | undefined, counts: Record<string, number>): void {
  const add = (key: string) => {
    counts[key] = (counts[key] ?? 0) + 1;
  };
  if (!r) add('');
  else if (r.type === 'single-choice') add(r.optionId ?? '');
  else if (r.type === 'multiple-choice') (r.optionIds.length ? r.optionIds : ['']).forEach(add);
  else if (r.type === 'true-false') add(r.value === null ? '' : String(r.value));
  else if (q.type !== 'true-false') add('*');
}

function median(sorted: readonly number[]): number {
  const n = sorted.length;
  return n % 2 ? (sorted[(n - 1) / 2] as number) : ((sorted[n / 2 - 1] as number) + (sorted[n / 2] as number)) / 2;
}

/**
 * Analyses a class's attempts at a quiz, with Moodle's quiz statistics formulas: per item the
 * facility index, standard deviation, random-guess score, weights, discrimination index,
 * discriminative efficiency and answer frequencies; per test the mean, median, SD, skewness,
 * kurtosis, coefficient of internal consistency (Cronbach's alpha / KR-20), error ratio and
 * standard error.
 *
 * Hint: Moodle analyses each student's first attempt only; pass one attempt per student.
 * Unanswered questions score 0, as in Moodle.
 *
 * @param quiz The quiz.
 * @param attempts One record of responses per attempt.
 * @param options The policy and grading options.
 * @returns The statistics; undefined formulas give `null`, never NaN.
 */
export function analyzeResponses(quiz: QuizLike, attempts: readonly QuizResponses[], options: AnalyzeOptions = {}): Analysis {
  if (!Array.isArray(attempts)) throw new RecallKitError('RK_INVALID_INPUT', `expected an array of attempts, got ${describe(attempts)}`, 'attempts');
  const policy = checkPolicy(options.policy ?? { kind: 'deferred' });
  const S = attempts.length;
  const qs = quiz.questions;
  // Each item's score range under the policy (Moodle: x_i(min) .. x_i(max)).
  const lo = policy.kind === 'cbm' ? -6 : policy.kind === 'negative' ? -(policy.wrongPenalty ?? 0.25) : 0;
  const hi = policy.kind === 'cbm' ? 3 : 1;
  const points = qs.map((q) => resolvePoints(q, quiz.points?.[q.id], joinPath('quiz.points', q.id)));
  const x: number[][] = qs.map(() => []);
  const answered = qs.map(() => 0);
  const counts: Record<string, number>[] = qs.map(() => ({}));
  attempts.forEach((attempt, s) => {
    const path = joinPath('attempts', s);
    const all = record(attempt, path);
    qs.forEach((q, i) => {
      const given = Object.hasOwn(all, q.id) ? all[q.id] : undefined;
      const a = toAttempt(given);
      const mark: ItemMark = markAttempt(q, a, policy, { ...options, points: points[i] as number }, joinPath(path, q.id));
      (x[i] as number[])[s] = (points[i] as number) * mark.fraction;
      if (mark.answered) answered[i] = (answered[i] as number) + 1;
      tally(q, a.tries[policy.kind === 'immediate' ? 0 : a.tries.length - 1] as Response | undefined, counts[i] as Record<string, number>);
    });
  });
  const T = Array.from({ length: S }, (_, s) => x.reduce((sum, xi) => sum + (xi[s] as number), 0));
  const maxT = points.reduce((a, b) => a + b * hi, 0);
  const VT = S > 1 ? cov(T, T) : NaN;
  const sqrtCov = x.map((xi) => (S > 1 ? Math.sqrt(cov(xi, T)) : NaN));
  const sumSqrtCov = sqrtCov.reduce((a, b) => a + b, 0);

  const items = qs.map((q, i): ItemStatistics => {
    const xi = x[i] as number[];
    const range = (points[i] as number) * (hi - lo);
    const rest = T.map((t, s) => t - (xi[s] as number));
    const c = S > 1 ? cov(xi, rest) : NaN;
    // C_max: the covariance when both lists are sorted the same way (the largest possible).
    const cMax = S > 1 ? cov([...xi].sort((a, b) => a - b), [...rest].sort((a, b) => a - b)) : NaN;
    const vx = S > 1 ? cov(xi, xi) : NaN;
    const guess = randomGuessScore(q);
    return {
      id: q.id,
      type: q.type,
      answered: answered[i] as number,
      facility: S ? finite((100 * (mean(xi) - (points[i] as number) * lo)) / range) : null,
      sd: finite((100 * Math.sqrt(vx)) / range),
      randomGuessScore: guess === null ? null : 100 * guess,
      intendedWeight: (100 * (points[i] as number) * hi) / maxT,
      effectiveWeight: finite((100 * (sqrtCov[i] as number)) / sumSqrtCov),
      discriminationIndex: finite((100 * c) / Math.sqrt(vx * cov(rest, rest))),
      discriminativeEfficiency: finite((100 * c) / cMax),
      responses: counts[i] as Record<string, number>,
    };
  });

  const k = qs.length;
  const sumV = x.reduce((a, xi) => a + (S > 1 ? cov(xi, xi) : NaN), 0);
  const cic = finite(100 * (k / (k - 1)) * (1 - sumV / VT));
  const errorRatio = cic === null || cic > 100 ? null : finite(100 * Math.sqrt(1 - cic / 100));
  const sd = finite(Math.sqrt(VT));
  // Moodle's skewness and kurtosis: sample cumulants k2, k3, k4 from the moments m2, m3, m4.
  const tMean = S ? mean(T) : NaN;
  const m = (p: number) => T.reduce((a, t) => a + (t - tMean) ** p, 0) / S;
  const k2 = VT;
  const k3 = ((S * S) / ((S - 1) * (S - 2))) * m(3);
  const k4 = ((S * S) / ((S - 1) * (S - 2) * (S - 3))) * ((S + 1) * m(4) - 3 * (S - 1) * m(2) ** 2);
  return {
    test: {
      attempts: S,
      maxScore: maxT,
      mean: finite(tMean),
      median: S ? median([...T].sort((a, b) => a - b)) : null,
      sd,
      skewness: S > 2 ? finite(k3 / k2 ** 1.5) : null,
      kurtosis: S > 3 ? finite(k4 / k2 ** 2) : null,
      cic,
      errorRatio,
      standardError: errorRatio === null || sd === null ? null : (errorRatio / 100) * sd,
    },
    items,
  };
}
