/**
 * Interval fuzz: spreads reviews of cards learned together over nearby days.
 * The bands are Anki's (`FUZZ_RANGES` in `rslib/src/scheduler/states/fuzz.rs`,
 * behaviour only), as used by ts-fsrs 5.4 `get_fuzz_range`. The fuzz factor
 * (a number in [0, 1)) is computed by the caller from a seed.
 */

/**
 * The range of days a fuzzed interval may take.
 *
 * Anki's bands: the interval may move by 1 day plus 15% of its part between 2.5 and 7
 * days, 10% of its part between 7 and 20 days and 5% of its part beyond 20 days.
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
  const band = (start: number, end: number, factor: number): number => factor * Math.max(Math.min(interval, end) - start, 0);
  const delta = 1 + band(2.5, 7, 0.15) + band(7, 20, 0.1) + band(20, Number.POSITIVE_INFINITY, 0.05);
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
 * The default fuzz factor: a 32-bit hash of the seed text scaled to [0, 1).
 *
 * The hash is FNV-1a over the UTF-16 code units, then MurmurHash3's `fmix32`
 * finaliser so that seeds differing in one character (`"c1:3"`, `"c1:4"`) land
 * far apart. 32-bit integer arithmetic only (`Math.imul`, `>>>`), so every
 * engine gives the same factor; the test checks that the factors are uniform.
 *
 * @param seed The seed text, e.g. `"<card id>:<reps>"`.
 * @returns A number in [0, 1).
 */
export function hashFactor(seed: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296;
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
