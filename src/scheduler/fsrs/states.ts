/**
 * FSRS-6 state transitions: the outcome of one grade (for `review`) or of all
 * four (for `preview`), for a card in any phase.
 *
 * Transition rules follow ts-fsrs 5.4: `BasicScheduler` when short-term
 * scheduling is on (learning steps, same-day stability), `LongTermScheduler`
 * when it is off (every answer goes straight to review with a day interval).
 *
 * Hint: this is the hot path of `review` and `preview`. It allocates only the
 * results (card, log, pair) and creates no closures: tools that keep function
 * names (tsx, esbuild `keepNames`) would wrap each one on every call.
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

/**
 * Computes the outcome of one grade, or of all four when `only` is 0.
 *
 * @param ctx The scheduler context.
 * @param card The card before the review (trusted: checked by the caller).
 * @param now The review time (epoch ms, not before `card.lastReview`).
 * @param t Whole days since the last review.
 * @param only The grade to compute, or 0 for all.
 * @returns The computed results, keyed by grade (all four when `only` is 0).
 * @throws RecallKitError `RK_INVALID_CARD_STATE` for a reviewed card with `difficulty < 1` or `stability < 0.001`.
 */
export function transition(ctx: Context, card: CardState, now: number, t: number, only: Grade | 0): Preview {
  const { m, relearn } = ctx;
  const { difficulty: d, stability: s, state, step, lapses } = card;
  const fresh = d === 0 && s === 0;
  if (!fresh && (d < 1 || s < S_MIN)) fail('RK_INVALID_CARD_STATE', 'card', 'difficulty >= 1 and stability >= 0.001', `${d}, ${s}`);
  // Grade-independent parts, computed once for all four outcomes: retrievability and the
  // recall increase (Hard/Good/Easy) for reviews on a later day, S^{-w19} for same-day ones.
  const sameDay = t === 0 && m.shortTerm;
  const r = fresh || sameDay ? 1 : forgettingCurve(m, t, s);
  const inc = fresh || sameDay ? 0 : recallIncrease(m, d, s, r);
  const sPow = fresh || !sameDay ? 0 : Math.pow(s, -(m.w[19] as number));
  const fz = ctx.fuzz ? ctx.fuzz(card, now) : -1;
  // Filled with the grades asked for; the cast at the return is safe for the grade(s) the caller reads.
  const out: Partial<Record<Grade, ReviewResult>> = {};
  // Grades below `first` walk the (re)learning steps; the others graduate to review with
  // intervals ordered Again < Hard < Good < Easy from `first` on. With short-term scheduling a
  // review card's Again relearns (first = 2) and other cards walk their steps on every grade (5).
  const first = !m.shortTerm ? 1 : state === 'review' ? 2 : 5;
  const steps = state === 'new' || state === 'learning' ? ctx.learn : relearn;
  const ivl = [0, 0, 0, 0, 0];
  const stab = [0, 0, 0, 0, 0];
  if (first < 5 && (only === 0 || only >= first)) {
    // Every later interval is bounded by the one before, and the first by the second.
    const last = only === 0 ? 4 : Math.max(only, first + 1);
    for (let g = first; g <= last; g++) ivl[g] = interval(ctx, (stab[g] = nextStability(m, d, s, t, g as Grade, r, inc, sPow)), t, now, fz);
    ivl[first] = Math.min(ivl[first] as number, ivl[first + 1] as number);
    for (let g = first + 1; g <= last; g++) ivl[g] = Math.max(ivl[g] as number, (ivl[g - 1] as number) + 1);
  }
  for (let k = only || 1; k <= (only || 4); k++) {
    const g = k as Grade;
    const nd = difficultyAfter(m, d, s, g);
    // Again is a lapse from review; without short-term scheduling from any phase but new (ts-fsrs).
    const lapsed = g === 1 && (m.shortTerm ? state === 'review' : state !== 'new') ? lapses + 1 : lapses;
    if (g >= first) {
      out[g] = result(card, now, t, g, nd, stab[g] as number, 'review', 0, ivl[g] as number, now + (ivl[g] as number) * DAY_MS, lapsed);
      continue;
    }
    const ns = nextStability(m, d, s, t, g, r, inc, sPow);
    const minutes = stepMinutes(steps, state, step, g);
    const due = now + minutes * MINUTE;
    // Steps of a day or more graduate to review with those days (ts-fsrs applyLearningSteps); none left: an FSRS interval.
    if (minutes <= 0) {
      const days = interval(ctx, ns, t, now, fz);
      out[g] = result(card, now, t, g, nd, ns, 'review', 0, days, now + days * DAY_MS, lapsed);
    } else {
      const long = minutes >= 1440;
      out[g] = result(card, now, t, g, nd, ns, long ? 'review' : state === 'new' ? 'learning' : state === 'review' ? 'relearning' : state, nextStep(step, g), long ? Math.floor(minutes / 1440) : 0, due, lapsed);
    }
  }
  return out as Preview;
}
