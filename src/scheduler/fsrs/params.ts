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

/**
 * `round8(Math.pow(base, exponent))` for `base >= 1` and `exponent < 0` (the forgetting
 * curve), about twice as fast and with the same result.
 *
 * `Math.pow` with a fractional exponent is slow in V8 (about 85 ns, most of a
 * `retrievability` call), so this computes `exp(exponent * log(base))` (about 40 ns).
 * The two can differ in the last bits: V8's `Math.exp` and `Math.log` are within
 * 1 ulp, so with `|exponent * log(base)| = x` the result is within `(2x + 1)` ulps
 * of the true power, and after scaling by 1e8 (the result is at most 1, and
 * `e^-x (2x + 1) <= 1.22`) the two scaled values are less than 5e-8 apart. Rounding
 * can only come out differently when the scaled value is that close to a half, so
 * inside a band of 1e-6 around one (20 times wider) `Math.pow` decides, as ts-fsrs
 * does. That happens about twice per million calls.
 *
 * @param base The base, at least 1.
 * @param exponent The (negative) exponent.
 * @returns `base^exponent` rounded to 8 decimals, equal to `round8(Math.pow(base, exponent))`.
 */
export function powRound8(base: number, exponent: number): number {
  const scaled = Math.exp(exponent * Math.log(base)) * 1e8;
  const fraction = scaled - Math.floor(scaled);
  return Math.abs(fraction - 0.5) < 1e-6 ? round8(Math.pow(base, exponent)) : Math.round(scaled) / 1e8;
}

/**
 * Clamps `x` to `[lo, hi]` in ts-fsrs's order (max first, then min).
 *
 * @param x A number.
 * @param lo The floor.
 * @param hi The ceiling (wins over the floor).
 * @returns The clamped number.
 */
export function clamp(x: number, lo: number, hi: number): number {
  return Math.min(Math.max(x, lo), hi);
}

/**
 * The trained range of each weight, flat: `[min0, max0, min1, max1, ...]`.
 *
 * Derivation (ts-fsrs `clipParameters`): `w0..w3` are initial stabilities (at most
 * 100 days); `w4` is the initial difficulty (1..10); `w19`'s floor is raised to
 * 0.01 with short-term scheduling (see {@link lowerBound}).
 */
const BOUNDS = [
  S_MIN, 100, S_MIN, 100, S_MIN, 100, S_MIN, 100, 1, 10, 0.001, 4, 0.001, 4, 0.001, 0.75, 0, 4.5, 0, 0.8, 0.001, 3.5, 0.001, 5,
  0.001, 0.25, 0.001, 0.9, 0, 4, 0, 1, 1, 6, 0, 2, 0, 2, 0, 0.8, 0.1, 0.8,
];

/** The floor of weight `i`: with short-term scheduling `w19` must stay above 0.01, so same-day reviews cannot shrink stability forever. */
const lowerBound = (i: number, shortTerm: boolean): number => (i === 19 && shortTerm ? 0.01 : (BOUNDS[2 * i] as number));

/**
 * The allowed range of each weight, as `[min, max]` pairs.
 *
 * @param length How many weights (17, 19 or 21).
 * @param shortTerm Whether short-term (same-day) scheduling is on.
 * @returns One `[min, max]` per weight.
 */
export function weightBounds(length: number, shortTerm: boolean): [number, number][] {
  return Array.from({ length }, (_, i) => [lowerBound(i, shortTerm), BOUNDS[2 * i + 1] as number]);
}

/**
 * Clips each weight to its bounds (ts-fsrs `clipParameters`). With more than one
 * relearning step the ceiling of `w17`/`w18` is lowered so the short-term boost
 * over all relearning steps cannot exceed the long-term lapse stability:
 * `sqrt(-(ln w11 + ln(2^w13 - 1) + 0.3 w14) / n)`, computed from the clipped
 * `w11`, `w13`, `w14` and at most 2 (the static ceiling).
 */
function clip(w: readonly number[], relearningSteps: number, shortTerm: boolean): number[] {
  const out = w.map((x, i) => clamp(x || 0, lowerBound(i, shortTerm), BOUNDS[2 * i + 1] as number));
  if (relearningSteps > 1 && out.length > 17) {
    const value = -(Math.log(out[11] as number) + Math.log(2 ** (out[13] as number) - 1) + (out[14] as number) * 0.3) / relearningSteps;
    const ceiling = clamp(round8(Math.sqrt(Math.max(value, 0))), 0.01, 2);
    out[17] = Math.min(out[17] as number, ceiling);
    out[18] = Math.min(out[18] as number, ceiling);
  }
  return out;
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
  const w = clip(weights, relearningSteps, shortTerm);
  if (w.length === 17) {
    // FSRS-4.5 -> FSRS-5: D0 changed from w4 - w5 (G - 3) to w4 - e^{w5 (G - 1)} + 1 (ts-fsrs migrateParameters).
    const [w4, w5, w6] = [w[4] as number, w[5] as number, w[6] as number];
    w[4] = +(w5 * 2 + w4).toFixed(8);
    w[5] = +(Math.log(w5 * 3 + 1) / 3).toFixed(8);
    w[6] = +(w6 + 0.5).toFixed(8);
    w.push(0, 0);
  }
  // FSRS-5 -> FSRS-6: no stability-dependent short-term boost (w19 = 0) and FSRS-5's decay.
  if (w.length === 19) w.push(0, FSRS5_DECAY);
  return clip(w, relearningSteps, shortTerm);
}

/**
 * Validates weights strictly: right length, finite, and inside the trained bounds;
 * then migrates 17/19 weights to FSRS-6.
 *
 * Hint: with more than one relearning step, `w17`/`w18` are still lowered to
 * the ceiling those steps require (see {@link migrateWeights}), as in ts-fsrs:
 * that ceiling belongs to the step configuration, not to the weights.
 *
 * @param weights The weights given to `createFsrs`.
 * @param relearningSteps The number of relearning steps.
 * @param shortTerm Whether short-term scheduling is on.
 * @returns 21 weights, equal to what ts-fsrs would use.
 * @throws RecallKitError `RK_INVALID_PARAMETERS` naming the first bad weight.
 */
export function checkWeights(weights: unknown, relearningSteps: number, shortTerm: boolean): number[] {
  checkShape(weights);
  weights.forEach((x, i) => {
    const lo = lowerBound(i, shortTerm);
    const hi = BOUNDS[2 * i + 1] as number;
    if (x < lo || x > hi) fail(CODE, `weights[${i}]`, `in [${lo}, ${hi}]`, x);
  });
  return migrateWeights(weights, relearningSteps, shortTerm);
}
