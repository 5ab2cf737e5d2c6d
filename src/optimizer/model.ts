/**
 * The FSRS-6 memory model as the optimizer needs it: a forward pass over whole card histories and its
 * analytic reverse pass (the gradient of the weighted log loss with respect to all 21 weights).
 *
 * Behaviour follows fsrs-rs v6.5.0 (`model.rs` for the step, `analytic.rs` for which clamp and branch
 * passes a gradient); formulas from the FSRS wiki.
 * @see https://github.com/open-spaced-repetition/fsrs4anki/wiki/The-Algorithm#fsrs-6
 *
 * One card is replayed once, and every review after its first that is "scored" (weight > 0) adds
 * `weight * BCE(label, R)` where `R` is the retrievability predicted from the state before it. This
 * equals fsrs-rs's per-item loss (each item = one review plus its prefix history) summed over the
 * card's items, at a fraction of the cost: a card with n reviews costs n steps instead of n²/2.
 */
import { D_MAX, D_MIN, S_MAX, S_MIN, clamp } from './params';

/** Review histories packed into flat typed arrays (one contiguous run of reviews per card). */
export interface PackedReviews {
  /** `cardStart[c]..cardStart[c + 1]` are card c's reviews; length cards + 1. */
  readonly cardStart: Int32Array;
  /** Rating 1..4 of each review. */
  readonly rating: Uint8Array;
  /** Whole days since the card's previous review (0 for the first and for same-day reviews). */
  readonly deltaT: Float64Array;
  /** Loss weight of each review; 0 = not scored (first reviews, same-day reviews, filtered items). */
  readonly weight: Float64Array;
}

/** Probabilities are clamped into [1e-7, 1 - 1e-7] in the loss (fsrs-rs `analytic.rs` MIN_PROB/MAX_PROB). */
export const MIN_PROB = 1e-7;
/** See {@link MIN_PROB}. */
export const MAX_PROB = 1 - 1e-7;

const LN_09 = Math.log(0.9);

/** Branch codes of one step, kept for the reverse pass. */
const INIT = 0;
const SHORT = 1;
const FAILURE = 2;
const FAILURE_FLOOR = 3;
const SUCCESS = 4;

/** Per-step values the reverse pass reuses; grown on demand, reused across cards. */
export interface Scratch {
  size: number;
  branch: Uint8Array;
  lastS: Float64Array;
  lastD: Float64Array;
  r: Float64Array;
  base: Float64Array;
  preS: Float64Array;
  meanD: Float64Array;
  gR: Float64Array;
  a: Float64Array;
  b: Float64Array;
  c: Float64Array;
}

/**
 * Creates reusable scratch space for {@link cardsLossAndGrad}.
 *
 * @param size The longest card history it must hold (grows when needed).
 * @returns Scratch buffers.
 */
export function createScratch(size = 16): Scratch {
  return {
    size,
    branch: new Uint8Array(size),
    lastS: new Float64Array(size),
    lastD: new Float64Array(size),
    r: new Float64Array(size),
    base: new Float64Array(size),
    preS: new Float64Array(size),
    meanD: new Float64Array(size),
    gR: new Float64Array(size),
    a: new Float64Array(size),
    b: new Float64Array(size),
    c: new Float64Array(size),
  };
}

function ensure(scratch: Scratch, size: number): Scratch {
  if (size <= scratch.size) return scratch;
  return Object.assign(scratch, createScratch(Math.max(size, scratch.size * 2)));
}

/**
 * The forgetting-curve constants for a decay weight.
 *
 * $$R(t,S) = \left(1 + \text{factor}\cdot\frac{t}{S}\right)^{-w_{20}},\quad \text{factor} = 0.9^{-1/w_{20}} - 1$$
 * so that $R(S,S) = 0.9$.
 *
 * @param w20 The decay weight.
 * @returns `decay` (= -w20) and `factor`.
 */
export function curveConstants(w20: number): { decay: number; factor: number } {
  const decay = -w20;
  return { decay, factor: Math.exp(LN_09 / decay) - 1 };
}

