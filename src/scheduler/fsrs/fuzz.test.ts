import { get_fuzz_range } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { createPrng } from '../../core/prng';
import { aleaFactor, applyFuzz, fuzzRange, sfcFactor } from './fuzz';

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

  it('the card seed is core/prng sfc32: sfcFactor(seed) is createPrng(seed).next()', () => {
    for (const seed of ['a:1', 'card-42:7', '']) expect(sfcFactor(seed)).toBe(createPrng(seed).next());
  });

  it('the ts-fsrs seed is Alea: known first outputs (checked against ts-fsrs in the differential test)', () => {
    // alea('1727015666066') first output from ts-fsrs 5.4 __tests__/alea.test.ts is 0.6320083506871015.
    expect(aleaFactor('1727015666066')).toBe(0.6320083506871015);
  });
});
