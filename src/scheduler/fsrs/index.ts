/**
 * `createFsrs`: the FSRS-6 scheduler.
 *
 * @see https://github.com/open-spaced-repetition/fsrs4anki/wiki/The-Algorithm
 */
import { DAY_MS, type DayRollover, daysBetween, isDayRollover } from '../../core/time';
import type { LoadBalancer } from '../load-balance';
import type { CardState, Grade, Preview, RatingValue, ReviewLog, ReviewResult, Scheduler } from '../types';
import { checkCard, checkGrade, checkLog, fail, forgottenCard, newCardState, toMs, withLog } from '../validate';
import { aleaFactor, hashFactor } from './fuzz';
import { forgettingCurve, intervalModifier, createModel } from './memory';
import { DEFAULT_WEIGHTS, checkWeights, migrateWeights } from './params';
import { type StepUnit, parseSteps } from './steps';
import { type Context, transition } from './states';

/**
 * How fuzz draws its random factor: `'card'` (default) hashes `"<card id>:<reps>"`
 * (FNV-1a with MurmurHash3's finaliser), so a card gets the same fuzz whenever it is reviewed (cards without an id use
 * ts-fsrs's seed text instead); or a function returning a number in [0, 1), such as
 * {@link tsFsrsFuzz} for ts-fsrs 5.4's exact fuzz.
 */
export type FuzzSeed = 'card' | ((card: CardState, now: number) => number);

/**
 * ts-fsrs 5.4's fuzz factor, for `fuzz: { seed: tsFsrsFuzz }`: Alea seeded with
 * `"<review ms>_<reps after the review>_<difficulty x stability>"`.
 *
 * Hint: this seed changes with the review time to the millisecond; prefer the
 * default `'card'` seed unless you need ts-fsrs's exact due dates.
 *
 * @param card The card before the review.
 * @param now The review time (epoch ms).
 * @returns A number in [0, 1).
 */
export function tsFsrsFuzz(card: CardState, now: number): number {
  return aleaFactor(seedText(card, now));
}

/** ts-fsrs DefaultInitSeedStrategy's text, with reps after this review. */
const seedText = (card: CardState, now: number): string => `${now}_${card.reps + 1}_${card.difficulty * card.stability}`;

/** The default `'card'` fuzz factor: a hash of `"<card id>:<reps after this review>"`, or of ts-fsrs's text for a card without an id. */
const cardFuzz = (card: CardState, now: number): number => hashFactor(card.id === undefined ? seedText(card, now) : `${card.id}:${card.reps + 1}`);

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
  /**
   * Anki-style load balancing and easy days, from `createLoadBalancer({ dueCounts, easyDays })`:
   * with fuzz on, picks a less busy day in the fuzz range instead of a uniform one.
   */
  readonly loadBalance?: LoadBalancer;
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

const optionError = (path: string, what: string, value: unknown): never => fail('RK_INVALID_OPTIONS', path, what, value);

