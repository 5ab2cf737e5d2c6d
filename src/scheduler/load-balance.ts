/**
 * Load balancing and easy days, after Anki 24.11's load balancer (behaviour
 * only, from its manual and `rslib/src/scheduler/states/load_balancer.rs`):
 * instead of a uniformly random day in the fuzz range, pick a day with
 * probability proportional to `1 / count^2 * 1 / interval`, where `count` is
 * how many reviews are already due that day, and almost never a day that the
 * learner marked as an easy day once it already has its share of reviews.
 */
import { RecallKitError, describe } from '../core/errors';
import { type DayRollover, dayNumber } from '../core/time';
import { applyFuzz, fuzzRange } from './fsrs/fuzz';

/** Options of load balancing. */
export interface LoadBalanceOptions {
  /**
   * Reviews already due on a learner day (day numbers as in `core/time` `dayNumber`:
   * whole days since 1970-01-01 in the learner's day rollover). A function or a record keyed by day number.
   */
  readonly dueCounts: ((day: number) => number) | Readonly<Record<number, number>>;
  /**
   * How much of a normal load each weekday takes, Sunday first: 1 normal, 0.5 reduced, 0 minimum
   * (Anki's easy days). Default: all 1 (no easy days).
   */
  readonly easyDays?: readonly [number, number, number, number, number, number, number];
  /** Longest interval (days) that is balanced; longer ones get plain fuzz. Default 90 (Anki). */
  readonly maximumBalancedInterval?: number;
}

/**
 * Picks an interval: `(interval, elapsedDays, maximumInterval, now, fuzzFactor, rollover) => days`.
 * Made by {@link createLoadBalancer}; pass it as `createFsrs({ fuzz: true, loadBalance })`.
 */
export type LoadBalancer = (ivl: number, elapsed: number, maximum: number, now: number, factor: number, rollover?: DayRollover) => number;

/** Weight multiplier of a day that should be avoided (Anki uses a tiny non-zero weight so a choice always exists). */
const AVOID = 0.0001;

/**
 * Creates a load balancer for `createFsrs({ fuzz: true, loadBalance })`.
 *
 * Hint: it is a separate factory (not plain options) so that schedulers that
 * do not balance do not carry its code in their bundle.
 *
 * @param options The due counts per day and the easy days.
 * @returns The balancer.
 * @throws RecallKitError `RK_INVALID_OPTIONS` for malformed options.
 * @example
 * ```ts
 * const loadBalance = createLoadBalancer({ dueCounts: (day) => countsByDay.get(day) ?? 0, easyDays: [0.5, 1, 1, 1, 1, 1, 0.5] })
 * const fsrs = createFsrs({ fuzz: true, loadBalance })
 * ```
 */
// @__NO_SIDE_EFFECTS__
export function createLoadBalancer(options: LoadBalanceOptions): LoadBalancer {
  const { dueCounts, easyDays = [1, 1, 1, 1, 1, 1, 1], maximumBalancedInterval = 90 } = (typeof options === 'object' && options) || ({} as LoadBalanceOptions);
  if (typeof dueCounts !== 'function' && (typeof dueCounts !== 'object' || dueCounts === null)) {
    throw new RecallKitError('RK_INVALID_OPTIONS', `dueCounts must be a function or a record, got ${describe(dueCounts)}`, 'loadBalance.dueCounts');
  }
  if (!Array.isArray(easyDays) || easyDays.length !== 7 || easyDays.some((p) => typeof p !== 'number' || !(p >= 0 && p <= 1))) {
    throw new RecallKitError('RK_INVALID_OPTIONS', `easyDays must be 7 numbers in [0, 1], got ${describe(easyDays)}`, 'loadBalance.easyDays');
  }
  const count = (day: number): number => {
    const n = typeof dueCounts === 'function' ? dueCounts(day) : dueCounts[day];
    return typeof n === 'number' && n > 0 && Number.isFinite(n) ? n : 0;
  };
  const uniform = easyDays.every((p) => p === easyDays[0]);
  return (ivl, elapsed, maximum, now, factor, rollover) => {
    if (ivl < 2.5 || ivl > maximumBalancedInterval) return applyFuzz(ivl, elapsed, maximum, factor);
    const [min, max] = fuzzRange(ivl, elapsed, maximum);
    const today = dayNumber(now, rollover);
    const counts: number[] = [];
    for (let d = min; d <= max; d++) counts.push(count(today + d));
    const total = counts.reduce((a, b) => a + b, 0);
    let percentTotal = 0;
    // Epoch day 0 (1970-01-01) was a Thursday: weekday = (day + 4) mod 7, Sunday = 0.
    const weekday = (d: number) => (((today + d + 4) % 7) + 7) % 7;
    for (let d = min; d <= max; d++) percentTotal += easyDays[weekday(d)] as number;
    const weights = counts.map((c, i) => {
      const d = min + i;
      let w = (c === 0 ? 1 : 1 / (c * c)) / d;
      if (!uniform) {
        const p = easyDays[weekday(d)] as number;
        // An easy day is avoided once it holds more than its share of the reviews in the range.
        const othersCount = total - c;
        const othersPercent = percentTotal - p;
        if (p === 0 || (c > 0 && othersCount > 0 && c / othersCount > p / othersPercent)) w *= AVOID;
      }
      return w;
    });
    const sum = weights.reduce((a, b) => a + b, 0);
    let target = factor * sum;
    for (let i = 0; i < weights.length; i++) {
      target -= weights[i] as number;
      if (target < 0) return min + i;
    }
    return max;
  };
}
