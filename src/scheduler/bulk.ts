/**
 * Bulk FSRS for dashboards: retrievability of many cards at once and selection
 * of the most urgent due cards, over struct-of-arrays columns (`Float64Array`)
 * so that a million cards need no objects and no garbage.
 */
import { DAY_MS } from '../core/time';
import { createModel } from './fsrs/memory';
import { DEFAULT_WEIGHTS, checkWeights, powRound8 } from './fsrs/params';
import { fail, toMs } from './validate';

/** Card columns: entry `i` of each array describes card `i`. */
export interface CardColumns {
  /** Stability in days (`CardState.stability`). */
  readonly stability: Float64Array;
  /** Last review in epoch ms (`CardState.lastReview`); `NaN` for a card never reviewed. */
  readonly lastReview: Float64Array;
  /** Due time in epoch ms (`CardState.due`); needed by {@link selectDue}. */
  readonly due?: Float64Array;
}

/** Options of the bulk functions. */
export interface BulkOptions {
  /** FSRS weights (only `w20`, the decay, matters); default FSRS-6 defaults. */
  readonly weights?: readonly number[];
}

function decayOf(options: BulkOptions | undefined) {
  const w = options?.weights === undefined ? DEFAULT_WEIGHTS : checkWeights(options.weights, 1, true);
  return createModel(w, true);
}

function columns(cols: CardColumns, needDue: boolean): number {
  const n = cols?.stability?.length;
  if (!(cols?.stability instanceof Float64Array) || !(cols.lastReview instanceof Float64Array) || cols.lastReview.length !== n) {
    fail('RK_INVALID_INPUT', 'columns', 'Float64Arrays stability and lastReview of equal length', cols);
  }
  if (needDue && (!(cols.due instanceof Float64Array) || cols.due.length !== n)) fail('RK_INVALID_INPUT', 'columns.due', `a Float64Array of length ${n}`, cols.due);
  return n as number;
}

/**
 * Retrievability of every card at `now`, equal to `createFsrs().retrievability(card, now)` card by card.
 *
 * @param cols The card columns.
 * @param now The time (epoch ms or Date).
 * @param options Weights; `out` to reuse an array.
 * @returns `out` (or a new `Float64Array`) with R in [0, 1]; 0 for never-reviewed cards.
 * @throws RecallKitError `RK_INVALID_INPUT` for mismatched columns, `RK_INVALID_TIME` for a bad time.
 * @example
 * ```ts
 * const r = bulkRetrievability({ stability, lastReview }, Date.now())
 * ```
 */
export function bulkRetrievability(cols: CardColumns, now: number | Date, options?: BulkOptions & { readonly out?: Float64Array }): Float64Array {
  const n = columns(cols, false);
  const ms = toMs(now);
  const m = decayOf(options);
  const out = options?.out ?? new Float64Array(n);
  if (out.length < n) fail('RK_INVALID_INPUT', 'out', `a Float64Array of length >= ${n}`, out);
  const { stability, lastReview } = cols;
  const { factor, decay } = m;
  for (let i = 0; i < n; i++) {
    const last = lastReview[i] as number;
    const s = stability[i] as number;
    const t = Math.floor((ms - last) / DAY_MS);
    // forgettingCurve with the model's constants hoisted; NaN lastReview (never reviewed) or no stability: 0.
    out[i] = !Number.isNaN(last) && s > 0 ? powRound8(1 + (factor * Math.max(t, 0)) / s, decay) : 0;
  }
  return out;
}

/**
 * The `k` most urgent due cards: reviewed cards with `due <= now`, lowest
 * retrievability first (ties: earlier due, then lower index). O(n log k), no sorting of all cards.
 *
 * Hint: new cards (NaN `lastReview`) are not selected; schedule new cards separately.
 *
 * @param cols The card columns, with `due`.
 * @param now The time.
 * @param k How many cards at most.
 * @param options Weights.
 * @returns Card indices, most urgent first.
 * @throws RecallKitError `RK_INVALID_INPUT` for mismatched columns or a bad `k`.
 */
export function selectDue(cols: CardColumns, now: number | Date, k: number, options?: BulkOptions): Uint32Array {
  const n = columns(cols, true);
  const ms = toMs(now);
  if (!Number.isInteger(k) || k < 0) fail('RK_INVALID_INPUT', 'k', 'a whole number >= 0', k);
  const m = decayOf(options);
  const { stability, lastReview } = cols;
  const due = cols.due as Float64Array;
  // A max-heap of the k most urgent so far; its root is the least urgent of them.
  const keyR = new Float64Array(k);
  const keyDue = new Float64Array(k);
  const keyX = new Float64Array(k);
  const idx = new Uint32Array(k);
  let size = 0;
  const worse = (a: number, b: number) => keyR[a]! > keyR[b]! || (keyR[a] === keyR[b] && (keyDue[a]! > keyDue[b]! || (keyDue[a] === keyDue[b] && idx[a]! > idx[b]!)));
  const swap = (a: number, b: number) => {
    const r = keyR[a]!;
    const d = keyDue[a]!;
    const x = keyX[a]!;
    const j = idx[a]!;
    keyR[a] = keyR[b]!;
    keyDue[a] = keyDue[b]!;
    keyX[a] = keyX[b]!;
    idx[a] = idx[b]!;
    keyR[b] = r;
    keyDue[b] = d;
    keyX[b] = x;
    idx[b] = j;
  };
  const down = (start: number) => {
    let i = start;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let top = i;
      if (l < size && worse(l, top)) top = l;
      if (r < size && worse(r, top)) top = r;
      if (top === i) return;
      swap(i, top);
      i = top;
    }
  };
  const { factor, decay } = m;
  for (let i = 0; i < n && k > 0; i++) {
    const d = due[i] as number;
    const last = lastReview[i] as number;
    const s = stability[i] as number;
    if (!(d <= ms) || Number.isNaN(last) || !(s > 0)) continue;
    // x = FACTOR t / S, the argument of the forgetting curve: R falls as x grows. Once the heap is
    // full, a card whose x is clearly below the root's (relative gap 1e-9, far more than pow's
    // < 1 ulp error) has a strictly higher R and cannot enter: skip its pow. A card due earlier
    // than the root could still win a tie on R, so it is always evaluated.
    const x = (factor * Math.max(Math.floor((ms - last) / DAY_MS), 0)) / s;
    if (size === k && d >= keyDue[0]! && x < keyX[0]! * (1 - 1e-9) && keyX[0]! > 0.01) continue;
    const r = powRound8(1 + x, decay);
    if (size < k) {
      keyR[size] = r;
      keyDue[size] = d;
      keyX[size] = x;
      idx[size] = i;
      let c = size++;
      while (c > 0) {
        const p = (c - 1) >> 1;
        if (!worse(c, p)) break;
        swap(c, p);
        c = p;
      }
    } else if (r < keyR[0]! || (r === keyR[0] && d < keyDue[0]!)) {
      keyR[0] = r;
      keyDue[0] = d;
      keyX[0] = x;
      idx[0] = i;
      down(0);
    }
  }
  // Pop the heap from the back: the least urgent goes last.
  const out = new Uint32Array(size);
  for (let end = size - 1; end >= 0; end--) {
    out[end] = idx[0]!;
    swap(0, end);
    size--;
    down(0);
  }
  return out;
}
