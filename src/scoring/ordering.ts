import { joinPath } from '../core/errors';
import type { OrderingGradingType, OrderingQuestion } from '../schema/question';
import type { OrderingResponse, Outcome } from '../schema/response';
import { NO_ANSWER, bad, outcome } from './outcome';

/** Moodle qtype_ordering's default grading type (edit_ordering_form: GRADING_ABSOLUTE_POSITION). */
export const DEFAULT_ORDERING_GRADING: OrderingGradingType = 'absolute-position';

/**
 * Scores an order given as correct positions: `pos[i]` is the correct index of the item the
 * learner put at index i (a permutation of 0..n-1).
 *
 * Behaviour ported from Moodle qtype_ordering_question::grade_response (GPL; no code copied).
 *
 * @param pos The correct positions in the learner's order.
 * @param type The grading type.
 * @returns `[countCorrect, countAnswers]`; the fraction is their quotient.
 */
export function scoreOrder(pos: readonly number[], type: OrderingGradingType): [number, number] {
  const n = pos.length;
  let c = 0;
  let best = 0;
  const chain: number[] = [];
  for (let i = 0; i < n; i++) {
    const p = pos[i] as number;
    // "none" before the first item is -1 and after the last is n, so they match only the
    // correct first and last items (Moodle uses answer id 0 for "none").
    const prev = i > 0 ? (pos[i - 1] as number) : -1;
    const next = i < n - 1 ? (pos[i + 1] as number) : n;
    // ABSOLUTE_POSITION (and ALL_OR_NOTHING): the item is at its correct index.
    if (type === 'absolute-position' || type === 'all-or-nothing') c += +(p === i);
    // RELATIVE_NEXT_EXCLUDE_LAST: the item is followed by its correct successor; the item that
    // is last in the learner's order is not scored. INCLUDE_LAST also scores the correct last
    // item when it is placed last (its successor is "none" in both orders).
    else if (type === 'relative-next-exclude-last') c += +(i < n - 1 && next === p + 1);
    else if (type === 'relative-next-include-last') c += +(next === p + 1);
    // RELATIVE_ONE_PREVIOUS_AND_NEXT: its one previous and one next item, 2 points per item.
    else if (type === 'relative-one-previous-and-next') c += +(prev === p - 1) + +(next === p + 1);
    chain[i] = 1;
    for (let j = 0; j < i; j++) {
      const q = pos[j] as number;
      // RELATIVE_ALL_PREVIOUS_AND_NEXT: each pair in the right relative order scores twice (once
      // as "previous" of the later item, once as "next" of the earlier), out of n(n-1).
      if (q < p && type === 'relative-all-previous-and-next') c += 2;
      // LONGEST_ORDERED_SUBSET: longest chain in increasing correct order (not necessarily
      // adjacent). LONGEST_CONTIGUOUS_SUBSET: Moodle's get_ordered_subsets extends a subset
      // only by the value end+1, so the chain must hold consecutive correct positions.
      if (type === 'longest-contiguous-subset' ? q === p - 1 : q < p) chain[i] = Math.max(chain[i] as number, (chain[j] as number) + 1);
    }
    best = Math.max(best, chain[i] as number);
  }
  switch (type) {
    case 'all-or-nothing':
      return [c === n ? 1 : 0, 1];
    case 'relative-next-exclude-last':
      return [c, n - 1];
    case 'relative-one-previous-and-next':
      return [c, 2 * n];
    case 'relative-all-previous-and-next':
      return [c, n * (n - 1)];
    case 'longest-ordered-subset':
    case 'longest-contiguous-subset':
      // Moodle's get_ordered_subset starts from a best count of 1: a chain of one item scores 0.
      return [best > 1 ? best : 0, n];
    default:
      return [c, n];
  }
}

/**
 * Grades an ordering response with the question's grading type (default absolute position).
 *
 * Hint: the order must list every item id exactly once; an empty order counts as unanswered.
 *
 * @param q The question; `items` is the correct order.
 * @param r The response.
 * @param points The marks.
 * @param _o Unused.
 * @param path The response path, for errors.
 * @returns The outcome.
 */
export function gradeOrdering(q: OrderingQuestion, r: OrderingResponse, points: number, _o: unknown, path: string): Outcome {
  const p = joinPath(path, 'order');
  const order = r.order;
  if (!Array.isArray(order)) bad(p, 'expected an array', order);
  if (order.length === 0) return outcome(0, points, [NO_ANSWER]);
  const ids = q.items.map((x) => x.id);
  const n = ids.length;
  if (order.length !== n) bad(p, `expected all ${n} item ids`, order);
  const pos = order.map((id, i) => {
    const k = ids.indexOf(id);
    if (k < 0 || order.indexOf(id) !== i) bad(joinPath(p, i), k < 0 ? 'unknown id' : 'duplicate id', id);
    return k;
  });
  const [c, max] = scoreOrder(pos, q.gradingType ?? DEFAULT_ORDERING_GRADING);
  return outcome(max === 0 ? 0 : c / max, points, []);
}

/**
 * The ordering response that earns full marks: the items in their listed order.
 *
 * @param q The question.
 * @returns The response.
 */
export function correctOrdering(q: OrderingQuestion): OrderingResponse {
  return { type: 'ordering', order: q.items.map((i) => i.id) };
}
