import { describe, expect, it } from 'vitest';
import { createPrng } from '../core/prng';
import { datasetFromHistories } from './dataset';
import { buildItems, recencyWeights, timeOrder } from './items';

describe('timeOrder (radix sort of review times)', () => {
  it('equals a stable comparator sort on skewed, tied and negative times, small and large', () => {
    const rng = createPrng('order');
    for (const n of [0, 1, 7, 1000, 60_000]) {
      const t = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const u = rng.next();
        t[i] = u < 0.1 ? Math.floor(rng.next() * 5) : u < 0.2 ? -1e12 * rng.next() : u < 0.25 ? 1.7e12 + 3e16 * rng.next() : 1.7e12 + 3e10 * rng.next();
      }
      const expected = Array.from({ length: n }, (_, i) => i).sort((a, b) => (t[a] as number) - (t[b] as number) || a - b);
      expect(Array.from(timeOrder(t))).toEqual(expected);
    }
  });

  it('gives recency weights 0.25 (oldest) .. 1 (newest), cubic in the rank', () => {
    const w = recencyWeights(Float64Array.of(30, 10, 20));
    expect(Array.from(w)).toEqual([1, 0.25, 0.25 + 0.75 * 0.5 ** 3]);
  });
});

describe('buildItems', () => {
  it('makes an item of every review after >= 1 day, weighted by time rank, and counts recall', () => {
    const data = datasetFromHistories([
      { ratings: [3, 3, 1, 3], deltaTs: [0, 2, 0, 5], times: [0, 5, 6, 40] },
      { ratings: [1, 3], deltaTs: [0, 1], times: [1, 20] },
    ]);
    const items = buildItems(data, { filterOutliers: false, maxSeqLen: 256 });
    expect(items.total).toBe(3);
    expect(items.averageRecall).toBe(1);
    // Item times 5, 40, 20 -> ranks 0, 2, 1 of 3.
    expect(Array.from(items.packed.weight)).toEqual([0, 0.25, 0, 1, 0, 0.25 + 0.75 * 0.5 ** 3]);
    expect(Array.from(items.itemsPerCard)).toEqual([2, 1]);
    // maxSeqLen 3 drops the 4-review item from training but not from evaluation.
    const capped = buildItems(data, { filterOutliers: false, maxSeqLen: 3 });
    expect(capped.tooLong).toBe(1);
    expect(capped.packed.weight[3]).toBe(0);
    expect(capped.evalWeight[3]).toBe(1);
  });
});
