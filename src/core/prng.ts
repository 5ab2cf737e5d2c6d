/**
 * A seeded pseudo-random number generator.
 *
 * Algorithm: sfc32 (Chris Doty-Humphrey's "Small Fast Counting" generator,
 * from PractRand), seeded by hashing the seed string with cyrb128-style
 * 32-bit mixing. It uses only 32-bit integer arithmetic (`Math.imul`, `>>>`),
 * so the same seed gives the same sequence in every JavaScript engine.
 * It is not cryptographic: use it for shuffles, forms, fuzz and tests.
 */
export interface Prng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max] (both inclusive). */
  int(min: number, max: number): number;
  /** The current internal state, to resume the sequence later. */
  state(): [number, number, number, number];
}

/**
 * Hashes a string into four 32-bit words (cyrb128 mixing).
 *
 * @param text The seed text.
 * @returns Four unsigned 32-bit integers.
 */
export function hashSeed(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/**
 * Creates a seeded generator.
 *
 * @param seed A string or a finite number; the same seed always gives the same sequence.
 * @returns A generator.
 * @example
 * ```ts
 * const rng = createPrng('quiz-42')
 * rng.next() // the same float on every machine
 * ```
 */
// @__NO_SIDE_EFFECTS__
export function createPrng(seed: string | number | readonly [number, number, number, number]): Prng {
  let [a, b, c, d] = typeof seed === 'object' ? [seed[0] >>> 0, seed[1] >>> 0, seed[2] >>> 0, seed[3] >>> 0] : hashSeed(String(seed));
  const nextU32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  // Discard the first outputs: sfc32 needs a few rounds to diffuse a weak seed.
  for (let i = 0; i < 12; i++) nextU32();
  return {
    next: () => nextU32() / 4294967296,
    int: (min, max) => min + Math.floor((nextU32() / 4294967296) * (max - min + 1)),
    state: () => [a >>> 0, b >>> 0, c >>> 0, d >>> 0],
  };
}

/**
 * Returns a shuffled copy (Fisher-Yates); the input is not changed.
 *
 * @param items The items.
 * @param rng The generator to draw from.
 * @returns A new array.
 */
export function shuffle<T>(items: readonly T[], rng: Prng): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    const tmp = out[i] as T;
    out[i] = out[j] as T;
    out[j] = tmp;
  }
  return out;
}
