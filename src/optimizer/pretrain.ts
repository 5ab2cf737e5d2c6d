/**
 * Pretraining of the initial stabilities w0..w3 and the outlier filter that precedes it.
 *
 * Behaviour follows fsrs-rs v6.5.0 `parameter_initialization.rs` and `dataset.rs`
 * (`compute_outlier_analysis`): group each card's first long-term review by the card's first rating,
 * fit one stability per first rating to the pass rates by elapsed days, then make the four values
 * monotone and fill the missing ones.
 */
import { DEFAULT_WEIGHTS, INIT_S_MAX, S_MIN } from './params';

/** Pass counts of first long-term reviews for one (first rating, elapsed days) pair. */
export interface RecallGroup {
  /** Elapsed days of the first long-term review. */
  readonly deltaT: number;
  /** Reviews in the group. */
  readonly count: number;
  /** Passed reviews (rating > 1). */
  readonly passed: number;
}

/** One card's first long-term review: the card's first rating, its elapsed days and whether it passed. */
export interface FirstLongTerm {
  readonly firstRating: number;
  readonly deltaT: number;
  readonly passed: boolean;
}

/**
 * Finds rare (first rating, elapsed days) pairs: fsrs-rs drops the smallest groups until 5% of each
 * first-rating group (at least 20 reviews) is gone, and also groups with fewer than 6 reviews or with
 * elapsed days above 100 (365 for Easy). Cards whose first long-term review falls in a removed pair are
 * left out of training too.
 *
 * @param reviews One entry per card that has a long-term review.
 * @returns The removed pairs (`removed[rating]` holds elapsed days) and the kept entries' indices.
 */
export function findOutliers(reviews: readonly FirstLongTerm[]): { removed: Array<Set<number>>; kept: number[] } {
  const groups = new Map<number, Map<number, number[]>>();
  reviews.forEach((r, i) => {
    let byDelta = groups.get(r.firstRating);
    if (!byDelta) groups.set(r.firstRating, (byDelta = new Map()));
    let list = byDelta.get(r.deltaT);
    if (!list) byDelta.set(r.deltaT, (list = []));
    list.push(i);
  });
  const removed: Array<Set<number>> = [new Set(), new Set(), new Set(), new Set(), new Set()];
  const kept: number[] = [];
  for (const rating of [...groups.keys()].sort((a, b) => a - b)) {
    const sub = [...(groups.get(rating) as Map<number, number[]>)];
    // Smallest groups first; among equal sizes, shorter delays first.
    sub.sort((a, b) => a[1].length - b[1].length || a[0] - b[0]);
    const total = sub.reduce((n, [, list]) => n + list.length, 0);
    const quota = Math.max(20, Math.floor(total / 20));
    let dropped = 0;
    for (const [deltaT, list] of sub) {
      if (dropped + list.length >= quota) {
        if (list.length >= 6 && deltaT <= (rating !== 4 ? 100 : 365)) kept.push(...list);
        else (removed[rating] as Set<number>).add(deltaT);
      } else {
        dropped += list.length;
        (removed[rating] as Set<number>).add(deltaT);
      }
    }
  }
  return { removed, kept };
}

/**
 * Groups first long-term reviews by first rating and elapsed days.
 *
 * @param reviews The reviews (after the outlier filter).
 * @returns For each first rating present, its groups sorted by elapsed days.
 */
export function groupFirstReviews(reviews: readonly FirstLongTerm[]): Map<number, RecallGroup[]> {
  const acc = new Map<number, Map<number, { count: number; passed: number }>>();
  for (const r of reviews) {
    let byDelta = acc.get(r.firstRating);
    if (!byDelta) acc.set(r.firstRating, (byDelta = new Map()));
    const g = byDelta.get(r.deltaT) ?? { count: 0, passed: 0 };
    g.count++;
    if (r.passed) g.passed++;
    byDelta.set(r.deltaT, g);
  }
  const out = new Map<number, RecallGroup[]>();
  for (const [rating, byDelta] of acc) {
    out.set(
      rating,
      [...byDelta].map(([deltaT, g]) => ({ deltaT, count: g.count, passed: g.passed })).sort((a, b) => a.deltaT - b.deltaT),
    );
  }
  return out;
}

