/**
 * Fits personal FSRS-6 weights to review logs, following the fsrs-rs method (v6.5.0 `training.rs`):
 * outlier filter, pretraining of w0..w3, recency-weighted binary cross-entropy with an L2 pull toward the
 * start weights, Adam with cosine annealing, clipping after every step, best epoch kept.
 */
import { RecallKitError, describe } from '../core/errors';
import { createPrng, shuffle } from '../core/prng';
import type { ReviewLog } from '../scheduler/types';
import { toDataset } from './dataset';
import type { PrepareOptions, PrepareReport, ReviewDataset } from './dataset';
import { checkWeights, scorePredictions } from './evaluate';
import type { Evaluation } from './evaluate';
import { buildItems } from './items';
import type { ItemSet } from './items';
import { cardsLossAndGrad, createScratch, predictAll } from './model';
import { DEFAULT_WEIGHTS, WEIGHT_COUNT, WEIGHT_STDDEV, clipWeightsInPlace } from './params';
import { pretrainInitialStability, smoothAndFill } from './pretrain';

/** Progress of a fit, reported after every batch. */
export interface OptimizeProgress {
  /** Current epoch, 1-based. */
  readonly epoch: number;
  /** Epochs in total. */
  readonly epochs: number;
  /** Items processed so far, over all epochs. */
  readonly done: number;
  /** Items to process in total (items x epochs). */
  readonly total: number;
}

/** Options for {@link optimize}. Defaults are fsrs-rs's `TrainingConfig` defaults. */
export interface OptimizeOptions extends PrepareOptions {
  /** Fit w17..w19 and same-day reviews' effect (default true); when false they are 0 and w0..w3 stay pretrained. */
  readonly enableShortTerm?: boolean;
  /** Relearning steps the learner uses (tightens the w17/w18 bound when > 1). Default 1. */
  readonly numRelearningSteps?: number;
  /** Passes over the data. Default 5. */
  readonly epochs?: number;
  /** Items per Adam step (whole cards are kept together). Default 512. */
  readonly batchSize?: number;
  /** Initial Adam learning rate, annealed to 0 by a cosine. Default 0.04. */
  readonly learningRate?: number;
  /** Strength of the L2 pull toward the start weights. Default 1. */
  readonly gamma?: number;
  /** Items longer than this many reviews are left out. Default 256. */
  readonly maxSeqLen?: number;
  /** Seed of the card and batch shuffles; the same seed and data give the same weights. Default 2023. */
  readonly seed?: string | number;
  /** Called after every batch. */
  readonly onProgress?: (progress: OptimizeProgress) => void;
  /** Aborts the fit; it then rejects with `RK_ABORTED`. */
  readonly signal?: AbortSignal;
  /** Batches between yields to the event loop (so timers and aborts get through). Default 16; 0 never yields. */
  readonly yieldEvery?: number;
}

/** The outcome of a fit. */
export interface OptimizeResult {
  /** The fitted 21 FSRS-6 weights. */
  readonly weights: number[];
  /**
   * How far the fit got: `'defaults'` (fewer than 8 items, or no first long-term reviews),
   * `'pretrained'` (fewer than 64 items, or only first long-term reviews: w0..w3 fitted, the rest default),
   * `'trained'` (full fit).
   */
  readonly stage: 'defaults' | 'pretrained' | 'trained';
  /** The fitted weights evaluated on all the data (as `evaluate` does). */
  readonly metrics: Evaluation;
  /** Mean training loss (with the L2 term) after each epoch. */
  readonly epochLoss: readonly number[];
  /** What the data held and what was left out. */
  readonly data: {
    readonly cards: number;
    readonly items: number;
    readonly pretrainItems: number;
    readonly outlierCards: number;
    readonly tooLong: number;
    readonly report: PrepareReport;
  };
}

interface Config {
  enableShortTerm: boolean;
  numRelearningSteps: number;
  epochs: number;
  batchSize: number;
  learningRate: number;
  gamma: number;
  maxSeqLen: number;
  seed: string | number;
  yieldEvery: number;
}

