import { FSRSBinding } from '@open-spaced-repetition/binding';
import type { BindingMemoryState } from '@open-spaced-repetition/binding';
import { FSRSAlgorithm, generatorParameters } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { TRUE_WEIGHTS, generateSynthetic } from '../../test/fixtures/optimizer/synthetic';
import { createPrng } from '../core/prng';
import { datasetFromHistories } from './dataset';
import { buildItems } from './items';
import { cardsLossAndGrad, createScratch, forgettingCurve, replayMemory } from './model';
import type { PackedReviews } from './model';
import { DEFAULT_WEIGHTS, weightBounds } from './params';

/** Random in-bounds weights (seeded), away from the bounds so finite differences stay inside. */
function randomWeights(seed: string): number[] {
  const rng = createPrng(seed);
  return weightBounds(DEFAULT_WEIGHTS).map(([lo, hi], i) => {
    const span = Math.min(hi, i < 4 ? 20 : hi) - lo;
    return lo + span * (0.1 + 0.8 * rng.next());
  });
}

function packedFrom(seed: string, cards: number, reviews: number): PackedReviews {
  const syn = generateSynthetic({ cards, reviewsPerCard: reviews, seed });
  return buildItems(datasetFromHistories(syn.cards), { filterOutliers: false, maxSeqLen: 1000 }).packed;
}

function lossAt(w: number[], data: PackedReviews, cards: Int32Array): number {
  return cardsLossAndGrad(Float64Array.from(w), data, cards, null, createScratch());
}

// Weights that make the post-lapse floor s / e^(w17 w18) bind, and others that keep it loose.
const FLOOR_WEIGHTS = [...TRUE_WEIGHTS.slice(0, 17), 1.5, 1.4, 0.3, 0.4];

describe('analytic gradient', () => {
  const data = packedFrom('grad', 60, 9);
  const cards = Int32Array.from({ length: data.cardStart.length - 1 }, (_, i) => i);
  const cases: Array<[string, number[]]> = [
    ['defaults', [...DEFAULT_WEIGHTS]],
    ['true weights', [...TRUE_WEIGHTS]],
    ['post-lapse floor active', FLOOR_WEIGHTS],
    ['random A', randomWeights('A')],
    ['random B', randomWeights('B')],
  ];
  for (const [name, w] of cases) {
    it(`matches central finite differences for all 21 weights (${name})`, () => {
      const grad = new Float64Array(21);
      const loss = cardsLossAndGrad(Float64Array.from(w), data, cards, grad, createScratch());
      expect(Number.isFinite(loss)).toBe(true);
      for (let i = 0; i < 21; i++) {
        const h = 1e-6 * Math.max(1, Math.abs(w[i] as number));
        const up = [...w];
        const down = [...w];
        up[i] = (up[i] as number) + h;
        down[i] = (down[i] as number) - h;
        const numeric = (lossAt(up, data, cards) - lossAt(down, data, cards)) / (2 * h);
        const analytic = grad[i] as number;
        expect(Math.abs(analytic - numeric), `w${i}: analytic ${analytic} vs numeric ${numeric}`).toBeLessThanOrEqual(1e-4 * Math.max(1, Math.abs(numeric)));
      }
    });
  }

  it('exercises every branch: same-day (floored and not), lapse (raw and floor), hard, good, easy', () => {
    // The data set above must contain each situation, or the comparison proves less than it claims.
    let sameDay = 0;
    let lapse = 0;
    const byRating = [0, 0, 0, 0, 0];
    for (let k = 0; k < data.rating.length; k++) {
      if (data.deltaT[k] === 0) sameDay++;
      if (data.rating[k] === 1 && (data.deltaT[k] as number) > 0) lapse++;
      byRating[data.rating[k] as number]!++;
    }
    expect(sameDay).toBeGreaterThan(10);
    expect(lapse).toBeGreaterThan(10);
    expect(Math.min(...byRating.slice(1))).toBeGreaterThan(5);
  });

  it('accumulates: the gradient of two halves sums to the gradient of the whole', () => {
    const w = Float64Array.from(TRUE_WEIGHTS);
    const whole = new Float64Array(21);
    const parts = new Float64Array(21);
    cardsLossAndGrad(w, data, cards, whole, createScratch());
    cardsLossAndGrad(w, data, cards.subarray(0, 30), parts, createScratch());
    cardsLossAndGrad(w, data, cards.subarray(30), parts, createScratch());
    for (let i = 0; i < 21; i++) expect(parts[i]).toBeCloseTo(whole[i] as number, 9);
  });
});

describe('forward pass', () => {
  it('R(S, S) is 0.9 for any decay, and R falls as time passes', () => {
    for (const w20 of [0.1, 0.1542, 0.5, 0.8]) {
      expect(forgettingCurve(w20, 7, 7)).toBeCloseTo(0.9, 12);
      expect(forgettingCurve(w20, 8, 7)).toBeLessThan(forgettingCurve(w20, 7, 7));
    }
  });

  const histories = generateSynthetic({ cards: 150, reviewsPerCard: 12, seed: 'forward' }).cards;

  it('matches ts-fsrs 5.4.2 next_state on 150 random histories (FSRS-6, short-term on)', () => {
    for (const w of [[...DEFAULT_WEIGHTS], [...TRUE_WEIGHTS], FLOOR_WEIGHTS]) {
      const algo = new FSRSAlgorithm(generatorParameters({ w, enable_short_term: true, relearning_steps: ['10m'] }));
      for (const card of histories) {
        const ours = replayMemory(w, card.ratings, card.deltaTs);
        let state: { stability: number; difficulty: number } | null = null;
        card.ratings.forEach((g, k) => {
          state = algo.next_state(state, card.deltaTs[k] as number, g);
          const mine = ours[k] as { stability: number; difficulty: number };
          const ref = state as { stability: number; difficulty: number };
          expect(Math.abs(mine.stability - ref.stability)).toBeLessThanOrEqual(1e-6 * Math.max(1, ref.stability));
          expect(Math.abs(mine.difficulty - ref.difficulty)).toBeLessThanOrEqual(1e-6);
        });
      }
    }
  });

  it('matches fsrs-rs (binding 0.5.0 nextStates) on 150 random histories, to f32 precision', () => {
    for (const w of [[...DEFAULT_WEIGHTS], [...TRUE_WEIGHTS]]) {
      const fsrs = new FSRSBinding(w);
      const key = ['again', 'hard', 'good', 'easy'] as const;
      for (const card of histories) {
        const ours = replayMemory(w, card.ratings, card.deltaTs);
        let state: BindingMemoryState | null = null;
        card.ratings.forEach((g, k) => {
          const next = fsrs.nextStates(state, 0.9, card.deltaTs[k] as number);
          state = next[key[g - 1] as (typeof key)[number]].memory;
          const mine = ours[k] as { stability: number; difficulty: number };
          expect(Math.abs(mine.stability - state.stability)).toBeLessThanOrEqual(2e-4 * Math.max(1, state.stability));
          expect(Math.abs(mine.difficulty - state.difficulty)).toBeLessThanOrEqual(2e-4 * state.difficulty);
        });
      }
    }
  });
});