/**
 * Retrievability after `t` days at stability `s` (the FSRS-6 power forgetting curve).
 *
 * @param w20 The decay weight.
 * @param t Elapsed days (>= 0).
 * @param s Stability in days (> 0).
 * @returns R in (0, 1].
 */
export function forgettingCurve(w20: number, t: number, s: number): number {
  const { decay, factor } = curveConstants(w20);
  return (1 + (factor * Math.max(t, 0)) / s) ** decay;
}

/**
 * Replays one card and returns its memory state after every review (no clamping of weights).
 *
 * Hint: used by tests to cross-check against ts-fsrs and fsrs-rs; the trainer uses {@link cardsLossAndGrad}.
 *
 * @param w 21 weights.
 * @param ratings Ratings 1..4.
 * @param deltaTs Days since the previous review (the first is ignored).
 * @returns Stability and difficulty after each review.
 */
export function replayMemory(
  w: ArrayLike<number>,
  ratings: ArrayLike<number>,
  deltaTs: ArrayLike<number>,
): Array<{ stability: number; difficulty: number }> {
  const n = ratings.length;
  const packed: PackedReviews = {
    cardStart: Int32Array.of(0, n),
    rating: Uint8Array.from(ratings as ArrayLike<number>),
    deltaT: Float64Array.from(deltaTs as ArrayLike<number>),
    weight: new Float64Array(n),
  };
  const out: Array<{ stability: number; difficulty: number }> = [];
  const s = new Float64Array(n);
  const d = new Float64Array(n);
  forwardCard(Float64Array.from(w as ArrayLike<number>), packed, 0, n, createScratch(n), s, d);
  for (let i = 0; i < n; i++) out.push({ stability: s[i] as number, difficulty: d[i] as number });
  return out;
}

/**
 * Runs one card forward, filling the scratch caches; returns the card's weighted log loss.
 * When `outS`/`outD` are given, the state after each review is written there too.
 */
