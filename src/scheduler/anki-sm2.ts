/**
 * Anki-style SM-2: the "SM-2" scheduler of Anki's deck options (v3), ported
 * from the Anki manual's description of the options (behaviour only; Anki's
 * code is AGPL and none of it is used).
 *
 * How it maps onto `CardState`: `difficulty` = the ease factor (e.g. 2.5),
 * `stability` = the review interval in days (for a relearning card: the
 * interval it returns to), `step` = the (re)learning step index.
 *
 * @see https://docs.ankiweb.net/deck-options.html
 */
import { RecallKitError, describe } from '../core/errors';
import type { DayRollover } from '../core/time';
import { parseSteps, stepOutcome } from './fsrs/steps';
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
  /** Multiplier of every review interval; default 1. */
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

/** Ease changes per answer (Anki manual: Again -20%, Hard -15%, Easy +15%) and the floor of 130%. */
const EASE = { again: -0.2, hard: -0.15, easy: 0.15, min: 1.3 } as const;

/**
 * Creates an Anki-style SM-2 scheduler (learning steps, ease changes, Hard/Easy multipliers, interval modifier).
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
  const learn = parseSteps(options.learningSteps ?? ['1m', '10m'], 'learningSteps');
  const relearn = parseSteps(options.relearningSteps ?? ['10m'], 'relearningSteps');
  const num = (key: keyof AnkiSm2Options, fallback: number, min: number): number => {
    const v = options[key] ?? fallback;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min) {
      throw new RecallKitError('RK_INVALID_OPTIONS', `${key} must be a number >= ${min}, got ${describe(v)}`, key);
    }
    return v;
  };
  const graduating = num('graduatingInterval', 1, 1);
  const easyIvl = num('easyInterval', 4, 1);
  const startEase = num('startingEase', 2.5, EASE.min);
  const easyBonus = num('easyBonus', 1.3, 1);
  const modifier = num('intervalModifier', 1, 0.01);
  const hardMult = num('hardInterval', 1.2, 0.5);
  const lapseMult = num('lapseInterval', 0, 0);
  const minIvl = num('minimumInterval', 1, 1);
  const maxIvl = num('maximumInterval', 36500, 1);
  // Anki's ceiling: beyond 100 years a due date can leave the range a Date holds.
  if (maxIvl > 36500) throw new RecallKitError('RK_INVALID_OPTIONS', `maximumInterval must be at most 36500 days, got ${describe(maxIvl)}`, 'maximumInterval');
  const cap = (days: number) => Math.min(Math.max(Math.round(days), 1), maxIvl);

  const decide = (card: CardState, g: Grade, elapsed: number): Decision => {
    const phase = card.state;
    const ease = phase === 'new' || card.difficulty === 0 ? startEase : card.difficulty;
    const base = { lapses: card.lapses, difficulty: ease };
    const graduate = (days: number, e = ease): Decision => ({ ...base, state: 'review', days, scheduledDays: days, stability: days, difficulty: e, step: 0 });
    const stepped = (steps: readonly number[], state: 'learning' | 'relearning', onGraduate: Decision): Decision => {
      const { minutes, next } = stepOutcome(steps, phase === 'new' ? 'learning' : state, card.step, g);
      if (minutes === 0) return onGraduate;
      return { ...base, state, days: minutes / 1440, scheduledDays: Math.floor(minutes / 1440), stability: card.stability, step: next };
    };
    if (phase === 'new' || phase === 'learning') {
      return stepped(learn, 'learning', graduate(g === 4 ? cap(easyIvl) : cap(graduating)));
    }
    if (phase === 'relearning') {
      const back = Math.max(card.stability, minIvl);
      return stepped(relearn, 'relearning', graduate(cap(g === 4 ? back + 1 : back)));
    }
    // Review: Anki counts days late toward Good (half) and Easy (all).
    const ivl = Math.max(card.stability, 1);
    const late = Math.max(0, elapsed - card.scheduledDays);
    if (g === 1) {
      const back = cap(Math.max(minIvl, ivl * lapseMult));
      const e = Math.max(EASE.min, ease + EASE.again);
      const lapse = { ...base, difficulty: e, lapses: card.lapses + 1 };
      if (relearn.length === 0) return { ...lapse, state: 'review', days: back, scheduledDays: back, stability: back, step: 0 };
      const minutes = relearn[0] as number;
      return { ...lapse, state: 'relearning', days: minutes / 1440, scheduledDays: Math.floor(minutes / 1440), stability: back, step: 0 };
    }
    // A Hard multiplier above 1 always adds at least a day (Anki manual, "Hard interval").
    const hard = cap(hardMult > 1 ? Math.max(ivl * hardMult * modifier, ivl + 1) : ivl * hardMult * modifier);
    if (g === 2) return graduate(hard, Math.max(EASE.min, ease + EASE.hard));
    const good = cap(Math.max((ivl + late / 2) * ease * modifier, hard + 1));
    if (g === 3) return graduate(good);
    return graduate(cap(Math.max((ivl + late) * ease * easyBonus * modifier, good + 1)), ease + EASE.easy);
  };

  return Object.freeze({
    name: 'anki-sm-2',
    newCard: (now: number | Date, opts?: { id?: string }) => newCardState(toMs(now), opts),
    retrievability: intervalRetrievability,
    ...commonMethods(decide, options.dayRollover),
  });
}
