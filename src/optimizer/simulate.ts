/**
 * A learner simulation (workload and knowledge over time) and the "minimum recommended retention"
 * search built on it, in the spirit of fsrs-rs `simulation.rs` (v6.5.0) and Anki's
 * "compute minimum recommended retention" (CMRR).
 *
 * Simplifications, on purpose: learning steps are not simulated one by one (a new card costs its
 * first-rating learning time; a lapse costs the review plus one relearning step and applies one
 * same-day Good review to memory, like fsrs-rs's single default relearning step), there is no fuzz,
 * and cards are reviewed oldest-due first.
 */
import { RecallKitError, describe } from '../core/errors';
import { createPrng } from '../core/prng';
import { checkWeights } from './evaluate';
import { D_MAX, D_MIN, S_MAX, S_MIN, clamp } from './params';

/** Seconds per review, by card state and rating (fsrs-rs `state_rating_costs` defaults). */
export interface SimulationCosts {
  /** First review of a new card, by its rating (Again..Easy). */
  readonly learning: readonly [number, number, number, number];
  /** Review of a card in review, by rating. */
  readonly review: readonly [number, number, number, number];
  /** Relearning step after a lapse, by rating (the simulation uses Good). */
  readonly relearning: readonly [number, number, number, number];
}

/** Options for {@link simulate}. */
export interface SimulateOptions {
  /** 21 FSRS-6 weights. */
  readonly weights: readonly number[];
  /** Desired retention, in (0, 1); intervals are chosen so R falls to it. */
  readonly retention: number;
  /** Days to simulate. */
  readonly days: number;
  /** New cards introduced per day. */
  readonly newPerDay: number;
  /** Cards available to learn. Default `days * newPerDay`. */
  readonly deckSize?: number;
  /** Reviews per day at most (new cards do not count). Default no limit. */
  readonly maxReviewsPerDay?: number;
  /** Seconds of study per day at most. Default no limit. */
  readonly maxCostPerDay?: number;
  /** Longest interval in days. Default 36500. */
  readonly maxInterval?: number;
  /** Probabilities of the first rating Again..Easy. Default fsrs-rs's `[0.24, 0.094, 0.495, 0.171]`. */
  readonly firstRatingProb?: readonly [number, number, number, number];
  /** Probabilities of Hard, Good, Easy given recall. Default fsrs-rs's `[0.224, 0.631, 0.145]`. */
  readonly reviewRatingProb?: readonly [number, number, number];
  /** Seconds per review. Default fsrs-rs's `state_rating_costs`. */
  readonly costs?: SimulationCosts;
  /** Seed of the simulated learner's answers. Default 42. */
  readonly seed?: string | number;
}

/** Day-by-day outcome of a simulation. */
export interface SimulationResult {
  /** Reviews of learned cards per day. */
  readonly reviewsPerDay: number[];
  /** New cards learned per day. */
  readonly newPerDay: number[];
  /** Forgotten reviews per day. */
  readonly lapsesPerDay: number[];
  /** Seconds of study per day. */
  readonly costPerDay: number[];
  /** Expected number of cards remembered at the end of each day (sum of R over learned cards). */
  readonly memorizedPerDay: number[];
  /** Total seconds of study. */
  readonly totalCost: number;
  /** Expected cards remembered at the end. */
  readonly memorized: number;
  /** `totalCost / memorized`: seconds of study per remembered card (CMRR's target). */
  readonly costPerMemorized: number;
}

/** fsrs-rs `SimulatorConfig::default().state_rating_costs` (seconds; Anki users' medians). */
export const DEFAULT_COSTS: SimulationCosts = Object.freeze({
  learning: [19.58, 18.79, 13.78, 10.71] as const,
  review: [19.38, 17.59, 12.38, 8.94] as const,
  relearning: [16.44, 15.25, 12.32, 8.03] as const,
});

function checkPositive(value: unknown, name: string, integer: boolean, allowZero = false): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || (!allowZero && value === 0) || (integer && !Number.isInteger(value))) {
    throw new RecallKitError('RK_INVALID_OPTIONS', `${name} must be a ${integer ? 'whole' : 'finite'} number > ${allowZero ? '= ' : ''}0, got ${describe(value)}`, `options.${name}`);
  }
  return value;
}

function checkProbs(value: unknown, length: number, name: string): number[] {
  if (!Array.isArray(value) || value.length !== length || value.some((p) => typeof p !== 'number' || !Number.isFinite(p) || p < 0)) {
    throw new RecallKitError('RK_INVALID_OPTIONS', `${name} must be ${length} non-negative numbers, got ${describe(value)}`, `options.${name}`);
  }
  const sum = (value as number[]).reduce((a, b) => a + b, 0);
  if (sum <= 0) throw new RecallKitError('RK_INVALID_OPTIONS', `${name} must not be all zero`, `options.${name}`);
  return (value as number[]).map((p) => p / sum);
}

