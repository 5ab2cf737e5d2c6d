import { describe, expect, it } from 'vitest';
import { dayNumber } from '../core/time';
import { createFsrs } from './fsrs/index';
import { fuzzRange } from './fsrs/fuzz';
import { createLoadBalancer } from './load-balance';

const NOW = Date.UTC(2024, 4, 6, 9); // a Monday
const DAY = 86_400_000;

describe('load balancing (Anki 24.11 behaviour)', () => {
  it('avoids busy days: with one empty day in the fuzz range, most cards land on it', () => {
    const today = dayNumber(NOW);
    const [min, max] = fuzzRange(20, 0, 36500);
    const quiet = min + 1;
    const balance = createLoadBalancer({ dueCounts: (day) => (day === today + quiet ? 0 : 50) });
    let onQuiet = 0;
    for (let i = 0; i < 100; i++) {
      const ivl = balance(20, 0, 36500, NOW, i / 100);
      expect(ivl).toBeGreaterThanOrEqual(min);
      expect(ivl).toBeLessThanOrEqual(max);
      if (ivl === quiet) onQuiet++;
    }
    expect(onQuiet).toBeGreaterThan(90);
  });

  it('easy days: a weekday marked 0 is avoided when other days in range can take the load', () => {
    const balance = createLoadBalancer({ dueCounts: () => 10, easyDays: [0, 1, 1, 1, 1, 1, 0] });
    for (let i = 0; i < 100; i++) {
      // Mid-points of 100 equal slices of [0, 1): an avoided day keeps a 0.0001 share, so only a factor of ~0 picks it.
      const ivl = balance(14, 0, 36500, NOW, (i + 0.5) / 100);
      const weekday = new Date(NOW + ivl * DAY).getUTCDay();
      expect(weekday === 0 || weekday === 6).toBe(false);
    }
  });

  it('is wired into createFsrs with fuzz, stays deterministic, and is rejected when malformed', () => {
    const loadBalance = createLoadBalancer({ dueCounts: { [dayNumber(NOW) + 9]: 100 } });
    const s = createFsrs({ fuzz: true, loadBalance, learningSteps: [] });
    const card = s.newCard(NOW, { id: 'lb' });
    const a = s.review(card, 4, NOW).card;
    expect(s.review(card, 4, NOW).card).toEqual(a);
    expect(() => createLoadBalancer({ dueCounts: 5 as never })).toThrow(/RK_INVALID_OPTIONS/);
    expect(() => createLoadBalancer({ dueCounts: () => 0, easyDays: [1, 1] as never })).toThrow(/RK_INVALID_OPTIONS/);
  });

  it('long intervals (> 90 days) get plain fuzz', () => {
    const balance = createLoadBalancer({ dueCounts: () => 0 });
    const [min, max] = fuzzRange(200, 0, 36500);
    const ivl = balance(200, 0, 36500, NOW, 0.5);
    expect(ivl).toBe(Math.floor(0.5 * (max - min + 1) + min));
  });
});