/** Checks a retention value. */
function checkRetention(value: unknown): number {
  return typeof value === 'number' && value > 0 && value <= 1 ? value : fail('RK_INVALID_PARAMETERS', 'retention', 'in (0, 1]', value);
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
  if (typeof options !== 'object' || options === null) optionError('options', 'an object', options);
  const { shortTerm = true, retention = 0.9, maximumInterval: maxIvl = 36500, dayRollover: rollover, fuzz = false, loadBalance } = options;
  if (typeof shortTerm !== 'boolean') optionError('shortTerm', 'a boolean', shortTerm);
  const learn = parseSteps(options.learningSteps ?? ['1m', '10m'], 'learningSteps');
  const relearn = parseSteps(options.relearningSteps ?? ['10m'], 'relearningSteps');
  const w = Object.freeze(
    options.weights === undefined ? migrateWeights(DEFAULT_WEIGHTS, relearn.length, shortTerm) : checkWeights(options.weights, relearn.length, shortTerm),
  );
  checkRetention(retention);
  // Anki's ceiling (and ts-fsrs's default): beyond 100 years a due date leaves the range a Date can hold.
  if (!Number.isInteger(maxIvl) || maxIvl < 1 || maxIvl > 36500) optionError('maximumInterval', 'a whole number of days from 1 to 36500', maxIvl);
  if (rollover !== undefined && !isDayRollover(rollover)) {
    optionError('dayRollover', '{ utcOffsetMinutes: -1080..1080, hour: 0..23 }', rollover);
  }
  const seed = fuzz === true ? 'card' : fuzz === false ? null : (fuzz?.seed ?? 'card');
  if (seed !== null && seed !== 'card' && typeof seed !== 'function') optionError('fuzz.seed', "'card' or a function", seed);
  if (loadBalance !== undefined && typeof loadBalance !== 'function') optionError('loadBalance', 'a createLoadBalancer() result', loadBalance);

  const m = createModel(w, shortTerm);
  const ctx: Context = {
    m,
    ivlMod: intervalModifier(m, retention),
    maxIvl,
    learn,
    relearn,
    fuzz: seed === 'card' ? cardFuzz : seed,
    balance: loadBalance,
    rollover,
  };

  // Checks the card and the time; returns the time in ms.
  const at = (card: CardState, now: number | Date): number => {
    checkCard(card);
    const ms = toMs(now);
    const last = card.lastReview;
    return last !== null && ms < last ? fail('RK_INVALID_TIME', 'now', `>= lastReview ${last}`, ms) : ms;
  };
  // Whole learner days since the last review (0 for a new card).
  const elapsed = (card: CardState, ms: number): number => {
    const last = card.lastReview;
    return card.state !== 'new' && last !== null ? daysBetween(last, ms, rollover) : 0;
  };
  const review = (card: CardState, rating: Grade, now: number | Date): ReviewResult => {
    checkGrade(rating);
    const ms = at(card, now);
    return transition(ctx, card, ms, elapsed(card, ms), rating);
  };

  return Object.freeze({
    name: 'fsrs-6' as const,
    weights: w,
    newCard: (now: number | Date, opts?: { id?: string }) => newCardState(toMs(now), opts),
    review,
    preview(card: CardState, now: number | Date): Preview {
      const ms = at(card, now);
      return transition(ctx, card, ms, elapsed(card, ms), 0);
    },
    retrievability(card: CardState, now: number | Date): number {
      checkCard(card);
      const ms = toMs(now);
      const last = card.lastReview;
      // Whole 24-hour periods since the last review, like ts-fsrs get_retrievability.
      return card.state === 'new' || last === null ? 0 : forgettingCurve(m, Math.max(Math.floor((ms - last) / DAY_MS), 0), card.stability);
    },
    rollback(card: CardState, log: ReviewLog): CardState {
      checkCard(card);
      checkLog(card, log);
      return log.card;
    },
    forget(card: CardState, now: number | Date, opts?: { resetCounts?: boolean }): ReviewResult {
      const ms = at(card, now);
      return withLog(card, forgottenCard(card, ms, opts?.resetCounts), 0, ms, 0);
    },
    replay(history: readonly HistoryEntry[], opts?: { readonly id?: string }): CardState {
      let card: CardState | undefined;
      (Array.isArray(history) ? history : fail('RK_INVALID_INPUT', 'history', 'an array', history)).forEach((entry, i) => {
        const rating = entry?.rating;
        if (rating === 0) return;
        const at = toMs(entry?.reviewedAt, `history[${i}].reviewedAt`);
        checkGrade(rating, `history[${i}].rating`);
        card = review(card ?? newCardState(at, opts), rating, at).card;
      });
      return card ?? fail('RK_INVALID_INPUT', 'history', 'at least one rating 1-4', history);
    },
    nextInterval(stability: number, target?: number): number {
      if (!(stability > 0 && stability < Number.POSITIVE_INFINITY)) fail('RK_INVALID_INPUT', 'stability', '> 0', stability);
      return Math.max(1, Math.round(stability * (target === undefined ? ctx.ivlMod : intervalModifier(m, checkRetention(target)))));
    },
  });
}
