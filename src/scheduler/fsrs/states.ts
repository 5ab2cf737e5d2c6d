/**
 * FSRS-6 state transitions: the outcome of one grade (for `review`) or of all
 * four (for `preview`), for a card in any phase.
 *
 * Transition rules follow ts-fsrs 5.4: `BasicScheduler` when short-term
 * scheduling is on (learning steps, same-day stability), `LongTermScheduler`
 * when it is off (every answer goes straight to review with a day interval).
 *
 * Hint: this is the hot path of `review` and `preview`. Besides the results (card,
 * log, pair) it allocates one record of the shared parts and two five-slot arrays,
 * and it creates no closures: tools that keep function names (tsx, esbuild
 * `keepNames`) would wrap each one on every call.
 */
import { DAY_MS, type DayRollover } from '../../core/time';
import type { LoadBalancer } from '../load-balance';
import type { CardPhase, CardState, Grade, Preview, ReviewResult } from '../types';
import { fail, withLog } from '../validate';
import { applyFuzz } from './fuzz';
import { type Model, difficultyAfter, forgettingCurve, nextStability, recallIncrease } from './memory';
import { S_MIN } from './params';
import { nextStep, stepMinutes } from './steps';

const MINUTE = 60_000;

/** Everything a transition reads, fixed when the scheduler is created. */
export interface Context {
  /** The memory model. */
  readonly m: Model;
  /** Interval per day of stability at the desired retention. */
  readonly ivlMod: number;
  /** The longest interval in days. */
  readonly maxIvl: number;
  /** Learning steps in minutes. */
  readonly learn: readonly number[];
  /** Relearning steps in minutes. */
  readonly relearn: readonly number[];
  /** The fuzz factor for a review, or `null` when fuzz is off. */
  readonly fuzz: ((card: CardState, now: number) => number) | null;
  /** Picks a day within the fuzz range instead of the random factor (load balancing), when set. */
  readonly balance: LoadBalancer | undefined;
  /** When the learner's day starts, passed on to the load balancer. */
  readonly rollover: DayRollover | undefined;
}

/**
 * The day interval for a stability, capped and fuzzed (ts-fsrs `next_interval`).
 *
 * @param ctx The scheduler context.
 * @param s The new stability.
 * @param t Whole days since the last review.
 * @param now The review time (epoch ms), for the load balancer.
 * @param fz The fuzz factor in [0, 1), or -1 when fuzz is off.
 * @returns Whole days.
 */
function interval(ctx: Context, s: number, t: number, now: number, fz: number): number {
  const { maxIvl, balance } = ctx;
  const ivl = Math.min(Math.max(1, Math.round(s * ctx.ivlMod)), maxIvl);
  if (fz < 0) return ivl;
  return balance ? balance(ivl, t, maxIvl, now, fz, ctx.rollover) : applyFuzz(ivl, t, maxIvl, fz);
}

/**
 * Builds the result of one grade.
 *
 * @param card The card before the review.
 * @param now The review time.
 * @param t Whole days since the last review (the log's `elapsedDays`).
 * @param g The grade.
 * @param d The new difficulty.
 * @param s The new stability.
 * @param state The new phase.
 * @param step The new step index.
 * @param days The new `scheduledDays`.
 * @param due The new due time (epoch ms).
 * @param lapses The new lapse count.
 * @returns The card and its log.
 */
function result(card: CardState, now: number, t: number, g: Grade, d: number, s: number, state: CardPhase, step: number, days: number, due: number, lapses: number): ReviewResult {
  const next: CardState = { version: 1, due, stability: s, difficulty: d, state, step, reps: card.reps + 1, lapses, scheduledDays: days, lastReview: now };
  return withLog(card, next, g, now, t);
}

/** The grade-independent parts of one review, shared by its four outcomes. */
interface Review {
  readonly ctx: Context;
  readonly card: CardState;
  readonly now: number;
  /** Whole days since the last review. */
  readonly t: number;
  /** Retrievability at the review (1 for a new card or a same-day review). */
  readonly r: number;
  /** The recall increase shared by Hard, Good and Easy (0 when unused). */
  readonly inc: number;
  /** $S^{-w_{19}}$ for a same-day review (0 when unused). */
  readonly sPow: number;
  /** The fuzz factor in [0, 1), or -1 when fuzz is off. */
  readonly fz: number;
  /** The first grade that graduates to review by interval; the grades below it walk the (re)learning steps. */
  readonly first: number;
  /** Intervals of the grades from `first` on, already ordered. */
  readonly ivl: number[];
  /** Stabilities of the grades from `first` on. */
  readonly stab: number[];
}

/**
 * Computes the outcome of one grade from the shared parts of a review.
 *
 * @param rv The review.
 * @param g The grade.
 * @returns The card and its log.
 */