function forwardCard(
  w: Float64Array,
  data: PackedReviews,
  start: number,
  end: number,
  sc: Scratch,
  outS?: Float64Array,
  outD?: Float64Array,
  wantLoss = true,
): number {
  const { rating, deltaT, weight } = data;
  const w4 = w[4] as number;
  const w5 = w[5] as number;
  const w6 = w[6] as number;
  const w7 = w[7] as number;
  const expW8 = Math.exp(w[8] as number);
  const w9 = w[9] as number;
  const w10 = w[10] as number;
  const w11 = w[11] as number;
  const w12 = w[12] as number;
  const w13 = w[13] as number;
  const w14 = w[14] as number;
  const w15 = w[15] as number;
  const w16 = w[16] as number;
  const w17 = w[17] as number;
  const w18 = w[18] as number;
  const w19 = w[19] as number;
  const decay = -(w[20] as number);
  const factor = Math.exp(LN_09 / decay) - 1;
  // The post-lapse floor divisor e^(w17 w18) and D0(4), the mean-reversion target (unclamped, as in fsrs-rs).
  const floorDivisor = Math.exp(w17 * w18);
  const easyD = w4 - Math.exp(3 * w5) + 1;
  let s = 0;
  let d = 0;
  let loss = 0;
  const { branch: cBranch, lastS: cLastS, lastD: cLastD, r: cR, base: cBase, preS: cPreS, meanD: cMeanD, gR: cGR, a: cA, b: cB, c: cC } = sc;
  for (let k = start; k < end; k++) {
    const i = k - start;
    const g = rating[k] as number;
    if (k === start) {
      // First review: S0 = w_{G-1}, D0(G) = w4 - e^{w5 (G-1)} + 1 (clamped to [1, 10]).
      const s0 = w[g - 1] as number;
      const d0 = w4 - Math.exp(w5 * (g - 1)) + 1;
      cBranch[i] = INIT;
      cPreS[i] = s0;
      cMeanD[i] = d0;
      cGR[i] = 0;
      s = clamp(s0, S_MIN, S_MAX);
      d = clamp(d0, D_MIN, D_MAX);
      if (outS) outS[i] = s;
      if (outD) outD[i] = d;
      continue;
    }
    const t = deltaT[k] as number;
    const ls = s;
    const ld = d;
    const base = 1 + (factor * t) / ls;
    // R = base^decay through one log, kept for the reverse pass (dR/dw20 needs ln base).
    // (Same-day reviews have t = 0, so R = 1 exactly: skip the log and exp.)
    const lnBase = t === 0 ? 0 : Math.log(base);
    const r = t === 0 ? 1 : Math.exp(decay * lnBase);
    cLastS[i] = ls;
    cLastD[i] = ld;
    cR[i] = r;
    cBase[i] = lnBase;
    const wt = weight[k] as number;
    if (wt > 0) {
      // Weighted binary cross-entropy on "recalled" (rating > 1); R clamped for finite logs, and the
      // clamp stops the gradient outside (MIN_PROB, MAX_PROB), as fsrs-rs does.
      const y = g > 1 ? 1 : 0;
      const rc = clamp(r, MIN_PROB, MAX_PROB);
      if (wantLoss) loss -= wt * (y === 1 ? Math.log(rc) : Math.log(1 - rc));
      cGR[i] = r > MIN_PROB && r < MAX_PROB ? -wt * (y === 1 ? 1 / rc : -1 / (1 - rc)) : 0;
    } else {
      cGR[i] = 0;
    }
    let ns: number;
    if (t === 0) {
      // Same-day review: S' = S * e^{w17 (G - 3 + w18)} * S^{-w19}, floored at S for G >= 2.
      const lnS = Math.log(ls);
      const raw = Math.exp(w17 * (g - 3 + w18) - w19 * lnS);
      const active = !(g >= 2 && raw < 1);
      cBranch[i] = SHORT;
      cA[i] = raw;
      cB[i] = active ? 1 : 0;
      cC[i] = lnS;
      ns = ls * (active ? raw : 1);
    } else if (g === 1) {
      // Lapse: S'_f = w11 D^{-w12} ((S+1)^{w13} - 1) e^{w14 (1-R)}, capped at S / e^{w17 w18}.
      const pw = (ls + 1) ** w13;
      const dp = ld ** -w12;
      const er = Math.exp((1 - r) * w14);
      const raw = w11 * dp * (pw - 1) * er;
      const floor = ls / floorDivisor;
      if (floor < raw) {
        cBranch[i] = FAILURE_FLOOR;
        cA[i] = floor;
        ns = floor;
      } else {
        cBranch[i] = FAILURE;
        cA[i] = raw;
        cB[i] = pw;
        cC[i] = dp * er;
        ns = raw;
      }
    } else {
      // Recall: S'_r = S (1 + e^{w8} (11 - D) S^{-w9} (e^{w10 (1-R)} - 1) * w15[G=2] * w16[G=4]).
      const lnS = Math.log(ls);
      const cs = Math.exp(-w9 * lnS);
      const ee = Math.exp((1 - r) * w10);
      const mult = g === 2 ? w15 : g === 4 ? w16 : 1;
      cBranch[i] = SUCCESS;
      cA[i] = cs;
      cB[i] = ee;
      cC[i] = lnS;
      ns = ls * (1 + expW8 * (11 - ld) * cs * (ee - 1) * mult);
    }
    // Difficulty: linear damping D + (10 - D)(-w6 (G - 3))/9, then mean reversion toward D0(4) by w7.
    const nextD = ld + ((10 - ld) * (-w6 * (g - 3))) / 9;
    const meanD = w7 * (easyD - nextD) + nextD;
    cPreS[i] = ns;
    cMeanD[i] = meanD;
    s = clamp(ns, S_MIN, S_MAX);
    d = clamp(meanD, D_MIN, D_MAX);
    if (outS) outS[i] = s;
    if (outD) outD[i] = d;
  }
  return loss;
}

/**
 * Reverse pass over one card after {@link forwardCard}; adds dLoss/dw into `grad`.
 * Clamps pass the gradient only inside (or on) their interval, like PyTorch/Burn clamps.
 */
