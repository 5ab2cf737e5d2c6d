import { describe, expect, it } from 'vitest';
import { errorOf } from '../../test/fixtures/scoring/questions';
import type { Outcome } from '../schema/response';
import { toRating } from './to-rating';

const at = (fraction: number): Outcome => ({
  score: fraction, maxScore: 1, fraction, correct: fraction > 0.999999, partial: fraction >= 0.000001 && fraction <= 0.999999, feedback: [],
});

describe('toRating', () => {
  it('maps wrong, partial and right to Again, Hard and Good', () => {
    expect(toRating(at(0))).toBe(1);
    expect(toRating(at(0.5))).toBe(2);
    expect(toRating(at(1))).toBe(3);
  });

  it('gives Easy only for a right answer within easyMs (default 10 s)', () => {
    expect(toRating(at(1), { latencyMs: 10_000 })).toBe(4);
    expect(toRating(at(1), { latencyMs: 10_001 })).toBe(3);
    expect(toRating(at(0.5), { latencyMs: 1 })).toBe(2);
    expect(toRating(at(1), { latencyMs: 5000, thresholds: { easyMs: 3000 } })).toBe(3);
  });

  it('follows custom fraction thresholds', () => {
    const thresholds = { good: 0.8, hard: 0.4 };
    expect(toRating(at(0.85), { thresholds })).toBe(3);
    expect(toRating(at(0.5), { thresholds })).toBe(2);
    expect(toRating(at(0.3), { thresholds })).toBe(1);
  });

  it('rejects NaN or negative latency and bad thresholds', () => {
    expect(errorOf(() => toRating(at(1), { latencyMs: Number.NaN }))).toMatchObject({ code: 'RK_INVALID_OPTIONS', path: 'latencyMs' });
    expect(errorOf(() => toRating(at(1), { latencyMs: -5 })).code).toBe('RK_INVALID_OPTIONS');
    expect(errorOf(() => toRating(at(1), { thresholds: { good: 2 } })).path).toBe('thresholds.good');
    expect(errorOf(() => toRating(at(1), { thresholds: { good: 0.5, hard: 0.7 } })).path).toBe('thresholds.hard');
    expect(errorOf(() => toRating(at(Number.NaN))).code).toBe('RK_INVALID_INPUT');
  });
});

describe('toRating at the default thresholds', () => {
  it('agrees with outcome.correct: 0.999999 is partial (Hard), only above it is right (Good)', () => {
    expect(at(0.999999)).toMatchObject({ correct: false, partial: true });
    expect(toRating(at(0.999999))).toBe(2);
    expect(toRating(at(0.999999), { latencyMs: 1 })).toBe(2);
    expect(toRating(at(0.9999995))).toBe(3);
    // Custom thresholds keep "at least good" (0.8 itself is Good).
    expect(toRating(at(0.8), { thresholds: { good: 0.8 } })).toBe(3);
  });
});
