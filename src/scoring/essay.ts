import { joinPath } from '../core/errors';
import type { EssayQuestion } from '../schema/question';
import type { EssayResponse, Outcome } from '../schema/response';
import { bad, outcome, record, text } from './outcome';

/** Feedback while an essay waits for a person to mark it. */
export const AWAITING_REVIEW = 'Awaiting review.';

/**
 * Grades an essay response. Essays are not auto-graded (Moodle qtype_essay: "requires
 * grading"): without rubric scores the outcome scores 0 with `needsReview: true`; with a score
 * for every criterion, the fraction is the rubric points earned over the rubric total.
 *
 * Hint: a partly marked rubric still has `needsReview: true`; its score counts what is marked.
 *
 * @param q The question.
 * @param r The response, with `rubricScores` once marked.
 * @param points The marks.
 * @param _o Unused.
 * @param path The response path, for errors.
 * @returns The outcome.
 */
export function gradeEssay(q: EssayQuestion, r: EssayResponse, points: number, _o: unknown, path: string): Outcome {
  text(r.text, joinPath(path, 'text'));
  const p = joinPath(path, 'rubricScores');
  const scores = r.rubricScores === undefined ? {} : record(r.rubricScores, p);
  let total = 0;
  let earned = 0;
  let marked = 0;
  for (const c of q.rubric) total += c.points;
  // Own keys only: `for…in` would also count criteria inherited through the prototype chain.
  for (const id of Object.keys(scores)) {
    const c = q.rubric.find((x) => x.id === id);
    const s = scores[id];
    if (!c || typeof s !== 'number' || !(s >= 0 && s <= c.points)) bad(joinPath(p, id), 'expected a criterion id and 0..points', s);
    earned += s;
    marked++;
  }
  const done = marked === q.rubric.length;
  const o = outcome(earned / total, points, done ? [] : [AWAITING_REVIEW]);
  return done ? o : { ...o, needsReview: true };
}

/**
 * The essay response that earns full marks: the model answer with every criterion at full points.
 *
 * @param q The question.
 * @returns The response.
 */
export function correctEssay(q: EssayQuestion): EssayResponse {
  const rubricScores: Record<string, number> = {};
  for (const c of q.rubric) rubricScores[c.id] = c.points;
  return { type: 'essay', text: q.modelAnswer ?? '', rubricScores };
}
