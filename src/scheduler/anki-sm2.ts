/**
 * Anki-style SM-2: the "SM-2" scheduler of Anki's deck options (v3 scheduler,
 * FSRS off). The behaviour was checked against Anki's Rust scheduler,
 * `rslib/src/scheduler/states/` (`review.rs`, `learning.rs`, `relearning.rs`,
 * `steps.rs`, `mod.rs`, `fuzz.rs`). Anki is AGPL: we carry over behaviour and
 * formulas, written in our own code; no Anki code is used.
 *
 * How it maps onto `CardState`: `difficulty` = the ease factor (e.g. 2.5),
 * `stability` = the review interval in days (Anki's card interval; for a
 * relearning card the interval it returns to), `step` = the (re)learning step
 * index (Anki counts remaining steps instead).
 *
 * Deliberate differences from Anki (no fuzz, steps timed to the second, the
 * maximum interval also caps relearning Easy) are listed in docs/scheduler.md.
 *
 * @see https://docs.ankiweb.net/deck-options.html
 */
import { RecallKitError, describe } from '../core/errors';
import type { DayRollover } from '../core/time';
import { parseSteps } from './fsrs/steps';
import type { StepUnit } from './fsrs/steps';
import { type Decision, commonMethods, intervalRetrievability } from './shared';
import type { CardState, Grade, Scheduler } from './types';
import { newCardState, toMs } from './validate';

/** Options of {@link createAnkiSm2}; defaults are Anki's. */
export interface AnkiSm2Options {
  /** Learning steps; default `['1m', '10m']`. */
  readonly learningSteps?: readonly StepUnit[];
  /** Relearning steps; default `['10m']`. */
  readonly relearningSteps?: readonly StepUnit[];
  /** Interval after the last learning step, days; default 1. */
  readonly graduatingInterval?: number;
  /** Interval when a new card is answered Easy, days; default 4. */
  readonly easyInterval?: number;
  /** Ease of a new card; default 2.5. */
  readonly startingEase?: number;
  /** Extra multiplier for Easy reviews; default 1.3. */
  readonly easyBonus?: number;
  /** Multiplier of every passing review interval (not of lapses); default 1. */
  readonly intervalModifier?: number;
  /** Multiplier for Hard reviews; default 1.2. */
  readonly hardInterval?: number;
  /** Multiplier of the interval after a lapse ("New interval"); default 0. */
  readonly lapseInterval?: number;
  /** Shortest interval after a lapse, days; default 1. */
  readonly minimumInterval?: number;
  /** Longest interval, days; default 36500. */
  readonly maximumInterval?: number;
  /** When the learner's day starts (elapsed days); default midnight UTC. */
  readonly dayRollover?: DayRollover;
}

/**
 * Ease changes per answer and the floor, as Anki's `review.rs` constants
 * (`EASE_FACTOR_AGAIN_DELTA`, `_HARD_DELTA`, `_EASY_DELTA`, `MINIMUM_EASE_FACTOR`).
 */
const EASE = { again: -0.2, hard: -0.15, easy: 0.15, min: 1.3 } as const;

/** Seconds per day. */
const DAY_SECS = 86_400;

/**
 * Anki does its interval and ease arithmetic in 32-bit floats (`f32`). Rounding
 * every intermediate result the same way makes ties come out as Anki's: 45 days
 * x ease 1.3 is 58.5 in doubles (59 days) but 58.49999… in f32 (58 days).
 */
const f32 = Math.fround;

/** The options after validation, with multipliers already in f32 as Anki holds them. */
interface Config {
  readonly learn: readonly number[];
  readonly relearn: readonly number[];
  readonly graduating: number;
  readonly easyIvl: number;
  readonly startEase: number;
  readonly easyBonus: number;
  readonly modifier: number;
  readonly hardMult: number;
  readonly lapseMult: number;
  readonly minIvl: number;
  readonly maxIvl: number;
}

