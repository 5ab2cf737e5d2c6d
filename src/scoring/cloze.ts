import { joinPath } from '../core/errors';
import type { ClozeGap, ClozeQuestion } from '../schema/question';
import type { ClozeResponse, Outcome, OutcomePart } from '../schema/response';
import { bestOption, gradeSingleChoice } from './choice';
import { correctNumeric, gradeNumeric, numberText } from './numeric';
import { NO_ANSWER, outcome, texts } from './outcome';
import { bestText, gradeText, withCase } from './short-answer';
import type { GradeOptions } from './types';

function gradeGap(g: ClozeGap, value: string, o: GradeOptions, path: string): Outcome {
  return g.type === 'short-answer'
    ? gradeText(g.answers, value, 1, withCase(o, g.caseSensitive))
    : g.type === 'numeric'
      ? gradeNumeric(g, { type: 'numeric', value }, 1, o, path)
      : gradeSingleChoice(g as never, { type: 'single-choice', optionId: value === '' ? null : value }, 1, o, path);
}

/**
 * Grades a cloze response: each gap as its own sub-type, the question fraction being the
 * weighted mean of the gap fractions (Moodle qtype_multianswer: each sub-question has its own
 * mark, default 1, and the question grade is their sum scaled to the question's marks).
 *
 * Hint: a missing gap counts as unanswered (0); a gap id the question does not have is an error.
 *
 * @param q The question.
 * @param r The response: gap id -> what was entered (text, number as text, or option id).
 * @param points The marks.
 * @param o The options.
 * @param path The response path, for errors.
 * @returns The outcome, with one part per gap.
 */
export function gradeCloze(q: ClozeQuestion, r: ClozeResponse, points: number, o: GradeOptions, path: string): Outcome {
  const p = joinPath(path, 'gaps');
  const list = q.gaps;
  const values = texts(r.gaps, list, p);
  let total = 0;
  for (const g of list) total += g.weight ?? 1;
  let sum = 0;
  let answered = false;
  const parts: OutcomePart[] = list.map((g, i) => {
    const value = values[i] as string;
    if (value.trim() !== '') answered = true;
    const res = gradeGap(g, value, o, joinPath(p, g.id));
    const share = (g.weight ?? 1) / total;
    sum += share * res.fraction;
    return { id: g.id, score: res.fraction * share * points, maxScore: share * points, fraction: res.fraction, correct: res.correct, feedback: res.feedback };
  });
  return outcome(sum, points, answered ? [] : [NO_ANSWER], parts);
}

/**
 * The cloze response that earns full marks: the best answer of every gap.
 *
 * @param q The question.
 * @param o The options.
 * @returns The response.
 */
export function correctCloze(q: ClozeQuestion, o: GradeOptions): ClozeResponse {
  const gaps: Record<string, string> = {};
  for (const g of q.gaps) {
    if (g.type === 'short-answer') gaps[g.id] = bestText(g.answers, withCase(o, g.caseSensitive));
    else if (g.type === 'numeric') {
      const v = correctNumeric({ ...g, type: 'numeric' } as never, { ...o, units: 'optional' }).value;
      // A gap is typed text: write it with the configured decimal separator.
      gaps[g.id] = typeof v === 'number' ? numberText(v, o) : v;
    } else {
      gaps[g.id] = bestOption(g.options);
    }
  }
  return { type: 'cloze', gaps };
}