/**
 * The pretraining objective for one first rating: count-weighted log loss of the smoothed pass rates
 * under the default-decay forgetting curve, plus an L1 pull `|s - default| / 16` toward the default.
 *
 * Pass rates are Laplace-smoothed toward the overall recall, `(p n + avg) / (n + 1)`
 * (fsrs4anki PR #358), so a tiny group cannot claim 0% or 100%.
 *
 * @param groups The groups of one first rating.
 * @param s The candidate stability.
 * @param defaultS The default stability of that rating.
 * @param averageRecall The pass rate over all training items.
 * @returns The loss.
 */
export function pretrainLoss(groups: readonly RecallGroup[], s: number, defaultS: number, averageRecall: number): number {
  // The curve uses the default FSRS-6 decay, not the one being trained (as fsrs-rs does).
  const decay = -(DEFAULT_WEIGHTS[20] as number);
  const factor = 0.9 ** (1 / decay) - 1;
  let loss = 0;
  for (const g of groups) {
    const recall = (g.passed + averageRecall) / (g.count + 1);
    const p = (1 + (g.deltaT / s) * factor) ** decay;
    loss -= (recall * Math.log(p) + (1 - recall) * Math.log(1 - p)) * g.count;
  }
  return loss + Math.abs(s - defaultS) / 16;
}

/**
 * Fits the initial stability of one first rating by ternary search on [S_MIN, 100] (fsrs-rs
 * `search_parameters`: at most 1000 rounds, stopping when the bracket is below machine epsilon).
 *
 * @param groups The groups of that rating.
 * @param rating The first rating 1..4.
 * @param averageRecall The pass rate over all training items.
 * @returns The fitted stability.
 */
export function fitInitialStability(groups: readonly RecallGroup[], rating: number, averageRecall: number): number {
  const defaultS = DEFAULT_WEIGHTS[rating - 1] as number;
  let low = S_MIN;
  let high = INIT_S_MAX;
  let best = defaultS;
  for (let iter = 0; high - low > Number.EPSILON && iter < 1000; iter++) {
    const mid1 = low + (high - low) / 3;
    const mid2 = high - (high - low) / 3;
    const prevLow = low;
    const prevHigh = high;
    if (pretrainLoss(groups, mid1, defaultS, averageRecall) < pretrainLoss(groups, mid2, defaultS, averageRecall)) high = mid2;
    else low = mid1;
    best = (high + low) / 2;
    // Once the bracket is a few ulps wide it stops shrinking, and every further round would repeat this one.
    if (low === prevLow && high === prevHigh) break;
  }
  return best;
}

/**
 * Makes the fitted initial stabilities non-decreasing in the rating and fills missing ratings.
 *
 * Ported behaviour of fsrs-rs `smooth_and_fill`: an inverted pair takes the value of the rating with
 * more reviews; with one rating known, the defaults are scaled by its ratio to its default; with two or
 * three known, the others come from the geometric interpolation weights w1 = 0.41, w2 = 0.54 (fitted on
 * the FSRS benchmark's users: log S0(2) ≈ w1 log S0(1) + (1 - w1) log S0(3), log S0(3) ≈ (1 - w2) log S0(2) + w2 log S0(4)).
 *
 * @param stability Fitted stability by first rating (1..4); only ratings present in `counts` are used.
 * @param counts Review count by first rating.
 * @returns `[S0(1), S0(2), S0(3), S0(4)]` clamped to [S_MIN, 100], or `null` when no rating is known.
 */
