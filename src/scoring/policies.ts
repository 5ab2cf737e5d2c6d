import { RecallKitError, describe, joinPath } from '../core/errors';
import type { Question } from '../schema/question';
import type { Outcome, Response } from '../schema/response';
import { grade } from './grade';
import { NO_ANSWER, RIGHT, WRONG, bad } from './outcome';
import type { GradeOptions, ItemAttempt } from './types';

/**
 * How tries are turned into a mark (Moodle's question behaviours):
 * - `deferred`: the last response counts, feedback at the end (qbehaviour_deferredfeedback).
 * - `immediate`: the first submitted response is final (qbehaviour_immediatefeedback).
 * - `interactive`: several tries; the first right try (else the last allowed) counts, minus
 *   `penalty` for each earlier try (qbehaviour_interactive).
 * - `negative`: like deferred, but a wrong answer costs `wrongPenalty` of the marks; the quiz
 *   total never falls below `floor` of the maximum.
 * - `cbm`: certainty-based marking (qbehaviour_deferredcbm), Moodle's table
 *   certainty 1/2/3 -> right 1/2/3, wrong 0/-2/-6.
 */
export type Policy =
  | { readonly kind: 'deferred' }
  | { readonly kind: 'immediate' }
  | { readonly kind: 'interactive'; readonly penalty?: number; readonly maxTries?: number }
  | { readonly kind: 'negative'; readonly wrongPenalty?: number; readonly floor?: number }
  | { readonly kind: 'cbm' };

/** Moodle's default penalty for each wrong try: 33.33333%. */
export const DEFAULT_TRY_PENALTY = 1 / 3;
/** Tries allowed by `interactive` when not set (Moodle: hints + 1; we have no hints, so a default). */
export const DEFAULT_MAX_TRIES = 3;
/** Default cost of a wrong answer under `negative`: a quarter of the marks (formula scoring with 5 options). */
export const DEFAULT_WRONG_PENALTY = 0.25;
/** Moodle question_cbm: the mark for a right answer at certainty 1, 2, 3. */
export const CBM_RIGHT = [1, 2, 3] as const;
/** Moodle question_cbm: the mark for a wrong answer at certainty 1, 2, 3. */
export const CBM_WRONG = [0, -2, -6] as const;

/** One question's mark under a policy. */
export interface ItemMark {
  /** The policy-adjusted fraction of the marks: 0..1, below 0 for negative marking, -6..3 for CBM. */
  readonly fraction: number;
  /** The outcome of the try that counted (a zero outcome when unanswered). */
  readonly outcome: Outcome;
  /** How many tries were graded. */
  readonly tries: number;
  /** Whether the learner answered at all. */
  readonly answered: boolean;
}

/**
 * Reads what a learner sent for one question: nothing, one response (one try), or an
 * {@link ItemAttempt}. Anything that is not an attempt is treated as one try, so `grade`
 * reports its shape.
 *
 * @param given The value from the responses record.
 * @returns An attempt.
 */
export function toAttempt(given: unknown): ItemAttempt {
  if (given === undefined) return { tries: [] };
  return typeof given === 'object' && given !== null && 'tries' in given ? (given as ItemAttempt) : { tries: [given as Response] };
}

function fail(path: string, message: string, value: unknown): never {
  throw new RecallKitError('RK_INVALID_OPTIONS', `${message}, got ${describe(value)}`, path);
}

/**
 * Checks a policy once, before a quiz is scored.
 *
 * @param policy The policy.
 * @returns The policy.
 * @throws RecallKitError `RK_INVALID_OPTIONS` for an unknown kind or out-of-range numbers.
 */