function backwardCard(w: Float64Array, data: PackedReviews, start: number, end: number, sc: Scratch, grad: Float64Array): void {
  const { rating, deltaT } = data;
  const w5 = w[5] as number;
  const w6 = w[6] as number;
  const w7 = w[7] as number;
  const expW8 = Math.exp(w[8] as number);
  const w9 = w[9] as number;
  const w10 = w[10] as number;
  const w11 = w[11] as number;
  const w12 = w[12] as number;
  const w13 = w[13] as number;
  const w14 = w[14] as number;
  const w15 = w[15] as number;
  const w16 = w[16] as number;
  const w17 = w[17] as number;
  const w18 = w[18] as number;
  const w19 = w[19] as number;
  const decay = -(w[20] as number);
  const factor = Math.exp(LN_09 / decay) - 1;
  // d factor / d decay for factor = e^{ln 0.9 / decay} - 1.
  const dFactorDDecay = Math.exp(LN_09 / decay) * (-LN_09 / (decay * decay));
  const exp3w5 = Math.exp(3 * w5);
  const { branch: cBranch, lastS: cLastS, lastD: cLastD, r: cR, base: cBase, preS: cPreS, meanD: cMeanD, gR: cGR, a: cA, b: cB, c: cC } = sc;
  let gS = 0;
  let gD = 0;
  for (let k = end - 1; k >= start; k--) {
    const i = k - start;
    const g = rating[k] as number;
    const preS = cPreS[i] as number;
    const gPreS = preS >= S_MIN && preS <= S_MAX ? gS : 0;
    if (cBranch[i] === INIT) {
      grad[g - 1] = (grad[g - 1] as number) + gPreS;
      const rawD = cMeanD[i] as number;
      if (gD !== 0 && rawD >= D_MIN && rawD <= D_MAX) {
        grad[4] = (grad[4] as number) + gD;
        grad[5] = (grad[5] as number) - gD * (g - 1) * Math.exp((g - 1) * w5);
      }
      break;
    }
    const ls = cLastS[i] as number;
    const ld = cLastD[i] as number;
    const r = cR[i] as number;
    let gLs = 0;
    let gLd = 0;
    let gr = cGR[i] as number;
    if (gPreS !== 0) {
      switch (cBranch[i]) {
        case SHORT: {
          const raw = cA[i] as number;
          if (cB[i] === 1) {
            const gRaw = gPreS * ls;
            grad[17] = (grad[17] as number) + gRaw * raw * (g - 3 + w18);
            grad[18] = (grad[18] as number) + gRaw * raw * w17;
            grad[19] = (grad[19] as number) - gRaw * raw * (cC[i] as number);
            gLs += gPreS * raw + gRaw * raw * (-w19 / ls);
          } else {
            gLs += gPreS;
          }
          break;
        }
        case FAILURE_FLOOR: {
          const floor = cA[i] as number;
          grad[17] = (grad[17] as number) - gPreS * floor * w18;
          grad[18] = (grad[18] as number) - gPreS * floor * w17;
          gLs += gPreS * (floor / ls);
          break;
        }
        case FAILURE: {
          const raw = cA[i] as number;
          const pw = cB[i] as number;
          const dpEr = cC[i] as number;
          grad[11] = (grad[11] as number) + (gPreS * raw) / w11;
          grad[12] = (grad[12] as number) - gPreS * raw * Math.log(ld);
          grad[13] = (grad[13] as number) + gPreS * w11 * dpEr * pw * Math.log(ls + 1);
          grad[14] = (grad[14] as number) + gPreS * raw * (1 - r);
          gLs += (gPreS * w11 * dpEr * w13 * pw) / (ls + 1);
          gLd += gPreS * raw * (-w12 / ld);
          gr += -gPreS * raw * w14;
          break;
        }
        default: {
          const cs = cA[i] as number;
          const ee = cB[i] as number;
          const hp = g === 2 ? w15 : 1;
          const eb = g === 4 ? w16 : 1;
          const b11 = 11 - ld;
          const inc = expW8 * b11 * cs * (ee - 1) * hp * eb;
          const gInc = gPreS * ls;
          gLs += gPreS * (inc + 1) + gInc * inc * (-w9 / ls);
          gLd += -gInc * expW8 * cs * (ee - 1) * hp * eb;
          gr += -gInc * expW8 * b11 * cs * hp * eb * w10 * ee;
          grad[8] = (grad[8] as number) + gInc * inc;
          grad[9] = (grad[9] as number) - gInc * inc * (cC[i] as number);
          grad[10] = (grad[10] as number) + gInc * expW8 * b11 * cs * hp * eb * (1 - r) * ee;
          if (g === 2) grad[15] = (grad[15] as number) + gInc * expW8 * b11 * cs * (ee - 1) * eb;
          if (g === 4) grad[16] = (grad[16] as number) + gInc * expW8 * b11 * cs * (ee - 1) * hp;
        }
      }
    }
    // Difficulty (stopped when the output clamp is active).
    const meanD = cMeanD[i] as number;
    if (gD !== 0 && meanD >= D_MIN && meanD <= D_MAX) {
      const rm3 = g - 3;
      const deltaD = -w6 * rm3;
      const nextD = ld + ((10 - ld) * deltaD) / 9;
      const easyD = (w[4] as number) - exp3w5 + 1;
      grad[7] = (grad[7] as number) + gD * (easyD - nextD);
      grad[4] = (grad[4] as number) + gD * w7;
      grad[5] = (grad[5] as number) - gD * w7 * 3 * exp3w5;
      const gNext = gD * (1 - w7);
      grad[6] = (grad[6] as number) + (gNext * (10 - ld) * -rm3) / 9;
      gLd += gNext * (1 - deltaD / 9);
    }
    // Forgetting curve R = base^decay, base = 1 + factor t / S.
    if (gr !== 0) {
      const t = deltaT[k] as number;
      const lnBase = cBase[i] as number;
      const base = 1 + (factor * t) / ls;
      gLs += ((gr * r * decay) / base) * ((-t * factor) / (ls * ls));
      const dRdDecay = r * (lnBase + (decay / base) * (t / ls) * dFactorDDecay);
      grad[20] = (grad[20] as number) - gr * dRdDecay;
    }
    gS = gLs;
    gD = gLd;
  }
}

