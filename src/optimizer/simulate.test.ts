import { describe, expect, it } from 'vitest';
import { optimalRetention, simulate } from './simulate';
import { DEFAULT_WEIGHTS } from './params';

const base = { weights: [...DEFAULT_WEIGHTS], days: 120, newPerDay: 10 };

describe('simulate', () => {
  it('is deterministic for a seed and learns newPerDay cards a day', () => {
    const a = simulate({ ...base, retention: 0.9, seed: 1 });
    expect(simulate({ ...base, retention: 0.9, seed: 1 })).toEqual(a);
    expect(a.newPerDay.every((n) => n === 10)).toBe(true);
    expect(a.memorizedPerDay.at(-1)).toBeLessThanOrEqual(1200);
    expect(a.memorized).toBeGreaterThan(0);
    expect(a.totalCost).toBeCloseTo(a.costPerDay.reduce((x, y) => x + y, 0), 6);
  });

  it('asks for more reviews at a higher desired retention', () => {
    const total = (r: number) => simulate({ ...base, retention: r }).reviewsPerDay.reduce((x, y) => x + y, 0);
    expect(total(0.95)).toBeGreaterThan(total(0.85));
    expect(total(0.85)).toBeGreaterThan(total(0.75));
  });

  it('respects the daily review limit and the deck size', () => {
    const sim = simulate({ ...base, retention: 0.95, maxReviewsPerDay: 15, deckSize: 500 });
    expect(Math.max(...sim.reviewsPerDay)).toBeLessThanOrEqual(15);
    expect(sim.newPerDay.reduce((x, y) => x + y, 0)).toBe(500);
  });

  it('rejects bad options with RK_INVALID_OPTIONS', () => {
    expect(() => simulate({ ...base, retention: 1 })).toThrow(/RK_INVALID_OPTIONS/);
    expect(() => simulate({ ...base, retention: 0.9, days: 0 })).toThrow(/options\.days/);
    expect(() => simulate({ ...base, retention: 0.9, weights: [1] })).toThrow(/RK_INVALID_PARAMETERS/);
    expect(() => simulate({ ...base, retention: 0.9, firstRatingProb: [0, 0, 0, 0] })).toThrow(/RK_INVALID_OPTIONS/);
  });
});

describe('optimalRetention', () => {
  it('refuses to compare retentions when no card would ever be learned (no Infinity costs)', () => {
    expect(() => optimalRetention({ ...base, newPerDay: 0 })).toThrow(/newPerDay and deckSize must be at least 1/);
    expect(() => optimalRetention({ ...base, deckSize: 0 })).toThrow(/at least 1/);
  });

  it('returns the retention with the least time per remembered card, inside the range', () => {
    const res = optimalRetention({ ...base, range: [0.7, 0.95], step: 0.05, samples: 2 });
    expect(res.curve.map((p) => p.retention)).toEqual([0.7, 0.75, 0.8, 0.85, 0.9, 0.95]);
    const min = Math.min(...res.curve.map((p) => p.costPerMemorized));
    expect(res.curve.find((p) => p.retention === res.retention)?.costPerMemorized).toBe(min);
    expect(optimalRetention({ ...base, range: [0.7, 0.95], step: 0.05, samples: 2 })).toEqual(res);
  });
});
