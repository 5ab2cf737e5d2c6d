import { joinPath } from '../core/errors';
import type { MatchingQuestion } from '../schema/question';
import type { MatchingResponse, Outcome, OutcomePart } from '../schema/response';
import { NO_ANSWER, bad, outcome, texts } from './outcome';

/**
 * Grades a matching response: the fraction is the number of left items matched with their own
 * right item divided by the number of left items (Moodle qtype_match_question::grade_response,
 * right / count(stems)). Choosing a distractor, or leaving an item empty, makes that pair wrong.
 *
 * Hint: a right text that is neither a pair's right item nor a distractor, or a pair id the
 * question does not have, is an error: no UI can offer it.
 *
 * @param q The question.
 * @param r The response: pair id -> the right-hand text chosen.
 * @param points The marks.
 * @param _o Unused.
 * @param path The response path, for errors.
 * @returns The outcome, with one part per pair.
 */
export function gradeMatching(q: MatchingQuestion, r: MatchingResponse, points: number, _o: unknown, path: string): Outcome {
  const p = joinPath(path, 'matches');
  const pairs = q.pairs;
  const values = texts(r.matches, pairs, p);
  const n = pairs.length;
  let right = 0;
  let answered = false;
  const share = points / n;
  const parts: OutcomePart[] = pairs.map((pair, i) => {
    const v = values[i] as string;
    if (v !== '') answered = true;
    const ok = v === pair.right;
    if (v !== '' && !ok && !pairs.some((x) => x.right === v) && !q.distractors?.includes(v)) bad(joinPath(p, pair.id), 'unknown text', v);
    if (ok) right++;
    return { id: pair.id, score: +ok * share, maxScore: share, fraction: +ok, correct: ok };
  });
  return outcome(right / n, points, answered ? [] : [NO_ANSWER], parts);
}

/**
 * The matching response that earns full marks: every pair with its own right item.
 *
 * @param q The question.
 * @returns The response.
 */
export function correctMatching(q: MatchingQuestion): MatchingResponse {
  const matches: Record<string, string> = {};
  for (const pair of q.pairs) matches[pair.id] = pair.right;
  return { type: 'matching', matches };
}
