/**
 * The FSRS-6 memory model: retrievability, initial and next stability and difficulty.
 *
 * Every function is pure arithmetic on numbers. The operations are written in
 * the same order as ts-fsrs 5.4 (`algorithm.ts`) and rounded to 8 decimals at
 * the same places, so results are bit-identical to it (IEEE-754 is deterministic
 * for the same sequence of operations; `Math.pow`/`Math.exp` are the engine's).
 * The forgetting curve alone takes a faster route to the same rounded value ({@link powRound8}).
 *
 * @see https://github.com/open-spaced-repetition/fsrs4anki/wiki/The-Algorithm
 */
import type { Grade } from '../types';
import { S_MAX, S_MIN, clamp, powRound8, round8 } from './params';

/** Precomputed constants of one weight vector (built once per scheduler). */
export interface Model {
  /** The 21 weights. */
  readonly w: readonly number[];
  /** `-w20`: the (negative) power of the forgetting curve. */
  readonly decay: number;
  /** `0.9^{1/decay} - 1`, rounded to 8 decimals, so that `R(S, S) = 0.9`. */
  readonly factor: number;
  /** `e^{w8}`, the recall-stability scale. */
  readonly expW8: number;
  /** `D_0(4)`, the mean-reversion target of difficulty. */
  readonly easyD0: number;
  /** `e^{w17 w18}` with short-term scheduling, else 1: the lapse-stability floor divisor. */
  readonly lapseDivisor: number;
  /** Whether same-day reviews use the short-term stability formula. */
  readonly shortTerm: boolean;
  /** `e^{w17 (G - 3 + w18)}` for G = 1..4 (index 0 unused): the grade part of the short-term boost. */
  readonly shortExp: readonly number[];
}

/**
 * Builds the constants of a model.
 *
 * $$\text{DECAY} = -w_{20}, \quad \text{FACTOR} = 0.9^{1/\text{DECAY}} - 1$$
 *
 * @param w 21 checked weights.
 * @param shortTerm Whether short-term scheduling is on.
 * @returns The model.
 */
export function createModel(w: readonly number[], shortTerm: boolean): Model {
  const decay = -(w[20] as number);
  // Math.pow (not `**`) everywhere: ts-fsrs uses Math.pow, and we want the same bits.
  const factor = round8(Math.exp(Math.pow(decay, -1) * Math.log(0.9)) - 1);
  return {
    w,
    decay,
    factor,
    expW8: Math.exp(w[8] as number),
    easyD0: initDifficulty({ w }, 4),
    lapseDivisor: shortTerm ? Math.exp((w[17] as number) * (w[18] as number)) : 1,
    shortTerm,
    shortExp: [0, 1, 2, 3, 4].map((g) => Math.exp((w[17] as number) * (g - 3 + (w[18] as number)))),
  };
}

/**
 * The forgetting curve: probability of recall after `t` days at stability `s`.
 *
 * $$R(t, S) = \left(1 + \text{FACTOR} \cdot \frac{t}{S}\right)^{\text{DECAY}}$$
 *
 * @param m The model.
 * @param t Days elapsed (whole days in the scheduler).
 * @param s Stability in days (> 0).
 * @returns Retrievability in (0, 1], rounded to 8 decimals (bit-equal to ts-fsrs's `Math.pow` form, see {@link powRound8}).
 */
export function forgettingCurve(m: Model, t: number, s: number): number {
  return powRound8(1 + (m.factor * t) / s, m.decay);
}

/**
 * The interval multiplier for a desired retention: $I(r, S) = S \cdot (r^{1/\text{DECAY}} - 1) / \text{FACTOR}$.
 *
 * @param m The model.
 * @param retention Desired retention in (0, 1].
 * @returns The multiplier of stability, rounded to 8 decimals.
 */
export function intervalModifier(m: Model, retention: number): number {
  return round8((Math.pow(retention, 1 / m.decay) - 1) / m.factor);
}