/**
 * Rounds an interval and keeps it within `[minimum, maximum]`, the minimum at
 * least 1 and never above the maximum (Anki `constrain_passing_interval` with fuzz
 * off, and `StateContext::min_and_max_review_intervals`).
 */
function constrain(days: number, minimum: number, maximum: number): number {
  const max = Math.max(maximum, 1);
  return Math.min(Math.max(Math.round(days), Math.min(Math.max(minimum, 1), max)), max);
}

/**
 * The ease as Anki reads it from a card: stored in permille, read back as f32
 * (Anki `Card::ease_factor`), so repeated changes never drift (2.15, not 2.1499999999999995).
 */
function readEase(ease: number): number {
  return f32(Math.round(ease * 1000) / 1000);
}

/** The ease as Anki stores it on the card: rounded to permille (Anki `answering/review.rs`). */
function storeEase(ease: number): number {
  return Math.round(f32(ease * 1000)) / 1000;
}

/**
 * A (re)learning delay above one day is rounded to whole days, so the card is
 * due at the same point of the day whenever it is answered (Anki `steps.rs` `maybe_round_in_days`).
 */
function roundDelay(secs: number): number {
  return secs > DAY_SECS ? Math.round(f32(f32(secs) / DAY_SECS)) * DAY_SECS : secs;
}

/**
 * The Hard delay, in seconds, on step `index` (Anki `steps.rs` `hard_delay_secs`):
 * the current step again, except on the first step, where it must differ from
 * Again's delay: the average of the first two steps, or with a single step 1.5x
 * that step but at most a day more (so a 3-day step does not outgrow a 4-day graduating interval).
 */
function hardDelay(steps: readonly number[], index: number): number {
  const current = (steps[index] as number) * 60;
  if (index > 0) return current;
  const second = steps[1];
  // Integer division of whole seconds, as Anki's u32 arithmetic.
  if (second !== undefined) return roundDelay(Math.floor((current + second * 60) / 2));
  return roundDelay(Math.min(Math.floor((current * 3) / 2), current + DAY_SECS));
}

/**
 * Where a (re)learning step leads after a grade, or `null` when the card leaves
 * its steps (Anki `steps.rs` `LearningSteps`): Again restarts at the first step,
 * Hard stays ({@link hardDelay}), Good moves to the next step or graduates after
 * the last, Easy always graduates. A step index past the end (steps were
 * shortened) counts as the last step, as Anki's `get_index` does.
 */
function stepAfter(steps: readonly number[], step: number, g: Grade): { secs: number; next: number } | null {
  const n = steps.length;
  if (n === 0 || g === 4) return null;
  const index = Math.min(Math.max(step, 0), n - 1);
  if (g === 1) return { secs: (steps[0] as number) * 60, next: 0 };
  if (g === 2) return { secs: hardDelay(steps, index), next: index };
  return index + 1 < n ? { secs: (steps[index + 1] as number) * 60, next: index + 1 } : null;
}

/**
 * Hard, Good and Easy intervals of a review card (Anki `review.rs`
 * `passing_review_intervals`).
 *
 * On time or late: Hard = interval x hard multiplier, at least interval + 1 when
 * that multiplier is above 1; Good = (interval + days late / 2) x ease, at least
 * Hard + 1 (interval + 1 when the hard multiplier is 1 or less, so a low one does
 * not pull Good down); Easy = (interval + days late) x ease x easy bonus, at least
 * Good + 1. The interval modifier multiplies each before rounding.
 *
 * Early (`passing_early_review_intervals`): the elapsed days count instead of the
 * interval, never dropping below what the schedule already gave: Hard =
 * max(elapsed x hard, interval x hard / 2), Good = max(elapsed x ease, interval),
 * Easy = Good x (easy bonus halfway to 1); no Hard < Good < Easy minimums.
 *
 * @returns `[hard, good, easy]` in whole days.
 */