function checkNumber(value: unknown, name: string, fallback: number, min: number, integer: boolean): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || (integer && !Number.isInteger(value))) {
    const what = integer ? `an integer >= ${min}` : `a finite number >= ${min}`;
    throw new RecallKitError('RK_INVALID_OPTIONS', `${name} must be ${what}, got ${describe(value)}`, `options.${name}`);
  }
  return value;
}

function checkConfig(options: OptimizeOptions): Config {
  if (typeof options !== 'object' || options === null) {
    throw new RecallKitError('RK_INVALID_OPTIONS', `options must be an object, got ${describe(options)}`, 'options');
  }
  if (options.enableShortTerm !== undefined && typeof options.enableShortTerm !== 'boolean') {
    throw new RecallKitError('RK_INVALID_OPTIONS', `enableShortTerm must be a boolean, got ${describe(options.enableShortTerm)}`, 'options.enableShortTerm');
  }
  if (options.onProgress !== undefined && typeof options.onProgress !== 'function') {
    throw new RecallKitError('RK_INVALID_OPTIONS', `onProgress must be a function, got ${describe(options.onProgress)}`, 'options.onProgress');
  }
  const seed = options.seed ?? 2023;
  if ((typeof seed !== 'string' && typeof seed !== 'number') || (typeof seed === 'number' && !Number.isFinite(seed))) {
    throw new RecallKitError('RK_INVALID_SEED', `seed must be a string or a finite number, got ${describe(seed)}`, 'options.seed');
  }
  const learningRate = checkNumber(options.learningRate, 'learningRate', 0.04, 0, false);
  return {
    enableShortTerm: options.enableShortTerm ?? true,
    numRelearningSteps: checkNumber(options.numRelearningSteps, 'numRelearningSteps', 1, 0, true),
    epochs: checkNumber(options.epochs, 'epochs', 5, 1, true),
    batchSize: checkNumber(options.batchSize, 'batchSize', 512, 1, true),
    learningRate,
    gamma: checkNumber(options.gamma, 'gamma', 1, 0, false),
    maxSeqLen: checkNumber(options.maxSeqLen, 'maxSeqLen', 256, 2, true),
    seed,
    yieldEvery: checkNumber(options.yieldEvery, 'yieldEvery', 16, 0, true),
  };
}

function aborted(): RecallKitError {
  return new RecallKitError('RK_ABORTED', 'the optimization was aborted');
}

/**
 * Yields one macrotask so timers, messages and aborts get through. `setTimeout(0)` is clamped to 1 ms in
 * Node and 4 ms in nested browser timers, so prefer `setImmediate` (Node) or a `MessageChannel` (browsers, workers).
 */
function tick(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof setImmediate === 'function') {
      setImmediate(resolve);
    } else if (typeof MessageChannel === 'function') {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    } else {
      setTimeout(resolve, 0);
    }
  });
}

/**
 * Packs whole cards into batches of at most `batchSize` items (a card with more items forms its own batch).
 *
 * @param items The item set.
 * @param order Card order.
 * @param batchSize Items per batch.
 * @returns Card-index batches and their item counts.
 */
function makeBatches(items: ItemSet, order: readonly number[], batchSize: number): { cards: Int32Array[]; sizes: number[] } {
  const cards: Int32Array[] = [];
  const sizes: number[] = [];
  let current: number[] = [];
  let size = 0;
  for (const c of order) {
    const n = items.itemsPerCard[c] as number;
    if (n === 0) continue;
    if (current.length > 0 && size + n > batchSize) {
      cards.push(Int32Array.from(current));
      sizes.push(size);
      current = [];
      size = 0;
    }
    current.push(c);
    size += n;
  }
  if (current.length > 0) {
    cards.push(Int32Array.from(current));
    sizes.push(size);
  }
  return { cards, sizes };
}

