/**
 * FSRS-6 state transitions: one handler per card phase, each able to produce
 * every outcome (for `preview`) or just one (for `review`).
 *
 * Transition rules follow ts-fsrs 5.4: `BasicScheduler` when short-term
 * scheduling is on (learning steps, same-day stability), `LongTermScheduler`
 * when it is off (every answer goes straight to review with a day interval).
 */
import { DAY_MS, type DayRollover } from '../../core/time';
import type { LoadBalancer } from '../load-balance';
import type { CardPhase, CardState, Grade, Preview, ReviewResult } from '../types';
import { withLog } from '../validate';
import { applyFuzz } from './fuzz';
import { type Memory, type Model, forgettingCurve, nextDifficulty, nextMemory, nextStability, recallIncrease } from './memory';
import { S_MIN } from './params';
import { stepOutcome } from './steps';

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

/** The per-review inputs shared by the four outcomes. */
interface Review {
  readonly ctx: Context;
  readonly card: CardState;
  readonly now: number;
  /** Whole days since the last review (0 for a new card). */
  readonly t: number;
  /** The fuzz factor in [0, 1), or -1 when fuzz is off. */
  readonly fz: number;
}

/** The day interval for a stability, capped and fuzzed (ts-fsrs `next_interval`). */
function interval(rv: Review, s: number): number {
  const { ivlMod, maxIvl, balance } = rv.ctx;
  const ivl = Math.min(Math.max(1, Math.round(s * ivlMod)), maxIvl);
  if (rv.fz < 0) return ivl;
  return balance ? balance(ivl, rv.t, maxIvl, rv.now, rv.fz, rv.ctx.rollover) : applyFuzz(ivl, rv.t, maxIvl, rv.fz);
}

/** Builds the result of one grade. */
function result(
  rv: Review,
  g: Grade,
  mem: Memory,
  state: CardPhase,
  step: number,
  scheduledDays: number,
  due: number,
  lapses: number,
): ReviewResult {
  const { card, now } = rv;
  const next: CardState = { version: 1, due, stability: mem.s, difficulty: mem.d, state, step, reps: card.reps + 1, lapses, scheduledDays, lastReview: now };
  return withLog(card, next, g, now, rv.t);
}

/** Graduates to review with an FSRS interval. */
function toReview(rv: Review, g: Grade, mem: Memory, days: number, lapses: number): ReviewResult {
  return result(rv, g, mem, 'review', 0, days, rv.now + days * DAY_MS, lapses);
}

/** Applies learning steps (ts-fsrs `applyLearningSteps`). */
function withSteps(rv: Review, g: Grade, mem: Memory, steps: readonly number[], to: CardPhase, lapses: number): ReviewResult {
  const { card, now } = rv;
  const { minutes, next } = stepOutcome(steps, card.state, card.step, g);
  if (minutes > 0 && minutes < 1440) return result(rv, g, mem, to, next, 0, now + minutes * MINUTE, lapses);
  if (minutes >= 1440) return result(rv, g, mem, 'review', next, Math.floor(minutes / 1440), now + minutes * MINUTE, lapses);
  return toReview(rv, g, mem, interval(rv, mem.s), lapses);
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
 */
export function transition(ctx: Context, card: CardState, now: number, t: number, only: Grade | 0): Preview {
  // No closures in here: tools that keep function names (tsx, esbuild keepNames) wrap each one per call.
  const { m } = ctx;
  const { difficulty: d, stability: s, state, lapses } = card;
  const rv: Review = { ctx, card, now, t, fz: ctx.fuzz ? ctx.fuzz(card, now) : -1 };
  // Filled with the grades asked for; the cast at each return is safe for the grade(s) the caller reads.
  const out = {} as { -readonly [G in Grade]: ReviewResult };
  // Grade-independent parts, computed once for all four outcomes: retrievability, the
  // recall increase (Hard/Good/Easy) and S^{-w19} (same-day reviews).
  const valid = d >= 1 && s >= S_MIN;
  const sameDay = t === 0 && m.shortTerm;
  const r = valid && !sameDay ? forgettingCurve(m, t, s) : undefined;
  const inc = r === undefined ? undefined : recallIncrease(m, d, s, r);
  const sPow = valid && sameDay ? Math.pow(s, -(m.w[19] as number)) : undefined;
  if (m.shortTerm && state !== 'review') {
    // New, learning and relearning cards walk their steps.
    const steps = state === 'relearning' ? ctx.relearn : ctx.learn;
    const to = state === 'new' ? 'learning' : state;
    for (let g = 1 as Grade; g <= 4; g++) {
      if (only === 0 || only === g) out[g] = withSteps(rv, g, nextMemory(m, d, s, t, g, r, inc, sPow), steps, to, lapses);
    }
    return out;
  }

  // Review cards (and every card when short-term scheduling is off): intervals ordered Again < Hard < Good < Easy.
  if (m.shortTerm) {
    if (only < 2) out[1] = withSteps(rv, 1, nextMemory(m, d, s, t, 1, r, inc, sPow), ctx.relearn, 'relearning', lapses + 1);
    if (only === 1) return out;
    // Hard's interval caps Good's, so both stabilities are needed; difficulty only for the grades returned.
    const sh = nextStability(m, d, s, t, 2, r, inc, sPow);
    const sg = nextStability(m, d, s, t, 3, r, inc, sPow);
    let hard = interval(rv, sh);
    let good = interval(rv, sg);
    hard = Math.min(hard, good);
    good = Math.max(good, hard + 1);
    if (only === 0 || only === 2) out[2] = toReview(rv, 2, { d: nextDifficulty(m, d, 2), s: sh }, hard, lapses);
    if (only === 0 || only === 3) out[3] = toReview(rv, 3, { d: nextDifficulty(m, d, 3), s: sg }, good, lapses);
    if (only === 0 || only === 4) {
      const me = nextMemory(m, d, s, t, 4, r, inc, sPow);
      out[4] = toReview(rv, 4, me, Math.max(interval(rv, me.s), good + 1), lapses);
    }
    return out;
  }
  const ma = nextMemory(m, d, s, t, 1, r, inc, sPow);
  const mh = nextMemory(m, d, s, t, 2, r, inc, sPow);
  let again = interval(rv, ma.s);
  let hard = interval(rv, mh.s);
  again = Math.min(again, hard);
  hard = Math.max(hard, again + 1);
  if (only < 2) out[1] = toReview(rv, 1, ma, again, lapses + (state === 'new' ? 0 : 1));
  if (only === 0 || only === 2) out[2] = toReview(rv, 2, mh, hard, lapses);
  if (only === 1 || only === 2) return out;
  const mg = nextMemory(m, d, s, t, 3, r, inc, sPow);
  const good = Math.max(interval(rv, mg.s), hard + 1);
  if (only === 0 || only === 3) out[3] = toReview(rv, 3, mg, good, lapses);
  if (only === 0 || only === 4) {
    const me = nextMemory(m, d, s, t, 4, r, inc, sPow);
    out[4] = toReview(rv, 4, me, Math.max(interval(rv, me.s), good + 1), lapses);
  }
  return out;
}
