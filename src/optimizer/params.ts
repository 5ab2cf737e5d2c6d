/**
 * FSRS-6 weights: defaults, bounds and clipping, as the optimizer uses them.
 *
 * The bounds follow fsrs-rs `parameter_clipper.rs` (v6.5.0) and ts-fsrs
 * `clipParameters` (5.4.2); both derive the same table.
 */

/** Number of FSRS-6 weights. */
export const WEIGHT_COUNT = 21;

/**
 * The FSRS-6 default weights (w0..w20).
 *
 * @see https://github.com/open-spaced-repetition/fsrs4anki/wiki/The-Algorithm#fsrs-6
 */
export const DEFAULT_WEIGHTS: readonly number[] = Object.freeze([
  0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796, 1.4835, 0.0614, 0.2629, 1.6483,
  0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
]);

/** Smallest stability in days (fsrs-rs `S_MIN`). */
export const S_MIN = 0.001;
/** Largest stability in days (fsrs-rs `S_MAX`, 100 years). */
export const S_MAX = 36500;
/** Largest initial stability w0..w3 (fsrs-rs `INIT_S_MAX`). */
export const INIT_S_MAX = 100;
/** Difficulty range. */
export const D_MIN = 1;
/** Difficulty range. */
export const D_MAX = 10;

/**
 * Spread of each weight across the FSRS benchmark's users (fsrs-rs `PARAMS_STDDEV`); the L2 pull toward
 * the start weights divides by its square, so loosely-known weights move more freely.
 */
export const WEIGHT_STDDEV: readonly number[] = Object.freeze([
  6.43, 9.66, 17.58, 27.85, 0.57, 0.28, 0.6, 0.12, 0.39, 0.18, 0.33, 0.3, 0.09, 0.16, 0.57, 0.25, 1.03, 0.31, 0.32,
  0.14, 0.27,
]);

/** Options that change the bounds. */
export interface ClipOptions {
  /** Relearning steps the learner uses; more than one tightens the w17/w18 ceiling. Default 1. */
  readonly numRelearningSteps?: number;
  /** Whether same-day reviews use the short-term formula (w17..w19); when true w19 >= 0.01. Default true. */
  readonly enableShortTerm?: boolean;
}

/**
 * Returns the lower and upper bound of every weight.
 *
 * Hint: the w17/w18 ceiling depends on w11, w13 and w14 when `numRelearningSteps > 1`, so pass the weights.
 *
 * @param weights The current weights (read for the w17/w18 ceiling).
 * @param options Relearning steps and short-term switch.
 * @returns 21 `[min, max]` pairs.
 */
export function weightBounds(weights: ArrayLike<number>, options: ClipOptions = {}): Array<[number, number]> {
  const steps = Math.max(0, options.numRelearningSteps ?? 1);
  const shortTerm = options.enableShortTerm ?? true;
  // fsrs-rs parameter_clipper.rs: the post-lapse stability PLS = w11 * D^-w12 * ((S+1)^w13 - 1) * e^(w14 (1-R)),
  // boosted by e^(w17 w18) per relearning step, must not exceed S. At D = 1, R = 0.7, S = 1 this gives
  // steps * w17 * w18 <= -(ln w11 + ln(2^w13 - 1) + 0.3 w14); the ceiling is the square root of that bound
  // (so w17 = w18 = ceiling meets it), kept within [0.01, 2].
  let ceiling = 2;
  if (steps > 1) {
    const w11 = clamp(weights[11] ?? 0, 0.001, 5);
    const w13 = clamp(weights[13] ?? 0, 0.001, 0.9);
    const w14 = clamp(weights[14] ?? 0, 0, 4);
    const bound = -(Math.log(w11) + Math.log(2 ** w13 - 1) + w14 * 0.3) / steps;
    ceiling = Math.min(2, Math.sqrt(Math.max(bound, 0.01)));
  }
  return [
    [S_MIN, INIT_S_MAX],
    [S_MIN, INIT_S_MAX],
    [S_MIN, INIT_S_MAX],
    [S_MIN, INIT_S_MAX],
    [D_MIN, D_MAX],
    [0.001, 4],
    [0.001, 4],
    [0.001, 0.75],
    [0, 4.5],
    [0, 0.8],
    [0.001, 3.5],
    [0.001, 5],
    [0.001, 0.25],
    [0.001, 0.9],
    [0, 4],
    [0, 1],
    [1, 6],
    [0, ceiling],
    [0, ceiling],
    // A short-term exponent of 0 would let same-day reviews grow stability without limit.
    [shortTerm ? 0.01 : 0, 0.8],
    // w20 is the forgetting-curve decay; FSRS-6 keeps it in [0.1, 0.8].
    [0.1, 0.8],
  ];
}

/**
 * Clamps every weight into its bounds, in place.
 *
 * @param weights 21 weights (changed in place).
 * @param options Relearning steps and short-term switch.
 * @returns The same array.
 */
export function clipWeightsInPlace<T extends { [index: number]: number; length: number }>(
  weights: T,
  options: ClipOptions = {},
): T {
  const bounds = weightBounds(weights, options);
  for (let i = 0; i < WEIGHT_COUNT; i++) {
    const [min, max] = bounds[i] as [number, number];
    const value = weights[i] as number;
    weights[i] = Number.isNaN(value) ? min : clamp(value, min, max);
  }
  return weights;
}

/**
 * Returns a copy of the weights clamped into the FSRS-6 bounds.
 *
 * @param weights 21 weights.
 * @param options Relearning steps and short-term switch.
 * @returns A new array of 21 numbers.
 * @example
 * ```ts
 * clipWeights([...DEFAULT_WEIGHTS.slice(0, 20), 5])[20] // 0.8
 * ```
 */
export function clipWeights(weights: readonly number[], options: ClipOptions = {}): number[] {
  return clipWeightsInPlace(weights.slice(0, WEIGHT_COUNT), options);
}

/** Clamps `x` into `[min, max]`. */
export function clamp(x: number, min: number, max: number): number {
  return Math.min(Math.max(x, min), max);
}