/** `sum((w - w0)^2 / sigma^2)`, the L2 term before scaling (fsrs-rs `l2_penalty`). */
function l2(w: Float64Array, w0: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < WEIGHT_COUNT; i++) {
    const delta = (w[i] as number) - (w0[i] as number);
    const sd = WEIGHT_STDDEV[i] as number;
    sum += (delta * delta) / (sd * sd);
  }
  return sum;
}

/**
 * Fits the 21 FSRS-6 weights to a learner's review history.
 *
 * The method is fsrs-rs's (v6.5.0): items are reviews with at least one elapsed day, each predicted from
 * the card's earlier reviews; rare first-interval groups are dropped; w0..w3 are pretrained per first
 * rating; then 5 epochs of Adam (lr 0.04, cosine-annealed) minimise the recency-weighted log loss plus
 * `gamma * batch/N * sum(((w - w_start) / sd)^2)`, clipping w to the FSRS-6 bounds after every step and
 * keeping the epoch with the lowest loss. Gradients are analytic (no autodiff).
 *
 * Hint: one card's items are replayed together (one pass per card, not per item), and batches hold whole
 * cards, so batch composition differs from fsrs-rs's; the loss and its gradient are the same.
 *
 * @param input Review logs (RecallKit `ReviewLog`s with `cardId`) or a dataset from `prepareReviews` /
 *   `parseAnkiRevlogCsv`.
 * @param options Training settings, progress callback, `AbortSignal` and seed.
 * @returns The weights, the stage reached, metrics on the data and data counts.
 * @throws RecallKitError `RK_INVALID_OPTIONS`, `RK_INVALID_SEED`, the `prepareReviews` codes for bad logs,
 *   and `RK_ABORTED` (as a rejection) when `signal` aborts.
 * @example
 * ```ts
 * const { weights, metrics } = await optimize(logs, { seed: 1, onProgress: (p) => bar(p.done / p.total) })
 * ```
 */