function checkCosts(value: unknown): SimulationCosts {
  if (value === undefined) return DEFAULT_COSTS;
  const v = value as Partial<SimulationCosts> | null;
  for (const key of ['learning', 'review', 'relearning'] as const) {
    const row = v?.[key];
    if (!Array.isArray(row) || row.length !== 4 || row.some((c) => typeof c !== 'number' || !Number.isFinite(c) || c < 0)) {
      throw new RecallKitError('RK_INVALID_OPTIONS', `costs.${key} must be 4 non-negative seconds, got ${describe(row)}`, `options.costs.${key}`);
    }
  }
  return v as SimulationCosts;
}

interface Prepared {
  w: number[];
  retention: number;
  days: number;
  newPerDay: number;
  deckSize: number;
  maxReviews: number;
  maxCost: number;
  maxInterval: number;
  first: number[];
  recall: number[];
  costs: SimulationCosts;
  seed: string | number;
}

function prepare(options: SimulateOptions, needRetention: boolean): Prepared {
  if (typeof options !== 'object' || options === null) throw new RecallKitError('RK_INVALID_OPTIONS', `options must be an object, got ${describe(options)}`, 'options');
  const w = checkWeights(options.weights, 'options.weights');
  const retention = needRetention ? options.retention : 0.9;
  if (typeof retention !== 'number' || !(retention > 0 && retention < 1)) {
    throw new RecallKitError('RK_INVALID_OPTIONS', `retention must be between 0 and 1 (exclusive), got ${describe(retention)}`, 'options.retention');
  }
  const days = checkPositive(options.days, 'days', true);
  const newPerDay = checkPositive(options.newPerDay, 'newPerDay', true, true);
  const seed = options.seed ?? 42;
  if ((typeof seed !== 'string' && typeof seed !== 'number') || (typeof seed === 'number' && !Number.isFinite(seed))) {
    throw new RecallKitError('RK_INVALID_SEED', `seed must be a string or a finite number, got ${describe(seed)}`, 'options.seed');
  }
  return {
    w,
    retention,
    days,
    newPerDay,
    deckSize: options.deckSize === undefined ? days * newPerDay : checkPositive(options.deckSize, 'deckSize', true, true),
    maxReviews: options.maxReviewsPerDay === undefined ? Number.POSITIVE_INFINITY : checkPositive(options.maxReviewsPerDay, 'maxReviewsPerDay', true, true),
    maxCost: options.maxCostPerDay === undefined ? Number.POSITIVE_INFINITY : checkPositive(options.maxCostPerDay, 'maxCostPerDay', false),
    maxInterval: options.maxInterval === undefined ? 36500 : checkPositive(options.maxInterval, 'maxInterval', true),
    first: checkProbs(options.firstRatingProb ?? [0.24, 0.094, 0.495, 0.171], 4, 'firstRatingProb'),
    recall: checkProbs(options.reviewRatingProb ?? [0.224, 0.631, 0.145], 3, 'reviewRatingProb'),
    costs: checkCosts(options.costs),
    seed,
  };
}

/** One FSRS-6 review step (same formulas as the trainer's forward pass, fsrs-rs `model.rs` `step`). */
function step(w: readonly number[], s: number, d: number, t: number, g: number): [number, number] {
  const decay = -(w[20] as number);
  const factor = 0.9 ** (1 / decay) - 1;
  const r = (1 + (factor * t) / s) ** decay;
  let ns: number;
  if (t === 0) {
    const sinc = Math.exp((w[17] as number) * (g - 3 + (w[18] as number))) * s ** -(w[19] as number);
    ns = s * (g >= 2 ? Math.max(sinc, 1) : sinc);
  } else if (g === 1) {
    const raw = (w[11] as number) * d ** -(w[12] as number) * ((s + 1) ** (w[13] as number) - 1) * Math.exp((1 - r) * (w[14] as number));
    ns = Math.min(raw, s / Math.exp((w[17] as number) * (w[18] as number)));
  } else {
    const mult = g === 2 ? (w[15] as number) : g === 4 ? (w[16] as number) : 1;
    ns = s * (1 + Math.exp(w[8] as number) * (11 - d) * s ** -(w[9] as number) * (Math.exp((1 - r) * (w[10] as number)) - 1) * mult);
  }
  const nextD = d + ((10 - d) * (-(w[6] as number) * (g - 3))) / 9;
  const easyD = (w[4] as number) - Math.exp(3 * (w[5] as number)) + 1;
  const meanD = (w[7] as number) * (easyD - nextD) + nextD;
  return [clamp(ns, S_MIN, S_MAX), clamp(meanD, D_MIN, D_MAX)];
}