function passingIntervals(c: Config, sched: number, elapsed: number, ease: number): [number, number, number] {
  const current = f32(Math.max(sched, 1));
  const scaled = (days: number) => f32(days * c.modifier);
  if (elapsed < sched) {
    const hard = Math.max(f32(elapsed * c.hardMult), f32(current * f32(c.hardMult / 2)));
    const good = Math.max(f32(elapsed * ease), current);
    const reducedBonus = f32(c.easyBonus - f32(f32(c.easyBonus - 1) / 2));
    return [constrain(scaled(hard), 0, c.maxIvl), constrain(scaled(good), 0, c.maxIvl), constrain(scaled(f32(good * reducedBonus)), 0, c.maxIvl)];
  }
  const late = elapsed - sched;
  const hard = constrain(scaled(f32(current * c.hardMult)), c.hardMult > 1 ? sched + 1 : 0, c.maxIvl);
  const good = constrain(scaled(f32(f32(current + late / 2) * ease)), c.hardMult > 1 ? hard + 1 : sched + 1, c.maxIvl);
  const easy = constrain(scaled(f32(f32(f32(current + late) * ease) * c.easyBonus)), good + 1, c.maxIvl);
  return [hard, good, easy];
}

/**
 * The interval a lapsed card returns to (Anki `review.rs` `failing_review_interval`):
 * interval x "New interval", at least the minimum interval; the interval modifier does not apply.
 */
function lapseInterval(c: Config, sched: number): number {
  return constrain(f32(f32(Math.max(sched, 1)) * c.lapseMult), c.minIvl, c.maxIvl);
}

/** A decision that puts the card in review for `days`. */
function toReview(card: CardState, days: number, ease: number, lapses = card.lapses): Decision {
  return { state: 'review', days, scheduledDays: days, stability: days, difficulty: ease, step: 0, lapses };
}

/** A decision that keeps the card on a (re)learning step for `secs` seconds. */
function onStep(state: 'learning' | 'relearning', secs: number, step: number, stability: number, ease: number, lapses: number): Decision {
  return { state, days: secs / DAY_SECS, scheduledDays: Math.floor(secs / DAY_SECS), stability, difficulty: ease, step, lapses };
}

/**
 * A new or learning card (Anki `learning.rs`; a new card answers like a learning
 * card on its first step, `normal.rs`). Graduating sets the starting ease.
 */
function answerLearning(c: Config, card: CardState, g: Grade): Decision {
  const to = stepAfter(c.learn, card.state === 'new' ? 0 : card.step, g);
  if (to) return onStep('learning', to.secs, to.next, card.stability, c.startEase, card.lapses);
  // Without steps, Again and Hard graduate like Good (Anki `answer_again` / `answer_hard` fall back to the good interval).
  return toReview(card, constrain(g === 4 ? c.easyIvl : c.graduating, 1, c.maxIvl), c.startEase);
}

/**
 * A relearning card (Anki `relearning.rs`): Again restarts the steps and applies
 * the lapse multiplier again (no further ease or lapse count change); leaving the
 * steps returns to the stored interval, Easy to one day more.
 */
function answerRelearning(c: Config, card: CardState, g: Grade): Decision {
  const sched = wholeDays(card.stability);
  const ease = storeEase(cardEase(c, card));
  // Easy stops at the maximum interval; Anki's `scheduled_days + 1` does not (see docs/scheduler.md).
  const leave = () => toReview(card, g === 4 && sched < c.maxIvl ? sched + 1 : sched, ease);
  if (c.relearn.length === 0) return leave();
  if (g === 1) return onStep('relearning', (c.relearn[0] as number) * 60, 0, lapseInterval(c, sched), ease, card.lapses);
  const to = stepAfter(c.relearn, card.step, g);
  return to ? onStep('relearning', to.secs, to.next, sched, ease, card.lapses) : leave();
}