export async function optimize(input: readonly ReviewLog[] | ReviewDataset, options: OptimizeOptions = {}): Promise<OptimizeResult> {
  const cfg = checkConfig(options);
  const signal = options.signal;
  if (signal?.aborted) throw aborted();
  const dataset = toDataset(input, options);
  const clip = { numRelearningSteps: cfg.numRelearningSteps, enableShortTerm: cfg.enableShortTerm };
  const items = buildItems(dataset, { filterOutliers: true, maxSeqLen: cfg.maxSeqLen });
  // The metrics score all items, unfiltered, as `evaluate` does; same packing, other weights.
  const evalPacked = { ...items.packed, weight: items.evalWeight };
  const score = (w: readonly number[]): Evaluation => scorePredictions(evalPacked, predictAll(Float64Array.from(w), evalPacked));
  const data = {
    cards: dataset.cards.length,
    items: items.total,
    pretrainItems: items.firstLongTerm.length,
    outlierCards: items.outlierCards,
    tooLong: items.tooLong,
    report: dataset.report,
  };
  const finish = (weights: number[], stage: OptimizeResult['stage'], epochLoss: number[]): OptimizeResult => {
    const w = checkWeights(weights, 'weights', clip);
    return { weights: w, stage, metrics: score(w), epochLoss, data };
  };

  // fsrs-rs: fewer than 8 items -> defaults.
  const itemCount = items.total + items.tooLong;
  if (itemCount < 8) return finish([...DEFAULT_WEIGHTS], 'defaults', []);
  const pre = pretrainInitialStability(items.firstLongTerm, items.averageRecall);
  if (pre.stability === null) return finish([...DEFAULT_WEIGHTS], 'defaults', []);
  const start = [...pre.stability, ...DEFAULT_WEIGHTS.slice(4)];
  // Only first long-term reviews, or too little data to fit 21 weights: stop after pretraining.
  if (itemCount === items.firstLongTerm.length || itemCount < 64 || items.total === 0) return finish(start, 'pretrained', []);
  if (!cfg.enableShortTerm) {
    start[17] = 0;
    start[18] = 0;
    start[19] = 0;
  }
  const w0 = Float64Array.from(start);
  const w = Float64Array.from(start);

  const rng = createPrng(cfg.seed);
  const cardOrder = shuffle(
    Array.from({ length: items.itemsPerCard.length }, (_, i) => i),
    rng,
  );
  const batches = makeBatches(items, cardOrder, cfg.batchSize);
  const N = items.total;
  const iterations = Math.max(1, batches.cards.length * cfg.epochs);
  const grad = new Float64Array(WEIGHT_COUNT);
  const m = new Float64Array(WEIGHT_COUNT);
  const v = new Float64Array(WEIGHT_COUNT);
  const scratch = createScratch(32);
  const allCards = Int32Array.from({ length: items.itemsPerCard.length }, (_, i) => i);
  let best = Number.POSITIVE_INFINITY;
  let bestW = Array.from(w);
  const epochLoss: number[] = [];
  let step = 0;
  let done = 0;
  const beta1 = 0.9;
  const beta2 = 0.999;
  const eps = 1e-8;
  for (let epoch = 1; epoch <= cfg.epochs; epoch++) {
    const batchOrder = shuffle(
      Array.from({ length: batches.cards.length }, (_, i) => i),
      rng,
    );
    for (let bi = 0; bi < batchOrder.length; bi++) {
      const b = batchOrder[bi] as number;
      // Cosine annealing from lr to 0 over all steps (PyTorch CosineAnnealingLR, eta_min 0).
      const lr = (cfg.learningRate * (1 + Math.cos((Math.PI * step) / iterations))) / 2;
      grad.fill(0);
      cardsLossAndGrad(w, items.packed, batches.cards[b] as Int32Array, grad, scratch, false);
      // L2 pull toward the start weights, scaled by this batch's share of the items (fsrs-rs add_l2_gradient).
      const scale = (cfg.gamma * (batches.sizes[b] as number)) / N;
      for (let i = 0; i < WEIGHT_COUNT; i++) {
        const sd = WEIGHT_STDDEV[i] as number;
        grad[i] = (grad[i] as number) + ((2 * ((w[i] as number) - (w0[i] as number))) / (sd * sd)) * scale;
      }
      if (!cfg.enableShortTerm) {
        grad.fill(0, 0, 4);
        grad.fill(0, 17, 20);
      }
      step++;
      const bias1 = 1 - beta1 ** step;
      const bias2 = 1 - beta2 ** step;
      for (let i = 0; i < WEIGHT_COUNT; i++) {
        const g = grad[i] as number;
        const mi = beta1 * (m[i] as number) + (1 - beta1) * g;
        const vi = beta2 * (v[i] as number) + (1 - beta2) * g * g;
        m[i] = mi;
        v[i] = vi;
        w[i] = (w[i] as number) - (lr * (mi / bias1)) / (Math.sqrt(vi / bias2) + eps);
      }
      clipWeightsInPlace(w, clip);
      done += batches.sizes[b] as number;
      options.onProgress?.({ epoch, epochs: cfg.epochs, done, total: N * cfg.epochs });
      if (signal?.aborted) throw aborted();
      if (cfg.yieldEvery > 0 && step % cfg.yieldEvery === 0) {
        await tick();
        if (signal?.aborted) throw aborted();
      }
    }
    const loss = (cardsLossAndGrad(w, items.packed, allCards, null, scratch) + cfg.gamma * l2(w, w0)) / N;
    epochLoss.push(loss);
    if (loss < best) {
      best = loss;
      bestW = Array.from(w);
    }
  }
  // fsrs-rs re-smooths the trained w0..w3 so they stay ordered by rating.
  const smoothed = smoothAndFill(new Map(bestW.slice(0, 4).map((s, i) => [i + 1, s])), pre.counts);
  const weights = smoothed ? [...smoothed, ...bestW.slice(4)] : bestW;
  return finish(weights, 'trained', epochLoss);
}
