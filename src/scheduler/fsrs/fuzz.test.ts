import { get_fuzz_range } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { createPrng } from '../../core/prng';
import { aleaFactor, applyFuzz, fuzzRange, hashFactor } from './fuzz';

describe('fuzz', () => {
  it('fuzz ranges equal ts-fsrs get_fuzz_range (Anki bands)', () => {
    const rng = createPrng('fuzz-ranges');
    for (let i = 0; i < 3000; i++) {
      const ivl = rng.int(3, 2000);
      const elapsed = rng.int(0, 2500);
      const max = rng.next() < 0.3 ? rng.int(3, 100) : 36500;
      const { min_ivl, max_ivl } = get_fuzz_range(ivl, elapsed, max);
      expect(fuzzRange(ivl, elapsed, max)).toEqual([min_ivl, max_ivl]);
    }
  });

  it('a fuzzed interval stays in range and is never before elapsed + 1 when the interval is longer', () => {
    for (let f = 0; f < 1; f += 0.01) {
      const ivl = applyFuzz(30, 28, 36500, f);
      expect(ivl).toBeGreaterThanOrEqual(29);
      expect(ivl).toBeLessThanOrEqual(33);
    }
    expect(applyFuzz(2, 0, 36500, 0.99)).toBe(2);
  });

  it('the card seed hash is FNV-1a + fmix32: outputs of an independent Python implementation', () => {
    // Python: x = 0x811c9dc5; for c in s: x = ((x ^ ord(c)) * 0x01000193) & 0xffffffff; then
    // x = ((x ^ x>>16) * 0x85ebca6b), ((x ^ x>>13) * 0xc2b2ae35), x ^ x>>16 (all & 0xffffffff); x / 2**32.
    expect(hashFactor('')).toBe(0.6689221884589642);
    expect(hashFactor('a:1')).toBe(0.9717126535251737);
    expect(hashFactor('card-42:7')).toBe(0.9451820212416351);
    expect(hashFactor('\u00e9:1')).toBe(0.4174230236094445);
  });

  it('card seed factors are uniform over [0, 1) for consecutive ids and reps (chi-square, 20 bins)', () => {
    const bins = new Array<number>(20).fill(0);
    const n = 20_000;
    for (let i = 0; i < n / 4; i++) for (let reps = 1; reps <= 4; reps++) bins[Math.floor(hashFactor(`card-${i}:${reps}`) * 20)]! += 1;
    const expected = n / 20;
    const chi2 = bins.reduce((sum, o) => sum + (o - expected) ** 2 / expected, 0);
    // 19 degrees of freedom: P(chi2 > 43.82) = 0.001 for a uniform source.
    expect(chi2).toBeLessThan(43.82);
  });

  it('the ts-fsrs seed is Alea: known first outputs (checked against ts-fsrs in the differential test)', () => {
    // alea('1727015666066') first output from ts-fsrs 5.4 __tests__/alea.test.ts is 0.6320083506871015.
    expect(aleaFactor('1727015666066')).toBe(0.6320083506871015);
  });
});
