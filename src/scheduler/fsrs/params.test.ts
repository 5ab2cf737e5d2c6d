import { clipParameters, default_w, migrateParameters } from 'ts-fsrs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createPrng } from '../../core/prng';
import { DEFAULT_WEIGHTS, checkWeights, migrateWeights, powRound8, round8, weightBounds } from './params';

describe('FSRS parameters (ts-fsrs 5.4 default.ts)', () => {
  beforeAll(() => vi.spyOn(console, 'debug').mockImplementation(() => undefined));
  afterAll(() => vi.restoreAllMocks());

  it('defaults are ts-fsrs default_w', () => {
    expect(DEFAULT_WEIGHTS).toEqual([...default_w]);
  });

  it('migrateWeights equals ts-fsrs migrateParameters + clipParameters for 17, 19 and 21 random weights', () => {
    const rng = createPrng('params');
    for (let i = 0; i < 300; i++) {
      const length = [17, 19, 21][i % 3] as number;
      const w = Array.from({ length }, () => rng.next() * 12 - 1);
      const relearning = rng.int(0, 3);
      const shortTerm = rng.next() < 0.5;
      const theirs = clipParameters(migrateParameters(w, relearning, shortTerm), relearning, shortTerm);
      expect(migrateWeights(w, relearning, shortTerm)).toEqual(theirs);
    }
  });

  it('checkWeights accepts in-bounds weights unchanged and rejects each out-of-bounds weight', () => {
    expect(checkWeights(DEFAULT_WEIGHTS, 1, true)).toEqual([...DEFAULT_WEIGHTS]);
    weightBounds(21, true).forEach(([lo, hi], i) => {
      for (const x of [lo - 0.01, hi + 0.01]) {
        const w = DEFAULT_WEIGHTS.map((v, k) => (k === i ? x : v));
        expect(() => checkWeights(w, 1, true)).toThrow(`weights[${i}]`);
      }
    });
  });
});

describe('powRound8: the fast forgetting-curve power', () => {
  const rng = createPrng('pow-round8');

  it('equals round8(Math.pow(base, exponent)) over the FSRS range (200,000 random cases)', () => {
    const misses: string[] = [];
    for (let i = 0; i < 200_000; i++) {
      const exponent = -(0.1 + rng.next() * 0.7); // -w20, w20 in [0.1, 0.8]
      const factor = Math.exp(Math.log(0.9) / exponent) - 1;
      const t = rng.int(0, rng.next() < 0.5 ? 400 : 36500);
      const s = 0.001 + rng.next() * rng.next() * 36500;
      const base = 1 + (factor * t) / s;
      if (powRound8(base, exponent) !== round8(Math.pow(base, exponent))) misses.push(`${base}^${exponent}`);
    }
    expect(misses.slice(0, 5)).toEqual([]);
  });

  it('hands results within 1e-6 of a rounding half to Math.pow, where exp(log) alone would round the other way', () => {
    // Bases whose power is (k + 0.5) / 1e8 up to a few ulps: every one of them falls in the guard band.
    let naiveWrong = 0;
    for (let i = 0; i < 5000; i++) {
      const exponent = -(0.1 + rng.next() * 0.7);
      const half = (rng.int(0, 99_999_999) + 0.5) / 1e8;
      const base = Math.pow(half, 1 / exponent);
      if (!(base >= 1)) continue;
      const exact = round8(Math.pow(base, exponent));
      expect(powRound8(base, exponent)).toBe(exact);
      if (Math.round(Math.exp(exponent * Math.log(base)) * 1e8) / 1e8 !== exact) naiveWrong++;
    }
    // Without the guard these cases would go wrong (about one in nine when this was written).
    expect(naiveWrong).toBeGreaterThan(0);
  });
});
