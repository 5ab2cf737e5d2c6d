/**
 * Interval fuzz: spreads reviews of cards learned together over nearby days.
 * The bands are Anki's (`FUZZ_RANGES` in `rslib/src/scheduler/states/fuzz.rs`,
 * behaviour only), as used by ts-fsrs 5.4 `get_fuzz_range`. The fuzz factor
 * (a number in [0, 1)) is computed by the caller from a seed.
 */
import { hashSeed } from '../../core/prng';

/** The fuzz bands, as `[start, end, factor]`: for the part of the interval in `[start, end)` days, add `factor` days per day. */
export const FUZZ_RANGES: readonly (readonly [start: number, end: number, factor: number])[] = /* @__PURE__ */ Object.freeze([
  [2.5, 7, 0.15],
  [7, 20, 0.1],
  [20, Number.POSITIVE_INFINITY, 0.05],
]);

/**
 * The range of days a fuzzed interval may take.
 *
 * Hint: when the interval is longer than the elapsed days, the minimum is
 * raised to `elapsed + 1`, so fuzz never schedules a card before the time that
 * already passed since its last review.
 *
 * @param interval The unfuzzed interval in days (>= 2.5).
 * @param elapsed Days since the last review.
 * @param maximum The maximum interval.
 * @returns `[min, max]` whole days, inclusive.
 */
export function fuzzRange(interval: number, elapsed: number, maximum: number): [number, number] {
  let delta = 1;
  for (const [start, end, factor] of FUZZ_RANGES) delta += factor * Math.max(Math.min(interval, end) - start, 0);
  const ivl = Math.min(interval, maximum);
  let min = Math.max(2, Math.round(ivl - delta));
  const max = Math.min(Math.round(ivl + delta), maximum);
  if (ivl > elapsed) min = Math.max(min, elapsed + 1);
  return [Math.min(min, max), max];
}

/**
 * Applies fuzz to an interval.
 *
 * @param interval The interval in whole days.
 * @param elapsed Days since the last review.
 * @param maximum The maximum interval.
 * @param factor A number in [0, 1) drawn from the card's seed.
 * @returns The fuzzed interval (the interval itself below 2.5 days).
 */
export function applyFuzz(interval: number, elapsed: number, maximum: number, factor: number): number {
  if (interval < 2.5) return Math.round(interval);
  const [min, max] = fuzzRange(interval, elapsed, maximum);
  return Math.floor(factor * (max - min + 1) + min);
}

/**
 * The default fuzz factor: sfc32 (core/prng) seeded with a hash of the seed text.
 * Deterministic on every engine (32-bit integer arithmetic only).
 *
 * @param seed The seed text, e.g. `"<card id>:<reps>"`.
 * @returns A number in [0, 1).
 */
export function sfcFactor(seed: string): number {
  let [a, b, c, d] = hashSeed(seed);
  let t = 0;
  // The same 12 warm-up rounds plus one output as createPrng(seed).next().
  for (let i = 0; i < 13; i++) {
    t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
  }
  return (t >>> 0) / 4294967296;
}

/**
 * The first output of Alea seeded with `seed`: ts-fsrs's fuzz factor, for the
 * `'ts-fsrs'` compatibility seed. Alea is Johannes Baagøe's generator (MIT,
 * 2010); this is a re-implementation of its published algorithm (Mash hash,
 * then one multiply-with-carry step).
 *
 * @param seed The seed text.
 * @returns A number in [0, 1), equal to `alea(seed)()` in ts-fsrs.
 */
export function aleaFactor(seed: string): number {
  let n = 0xefc8249d;
  const mash = (data: string): number => {
    for (let i = 0; i < data.length; i++) {
      n += data.charCodeAt(i);
      let h = 0.02519603282416938 * n;
      n = h >>> 0;
      h -= n;
      h *= n;
      n = h >>> 0;
      h -= n;
      n += h * 0x100000000;
    }
    return (n >>> 0) * 2.3283064365386963e-10;
  };
  // Alea seeds s0, s1, s2 from three hashes of ' ' and subtracts a hash of the
  // seed from each; only s0 reaches the first output, but all three ' ' hashes
  // must run because Mash carries its state `n` from call to call.
  let s0 = mash(' ');
  mash(' ');
  mash(' ');
  s0 -= mash(seed);
  if (s0 < 0) s0 += 1;
  const t = 2091639 * s0 + 2.3283064365386963e-10;
  return t - (t | 0);
}
