/**
 * Load balancing and easy days, after Anki's load balancer (behaviour only,
 * checked against `rslib/src/scheduler/states/load_balancer.rs` at Anki commit c32cb29 (2026);
 * Anki is AGPL and none of its code is used): instead of a uniformly random day
 * in the fuzz range, pick a day with weight `(1/count)^2.15 * (1/interval)^3`,
 * where `count` is how many reviews are already due that day (an empty day gets
 * weight 1), and almost never pick a day that the learner marked as an easy day
 * once it holds more than its share of the reviews.
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
   *
   * Hint: like Anki, there are only three levels: any value between 0 and 1 means "reduced" and
   * counts as 0.5. Anki's own list starts on Monday; this one starts on Sunday, as `Date#getDay`.
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

/**
 * Load of an easy day set to "minimum", and the weight multiplier of an avoided day (Anki
 * `EasyDay::Minimum`): tiny but not zero, so there is always a day to choose.
 */
const AVOID = 0.0001;

/** Load of a "reduced" easy day (Anki `EasyDay::Reduced`). */
const REDUCED = 0.5;

/** Exponents of the day weight (Anki `select_weighted_interval`; 2 and 1 before Anki PR #3864, March 2025). */
const COUNT_EXPONENT = 2.15;
const INTERVAL_EXPONENT = 3;

/**
 * Maps an easy-day setting to Anki's three levels and returns its load: 1 normal,
 * 0.5 reduced (any value between 0 and 1), 0.0001 minimum (Anki `EasyDay::from` and `load_modifier`).
 *
 * @param setting The weekday's setting, 0..1.
 * @returns The load.
 */
export function easyDayLoad(setting: number): number {
  return setting === 1 ? 1 : setting === 0 ? AVOID : REDUCED;
}

/**
 * Easy-day multipliers for the days of a fuzz range (Anki `calculate_easy_days_modifiers`).
 * A normal day keeps 1 and a minimum day gets 0.0001. A reduced day gets 0.0001 once its
 * count per unit of load, `count / 0.5`, is above that of the other days in the range,
 * `otherCounts / otherLoads`; otherwise 1.
 *
 * Hint: normal days are never avoided, however busy they are; the count weight handles them.
 *
 * @param settings The easy-day setting of each day in the range.
 * @param counts Reviews already due on each day in the range.
 * @returns One multiplier per day.
 */
export function easyDayModifiers(settings: readonly number[], counts: readonly number[]): number[] {
  const total = counts.reduce((a, b) => a + b, 0);
  const loads = settings.reduce((a, s) => a + easyDayLoad(s), 0);
  return settings.map((setting, i) => {
    const load = easyDayLoad(setting);
    if (load !== REDUCED) return load;
    const count = counts[i] as number;
    // A one-day range gives 0 / 0 = NaN here, which compares false: the day stays usable, as in Anki.
    return count / REDUCED > (total - count) / (loads - REDUCED) ? AVOID : 1;
  });
}

/**
 * The weight of one day in the fuzz range (Anki `select_weighted_interval`):
 * $w = (1/\text{count})^{2.15} \cdot (1/\text{interval})^{3} \cdot \text{modifier}$,
 * and 1 for a day with no reviews. The interval term leans towards earlier days;
 * without it graduating cards pile up on the last day of the range.
 *
 * Hint: as in Anki, an empty day gets the full weight 1 before any easy-day multiplier, so an
 * empty "minimum" easy day still attracts cards until it holds one (see docs/scheduler.md).
 *
 * @param count Reviews already due that day.
 * @param interval The interval that day means, in days.
 * @param modifier The easy-day multiplier from {@link easyDayModifiers}.
 * @returns The weight.
 */
export function dayWeight(count: number, interval: number, modifier: number): number {
  if (count === 0) return 1;
  return (1 / count) ** COUNT_EXPONENT * (1 / interval) ** INTERVAL_EXPONENT * modifier;
}

/**
 * Picks an index with probability proportional to its weight, driven by the
 * card's fuzz factor (walks the cumulative weights) so the choice is deterministic.
 */
function pickWeighted(weights: readonly number[], factor: number): number {
  let target = factor * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < weights.length; i++) {
    target -= weights[i] as number;
    if (target < 0) return i;
  }
  return weights.length - 1;
}

/** Weekday of a day number, Sunday = 0: epoch day 0 (1970-01-01) was a Thursday. */
function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

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
  return (ivl, elapsed, maximum, now, factor, rollover) => {
    // Below 2.5 days the fuzz range is a single day; Anki stops balancing beyond 90 days (`MAX_LOAD_BALANCE_INTERVAL`).
    if (ivl < 2.5 || ivl > maximumBalancedInterval) return applyFuzz(ivl, elapsed, maximum, factor);
    const [min, max] = fuzzRange(ivl, elapsed, maximum);
    const today = dayNumber(now, rollover);
    const days: number[] = [];
    for (let d = min; d <= max; d++) days.push(d);
    const counts = days.map((d) => count(today + d));
    const modifiers = easyDayModifiers(
      days.map((d) => easyDays[weekday(today + d)] as number),
      counts,
    );
    return min + pickWeighted(counts.map((c, i) => dayWeight(c, days[i] as number, modifiers[i] as number)), factor);
  };
}