/** A review card (Anki `review.rs` `next_states`). */
function answerReview(c: Config, card: CardState, g: Grade, elapsed: number): Decision {
  const sched = wholeDays(card.stability);
  const ease = cardEase(c, card);
  if (g === 1) {
    const back = lapseInterval(c, sched);
    const lapsedEase = storeEase(Math.max(f32(ease + EASE.again), f32(EASE.min)));
    if (c.relearn.length === 0) return toReview(card, back, lapsedEase, card.lapses + 1);
    return onStep('relearning', (c.relearn[0] as number) * 60, 0, back, lapsedEase, card.lapses + 1);
  }
  const [hard, good, easy] = passingIntervals(c, sched, elapsed, ease);
  if (g === 2) return toReview(card, hard, storeEase(Math.max(f32(ease + EASE.hard), f32(EASE.min))));
  if (g === 3) return toReview(card, good, storeEase(ease));
  // Easy raises the ease with no ceiling, as in Anki.
  return toReview(card, easy, storeEase(f32(ease + EASE.easy)));
}

/**
 * The card's interval as Anki holds it: whole days, at least 1 (a review card
 * is never due the same day). A fractional stability (e.g. written by another scheduler) is rounded.
 */
function wholeDays(stability: number): number {
  return Math.max(Math.round(stability), 1);
}

/** The card's ease as Anki reads it; 0 (a card that never graduated) means the starting ease. */
function cardEase(c: Config, card: CardState): number {
  return readEase(card.difficulty === 0 ? c.startEase : card.difficulty);
}

/**
 * Creates an Anki-style SM-2 scheduler (learning steps, ease changes, Hard/Easy multipliers, interval modifier).
 *
 * Hint: there is no fuzz; intervals are those Anki computes with fuzz off.
 *
 * @param options Anki deck options; all optional.
 * @returns A frozen scheduler.
 * @throws RecallKitError `RK_INVALID_OPTIONS` for a bad option.
 * @example
 * ```ts
 * const anki = createAnkiSm2({ learningSteps: ['1m', '10m'], graduatingInterval: 1 })
 * ```
 */
// @__NO_SIDE_EFFECTS__
export function createAnkiSm2(options: AnkiSm2Options = {}): Scheduler {
  if (typeof options !== 'object' || options === null) throw new RecallKitError('RK_INVALID_OPTIONS', `options must be an object, got ${describe(options)}`, 'options');
  const num = (key: keyof AnkiSm2Options, fallback: number, min: number): number => {
    const v = options[key] ?? fallback;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min) {
      throw new RecallKitError('RK_INVALID_OPTIONS', `${key} must be a number >= ${min}, got ${describe(v)}`, key);
    }
    return v;
  };
  const config: Config = {
    learn: parseSteps(options.learningSteps ?? ['1m', '10m'], 'learningSteps'),
    relearn: parseSteps(options.relearningSteps ?? ['10m'], 'relearningSteps'),
    graduating: num('graduatingInterval', 1, 1),
    easyIvl: num('easyInterval', 4, 1),
    startEase: storeEase(f32(num('startingEase', 2.5, EASE.min))),
    easyBonus: f32(num('easyBonus', 1.3, 1)),
    modifier: f32(num('intervalModifier', 1, 0.01)),
    hardMult: f32(num('hardInterval', 1.2, 0.5)),
    lapseMult: f32(num('lapseInterval', 0, 0)),
    minIvl: num('minimumInterval', 1, 1),
    maxIvl: num('maximumInterval', 36500, 1),
  };
  // Anki's ceiling: beyond 100 years a due date can leave the range a Date holds.
  if (config.maxIvl > 36500) throw new RecallKitError('RK_INVALID_OPTIONS', `maximumInterval must be at most 36500 days, got ${describe(config.maxIvl)}`, 'maximumInterval');

  const decide = (card: CardState, g: Grade, elapsed: number): Decision => {
    if (card.state === 'review') return answerReview(config, card, g, elapsed);
    if (card.state === 'relearning') return answerRelearning(config, card, g);
    return answerLearning(config, card, g);
  };

  return Object.freeze({
    name: 'anki-sm-2',
    newCard: (now: number | Date, opts?: { id?: string }) => newCardState(toMs(now), opts),
    retrievability: intervalRetrievability,
    ...commonMethods(decide, options.dayRollover),
  });
}