export function smoothAndFill(stability: ReadonlyMap<number, number>, counts: ReadonlyMap<number, number>): [number, number, number, number] | null {
  const s = new Map<number, number>();
  for (const [rating, value] of stability) if (counts.has(rating)) s.set(rating, value);
  for (const [small, big] of [
    [1, 2],
    [2, 3],
    [3, 4],
    [1, 3],
    [2, 4],
    [1, 4],
  ] as const) {
    const a = s.get(small);
    const b = s.get(big);
    if (a !== undefined && b !== undefined && a > b) {
      if ((counts.get(small) ?? 0) > (counts.get(big) ?? 0)) s.set(big, a);
      else s.set(small, b);
    }
  }
  const w1 = 0.41;
  const w2 = 0.54;
  let r1 = s.get(1);
  let r2 = s.get(2);
  let r3 = s.get(3);
  let r4 = s.get(4);
  let out: number[];
  if (s.size === 0) return null;
  if (s.size === 1) {
    const [[rating, value]] = [...s] as [[number, number]];
    const ratio = value / (DEFAULT_WEIGHTS[rating - 1] as number);
    out = DEFAULT_WEIGHTS.slice(0, 4).map((x) => x * ratio).sort((a, b) => a - b);
  } else {
    if (s.size === 2) {
      const k = w1 / (w1 + w2 - w1 * w2);
      if (r3 !== undefined && r4 !== undefined && r1 === undefined && r2 === undefined) {
        r2 = r3 ** (1 / (1 - w2)) * r4 ** (1 - 1 / (1 - w2));
        r1 = r2 ** (1 / w1) * r3 ** (1 - 1 / w1);
      } else if (r2 !== undefined && r4 !== undefined && r1 === undefined && r3 === undefined) {
        r3 = r2 ** (1 - w2) * r4 ** w2;
        r1 = r2 ** (1 / w1) * r3 ** (1 - 1 / w1);
      } else if (r2 !== undefined && r3 !== undefined && r1 === undefined && r4 === undefined) {
        r4 = r2 ** (1 - 1 / w2) * r3 ** (1 / w2);
        r1 = r2 ** (1 / w1) * r3 ** (1 - 1 / w1);
      } else if (r1 !== undefined && r4 !== undefined && r2 === undefined && r3 === undefined) {
        const k2 = w2 / (w1 + w2 - w1 * w2);
        r2 = r1 ** k * r4 ** (1 - k);
        r3 = r1 ** (1 - k2) * r4 ** k2;
      } else if (r1 !== undefined && r3 !== undefined && r2 === undefined && r4 === undefined) {
        r2 = r1 ** w1 * r3 ** (1 - w1);
        r4 = r2 ** (1 - 1 / w2) * r3 ** (1 / w2);
      } else if (r1 !== undefined && r2 !== undefined && r3 === undefined && r4 === undefined) {
        r3 = r1 ** (1 - 1 / (1 - w1)) * r2 ** (1 / (1 - w1));
        r4 = r2 ** (1 - 1 / w2) * r3 ** (1 / w2);
      }
    } else if (s.size === 3) {
      if (r1 === undefined && r2 !== undefined && r3 !== undefined) r1 = r2 ** (1 / w1) * r3 ** (1 - 1 / w1);
      else if (r2 === undefined && r1 !== undefined && r3 !== undefined) r2 = r1 ** w1 * r3 ** (1 - w1);
      else if (r3 === undefined && r2 !== undefined && r4 !== undefined) r3 = r2 ** (1 - w2) * r4 ** w2;
      else if (r4 === undefined && r2 !== undefined && r3 !== undefined) r4 = r2 ** (1 - 1 / w2) * r3 ** (1 / w2);
    }
    out = [r1, r2, r3, r4] as number[];
  }
  const clamped = out.map((v) => Math.min(Math.max(v, S_MIN), INIT_S_MAX));
  return [clamped[0], clamped[1], clamped[2], clamped[3]] as [number, number, number, number];
}

/**
 * Pretrains w0..w3 from first long-term reviews (after the outlier filter).
 *
 * @param reviews The kept first long-term reviews.
 * @param averageRecall The pass rate over all training items.
 * @returns The four initial stabilities (or `null` with no data) and the review count per first rating.
 */
export function pretrainInitialStability(
  reviews: readonly FirstLongTerm[],
  averageRecall: number,
): { stability: [number, number, number, number] | null; counts: Map<number, number> } {
  const groups = groupFirstReviews(reviews);
  const counts = new Map<number, number>();
  const fitted = new Map<number, number>();
  for (const [rating, list] of groups) {
    counts.set(rating, list.reduce((n, g) => n + g.count, 0));
    fitted.set(rating, fitInitialStability(list, rating, averageRecall));
  }
  return { stability: smoothAndFill(fitted, counts), counts };
}
