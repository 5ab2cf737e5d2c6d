import { FSRSBinding, FSRSBindingItem, FSRSBindingReview } from '@open-spaced-repetition/binding';
import { describe, expect, it } from 'vitest';
import { TRUE_WEIGHTS } from '../../test/fixtures/optimizer/synthetic';
import { RecallKitError } from '../core/errors';
import { createPrng } from '../core/prng';
import { datasetFromHistories } from './dataset';
import { binKey, evaluate, rocAuc } from './evaluate';
import { DEFAULT_WEIGHTS } from './params';

describe('evaluate', () => {
  // Two cards under the default weights. A: Good, then Good after 3 days; B: Again, then Again after 1 day.
  // By hand (decay 0.1542, factor 0.9^(-1/0.1542) - 1): R_A = R(3, w2 = 2.3065) = 0.880947956,
  // R_B = R(1, w0 = 0.212) = 0.766195730. Recency weights: A's item is older (0.25), B's is newer (1).
  const data = datasetFromHistories([
    { ratings: [3, 3], deltaTs: [0, 3], times: [0, 10] },
    { ratings: [1, 1], deltaTs: [0, 1], times: [1, 20] },
  ]);

  it('log loss: recency-weighted binary cross-entropy (hand-computed)', () => {
    // (0.25 * -ln 0.880947956 + 1 * -ln(1 - 0.766195730)) / 1.25 = 1.187968120
    expect(evaluate([...DEFAULT_WEIGHTS], data).logLoss).toBeCloseTo(1.18796812, 7);
  });

  it('RMSE(bins): both items share bin (248, 4, 0), so it is |mean R - mean recall| (hand-computed)', () => {
    expect(binKey(3, 1, 0)).toBe('248,4,0');
    expect(binKey(1, 1, 0)).toBe('248,4,0');
    // |(0.880947956 + 0.766195730) / 2 - 0.5| = 0.323571843
    expect(evaluate([...DEFAULT_WEIGHTS], data).rmseBins).toBeCloseTo(0.32357184, 7);
  });

  it('AUC: the passed review got the higher R, so 1; null with one class only', () => {
    expect(evaluate([...DEFAULT_WEIGHTS], data).auc).toBe(1);
    expect(evaluate([...DEFAULT_WEIGHTS], datasetFromHistories([{ ratings: [3, 3], deltaTs: [0, 3] }])).auc).toBeNull();
    expect(rocAuc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBe(0.75);
    expect(rocAuc([0.5, 0.5], [0, 1])).toBe(0.5);
  });

  it('bins intervals, review counts and lapses by powers of 3.62, 1.89 and 1.73 (hand-computed)', () => {
    // 2.48 * 3.62^1 * 100 = 897.76; 1.99 * 1.89^1 = 3.76 (1.99 * 1.89^3 = 13.4 for 7); 1.65 * 1.73^0 = 1.65
    expect(binKey(4, 2, 1)).toBe('898,4,2');
    expect(binKey(20, 6, 0)).toBe('3250,13,0');
  });

  it('rejects weights that are not 21 finite numbers', () => {
    expect(() => evaluate([1, 2, 3], data)).toThrow(RecallKitError);
    const bad = [...DEFAULT_WEIGHTS];
    bad[5] = Number.NaN;
    expect(() => evaluate(bad, data)).toThrow(/RK_INVALID_PARAMETERS.*weights\[5\]/);
  });

  it('agrees with fsrs-rs (binding 0.5.0 FSRSBinding.evaluate) on data its outlier filter leaves whole', () => {
    // The binding's evaluate drops rare (first rating, first interval) groups and puts first long-term items
    // first. Here every card's first long-term review is at 1 day and each first rating has >= 20 cards, so
    // nothing is dropped, and items are timed so that first long-term items come first in both.
    const rng = createPrng('eval-cross');
    const cards: Array<{ ratings: number[]; deltaTs: number[] }> = [];
    for (let c = 0; c < 400; c++) {
      const ratings = [1 + (c % 4)];
      const deltaTs = [0];
      const n = 2 + Math.floor(rng.next() * 8);
      for (let k = 1; k < n; k++) {
        ratings.push(rng.next() < 0.8 ? 2 + Math.floor(rng.next() * 3) : 1);
        deltaTs.push(k === 1 ? 1 : Math.floor(rng.next() * 30));
      }
      cards.push({ ratings, deltaTs });
    }
    // Item order: first long-term items (card order), then the others (card, then review order).
    const firsts: Array<[number, number]> = [];
    const rest: Array<[number, number]> = [];
    cards.forEach((card, c) => {
      card.deltaTs.forEach((t, k) => {
        if (k > 0 && t > 0) (k === 1 ? firsts : rest).push([c, k]);
      });
    });
    const order = [...firsts, ...rest];
    const times = cards.map((card) => card.ratings.map(() => 0));
    order.forEach(([c, k], i) => {
      (times[c] as number[])[k] = i + 1;
    });
    const dataset = datasetFromHistories(cards.map((card, c) => ({ ...card, times: times[c] as number[] })));
    const items = order.map(([c, k]) => {
      const card = cards[c] as { ratings: number[]; deltaTs: number[] };
      return new FSRSBindingItem(card.ratings.slice(0, k + 1).map((g, j) => new FSRSBindingReview(g, card.deltaTs[j] as number)));
    });
    for (const w of [[...DEFAULT_WEIGHTS], [...TRUE_WEIGHTS]]) {
      const ours = evaluate(w, dataset);
      const ref = new FSRSBinding(w).evaluate(items);
      expect(ours.items).toBe(items.length);
      // fsrs-rs computes in f32: ln(1 - R) for R near 1 loses ~1e-4 relative, hence the tolerance.
      expect(Math.abs(ours.logLoss - ref.logLoss) / ref.logLoss).toBeLessThan(3e-4);
      expect(Math.abs(ours.rmseBins - ref.rmseBins) / ref.rmseBins).toBeLessThan(1e-4);
    }
  });
});