function pick(u: number, probs: readonly number[]): number {
  let acc = 0;
  for (let i = 0; i < probs.length; i++) {
    acc += probs[i] as number;
    if (u < acc) return i;
  }
  return probs.length - 1;
}

function run(p: Prepared): SimulationResult {
  const { w, days } = p;
  const rng = createPrng(p.seed);
  const decay = -(w[20] as number);
  const factor = 0.9 ** (1 / decay) - 1;
  // I(S) = S / factor * (r^{1/decay} - 1): the interval after which R falls to the desired retention.
  const ivlFactor = (p.retention ** (1 / decay) - 1) / factor;
  const interval = (s: number): number => Math.min(Math.max(1, Math.round(s * ivlFactor)), p.maxInterval);
  const cap = Math.min(p.deckSize, p.newPerDay * days);
  const S = new Float64Array(cap);
  const D = new Float64Array(cap);
  const last = new Float64Array(cap);
  const due = new Float64Array(cap);
  let learned = 0;
  const reviewsPerDay = new Array<number>(days).fill(0);
  const newPerDayOut = new Array<number>(days).fill(0);
  const lapsesPerDay = new Array<number>(days).fill(0);
  const costPerDay = new Array<number>(days).fill(0);
  const memorizedPerDay = new Array<number>(days).fill(0);
  // Due buckets by day; cards not reviewed on their day (limits) roll over to the next.
  const buckets: number[][] = Array.from({ length: days }, () => []);
  for (let day = 0; day < days; day++) {
    const queue = buckets[day] as number[];
    queue.sort((a, b) => (due[a] as number) - (due[b] as number) || a - b);
    let cost = 0;
    let reviews = 0;
    let qi = 0;
    for (; qi < queue.length; qi++) {
      if (reviews >= p.maxReviews || cost >= p.maxCost) break;
      const c = queue[qi] as number;
      const t = day - (last[c] as number);
      const r = (1 + (factor * t) / (S[c] as number)) ** decay;
      const recalled = rng.next() < r;
      const g = recalled ? 2 + pick(rng.next(), p.recall) : 1;
      let [s, d] = step(w, S[c] as number, D[c] as number, t, g);
      cost += p.costs.review[g - 1] as number;
      if (g === 1) {
        lapsesPerDay[day] = (lapsesPerDay[day] as number) + 1;
        // One relearning step answered Good, the same day.
        [s, d] = step(w, s, d, 0, 3);
        cost += p.costs.relearning[2];
      }
      S[c] = s;
      D[c] = d;
      last[c] = day;
      reviews++;
      const next = day + interval(s);
      due[c] = next;
      if (next < days) (buckets[next] as number[]).push(c);
    }
    // Postponed reviews move to tomorrow, keeping their original due day for ordering.
    if (day + 1 < days) for (; qi < queue.length; qi++) (buckets[day + 1] as number[]).push(queue[qi] as number);
    let learnedToday = 0;
    while (learnedToday < p.newPerDay && learned < cap && cost < p.maxCost) {
      const c = learned++;
      const g = 1 + pick(rng.next(), p.first);
      S[c] = clamp(w[g - 1] as number, S_MIN, S_MAX);
      D[c] = clamp((w[4] as number) - Math.exp((w[5] as number) * (g - 1)) + 1, D_MIN, D_MAX);
      last[c] = day;
      cost += p.costs.learning[g - 1] as number;
      const next = day + interval(S[c] as number);
      due[c] = next;
      if (next < days) (buckets[next] as number[]).push(c);
      learnedToday++;
    }
    reviewsPerDay[day] = reviews;
    newPerDayOut[day] = learnedToday;
    costPerDay[day] = cost;
    let memorized = 0;
    for (let c = 0; c < learned; c++) memorized += (1 + (factor * (day - (last[c] as number))) / (S[c] as number)) ** decay;
    memorizedPerDay[day] = memorized;
  }
  const totalCost = costPerDay.reduce((a, b) => a + b, 0);
  const memorized = memorizedPerDay[days - 1] ?? 0;
  return {
    reviewsPerDay,
    newPerDay: newPerDayOut,
    lapsesPerDay,
    costPerDay,
    memorizedPerDay,
    totalCost,
    memorized,
    costPerMemorized: memorized > 0 ? totalCost / memorized : 0,
  };
}

