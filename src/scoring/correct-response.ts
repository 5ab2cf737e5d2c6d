import { RecallKitError, describe } from '../core/errors';
import type { Question, QuestionType } from '../schema/question';
import type { Response } from '../schema/response';
import { bestOption } from './choice';
import { correctCloze } from './cloze';
import { correctEssay } from './essay';
import { correctFlashcard } from './flashcard';
import { correctMatching } from './matching';
import { correctNumeric } from './numeric';
import { correctOrdering } from './ordering';
import { bestText, withCase } from './short-answer';
import type { CorrectResponder, GradeOptions } from './types';

// One builder per question type; like GRADERS, a new type fails to compile until it has one.
const CORRECT: { readonly [T in QuestionType]: CorrectResponder<T> } = {
  'single-choice': (q) => ({ type: 'single-choice', optionId: bestOption(q.options) }),
  'multiple-choice': (q) => ({
    type: 'multiple-choice',
    // Every option with positive credit; without fractions, exactly the keys.
    optionIds: q.options.filter((o) => (o.fraction === undefined ? o.correct : o.fraction > 0)).map((o) => o.id),
  }),
  'true-false': (q) => ({ type: 'true-false', value: q.answer }),
  numeric: correctNumeric,
  'short-answer': (q, o) => ({ type: 'short-answer', text: bestText(q.answers, withCase(o, q.caseSensitive)) }),
  cloze: correctCloze,
  matching: correctMatching,
  ordering: correctOrdering,
  flashcard: correctFlashcard,
  essay: correctEssay,
};

/**
 * Returns the response that earns the most credit, like QTI's `correctResponse`: for every
 * well-formed auto-graded question, `grade(q, correctResponse(q))` is full marks.
 *
 * Hint: pass the same options you grade with (units, normalisation); with `units: 'required'`
 * a numeric answer carries its unit. For an essay it is the model answer with a full rubric.
 *
 * @param question The question.
 * @param options The grading options.
 * @returns A response of the question's type.
 * @example
 * ```ts
 * grade(q, correctResponse(q)).correct // true
 * ```
 */
export function correctResponse(question: Question, options: GradeOptions = {}): Response {
  const build = CORRECT[question.type] as CorrectResponder<QuestionType> | undefined;
  if (!build) throw new RecallKitError('RK_INVALID_QUESTION', `unknown question type ${describe(question.type)}`, 'type');
  return build(question as never, options);
}