/**
 * Initial stability: $S_0(G) = \max(w_{G-1}, 0.1)$.
 *
 * @param m The model.
 * @param g The first grade.
 * @returns Stability in days.
 */
export function initStability(m: Model, g: Grade): number {
  return Math.max(m.w[g - 1] as number, 0.1);
}

/**
 * Initial difficulty: $D_0(G) = w_4 - e^{w_5 (G - 1)} + 1$ (not clamped here; callers clamp to [1, 10]).
 *
 * @param m The model (only its weights are read, so `createModel` can call it for `D0(4)`).
 * @param g The first grade.
 * @returns Difficulty, rounded to 8 decimals.
 */
export function initDifficulty(m: Pick<Model, 'w'>, g: Grade): number {
  return round8((m.w[4] as number) - Math.exp((g - 1) * (m.w[5] as number)) + 1);
}

/**
 * Next difficulty, with linear damping and mean reversion to $D_0(4)$.
 *
 * $$\Delta D = -w_6 (G - 3), \quad D' = D + \Delta D \cdot \frac{10 - D}{9}$$
 * $$D'' = \text{clamp}(w_7 D_0(4) + (1 - w_7) D', 1, 10)$$
 *
 * @param m The model.
 * @param d Current difficulty.
 * @param g The grade.
 * @returns The next difficulty.
 */
export function nextDifficulty(m: Model, d: number, g: Grade): number {
  const w = m.w;
  const next = d + round8((-(w[6] as number) * (g - 3) * (10 - d)) / 9);
  return clamp(round8((w[7] as number) * m.easyD0 + (1 - (w[7] as number)) * next), 1, 10);
}

/**
 * The grade-independent part of the recall-stability increase (shared by Hard, Good and Easy, so
 * `preview` computes its `pow`/`exp` once): $e^{w_8} (11 - D) S^{-w_9} (e^{w_{10}(1 - R)} - 1)$.
 *
 * @param m The model.
 * @param d Difficulty.
 * @param s Stability.
 * @param r Retrievability at the review.
 * @returns The increase before the Hard/Easy factors.
 */
export function recallIncrease(m: Model, d: number, s: number, r: number): number {
  const w = m.w;
  return m.expW8 * (11 - d) * Math.pow(s, -(w[9] as number)) * (Math.exp((1 - r) * (w[10] as number)) - 1);
}

/**
 * Stability after a successful recall (Hard, Good, Easy).
 *
 * $$S'_r = S \left(1 + e^{w_8} (11 - D) S^{-w_9} (e^{w_{10}(1 - R)} - 1) \cdot w_{15}[G=2] \cdot w_{16}[G=4]\right)$$
 *
 * @param m The model.
 * @param s Stability.
 * @param inc {@link recallIncrease} for this review.
 * @param g The grade (2..4).
 * @returns The new stability, in [0.001, 36500], rounded to 8 decimals.
 */
export function recallStability(m: Model, s: number, inc: number, g: Grade): number {
  // Same multiplication order as ts-fsrs: (... * hardPenalty) * easyBonus, where a factor of 1 changes no bits.
  const x = g === 2 ? inc * (m.w[15] as number) : g === 4 ? inc * (m.w[16] as number) : inc;
  return round8(clamp(s * (1 + x), S_MIN, S_MAX));
}

/**
 * Stability after a lapse (Again), never above the pre-lapse stability divided by the short-term boost.
 *
 * $$S'_f = w_{11} D^{-w_{12}} \left((S + 1)^{w_{13}} - 1\right) e^{w_{14}(1 - R)}$$
 * $$S'_f = \min\left(S'_f, \max\left(\frac{S}{e^{w_{17} w_{18}}}, 0.001\right)\right)$$
 *
 * @param m The model.
 * @param d Difficulty.
 * @param s Stability.
 * @param r Retrievability at the review.
 * @returns The new stability.
 */