/**
 * Weighted log loss (summed, not averaged) of a set of cards, and optionally its gradient.
 *
 * @param w 21 weights.
 * @param data The packed reviews.
 * @param cards Indices of the cards to include.
 * @param grad Where to add dLoss/dw (21 entries), or `null` for the loss only.
 * @param scratch Reusable buffers.
 * @param wantLoss Compute the loss (false saves a log per item when only the gradient is needed; returns 0).
 * @returns The summed weighted binary cross-entropy.
 */
export function cardsLossAndGrad(
  w: Float64Array,
  data: PackedReviews,
  cards: ArrayLike<number>,
  grad: Float64Array | null,
  scratch: Scratch,
  wantLoss = true,
): number {
  let loss = 0;
  let sc = scratch;
  for (let j = 0; j < cards.length; j++) {
    const c = cards[j] as number;
    const start = data.cardStart[c] as number;
    let end = data.cardStart[c + 1] as number;
    // Reviews after the last scored one change nothing: skip them.
    while (end > start && (data.weight[end - 1] as number) <= 0) end--;
    if (end - start < 2) continue;
    sc = ensure(sc, end - start);
    loss += forwardCard(w, data, start, end, sc, undefined, undefined, wantLoss);
    if (grad) backwardCard(w, data, start, end, sc, grad);
  }
  return loss;
}

/**
 * Predicted retrievability of every scored review (weight > 0), in storage order.
 *
 * @param w 21 weights.
 * @param data The packed reviews.
 * @returns One R per review (NaN where the review is not scored).
 */
export function predictAll(w: Float64Array, data: PackedReviews): Float64Array {
  const n = data.rating.length;
  const out = new Float64Array(n).fill(Number.NaN);
  let sc = createScratch();
  const cards = data.cardStart.length - 1;
  for (let c = 0; c < cards; c++) {
    const start = data.cardStart[c] as number;
    const end = data.cardStart[c + 1] as number;
    if (end - start < 2) continue;
    sc = ensure(sc, end - start);
    forwardCard(w, data, start, end, sc);
    for (let k = start + 1; k < end; k++) if ((data.weight[k] as number) > 0) out[k] = sc.r[k - start] as number;
  }
  return out;
}