export function checkPolicy(policy: Policy): Policy {
  if (typeof policy !== 'object' || policy === null) fail('policy', 'expected a policy object', policy);
  const unit = (v: unknown, path: string) => {
    if (v !== undefined && !(typeof v === 'number' && v >= 0 && v <= 1)) fail(path, 'expected a number from 0 to 1', v);
  };
  switch (policy.kind) {
    case 'deferred':
    case 'immediate':
    case 'cbm':
      return policy;
    case 'interactive':
      unit(policy.penalty, 'policy.penalty');
      if (policy.maxTries !== undefined && !(Number.isInteger(policy.maxTries) && policy.maxTries >= 1)) fail('policy.maxTries', 'expected a whole number >= 1', policy.maxTries);
      return policy;
    case 'negative':
      unit(policy.wrongPenalty, 'policy.wrongPenalty');
      if (policy.floor !== undefined && !(typeof policy.floor === 'number' && policy.floor <= 0 && policy.floor >= -1)) fail('policy.floor', 'expected a number from -1 to 0', policy.floor);
      return policy;
    default:
      return fail('policy.kind', 'expected deferred, immediate, interactive, negative or cbm', (policy as { kind: unknown }).kind);
  }
}

/**
 * Marks one question's tries under a policy.
 *
 * @param question The question.
 * @param attempt The tries (and certainty, for CBM).
 * @param policy The policy (checked with {@link checkPolicy}).
 * @param options Grading options; `points` must already be resolved.
 * @param path The attempt's path, for errors.
 * @returns The mark.
 */
export function markAttempt(question: Question, attempt: ItemAttempt, policy: Policy, options: GradeOptions, path: string): ItemMark {
  const tries = attempt.tries;
  if (!Array.isArray(tries)) bad(joinPath(path, 'tries'), 'expected an array of responses', tries);
  const gradeTry = (i: number): Outcome => grade(question, tries[i] as never, { ...options, path: joinPath(joinPath(path, 'tries'), i) });
  if (tries.length === 0) {
    const none: Outcome = { score: 0, maxScore: options.points ?? 1, fraction: 0, correct: false, partial: false, feedback: [NO_ANSWER] };
    return { fraction: 0, outcome: none, tries: 0, answered: false };
  }
  if (policy.kind === 'interactive') {
    // Moodle qbehaviour_interactive: an incomplete (empty) response is invalid and uses no try;
    // the question ends on the first right try or the last allowed one. adjust_fraction takes
    // `penalty` off for every try used before it (never below 0). Finishing after fewer tries
    // grades the last response, and each wrong try submitted so far counts (process_finish).
    const max = policy.maxTries ?? DEFAULT_MAX_TRIES;
    let used = 0;
    let o: Outcome | undefined;
    for (let i = 0; i < tries.length && used < max; i++) {
      const t = gradeTry(i);
      if (t.feedback.includes(NO_ANSWER)) {
        o ??= t;
        continue;
      }
      o = t;
      used++;
      if (t.fraction > RIGHT) break;
    }
    const last = o as Outcome;
    const ended = last.fraction > RIGHT || used === max;
    const penalties = used === 0 ? 0 : ended ? used - 1 : used;
    return { fraction: Math.max(0, last.fraction - (policy.penalty ?? DEFAULT_TRY_PENALTY) * penalties), outcome: last, tries: used, answered: used > 0 };
  }
  // Immediate feedback: the first submission is final. Every other policy: the last response.
  const o = gradeTry(policy.kind === 'immediate' ? 0 : tries.length - 1);
  const answered = !o.feedback.includes(NO_ANSWER);
  let fraction = o.fraction;
  if (answered && policy.kind === 'negative' && fraction < WRONG) fraction = -(policy.wrongPenalty ?? DEFAULT_WRONG_PENALTY);
  if (policy.kind === 'cbm') {
    const c = attempt.certainty ?? 1;
    if (c !== 1 && c !== 2 && c !== 3) bad(joinPath(path, 'certainty'), 'expected a certainty 1, 2 or 3', c);
    // Moodle question_cbm::adjust_fraction: a fraction <= question_utils::MARK_TOLERANCE
    // (0.00000005) takes the wrong mark; otherwise the right mark × fraction. Default certainty
    // is LOW (question_cbm::default_certainty).
    fraction = !answered ? 0 : fraction <= 0.00000005 ? (CBM_WRONG[c - 1] as number) : (CBM_RIGHT[c - 1] as number) * fraction;
  }
  return { fraction, outcome: o, tries: policy.kind === 'immediate' ? 1 : tries.length, answered };
}
