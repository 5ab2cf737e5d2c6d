/**
 * The evaluator: how well a set of weights predicts recall in a dataset.
 *
 * Log loss and RMSE(bins) follow fsrs-rs v6.5.0 `FSRS::evaluate` (`inference.rs`): every review with at
 * least one elapsed day is predicted from the card's history before it, weighted by recency, and RMSE is
 * computed over bins of (interval, review count, lapse count) (`FSRSItem::r_matrix_index`).
 */
import { RecallKitError, describe } from '../core/errors';
import type { ReviewLog } from '../scheduler/types';
import { toDataset } from './dataset';
import type { PrepareOptions, ReviewDataset } from './dataset';
import { buildItems } from './items';
import { MAX_PROB, MIN_PROB, predictAll } from './model';
import type { PackedReviews } from './model';
import { WEIGHT_COUNT, clipWeights } from './params';
import type { ClipOptions } from './params';

/** How well weights predict a dataset. */
export interface Evaluation {
  /** Recency-weighted mean binary cross-entropy (lower is better). */
  readonly logLoss: number;
  /** Root mean squared gap between mean predicted and observed recall over fsrs-rs bins (lower is better). */
  readonly rmseBins: number;
  /** Area under the ROC curve of R against recall, unweighted; `null` when all reviews passed or all failed. */
  readonly auc: number | null;
  /** Number of predicted reviews. */
  readonly items: number;
}

/** Options for {@link evaluate}. */
export interface EvaluateOptions extends PrepareOptions, ClipOptions {}

/**
 * The fsrs-rs bin of one item: `(interval bin, review-count bin, lapse bin)`, each a rounded power of a base
 * (3.62 for days, 1.89 for long-term reviews + 1, 1.73 for lapses; 0 lapses is its own bin).
 *
 * @param deltaT Elapsed days of the predicted review (>= 1).
 * @param longTermReviews Reviews with elapsed days > 0 in the item, the predicted one included.
 * @param lapses Failed long-term reviews before the predicted one.
 * @returns A bin key.
 */
export function binKey(deltaT: number, longTermReviews: number, lapses: number): string {
  const deltaBin = Math.round(2.48 * 3.62 ** Math.floor(Math.log(deltaT) / Math.log(3.62)) * 100);
  const length = longTermReviews + 1;
  const lengthBin = Math.round(1.99 * 1.89 ** Math.floor(Math.log(length) / Math.log(1.89)));
  const lapseBin = lapses === 0 ? 0 : Math.round(1.65 * 1.73 ** Math.floor(Math.log(lapses) / Math.log(1.73)));
  return `${deltaBin},${lengthBin},${lapseBin}`;
}

/**
 * Checks and clips a weight vector.
 *
 * @param weights The weights.
 * @param path The name for error messages.
 * @param clip Clip options.
 * @returns A clipped copy.
 */
export function checkWeights(weights: unknown, path: string, clip: ClipOptions = {}): number[] {
  if (!Array.isArray(weights) || weights.length !== WEIGHT_COUNT) {
    throw new RecallKitError('RK_INVALID_PARAMETERS', `expected ${WEIGHT_COUNT} FSRS-6 weights, got ${describe(weights)}`, path);
  }
  weights.forEach((w, i) => {
    if (typeof w !== 'number' || !Number.isFinite(w)) {
      throw new RecallKitError('RK_INVALID_PARAMETERS', `weight must be a finite number, got ${describe(w)}`, `${path}[${i}]`);
    }
  });
  return clipWeights(weights as number[], clip);
}

const LOG_362 = Math.log(3.62);
const LOG_189 = Math.log(1.89);
const LOG_173 = Math.log(1.73);

/** The bin as one number from the three floor exponents (the same partition as {@link binKey}, no strings). */
function binIndex(deltaT: number, longTermReviews: number, lapses: number): number {
  const kd = Math.floor(Math.log(deltaT) / LOG_362);
  const kl = Math.floor(Math.log(longTermReviews + 1) / LOG_189);
  const kx = lapses === 0 ? 0 : 1 + Math.floor(Math.log(lapses) / LOG_173);
  return (kd * 1000 + kl) * 1000 + kx;
}

/**
 * Scores predictions of packed items (weights in `packed.weight` are the recency weights).
 *
 * @param packed Packed items.
 * @param predictions One R per review (NaN where not scored).
 * @returns The metrics.
 */
