import { clipParameters, default_w, migrateParameters } from 'ts-fsrs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createPrng } from '../../core/prng';
import { DEFAULT_WEIGHTS, checkWeights, migrateWeights, weightBounds } from './params';

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
