/**
 * `createFsrs`: the FSRS-6 scheduler.
 *
 * @see https://github.com/open-spaced-repetition/fsrs4anki/wiki/The-Algorithm
 */
import { RecallKitError, describe } from '../../core/errors';
import type { DayRollover } from '../../core/time';
import { type LoadBalanceOptions, createBalancer } from '../load-balance';
import type { CardState, Grade, Preview, RatingValue, ReviewLog, ReviewResult, Scheduler } from '../types';
import { checkCard, checkGrade, checkLog, checkRollback, elapsedDays, newCardState, toMs } from '../validate';
import { aleaFactor, sfcFactor } from './fuzz';
import { forgettingCurve, intervalModifier, createModel } from './memory';
import { DEFAULT_WEIGHTS, checkWeights } from './params';
import { type StepUnit, parseSteps } from './steps';
import { type Context, transition } from './states';

/** How fuzz picks its random factor. */
export type FuzzSeed =
  /** From the card id and its review count (`"<id>:<reps>"`), hashed with sfc32: the same card gets the same fuzz whenever it is reviewed. Cards without id fall back to the ts-fsrs seed text. */
  | 'card'
  /** ts-fsrs 5.4's exact fuzz: Alea seeded with `"<review ms>_<reps>_<difficulty x stability>"`. */
  | 'ts-fsrs';

/** Options of {@link createFsrs}; every field is optional. */
export interface FsrsOptions {
  /** Desired retention in (0, 1]; default 0.9. */
  readonly retention?: number;
  /** Longest interval in days; default 36500. */
  readonly maximumInterval?: number;
  /** 21 FSRS-6 weights (17 or 19 older weights are migrated); default {@link DEFAULT_WEIGHTS}. */
  readonly weights?: readonly number[];
  /** Learning steps; default `['1m', '10m']`. */
  readonly learningSteps?: readonly StepUnit[];
  /** Relearning steps; default `['10m']`. */
  readonly relearningSteps?: readonly StepUnit[];
  /** Same-day reviews change stability (FSRS-6 short-term) and steps are used; default true. */
  readonly shortTerm?: boolean;
  /** Interval fuzz; default off. `true` means `{ seed: 'card' }`. */
  readonly fuzz?: boolean | { readonly seed?: FuzzSeed };
  /** When the learner's day starts (for elapsed days); default midnight UTC like ts-fsrs. */
  readonly dayRollover?: DayRollover;
  /** Anki-style load balancing and easy days (needs fuzz on): picks the least busy day in the fuzz range. */
  readonly loadBalance?: LoadBalanceOptions;
}

/** One entry of a review history for {@link FsrsScheduler.replay}. */
export interface HistoryEntry {
  /** The rating; 0 (Manual) entries are skipped. */
  readonly rating: RatingValue;
  /** When the review happened. */
  readonly reviewedAt: number | Date;
}

/** The FSRS-6 scheduler: the common {@link Scheduler} plus FSRS-only helpers. */
export interface FsrsScheduler extends Scheduler {
  /** `'fsrs-6'`. */
  readonly name: 'fsrs-6';
  /** The 21 weights in use (after migration). */
  readonly weights: readonly number[];
  /**
   * Rebuilds a card from its review history (Manual entries skipped), starting from a new card due at the first review.
   *
   * @param history Reviews in time order.
   * @param options `id` to give the rebuilt card.
   * @returns The card after the last review.
   */
  replay(history: readonly HistoryEntry[], options?: { readonly id?: string }): CardState;
  /**
   * The interval in whole days (at least 1) that reaches `retention` for a stability, not capped by `maximumInterval`.
   *
   * @param stability Stability in days.
   * @param retention Desired retention; default the scheduler's.
   * @returns Days.
   */
  nextInterval(stability: number, retention?: number): number;
}

function optionError(path: string, message: string, value: unknown): RecallKitError {
  return new RecallKitError('RK_INVALID_OPTIONS', `${message}, got ${describe(value)}`, path);
}

/** Checks a retention value. */
function checkRetention(value: unknown, path: string): number {
  if (typeof value !== 'number' || !(value > 0 && value <= 1)) {
    throw new RecallKitError('RK_INVALID_PARAMETERS', `retention must be in (0, 1], got ${describe(value)}`, path);
  }
  return value;
}

/**
 * Creates an FSRS-6 scheduler. Results equal ts-fsrs 5.4 `fsrs()` with the same
 * parameters (stability, difficulty, intervals and due times), with plain
 * epoch-millisecond state and no `Date` objects inside.
 *
 * Hint: weights outside the trained bounds are rejected, not clipped; pass
 * them through `migrateWeights` first if they come from an old optimizer.
 *
 * @param options The options; all optional.
 * @returns A frozen scheduler.
 * @throws RecallKitError `RK_INVALID_OPTIONS` or `RK_INVALID_PARAMETERS` for bad options.
 * @example
 * ```ts
 * const fsrs = createFsrs({ retention: 0.9 })
 * let card = fsrs.newCard(Date.now())
 * card = fsrs.review(card, Rating.Good, Date.now()).card
 * ```
 */
