import { describe, expect, it } from 'vitest';
import { dayNumber } from '../core/time';
import { createFsrs } from './fsrs/index';
import { fuzzRange } from './fsrs/fuzz';
import { createLoadBalancer, dayWeight, easyDayModifiers } from './load-balance';

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

// Expected values below are derived by hand from Anki's `rslib/src/scheduler/states/load_balancer.rs`
// (commit c32cb29). Our pick walks the cumulative weights with the fuzz factor, so a factor just
// below or above a day's cumulative share pins which day is chosen.
describe('load balancing matches Anki load_balancer.rs (commit c32cb29)', () => {
  const today = dayNumber(NOW);

  it('day weight is (1/count)^2.15 x (1/interval)^3 x easy-day multiplier, and 1 for an empty day', () => {
    // select_weighted_interval: 10^-2.15 = 0.0070795, 20^-3 = 0.000125 -> 8.8494e-7.
    expect(dayWeight(10, 20, 1)).toBeCloseTo(8.8494e-7, 10);
    // An avoided (minimum) day keeps 0.0001 of that weight.
    expect(dayWeight(10, 20, 0.0001)).toBeCloseTo(8.8494e-11, 14);
    // `0 => 1.0`: an empty day gets the full weight, before any multiplier.
    expect(dayWeight(0, 20, 0.0001)).toBe(1);
  });

  it('equal counts: the interval term (1/d)^3 sets the shares, so the first day takes 21.9%', () => {
    // fuzz.rs FUZZ_RANGES: delta(20) = 1 + 0.15 x 4.5 + 0.1 x 13 = 2.975, range round(17.025)..round(22.975) = 17..23.
    expect(fuzzRange(20, 0, 36500)).toEqual([17, 23]);
    // Equal counts cancel; d^-3 for d = 17..23 sums to 9.2989e-4, and 17^-3 = 2.0354e-4 is 21.89% of it.
    // (With the older 1/d weight the first day's share was 16.6%, so a factor of 0.2 picked day 18.)
    const balance = createLoadBalancer({ dueCounts: () => 10 });
    expect(balance(20, 0, 36500, NOW, 0.2)).toBe(17);
    expect(balance(20, 0, 36500, NOW, 0.22)).toBe(18);
  });

  it('an empty day outweighs busy days by far: weight 1 against at most 17^-3', () => {
    // Days 17..22 hold one review each: weights d^-3, summing to 8.4770e-4; day 23 is empty: weight 1.
    // Cumulative share before day 23 = 8.4770e-4 / 1.00084770 = 0.085%, so a factor of 0.01 already lands on 23;
    // day 17 holds only the first 2.0354e-4 / 1.00084770 = 0.0203%.
    const balance = createLoadBalancer({ dueCounts: (day) => (day === today + 23 ? 0 : 1) });
    expect(balance(20, 0, 36500, NOW, 0.01)).toBe(23);
    expect(balance(20, 0, 36500, NOW, 0.0001)).toBe(17);
  });

  it('the count term has exponent 2.15: two reviews on day 2 give it 34.8% against days 3 and 4 with one each', () => {
    // fuzz.rs: delta(3) = 1 + 0.15 x 0.5 = 1.075, range round(1.925)..round(4.075) = 2..4.
    expect(fuzzRange(3, 0, 36500)).toEqual([2, 4]);
    // Weights: 2^-2.15 x 2^-3 = 2^-5.15 = 0.028164; 3^-3 = 0.037037; 4^-3 = 0.015625; sum 0.080826.
    // Day 2's share is 0.028164 / 0.080826 = 34.85% (an exponent of 2 would give 37.24%).
    const balance = createLoadBalancer({ dueCounts: (day) => (day === today + 2 ? 2 : 1) });
    expect(balance(3, 0, 36500, NOW, 0.34)).toBe(2);
    expect(balance(3, 0, 36500, NOW, 0.36)).toBe(3);
  });

  it('easy days: reduced days are checked even when every weekday is reduced', () => {
    // calculate_easy_days_modifiers, all days 0.5: loads sum 3.5, counts 30 (day 17) + 6 x 10 = 90.
    // Day 17: 30 / 0.5 = 60 > (90 - 30) / (3.5 - 0.5) = 20 -> minimum (x 0.0001).
    // Days 18..23: 10 / 0.5 = 20 > 80 / 3 = 26.7 is false -> normal.
    // Unavoided, day 17 would hold 2.57% of the weight; avoided it holds 0.0003%, so a factor of 0.01 moves to day 18.
    const balance = createLoadBalancer({ dueCounts: (day) => (day === today + 17 ? 30 : 10), easyDays: [0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5] });
    expect(balance(20, 0, 36500, NOW, 0.01)).toBe(18);
  });

  it('easy-day multipliers: normal days are never avoided, any value between 0 and 1 counts as reduced', () => {
    // Loads 1 + 0.5 + 1 + 0.0001 = 2.5001, counts sum 20.
    // Reduced day with 5: 5 / 0.5 = 10 > 15 / 2.0001 = 7.4996 -> 0.0001; the minimum day is always 0.0001.
    expect(easyDayModifiers([1, 0.5, 1, 0], [5, 5, 5, 5])).toEqual([1, 0.0001, 1, 0.0001]);
    // Reduced day with 2: 4 > 7.4996 is false -> 1.
    expect(easyDayModifiers([1, 0.5, 1, 0], [5, 2, 5, 5])).toEqual([1, 1, 1, 0.0001]);
    // A busy normal day keeps 1 (EasyDay::Normal has no threshold); the empty reduced day: 0 > 101 / 1.5 is false.
    expect(easyDayModifiers([1, 0.5, 1], [100, 0, 1])).toEqual([1, 1, 1]);
    // EasyDay::from(0.7) = Reduced (0.5): 3 / 0.5 = 6 > 10 / (2.5 - 0.5) = 5 -> avoided.
    // (Using 0.7 itself, 3 / 10 = 0.3 > 0.7 / 2 = 0.35 is false and the day would stay open.)
    expect(easyDayModifiers([0.7, 1, 1], [3, 5, 5])).toEqual([0.0001, 1, 1]);
  });
});