/**
 * Simulates a learner studying with FSRS-6 at a desired retention: daily reviews, new cards, lapses,
 * study time and the expected number of cards remembered.
 *
 * Hint: the learner's answers are drawn from the model itself, so the result says what the weights
 * predict, not what a real learner will do; average several seeds for smooth curves.
 *
 * @param options Weights, retention, days, new cards per day, limits, costs and seed.
 * @returns Day-by-day arrays and totals.
 * @throws RecallKitError `RK_INVALID_OPTIONS`, `RK_INVALID_PARAMETERS` or `RK_INVALID_SEED` for bad options.
 * @example
 * ```ts
 * const sim = simulate({ weights, retention: 0.9, days: 365, newPerDay: 20 })
 * sim.costPerDay.at(-1) // seconds of study on the last day
 * ```
 */
export function simulate(options: SimulateOptions): SimulationResult {
  return run(prepare(options, true));
}

/** Options for {@link optimalRetention}. */
export interface OptimalRetentionOptions extends Omit<SimulateOptions, 'retention'> {
  /** Lowest and highest retention tried. Default fsrs-rs's `[0.7, 0.95]`. */
  readonly range?: readonly [number, number];
  /** Grid step. Default 0.01. */
  readonly step?: number;
  /** Simulations per retention, with seeds shared across retentions (common random numbers). Default 4. */
  readonly samples?: number;
}

/** The outcome of {@link optimalRetention}. */
export interface OptimalRetentionResult {
  /** The retention with the least study time per remembered card. */
  readonly retention: number;
  /** Every retention tried, with its mean cost per remembered card, total cost and memorized count. */
  readonly curve: ReadonlyArray<{ retention: number; costPerMemorized: number; totalCost: number; memorized: number }>;
}

/**
 * Finds the desired retention that minimises study time per remembered card, in the spirit of Anki's
 * "compute minimum recommended retention" (fsrs-rs `optimal_retention`, whose default target is total
 * cost / cards memorized at the end).
 *
 * Hint: fsrs-rs searches with Brent's method on noisy simulations; this tries a grid with the same seeds
 * at every retention, so the curve is smooth and the answer deterministic.
 *
 * @param options Simulation options (without `retention`), the range, step and samples.
 * @returns The best retention and the whole curve.
 * @throws RecallKitError `RK_INVALID_OPTIONS` for bad options.
 */
export function optimalRetention(options: OptimalRetentionOptions): OptimalRetentionResult {
  const base = prepare({ ...options, retention: 0.9 } as SimulateOptions, false);
  // With no new cards nothing is ever memorized, and cost per memorized card is undefined for every retention.
  if (base.newPerDay < 1 || base.deckSize < 1) {
    throw new RecallKitError('RK_INVALID_OPTIONS', 'newPerDay and deckSize must be at least 1 to compare retentions', base.newPerDay < 1 ? 'options.newPerDay' : 'options.deckSize');
  }
  const [lo, hi] = options.range ?? [0.7, 0.95];
  if (typeof lo !== 'number' || typeof hi !== 'number' || !(lo > 0 && hi < 1 && lo <= hi)) {
    throw new RecallKitError('RK_INVALID_OPTIONS', `range must be [low, high] inside (0, 1), got ${describe(options.range)}`, 'options.range');
  }
  const stepSize = options.step === undefined ? 0.01 : checkPositive(options.step, 'step', false);
  const samples = options.samples === undefined ? 4 : checkPositive(options.samples, 'samples', true);
  const count = Math.floor((hi - lo) / stepSize + 1e-9) + 1;
  if (count > 1000) throw new RecallKitError('RK_INVALID_OPTIONS', `range / step gives ${count} retentions; at most 1000`, 'options.step');
  const curve: Array<{ retention: number; costPerMemorized: number; totalCost: number; memorized: number }> = [];
  for (let i = 0; i < count; i++) {
    const retention = Math.round((lo + i * stepSize) * 1e6) / 1e6;
    let totalCost = 0;
    let memorized = 0;
    for (let k = 0; k < samples; k++) {
      const res = run({ ...base, retention, seed: `${String(base.seed)}:${k}` });
      totalCost += res.totalCost;
      memorized += res.memorized;
    }
    totalCost /= samples;
    memorized /= samples;
    curve.push({ retention, costPerMemorized: memorized > 0 ? totalCost / memorized : Number.POSITIVE_INFINITY, totalCost, memorized });
  }
  let best = curve[0] as (typeof curve)[number];
  for (const point of curve) if (point.costPerMemorized < best.costPerMemorized) best = point;
  return { retention: best.retention, curve };
}
