import { FSRSBinding, computeParameters } from '@open-spaced-repetition/binding';
import { describe, expect, it } from 'vitest';
import { TRUE_WEIGHTS, generateSynthetic } from '../../test/fixtures/optimizer/synthetic';
import { RecallKitError } from '../core/errors';
import { datasetFromHistories, prepareReviews } from './dataset';
import type { ReviewDataset } from './dataset';
import { evaluate } from './evaluate';
import { optimize } from './optimize';
import type { OptimizeProgress } from './optimize';
import { DEFAULT_WEIGHTS, WEIGHT_STDDEV, weightBounds } from './params';
import { bindingItems } from '../../test/fixtures/optimizer/binding-items';

const small = prepareReviews(generateSynthetic({ cards: 300, reviewsPerCard: 8, seed: 'small' }).logs);

describe('optimize', () => {
  it('is deterministic for a seed, and the seed matters', async () => {
    const a = await optimize(small, { seed: 7 });
    const b = await optimize(small, { seed: 7 });
    const c = await optimize(small, { seed: 8 });
    expect(a.weights).toEqual(b.weights);
    expect(c.weights).not.toEqual(a.weights);
    expect(a.stage).toBe('trained');
  });

  it('takes review logs directly, converting them as prepareReviews does', async () => {
    const logs = generateSynthetic({ cards: 200, reviewsPerCard: 8, seed: 'logs' }).logs;
    const direct = await optimize(logs, { epochs: 2 });
    expect(direct.weights).toEqual((await optimize(prepareReviews(logs), { epochs: 2 })).weights);
    expect(direct.data.report.entries).toBe(logs.length);
  });

  it('reports progress after every batch up to items x epochs', async () => {
    const seen: OptimizeProgress[] = [];
    const res = await optimize(small, { onProgress: (p) => seen.push(p), epochs: 3, batchSize: 256 });
    expect(seen.length).toBeGreaterThan(3);
    for (let i = 1; i < seen.length; i++) expect((seen[i] as OptimizeProgress).done).toBeGreaterThan((seen[i - 1] as OptimizeProgress).done);
    const last = seen.at(-1) as OptimizeProgress;
    expect(last.done).toBe(last.total);
    expect(last.total).toBe(res.data.items * 3);
    expect(last.epoch).toBe(3);
  });

  it('stops with RK_ABORTED when the signal aborts (before or during the fit)', async () => {
    const before = new AbortController();
    before.abort();
    await expect(optimize(small, { signal: before.signal })).rejects.toMatchObject({ code: 'RK_ABORTED' });
    const during = new AbortController();
    let calls = 0;
    await expect(
      optimize(small, {
        signal: during.signal,
        onProgress: () => {
          if (++calls === 2) during.abort();
        },
      }),
    ).rejects.toMatchObject({ code: 'RK_ABORTED' });
    expect(calls).toBe(2);
    // An abort from a timer gets through too, because the fit yields to the event loop.
    const timer = new AbortController();
    setTimeout(() => timer.abort(), 0);
    await expect(optimize(small, { signal: timer.signal, yieldEvery: 1, epochs: 50 })).rejects.toBeInstanceOf(RecallKitError);
  });

  it('keeps every weight inside the FSRS-6 bounds even with a huge learning rate', async () => {
    const res = await optimize(small, { learningRate: 5, epochs: 2 });
    const bounds = weightBounds(res.weights);
    res.weights.forEach((w, i) => {
      expect(w).toBeGreaterThanOrEqual((bounds[i] as [number, number])[0]);
      expect(w).toBeLessThanOrEqual((bounds[i] as [number, number])[1]);
    });
  });

  it('freezes w17..w19 at 0 when short-term is off', async () => {
    const res = await optimize(small, { enableShortTerm: false, epochs: 1 });
    expect(res.weights.slice(17, 20)).toEqual([0, 0, 0]);
  });

  it('returns defaults below 8 items and stops after pretraining below 64 (as fsrs-rs)', async () => {
    const tiny = datasetFromHistories([{ ratings: [3, 3, 3], deltaTs: [0, 2, 5] }]);
    expect((await optimize(tiny)).stage).toBe('defaults');
    expect((await optimize(tiny)).weights).toEqual([...DEFAULT_WEIGHTS]);
    const cards = Array.from({ length: 30 }, (_, i) => ({ ratings: [3, i % 3 === 0 ? 1 : 3], deltaTs: [0, 1 + (i % 2)] }));
    const res = await optimize(datasetFromHistories(cards));
    expect(res.stage).toBe('pretrained');
    expect(res.weights.slice(4)).toEqual(DEFAULT_WEIGHTS.slice(4));
  });

  it('rejects bad options and bad input with codes, never a TypeError', async () => {
    await expect(optimize(small, { epochs: 0 })).rejects.toMatchObject({ code: 'RK_INVALID_OPTIONS', path: 'options.epochs' });
    await expect(optimize(small, { learningRate: Number.NaN })).rejects.toMatchObject({ code: 'RK_INVALID_OPTIONS' });
    await expect(optimize(small, { seed: Number.POSITIVE_INFINITY })).rejects.toMatchObject({ code: 'RK_INVALID_SEED' });
    await expect(optimize(42 as unknown as ReviewDataset)).rejects.toMatchObject({ code: 'RK_INVALID_INPUT' });
  });

  it('fits synthetic data as well as fsrs-rs and moves toward the true weights', async () => {
    const data = prepareReviews(generateSynthetic({ cards: 2000, reviewsPerCard: 10, seed: 'fit' }).logs);
    const ours = await optimize(data);
    const items = bindingItems(data);
    const theirs = await computeParameters(items, { enableShortTerm: true });
    // Same evaluators for both fits: ours (fsrs-rs evaluate semantics) and fsrs-rs's own.
    const oursByOurs = evaluate(ours.weights, data);
    const theirsByOurs = evaluate(theirs, data);
    expect(oursByOurs.logLoss).toBeLessThanOrEqual(theirsByOurs.logLoss * 1.005);
    expect(oursByOurs.rmseBins).toBeLessThanOrEqual(theirsByOurs.rmseBins * 1.1);
    const oursByRs = new FSRSBinding(ours.weights).evaluate(items);
    const theirsByRs = new FSRSBinding(theirs).evaluate(items);
    expect(oursByRs.logLoss).toBeLessThanOrEqual(theirsByRs.logLoss * 1.005);
    expect(oursByRs.rmseBins).toBeLessThanOrEqual(theirsByRs.rmseBins * 1.1);
    // Distance to the truth in units of the weights' spread across users: no worse than fsrs-rs's fit and
    // closer than the defaults. (With 2,000 cards some weights, e.g. w5 and w7, stay weakly identified.)
    const distance = (w: readonly number[]) => w.reduce((sum, x, i) => sum + ((x - (TRUE_WEIGHTS[i] as number)) / (WEIGHT_STDDEV[i] as number)) ** 2, 0);
    expect(distance(ours.weights)).toBeLessThan(distance(theirs) * 1.1);
    expect(distance(ours.weights)).toBeLessThan(distance(DEFAULT_WEIGHTS));
    expect(ours.metrics.logLoss).toBeCloseTo(oursByOurs.logLoss, 12);
  });
});
