import { joinPath } from '../core/errors';
import type { Question, QuestionType } from '../schema/question';
import type { Outcome, Response } from '../schema/response';
import { gradeMultipleChoice, gradeSingleChoice, gradeTrueFalse } from './choice';
import { gradeCloze } from './cloze';
import { gradeEssay } from './essay';
import { gradeFlashcard } from './flashcard';
import { gradeMatching } from './matching';
import { gradeNumeric } from './numeric';
import { gradeOrdering } from './ordering';
import { bad, record } from './outcome';
import { gradeShortAnswer } from './short-answer';
import type { GradeOptions, Grader } from './types';

// One grader per question type. The mapped type makes a new question type fail to compile
// until it has a grader here (STYLE.md: shared code never branches on the type).
const GRADERS: { readonly [T in QuestionType]: Grader<T> } = {
  'single-choice': gradeSingleChoice,
  'multiple-choice': gradeMultipleChoice,
  'true-false': gradeTrueFalse,
  numeric: gradeNumeric,
  'short-answer': gradeShortAnswer,
  cloze: gradeCloze,
  matching: gradeMatching,
  ordering: gradeOrdering,
  flashcard: gradeFlashcard,
  essay: gradeEssay,
};

/**
 * Resolves the marks a question is worth: `options.points`, else `question.points`, else 1.
 *
 * @param question The question.
 * @param points The override.
 * @param path Where the override came from, for errors.
 * @returns Positive finite marks.
 */
export function resolvePoints(question: Question, points: number | undefined, path = 'options.points'): number {
  const p = points ?? question.points ?? 1;
  if (typeof p !== 'number' || !(p > 0 && p < Infinity)) bad(path, 'expected positive points', p, 'RK_INVALID_OPTIONS');
  return p;
}

/**
 * Grades one response to one question with Moodle's rules for its type.
 *
 * Hint: shapes no UI would send (wrong type, unknown ids, duplicates, NaN, text over 100,000
 * characters) throw `RK_INVALID_RESPONSE` with the path; answers a learner can give (empty text,
 * no option, junk in a number field) score 0 with feedback. See docs/scoring.md.
 *
 * @param question The question (trusted: validated at the boundary).
 * @param response What the learner answered.
 * @param options Grading options (points, number parsing, units, text normalisation, typos).
 * @returns The outcome: score, maxScore, fraction in [0, 1], correct, partial, feedback, parts.
 * @throws RecallKitError `RK_INVALID_RESPONSE` for a response of the wrong shape.
 * @example
 * ```ts
 * const outcome = grade(question, { type: 'single-choice', optionId: 'b' })
 * outcome.fraction // 1 when b is the key
 * ```
 */
export function grade(question: Question, response: Response, options: GradeOptions = {}): Outcome {
  const path = options.path ?? '';
  record(response, path);
  if (response.type !== question.type) bad(joinPath(path, 'type'), `expected "${question.type}"`, response.type);
  const grader = GRADERS[question.type] as Grader<QuestionType> | undefined;
  if (!grader) bad('type', 'unknown question type', question.type, 'RK_INVALID_QUESTION');
  return grader(question as never, response as never, resolvePoints(question, options.points), options, path);
}