// @__NO_SIDE_EFFECTS__
export function createFsrs(options: FsrsOptions = {}): FsrsScheduler {
  if (typeof options !== 'object' || options === null) throw optionError('', 'options must be an object', options);
  const shortTerm = options.shortTerm ?? true;
  if (typeof shortTerm !== 'boolean') throw optionError('shortTerm', 'expected a boolean', shortTerm);
  const learn = parseSteps(options.learningSteps ?? ['1m', '10m'], 'learningSteps');
  const relearn = parseSteps(options.relearningSteps ?? ['10m'], 'relearningSteps');
  const w = Object.freeze(checkWeights(options.weights ?? DEFAULT_WEIGHTS, relearn.length, shortTerm));
  const retention = checkRetention(options.retention ?? 0.9, 'retention');
  const maxIvl = options.maximumInterval ?? 36500;
  if (!Number.isInteger(maxIvl) || maxIvl < 1) throw optionError('maximumInterval', 'expected a whole number of days >= 1', maxIvl);
  const rollover = options.dayRollover;
  if (
    rollover !== undefined &&
    (typeof rollover !== 'object' ||
      rollover === null ||
      !Number.isInteger(rollover.hour) ||
      rollover.hour < 0 ||
      rollover.hour > 23 ||
      !Number.isInteger(rollover.utcOffsetMinutes) ||
      Math.abs(rollover.utcOffsetMinutes) > 1080)
  ) {
    throw optionError('dayRollover', 'expected { utcOffsetMinutes: whole minutes within +-18h, hour: 0-23 }', rollover);
  }
  const fuzzOption = options.fuzz ?? false;
  const seed = fuzzOption === true ? 'card' : fuzzOption === false ? null : (fuzzOption.seed ?? 'card');
  if (seed !== null && seed !== 'card' && seed !== 'ts-fsrs') throw optionError('fuzz.seed', "expected 'card' or 'ts-fsrs'", seed);

  const m = createModel(w, shortTerm);
  const ctx: Context = {
    m,
    ivlMod: intervalModifier(m, retention),
    maxIvl,
    learn,
    relearn,
    fuzz:
      seed === null
        ? null
        : (card, now) => {
            // ts-fsrs DefaultInitSeedStrategy text, with reps after this review.
            const text = `${now}_${card.reps + 1}_${card.difficulty * card.stability}`;
            if (seed === 'ts-fsrs') return aleaFactor(text);
            return sfcFactor(card.id === undefined ? text : `${card.id}:${card.reps + 1}`);
          },
    balance: options.loadBalance === undefined ? null : createBalancer(options.loadBalance, rollover),
  };

  const prepare = (card: CardState, now: number | Date): [number, number] => {
    checkCard(card);
    const ms = toMs(now);
    if (card.lastReview !== null && ms < card.lastReview) {
      throw new RecallKitError('RK_INVALID_TIME', `review time ${ms} is before the last review ${card.lastReview}`, 'now');
    }
    return [ms, card.state !== 'new' && card.lastReview !== null ? elapsedDays(card.lastReview, ms, rollover) : 0];
  };

  const review = (card: CardState, rating: Grade, now: number | Date): ReviewResult => {
    checkGrade(rating);
    const [ms, t] = prepare(card, now);
    return transition(ctx, card, ms, t, rating)[rating] as ReviewResult;
  };

  return Object.freeze({
    name: 'fsrs-6' as const,
    weights: w,
    newCard: (now: number | Date, opts?: { id?: string }) => newCardState(toMs(now), opts),
    review,
    preview(card: CardState, now: number | Date): Preview {
      const [ms, t] = prepare(card, now);
      const out = transition(ctx, card, ms, t, 0) as ReviewResult[];
      return { 1: out[1] as ReviewResult, 2: out[2] as ReviewResult, 3: out[3] as ReviewResult, 4: out[4] as ReviewResult };
    },
    retrievability(card: CardState, now: number | Date): number {
      checkCard(card);
      const ms = toMs(now);
      if (card.state === 'new' || card.lastReview === null) return 0;
      // Whole 24-hour periods since the last review, like ts-fsrs get_retrievability.
      const t = Math.max(Math.floor((ms - card.lastReview) / 86_400_000), 0);
      return forgettingCurve(m, t, card.stability);
    },
    rollback(card: CardState, log: ReviewLog): CardState {
      checkCard(card);
      checkLog(log);
      checkRollback(card, log);
      return log.card;
    },
    forget(card: CardState, now: number | Date, opts?: { resetCounts?: boolean }): ReviewResult {
      const [ms] = prepare(card, now);
      const reset = opts?.resetCounts === true;
      const next: CardState = {
        ...card,
        due: ms,
        stability: 0,
        difficulty: 0,
        state: 'new',
        step: 0,
        reps: reset ? 0 : card.reps,
        lapses: reset ? 0 : card.lapses,
        scheduledDays: 0,
      };
      const log: ReviewLog =
        card.id === undefined
          ? { version: 1, rating: 0, reviewedAt: ms, elapsedDays: 0, card }
          : { version: 1, cardId: card.id, rating: 0, reviewedAt: ms, elapsedDays: 0, card };
      return { card: next, log };
    },
    replay(history: readonly HistoryEntry[], opts?: { readonly id?: string }): CardState {
      if (!Array.isArray(history)) throw new RecallKitError('RK_INVALID_INPUT', `history must be an array, got ${describe(history)}`, 'history');
      let card: CardState | null = null;
      history.forEach((entry, i) => {
        const rating = entry?.rating;
        if (rating === 0) return;
        checkGrade(rating, `history[${i}].rating`);
        const at = toMs(entry.reviewedAt, `history[${i}].reviewedAt`);
        card = review(card ?? newCardState(at, opts), rating, at).card;
      });
      if (card === null) throw new RecallKitError('RK_INVALID_INPUT', 'history has no review with a rating of 1-4', 'history');
      return card;
    },
    nextInterval(stability: number, target?: number): number {
      if (typeof stability !== 'number' || !(stability > 0) || !Number.isFinite(stability)) {
        throw new RecallKitError('RK_INVALID_INPUT', `stability must be a positive number, got ${describe(stability)}`, 'stability');
      }
      const mod = target === undefined ? ctx.ivlMod : intervalModifier(m, checkRetention(target, 'retention'));
      return Math.max(1, Math.round(stability * mod));
    },
  });
}