function outcome(rv: Review, g: Grade): ReviewResult {
  const { ctx, card, now, t, first } = rv;
  const { m } = ctx;
  const { difficulty: d, stability: s, state, step, lapses } = card;
  const nd = difficultyAfter(m, d, s, g);
  // Again is a lapse from review; without short-term scheduling from any phase but new (ts-fsrs).
  const lapsed = g === 1 && (m.shortTerm ? state === 'review' : state !== 'new') ? lapses + 1 : lapses;
  if (g >= first) {
    const days = rv.ivl[g] as number;
    return result(card, now, t, g, nd, rv.stab[g] as number, 'review', 0, days, now + days * DAY_MS, lapsed);
  }
  const ns = nextStability(m, d, s, t, g, rv.r, rv.inc, rv.sPow);
  const minutes = stepMinutes(state === 'new' || state === 'learning' ? ctx.learn : ctx.relearn, state, step, g);
  // No step left: an FSRS interval. Steps of a day or more graduate to review with those days (ts-fsrs applyLearningSteps).
  if (minutes <= 0) {
    const days = interval(ctx, ns, t, now, rv.fz);
    return result(card, now, t, g, nd, ns, 'review', 0, days, now + days * DAY_MS, lapsed);
  }
  const long = minutes >= 1440;
  const to = long ? 'review' : state === 'new' ? 'learning' : state === 'review' ? 'relearning' : state;
  return result(card, now, t, g, nd, ns, to, nextStep(step, g), long ? Math.floor(minutes / 1440) : 0, now + minutes * MINUTE, lapsed);
}

/**
 * Computes the outcome of one grade (for `review`), or of all four when `only` is 0 (for `preview`).
 *
 * @param ctx The scheduler context.
 * @param card The card before the review (trusted: checked by the caller).
 * @param now The review time (epoch ms, not before `card.lastReview`).
 * @param t Whole days since the last review.
 * @param only The grade to compute, or 0 for all.
 * @returns The result of grade `only`, or all four keyed by grade.
 * @throws RecallKitError `RK_INVALID_CARD_STATE` for a reviewed card with `difficulty < 1` or `stability < 0.001`.
 */
export function transition(ctx: Context, card: CardState, now: number, t: number, only: Grade): ReviewResult;
export function transition(ctx: Context, card: CardState, now: number, t: number, only: 0): Preview;
export function transition(ctx: Context, card: CardState, now: number, t: number, only: Grade | 0): ReviewResult | Preview {
  const { m } = ctx;
  const { difficulty: d, stability: s, state } = card;
  const fresh = d === 0 && s === 0;
  if (!fresh && (d < 1 || s < S_MIN)) fail('RK_INVALID_CARD_STATE', 'card', 'difficulty >= 1 and stability >= 0.001', `${d}, ${s}`);
  // Retrievability and the recall increase (Hard/Good/Easy) for reviews on a later day, S^{-w19} for same-day ones.
  const sameDay = t === 0 && m.shortTerm;
  const r = fresh || sameDay ? 1 : forgettingCurve(m, t, s);
  const inc = fresh || sameDay ? 0 : recallIncrease(m, d, s, r);
  const sPow = fresh || !sameDay ? 0 : Math.pow(s, -(m.w[19] as number));
  const fz = ctx.fuzz ? ctx.fuzz(card, now) : -1;
  // With short-term scheduling a review card's Again relearns (first = 2) and other cards walk
  // their steps on every grade (5); without it every grade goes to review (1).
  const first = !m.shortTerm ? 1 : state === 'review' ? 2 : 5;
  const ivl = [0, 0, 0, 0, 0];
  // Doubles from the start, so storing a stability never changes the array's element kind (a copy).
  const stab = [0.5, 0.5, 0.5, 0.5, 0.5];
  if (first < 5 && (only === 0 || only >= first)) {
    // Intervals ordered Again < Hard < Good < Easy from `first` on: each is bounded by the one
    // before it, and the first by the second (ts-fsrs), so a grade needs the one after `first` too.
    const last = only === 0 ? 4 : Math.max(only, first + 1);
    for (let g = first; g <= last; g++) ivl[g] = interval(ctx, (stab[g] = nextStability(m, d, s, t, g as Grade, r, inc, sPow)), t, now, fz);
    ivl[first] = Math.min(ivl[first] as number, ivl[first + 1] as number);
    for (let g = first + 1; g <= last; g++) ivl[g] = Math.max(ivl[g] as number, (ivl[g - 1] as number) + 1);
  }
  const rv: Review = { ctx, card, now, t, r, inc, sPow, fz, first, ivl, stab };
  return only ? outcome(rv, only) : { 1: outcome(rv, 1), 2: outcome(rv, 2), 3: outcome(rv, 3), 4: outcome(rv, 4) };
}
