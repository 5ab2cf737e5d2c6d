import { describe, expect, it } from 'vitest';
import { DEFAULT_WEIGHTS } from './params';
import { findOutliers, fitInitialStability, pretrainInitialStability, pretrainLoss, smoothAndFill } from './pretrain';
import type { FirstLongTerm } from './pretrain';

function reviews(firstRating: number, deltaT: number, count: number, passed = count): FirstLongTerm[] {
  return Array.from({ length: count }, (_, i) => ({ firstRating, deltaT, passed: i < passed }));
}

/** R under the default FSRS-6 decay, written out independently of the code under test. */
function defaultCurve(t: number, s: number): number {
  const decay = -0.1542;
  return (1 + ((0.9 ** (1 / decay) - 1) * t) / s) ** decay;
}

describe('pretraining of w0..w3', () => {
  it('loss: hand-computed value for one group (t = 1, 1 of 1 passed, average recall 0.5, s = 1)', () => {
    // recall = (1 + 0.5) / 2 = 0.75; R(1, 1) = 0.9; -(0.75 ln 0.9 + 0.25 ln 0.1) + |1 - 2.3065| / 16
    expect(pretrainLoss([{ deltaT: 1, count: 1, passed: 1 }], 1, DEFAULT_WEIGHTS[2] as number, 0.5)).toBeCloseTo(0.7363229, 6);
  });

  it('recovers the stability behind noise-free pass rates', () => {
    for (const [rating, trueS] of [
      [1, 0.8],
      [3, 6],
      [4, 25],
    ] as const) {
      const groups = [1, 2, 3, 5, 8, 13].map((t) => ({ deltaT: t, count: 100_000, passed: Math.round(100_000 * defaultCurve(t, trueS)) }));
      const fitted = fitInitialStability(groups, rating, 0.9);
      expect(Math.abs(fitted - trueS) / trueS).toBeLessThan(0.01);
    }
  });

  it('with little data stays near the default (the L1 pull and the Laplace smoothing)', () => {
    const fitted = fitInitialStability([{ deltaT: 3, count: 1, passed: 1 }], 3, 0.9);
    expect(Math.abs(fitted - (DEFAULT_WEIGHTS[2] as number))).toBeLessThan(2);
  });

  it('fits every first rating present and orders them', () => {
    const data = [
      ...[1, 2].flatMap((t) => reviews(1, t, 200, Math.round(200 * defaultCurve(t, 0.5)))),
      ...[1, 3].flatMap((t) => reviews(3, t, 200, Math.round(200 * defaultCurve(t, 5)))),
    ];
    const { stability, counts } = pretrainInitialStability(data, 0.85);
    expect(counts.get(1)).toBe(400);
    expect(counts.get(3)).toBe(400);
    expect(stability).not.toBeNull();
    const s = stability as number[];
    for (let i = 1; i < 4; i++) expect(s[i]).toBeGreaterThanOrEqual(s[i - 1] as number);
  });
});

describe('outlier filter (fsrs-rs compute_outlier_analysis)', () => {
  it('drops the smallest groups up to max(20, 5%) and groups that are tiny or too late', () => {
    const data = [
      ...reviews(3, 1, 100),
      ...reviews(3, 2, 50),
      ...reviews(3, 3, 15),
      ...reviews(3, 200, 10),
      ...reviews(3, 5, 3),
      ...reviews(4, 300, 30),
      ...reviews(4, 400, 7),
      ...reviews(1, 150, 40),
    ];
    const { removed, kept } = findOutliers(data);
    // Rating 3: 5 (3 reviews) and 200 (10) go first (13 < 20); the 15 reviews at 3 days reach the quota and stay.
    expect([...(removed[3] as Set<number>)].sort((a, b) => a - b)).toEqual([5, 200]);
    // Rating 4: 400 (7 < 20) goes; 300 days stays (Easy may wait up to 365).
    expect([...(removed[4] as Set<number>)]).toEqual([400]);
    // Rating 1: 40 reviews meet the quota but 150 days is over the 100-day limit.
    expect([...(removed[1] as Set<number>)]).toEqual([150]);
    expect(kept.length).toBe(100 + 50 + 15 + 30);
  });
});

describe('smoothAndFill', () => {
  const counts = new Map([
    [1, 10],
    [2, 10],
    [3, 10],
    [4, 10],
  ]);

  it('keeps ordered values', () => {
    expect(smoothAndFill(new Map([[1, 0.5], [2, 1], [3, 3], [4, 9]]), counts)).toEqual([0.5, 1, 3, 9]);
  });

  it('an inverted pair takes the value of the rating with more reviews', () => {
    const c = new Map([[1, 10], [2, 50], [3, 10], [4, 10]]);
    expect(smoothAndFill(new Map([[1, 0.5], [2, 4], [3, 3], [4, 9]]), c)).toEqual([0.5, 4, 4, 9]);
  });

  it('one rating known: scales the defaults by its ratio', () => {
    const out = smoothAndFill(new Map([[3, 2 * (DEFAULT_WEIGHTS[2] as number)]]), new Map([[3, 5]])) as number[];
    out.forEach((v, i) => {
      expect(v).toBeCloseTo(2 * (DEFAULT_WEIGHTS[i] as number), 9);
    });
  });

  it('ratings 3 and 4 known: fills 2 and 1 geometrically (hand-computed 0.78577, 0.07555)', () => {
    const out = smoothAndFill(new Map([[3, 4], [4, 16]]), new Map([[3, 5], [4, 5]])) as number[];
    expect(out[0]).toBeCloseTo(0.075551, 5);
    expect(out[1]).toBeCloseTo(0.785767, 5);
    expect(out.slice(2)).toEqual([4, 16]);
  });

  it('returns null without data', () => {
    expect(smoothAndFill(new Map(), new Map())).toBeNull();
  });
});
