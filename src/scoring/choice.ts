import { joinPath } from '../core/errors';
import type { ChoiceOption, MultipleChoiceQuestion, SingleChoiceQuestion, TrueFalseQuestion } from '../schema/question';
import type { MultipleChoiceResponse, Outcome, SingleChoiceResponse, TrueFalseResponse } from '../schema/response';
import { NO_ANSWER, bad, outcome } from './outcome';

/** Moodle qtype_multichoice string `toomanyselected`. */
export const TOO_MANY_SELECTED = 'You have selected too many options.';

/**
 * The credit of one option.
 *
 * Single choice: `fraction`, else 1 for the key and 0 for the others (Moodle's 100% / None).
 * Multiple choice: `fraction`, else +1/k for each of the k keys and −1/k for each wrong option
 * (right-minus-wrong; see docs/scoring.md for why not Moodle's "None").
 *
 * @param option The option.
 * @param keys The number of correct options (1 for single choice).
 * @param multiple Whether the question is multiple choice.
 * @returns The credit, −1..1.
 */
export function optionCredit(option: ChoiceOption, keys: number, multiple: boolean): number {
  if (option.fraction !== undefined) return option.fraction;
  if (!multiple) return option.correct ? 1 : 0;
  return option.correct ? 1 / keys : -1 / keys;
}

/**
 * The id of the option with the most credit (the first on a tie).
 *
 * @param options The options.
 * @returns Its id.
 */
export function bestOption(options: readonly ChoiceOption[]): string {
  let best = options[0] as ChoiceOption;
  for (const o of options) if (optionCredit(o, 1, false) > optionCredit(best, 1, false)) best = o;
  return best.id;
}

function findOption(options: readonly ChoiceOption[], id: unknown, path: string): ChoiceOption {
  if (typeof id === 'string') for (const o of options) if (o.id === id) return o;
  return bad(path, 'unknown id', id);
}

/**
 * Grades a single-choice response: the chosen option's credit (Moodle qtype_multichoice, one answer).
 *
 * Hint: a negative option fraction is clamped to 0 here; use the negative-marking policy to
 * penalise wrong answers in a quiz.
 *
 * @param q The question.
 * @param r The response.
 * @param points The marks.
 * @param _o Unused.
 * @param path The response path, for errors.
 * @returns The outcome.
 */
export function gradeSingleChoice(q: SingleChoiceQuestion, r: SingleChoiceResponse, points: number, _o: unknown, path: string): Outcome {
  if (r.optionId === null) return outcome(0, points, [NO_ANSWER]);
  const o = findOption(q.options, r.optionId, joinPath(path, 'optionId'));
  return outcome(optionCredit(o, 1, false), points, o.feedback === undefined ? [] : [o.feedback]);
}

/**
 * Grades a multiple-choice response: the sum of the ticked options' credits, clamped to [0, 1]
 * (Moodle qtype_multichoice_multi_question::grade_response). Ticking more options than there are
 * keys is graded the same way and adds Moodle's "You have selected too many options.".
 *
 * @param q The question.
 * @param r The response.
 * @param points The marks.
 * @param _o Unused.
 * @param path The response path, for errors.
 * @returns The outcome.
 */
export function gradeMultipleChoice(q: MultipleChoiceQuestion, r: MultipleChoiceResponse, points: number, _o: unknown, path: string): Outcome {
  const ids = r.optionIds;
  const p = joinPath(path, 'optionIds');
  if (!Array.isArray(ids)) bad(p, 'expected an array', ids);
  if (ids.length === 0) return outcome(0, points, [NO_ANSWER]);
  const options = q.options;
  const keys = options.filter((o) => o.correct).length;
  let sum = 0;
  const feedback: string[] = [];
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] as string;
    if (ids.indexOf(id) !== i) bad(joinPath(p, i), 'duplicate id', id);
    const o = findOption(options, id, joinPath(p, i));
    sum += optionCredit(o, keys, true);
    if (o.feedback !== undefined) feedback.push(o.feedback);
  }
  if (ids.length > keys) feedback.push(TOO_MANY_SELECTED);
  return outcome(sum, points, feedback);
}

/**
 * Grades a true/false response: 1 when it equals the answer, else 0 (Moodle qtype_truefalse).
 * The feedback is the one written for the option the learner chose.
 *
 * @param q The question.
 * @param r The response.
 * @param points The marks.
 * @param _o Unused.
 * @param path The response path, for errors.
 * @returns The outcome.
 */
export function gradeTrueFalse(q: TrueFalseQuestion, r: TrueFalseResponse, points: number, _o: unknown, path: string): Outcome {
  const v = r.value;
  if (v === null) return outcome(0, points, [NO_ANSWER]);
  if (typeof v !== 'boolean') bad(joinPath(path, 'value'), 'expected a boolean or null', v);
  const fb = v ? q.feedbackTrue : q.feedbackFalse;
  return outcome(v === q.answer ? 1 : 0, points, fb === undefined ? [] : [fb]);
}