export function scorePredictions(packed: PackedReviews, predictions: Float64Array): Evaluation {
  const bins = new Map<number, number>();
  // Per bin: predicted sum, actual sum, count, weight.
  const binSums: number[] = [];
  let pos = 0;
  let neg = 0;
  for (let k = 0; k < packed.weight.length; k++) if ((packed.weight[k] as number) > 0) (packed.rating[k] as number) > 1 ? pos++ : neg++;
  const posR = new Float64Array(pos);
  const negR = new Float64Array(neg);
  pos = 0;
  neg = 0;
  let loss = 0;
  let weightSum = 0;
  const cards = packed.cardStart.length - 1;
  for (let c = 0; c < cards; c++) {
    const start = packed.cardStart[c] as number;
    const end = packed.cardStart[c + 1] as number;
    let longTerm = 0;
    let lapses = 0;
    for (let k = start; k < end; k++) {
      const t = packed.deltaT[k] as number;
      const g = packed.rating[k] as number;
      if (t > 0) longTerm++;
      const wt = packed.weight[k] as number;
      if (k > start && wt > 0) {
        const r = predictions[k] as number;
        const y = g > 1 ? 1 : 0;
        // fsrs-rs fails on an infinite loss; clamping as in training keeps it finite instead.
        const rc = Math.min(Math.max(r, MIN_PROB), MAX_PROB);
        loss -= wt * (y === 1 ? Math.log(rc) : Math.log(1 - rc));
        weightSum += wt;
        const key = binIndex(t, longTerm, lapses);
        let b = bins.get(key);
        if (b === undefined) {
          b = binSums.length;
          bins.set(key, b);
          binSums.push(0, 0, 0, 0);
        }
        binSums[b] = (binSums[b] as number) + r;
        binSums[b + 1] = (binSums[b + 1] as number) + y;
        binSums[b + 2] = (binSums[b + 2] as number) + 1;
        binSums[b + 3] = (binSums[b + 3] as number) + wt;
        if (y === 1) posR[pos++] = r;
        else negR[neg++] = r;
      }
      if (g === 1 && t > 0) lapses++;
    }
  }
  let se = 0;
  let binWeight = 0;
  for (let b = 0; b < binSums.length; b += 4) {
    const count = binSums[b + 2] as number;
    se += ((binSums[b] as number) / count - (binSums[b + 1] as number) / count) ** 2 * (binSums[b + 3] as number);
    binWeight += binSums[b + 3] as number;
  }
  return {
    logLoss: weightSum > 0 ? loss / weightSum : 0,
    rmseBins: binWeight > 0 ? Math.sqrt(se / binWeight) : 0,
    auc: aucSorted(posR.sort(), negR.sort()),
    items: pos + neg,
  };
}

/** AUC from sorted scores of passed and failed reviews: P(R_pass > R_fail) + P(equal) / 2. */
function aucSorted(posR: Float64Array, negR: Float64Array): number | null {
  if (posR.length === 0 || negR.length === 0) return null;
  let below = 0;
  let upTo = 0;
  let sum = 0;
  for (let i = 0; i < posR.length; i++) {
    const p = posR[i] as number;
    while (below < negR.length && (negR[below] as number) < p) below++;
    if (upTo < below) upTo = below;
    while (upTo < negR.length && (negR[upTo] as number) <= p) upTo++;
    sum += below + (upTo - below) / 2;
  }
  return sum / (posR.length * negR.length);
}

/**
 * ROC AUC (Mann-Whitney), ties counted half.
 *
 * @param scores Predicted probabilities.
 * @param labels 0/1 outcomes.
 * @returns The AUC, or `null` when only one class occurs.
 */
export function rocAuc(scores: readonly number[], labels: readonly number[]): number | null {
  const pos = scores.filter((_, i) => labels[i] === 1);
  const neg = scores.filter((_, i) => labels[i] !== 1);
  return aucSorted(Float64Array.from(pos).sort(), Float64Array.from(neg).sort());
}

/**
 * Measures how well FSRS-6 weights predict recall in review logs.
 *
 * Every review with at least one elapsed day is predicted from the card's earlier reviews. Log loss and
 * RMSE(bins) are recency-weighted like fsrs-rs's `evaluate`, so the numbers compare with
 * `FSRSBinding.evaluate` on the same items in the same order.
 *
 * Hint: the weights are clipped to the FSRS-6 bounds first, as fsrs-rs and ts-fsrs do.
 *
 * @param weights 21 FSRS-6 weights.
 * @param input Review logs or a dataset from `prepareReviews` / `parseAnkiRevlogCsv`.
 * @param options Conversion and clipping options.
 * @returns Log loss, RMSE(bins), AUC and the item count.
 * @throws RecallKitError `RK_INVALID_PARAMETERS` for bad weights, the `prepareReviews` codes for bad logs.
 * @example
 * ```ts
 * const { logLoss, rmseBins } = evaluate(weights, logs)
 * ```
 */
export function evaluate(weights: readonly number[], input: readonly ReviewLog[] | ReviewDataset, options: EvaluateOptions = {}): Evaluation {
  const w = checkWeights(weights, 'weights', options);
  const dataset = toDataset(input, options);
  const items = buildItems(dataset, { filterOutliers: false, maxSeqLen: Number.POSITIVE_INFINITY });
  const packed = { ...items.packed, weight: items.evalWeight };
  return scorePredictions(packed, predictAll(Float64Array.from(w), packed));
}
