/**
 * FSRS-6 parameters: defaults, checks, clamps and migration of FSRS-4.5/5 weights.
 *
 * Behaviour follows ts-fsrs 5.4 (`default.ts`), the reference implementation
 * this scheduler is tested against; the clamps are the ones fsrs-rs trains within.
 *
 * @see https://github.com/open-spaced-repetition/fsrs4anki/wiki/The-Algorithm
 */
import { fail } from '../validate';

const CODE = 'RK_INVALID_PARAMETERS';

/** The FSRS-6 default weights `w[0..20]` (fsrs-rs / ts-fsrs 5.x defaults). */
export const DEFAULT_WEIGHTS: readonly number[] = /* @__PURE__ */ Object.freeze([
  0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796, 1.4835, 0.0614, 0.2629, 1.6483,
  0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
]);

/** Smallest stability (days) the model ever produces. */
export const S_MIN = 0.001;
/** Largest stability (days): 100 years. */
export const S_MAX = 36500;
/** The decay FSRS-4.5/5 used (`w[20]` for migrated weights). */
export const FSRS5_DECAY = 0.5;

/**
 * Rounds to 8 decimals the way ts-fsrs does (`Math.round(x * 1e8) / 1e8`).
 *
 * Hint: every stored stability/difficulty goes through this, which is why our
 * numbers equal ts-fsrs's to the last bit.
 *
 * @param x A number.
 * @returns `x` rounded to 8 decimals.
 */
export function round8(x: number): number {
  return Math.round(x * 1e8) / 1e8;
}

/** Clamps `x` to `[lo, hi]` in ts-fsrs's order (max first, then min). */
export function clamp(x: number, lo: number, hi: number): number {
  return Math.min(Math.max(x, lo), hi);
}

/**
 * The allowed range of each weight, as `[min, max]` pairs.
 *
 * Derivation (ts-fsrs `clipParameters`): `w0..w3` are initial stabilities (at most
 * 100 days); `w4` is the initial difficulty (1..10); `w19` must stay above 0.01
 * with short-term scheduling so same-day reviews cannot shrink stability forever;
 * with more than one relearning step the ceiling of `w17`/`w18` is lowered so the
 * short-term boost over all relearning steps cannot exceed the long-term lapse
 * stability: `sqrt(-(ln w11 + ln(2^w13 - 1) + 0.3 w14) / n)`.
 *
 * @param length How many weights (17, 19 or 21).
 * @param shortTerm Whether short-term (same-day) scheduling is on.
 * @returns One `[min, max]` per weight.
 */
export function weightBounds(length: number, shortTerm: boolean): [number, number][] {
  const bounds: [number, number][] = [
    [S_MIN, 100],
    [S_MIN, 100],
    [S_MIN, 100],
    [S_MIN, 100],
    [1, 10],
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
    [0, 2],
    [0, 2],
    [shortTerm ? 0.01 : 0, 0.8],
    [0.1, 0.8],
  ];
  return bounds.slice(0, length);
}

/**
 * Clips each weight to its bounds (ts-fsrs `clipParameters`), with the `w17`/`w18`
 * ceiling lowered for several relearning steps (see {@link weightBounds}).
 */
function clip(w: readonly number[], relearningSteps: number, shortTerm: boolean): number[] {
  const bounds = weightBounds(w.length, shortTerm);
  const clipped = bounds.map(([lo, hi], i) => clamp(w[i] || 0, lo, hi));
  if (relearningSteps > 1) {
    // The ceiling is computed from the clipped w11, w13 and w14; it is at most 2, the static ceiling.
    const [w11, w13, w14] = [clipped[11] as number, clipped[13] as number, clipped[14] as number];
    const value = -(Math.log(w11) + Math.log(2 ** w13 - 1) + w14 * 0.3) / relearningSteps;
    const ceiling = clamp(round8(Math.sqrt(Math.max(value, 0))), 0.01, 2);
    for (const i of [17, 18]) if (i < clipped.length) clipped[i] = Math.min(clipped[i] as number, ceiling);
  }
  return clipped;
}

/**
 * Turns 17 (FSRS-4.5), 19 (FSRS-5) or 21 (FSRS-6) weights into 21 FSRS-6 weights,
 * clipping them the way ts-fsrs 5.4 does (`migrateParameters` then `clipParameters`).
 *
 * Hint: this clips silently; `createFsrs` instead rejects weights outside the
 * bounds, so call this first when you load weights from an older optimizer.
 *
 * @param weights 17, 19 or 21 finite numbers.
 * @param relearningSteps How many relearning steps will be used (default 1).
 * @param shortTerm Whether short-term scheduling will be on (default true).
 * @returns 21 weights.
 * @throws RecallKitError `RK_INVALID_PARAMETERS` for a wrong length or a non-finite value.
 */
export function migrateWeights(weights: readonly number[], relearningSteps = 1, shortTerm = true): number[] {
  checkShape(weights);
  let w = clip(weights, relearningSteps, shortTerm);
  if (w.length === 19) w = w.concat([0, FSRS5_DECAY]);
  else if (w.length === 17) {
    // FSRS-4.5 -> FSRS-5: D0 changed from w4 - w5 (G - 3) to w4 - e^{w5 (G - 1)} + 1.
    w[4] = +((w[5] as number) * 2 + (w[4] as number)).toFixed(8);
    w[5] = +(Math.log((w[5] as number) * 3 + 1) / 3).toFixed(8);
    w[6] = +((w[6] as number) + 0.5).toFixed(8);
    w = w.concat([0, 0, 0, FSRS5_DECAY]);
  }
  return clip(w, relearningSteps, shortTerm);
}

/** Rejects anything but an array of 17, 19 or 21 finite numbers. */
function checkShape(weights: unknown): asserts weights is readonly number[] {
  const n = Array.isArray(weights) ? weights.length : 0;
  if (n !== 17 && n !== 19 && n !== 21) fail(CODE, 'weights', '17, 19 or 21 numbers', weights);
  (weights as unknown[]).forEach((x, i) => {
    if (!Number.isFinite(x)) fail(CODE, `weights[${i}]`, 'finite', x);
  });
}

/**
 * Validates weights strictly: right length, finite, and inside the trained bounds;
 * then migrates 17/19 weights to FSRS-6.
 *
 * Hint: with more than one relearning step, `w17`/`w18` are still lowered to
 * the ceiling those steps require (see {@link weightBounds}), as in ts-fsrs.
 *
 * @param weights The weights given to `createFsrs`.
 * @param relearningSteps The number of relearning steps.
 * @param shortTerm Whether short-term scheduling is on.
 * @returns 21 weights, equal to what ts-fsrs would use.
 * @throws RecallKitError `RK_INVALID_PARAMETERS` naming the first bad weight.
 */
export function checkWeights(weights: unknown, relearningSteps: number, shortTerm: boolean): number[] {
  checkShape(weights);
  // The static bounds only: the w17/w18 ceiling that depends on the number of
  // relearning steps is a property of the step configuration, not of the
  // weights, so it is applied silently (as ts-fsrs does) by migrateWeights.
  const bounds = weightBounds(weights.length, shortTerm);
  weights.forEach((x, i) => {
    const [lo, hi] = bounds[i] as [number, number];
    if (x < lo || x > hi) fail(CODE, `weights[${i}]`, `in [${lo}, ${hi}]`, x);
  });
  return migrateWeights(weights, relearningSteps, shortTerm);
}
