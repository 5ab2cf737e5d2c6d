import { joinPath } from '../core/errors';
import type { OrderingGradingType, OrderingQuestion } from '../schema/question';
import type { OrderingResponse, Outcome } from '../schema/response';
import { NO_ANSWER, bad, outcome } from './outcome';

/** Moodle qtype_ordering's default grading type (edit_ordering_form: GRADING_ABSOLUTE_POSITION). */
export const DEFAULT_ORDERING_GRADING: OrderingGradingType = 'absolute-position';

/**
 * Scores an order given as correct positions: `pos[i]` is the correct index of the item the
 * learner put at index i (a permutation of 0..n-1). Every grading type's count is computed in
 * one pass; the type picks one.
 *
 * Behaviour ported from Moodle qtype_ordering_question::grade_response (GPL; no code copied).
 *
 * @param pos The correct positions in the learner's order.
 * @param type The grading type (default absolute position).
 * @returns `[countCorrect, countAnswers]`; the fraction is their quotient.
 */
export function scoreOrder(pos: readonly number[], type: OrderingGradingType | undefined): [number, number] {
  const n = pos.length;
  let absolute = 0;
  let next = 0;
  let prev = 0;
  let pairs = 0;
  let longest = 0;
  let contiguous = 0;
  const lis: number[] = [];
  const run: number[] = [];
  for (let i = 0; i < n; i++) {
    const p = pos[i] as number;
    // "None" before the first item is -1 and after the last is n, so they match only the correct
    // first and last items (Moodle uses answer id 0 for "none").
    absolute += +(p === i);
    next += +((i < n - 1 ? (pos[i + 1] as number) : n) === p + 1);
    prev += +((i > 0 ? (pos[i - 1] as number) : -1) === p - 1);
    lis[i] = run[i] = 1;
    for (let j = 0; j < i; j++) {
      const q = pos[j] as number;
      if (q < p) {
        pairs++;
        lis[i] = Math.max(lis[i] as number, (lis[j] as number) + 1);
      }
      // Moodle's get_ordered_subsets (contiguous) extends a subset only by the value end + 1.
      if (q === p - 1) run[i] = (run[j] as number) + 1;
    }
    longest = Math.max(longest, lis[i] as number);
    contiguous = Math.max(contiguous, run[i] as number);
  }
  // Moodle's get_ordered_subset starts from a best count of 1: a subset of one item scores 0.
  const subset = (k: number): [number, number] => [k > 1 ? k : 0, n];
  const last = +(pos[n - 1] === n - 1);
  const counts: Record<OrderingGradingType, [number, number]> = {
    // ALL_OR_NOTHING: every item at its correct index, else 0.
    'all-or-nothing': [+(absolute === n), 1],
    // ABSOLUTE_POSITION: one point per item at its correct index.
    'absolute-position': [absolute, n],
    // RELATIVE_NEXT_EXCLUDE_LAST: an item scores when its correct successor follows it; the
    // learner's last item is not scored (n - 1 points).
    'relative-next-exclude-last': [next - last, n - 1],
    // RELATIVE_NEXT_INCLUDE_LAST: also scores the correct last item when it is placed last.
    'relative-next-include-last': [next, n],
    // RELATIVE_ONE_PREVIOUS_AND_NEXT: its one previous and one next item, 2 points per item.
    'relative-one-previous-and-next': [next + prev, 2 * n],
    // RELATIVE_ALL_PREVIOUS_AND_NEXT: every item before it that belongs before it and every item
    // after it that belongs after it: each pair in the right relative order counts twice.
    'relative-all-previous-and-next': [2 * pairs, n * (n - 1)],
    // LONGEST_ORDERED_SUBSET: the longest chain in increasing correct order, not necessarily adjacent.
    'longest-ordered-subset': subset(longest),
    // LONGEST_CONTIGUOUS_SUBSET: the longest chain of consecutive correct positions k, k+1, ...
    'longest-contiguous-subset': subset(contiguous),
  };
  return counts[type ?? DEFAULT_ORDERING_GRADING] ?? counts[DEFAULT_ORDERING_GRADING];
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
  if (order.length !== n) bad(p, `expected ${n} ids`, order);
  const pos = order.map((id, i) => {
    const k = ids.indexOf(id);
    if (k < 0 || order.indexOf(id) !== i) bad(joinPath(p, i), k < 0 ? 'unknown id' : 'duplicate id', id);
    return k;
  });
  const [c, max] = scoreOrder(pos, q.gradingType);
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
