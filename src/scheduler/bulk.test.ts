import { describe, expect, it } from 'vitest';
import { createPrng } from '../core/prng';
import { bulkRetrievability, selectDue } from './bulk';
import { createFsrs } from './fsrs/index';
import type { CardState } from './types';

const NOW = Date.UTC(2025, 5, 1, 12);
const DAY = 86_400_000;

function randomColumns(n: number, seed: string) {
  const rng = createPrng(seed);
  const stability = new Float64Array(n);
  const lastReview = new Float64Array(n);
  const due = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const isNew = rng.next() < 0.1;
    stability[i] = isNew ? 0 : Math.round((0.1 + rng.next() * 300) * 1e8) / 1e8;
    lastReview[i] = isNew ? Number.NaN : NOW - Math.floor(rng.next() * 400 * DAY);
    due[i] = isNew ? NOW : (lastReview[i] as number) + Math.round((stability[i] as number) * (0.5 + rng.next())) * DAY;
  }
  return { stability, lastReview, due };
}

describe('bulk retrievability', () => {
  it('equals createFsrs().retrievability card by card', () => {
    const cols = randomColumns(2000, 'bulk-r');
    const r = bulkRetrievability(cols, NOW);
    const s = createFsrs();
    for (let i = 0; i < 2000; i++) {
      const last = cols.lastReview[i] as number;
      const card: CardState = {
        version: 1,
        due: cols.due[i] as number,
        stability: cols.stability[i] as number,
        difficulty: !Number.isNaN(last) ? 5 : 0,
        state: !Number.isNaN(last) ? 'review' : 'new',
        step: 0,
        reps: 1,
        lapses: 0,
        scheduledDays: 1,
        lastReview: !Number.isNaN(last) ? last : null,
      };
      expect(r[i]).toBe(s.retrievability(card, NOW));
    }
  });

  it('selectDue returns the k due cards with the lowest retrievability, most urgent first (checked against a full sort)', () => {
    const cols = randomColumns(20_000, 'bulk-top');
    const r = bulkRetrievability(cols, NOW);
    const expected = Array.from({ length: 20_000 }, (_, i) => i)
      .filter((i) => (cols.due[i] as number) <= NOW && !Number.isNaN(cols.lastReview[i] as number))
      .sort((a, b) => (r[a] as number) - (r[b] as number) || (cols.due[a] as number) - (cols.due[b] as number) || a - b)
      .slice(0, 200);
    expect(Array.from(selectDue(cols, NOW, 200))).toEqual(expected);
    expect(selectDue(cols, NOW, 0).length).toBe(0);
  });

  it('selectDue breaks ties in retrievability by due then index, like a full sort', () => {
    const rng = createPrng('bulk-ties');
    const n = 20_000;
    const stability = new Float64Array(n);
    const lastReview = new Float64Array(n);
    const due = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      stability[i] = rng.int(1, 5);
      lastReview[i] = NOW - rng.int(0, 20) * DAY;
      due[i] = NOW - rng.int(0, 3) * DAY;
    }
    const cols = { stability, lastReview, due };
    const r = bulkRetrievability(cols, NOW);
    const expected = Array.from({ length: n }, (_, i) => i)
      .sort((a, b) => (r[a] as number) - (r[b] as number) || (due[a] as number) - (due[b] as number) || a - b)
      .slice(0, 300);
    expect(Array.from(selectDue(cols, NOW, 300))).toEqual(expected);
  });

  it('rejects mismatched columns', () => {
    expect(() => bulkRetrievability({ stability: new Float64Array(2), lastReview: new Float64Array(3) }, NOW)).toThrow(/RK_INVALID_INPUT/);
    expect(() => selectDue({ stability: new Float64Array(2), lastReview: new Float64Array(2) }, NOW, 5)).toThrow(/RK_INVALID_INPUT/);
  });
});