export function forgetStability(m: Model, d: number, s: number, r: number): number {
  const w = m.w;
  const sf = round8(
    clamp(
      (w[11] as number) * Math.pow(d, -(w[12] as number)) * (Math.pow(s + 1, w[13] as number) - 1) * Math.exp((1 - r) * (w[14] as number)),
      S_MIN,
      S_MAX,
    ),
  );
  return clamp(round8(s / m.lapseDivisor), S_MIN, sf);
}

/**
 * Stability after a same-day review (short-term), FSRS-6's stability-dependent boost.
 *
 * $$S' = S \cdot S^{-w_{19}} e^{w_{17}(G - 3 + w_{18})}, \quad \text{boost} \ge 1 \text{ when } G \ge 2$$
 *
 * @param m The model.
 * @param s Stability.
 * @param g The grade.
 * @param sPow $S^{-w_{19}}$ for this review (it does not depend on the grade).
 * @returns The new stability.
 */
export function shortTermStability(m: Model, s: number, g: Grade, sPow: number): number {
  let sinc = sPow * (m.shortExp[g] as number);
  if (g >= 2 && sinc < 1) sinc = 1;
  return round8(clamp(s * sinc, S_MIN, S_MAX));
}

/**
 * The next stability after a review `t` days after the last one, from the
 * grade-independent parts of the review (computed once for all four outcomes).
 *
 * A state of `d = s = 0` is a card never reviewed: it gets the initial stability.
 *
 * @param m The model.
 * @param d Current difficulty (0 for new; otherwise checked >= 1 by the caller).
 * @param s Current stability (0 for new; otherwise checked >= 0.001 by the caller).
 * @param t Days since the last review (whole days, >= 0).
 * @param g The grade.
 * @param r Retrievability at the review (unused for a new card or a same-day review).
 * @param inc {@link recallIncrease} for this review (same).
 * @param sPow $S^{-w_{19}}$ (used only for a same-day review).
 * @returns The next stability.
 */
export function nextStability(m: Model, d: number, s: number, t: number, g: Grade, r: number, inc: number, sPow: number): number {
  if (d === 0 && s === 0) return initStability(m, g);
  if (t === 0 && m.shortTerm) return shortTermStability(m, s, g, sPow);
  return g === 1 ? forgetStability(m, d, s, r) : recallStability(m, s, inc, g);
}

/**
 * The next difficulty: the initial one, clamped, for a card never reviewed (`d = s = 0`), else {@link nextDifficulty}.
 *
 * @param m The model.
 * @param d Current difficulty.
 * @param s Current stability.
 * @param g The grade.
 * @returns Difficulty in [1, 10].
 */
export function difficultyAfter(m: Model, d: number, s: number, g: Grade): number {
  return d === 0 && s === 0 ? clamp(initDifficulty(m, g), 1, 10) : nextDifficulty(m, d, g);
}

/** A memory state: difficulty and stability. */
export interface Memory {
  /** Difficulty, 1..10. */
  readonly d: number;
  /** Stability in days. */
  readonly s: number;
}

/**
 * The next memory state after one review, computing every intermediate itself
 * (the scheduler shares them across grades instead; this is the one-off form).
 *
 * @param m The model.
 * @param d Current difficulty (0 for new).
 * @param s Current stability (0 for new).
 * @param t Days since the last review (whole days, >= 0).
 * @param g The grade.
 * @returns The next `{ d, s }`.
 */
export function nextMemory(m: Model, d: number, s: number, t: number, g: Grade): Memory {
  const fresh = d === 0 && s === 0;
  const r = fresh ? 1 : forgettingCurve(m, t, s);
  const inc = fresh ? 0 : recallIncrease(m, d, s, r);
  return { d: difficultyAfter(m, d, s, g), s: nextStability(m, d, s, t, g, r, inc, fresh ? 0 : Math.pow(s, -(m.w[19] as number))) };
}
