/**
 * Turns review logs (RecallKit `ReviewLog`s or Anki revlog CSV) into per-card histories of
 * `(rating, days since previous review)`, the input of the optimizer and the evaluator.
 *
 * The conversion follows fsrs-rs (`convertor_tests.rs`, v6.5.0) and Anki: manual entries are dropped,
 * only the history from the last "first learn" on is kept, and elapsed days are whole learner days.
 */
import { RecallKitError, describe, joinPath } from '../core/errors';
import type { Issue, RecallKitErrorCode } from '../core/errors';
import { UTC_MIDNIGHT, dayNumber } from '../core/time';
import type { DayRollover } from '../core/time';
import type { CardPhase, ReviewLog } from '../scheduler/types';

/** One card's usable history, oldest first. */
export interface CardHistory {
  /** The card id from the logs. */
  readonly cardId: string;
  /** Ratings 1..4. */
  readonly ratings: readonly number[];
  /** Whole learner days since the previous review; 0 for the first review and for same-day reviews. */
  readonly deltaTs: readonly number[];
  /** When each review happened (epoch ms); orders items for recency weighting. */
  readonly times: readonly number[];
}

/** What the conversion kept and dropped. */
export interface PrepareReport {
  /** Log entries (or CSV rows) read. */
  readonly entries: number;
  /** Reviews kept in `cards`. */
  readonly reviews: number;
  /** Entries skipped because they were invalid (only with `invalid: 'skip'`), by reason. */
  readonly skipped: Readonly<Record<SkipReason, number>>;
  /** Manual entries (rating 0: `forget`/reset) dropped; a reset starts the history afresh. */
  readonly manual: number;
  /** Valid reviews dropped because they came before the card's last first-learning step. */
  readonly beforeLastLearn: number;
  /** Cards dropped because no learning-phase review starts their history (e.g. imported mid-way). */
  readonly cardsWithoutLearning: number;
}

/** Why an entry was skipped. */
export type SkipReason = 'notAnObject' | 'missingCardId' | 'badRating' | 'badTime' | 'badState' | 'outOfOrder';

/** Reviews ready for `optimize` and `evaluate`. */
export interface ReviewDataset {
  /** Brand, so a dataset is never mistaken for a log array. */
  readonly kind: 'review-dataset';
  /** One history per card, in order of first appearance. */
  readonly cards: readonly CardHistory[];
  /** What was kept and dropped. */
  readonly report: PrepareReport;
}

/** Options for turning logs into a dataset. */
export interface PrepareOptions {
  /** When a learner's day starts, for counting elapsed days. Default: midnight UTC (as ts-fsrs). */
  readonly rollover?: DayRollover;
  /**
   * What to do with a bad entry (unknown rating, NaN time, missing card id, out of order within its card):
   * `'throw'` (default) throws one `RecallKitError` listing every issue; `'skip'` drops it and counts it in
   * `report.skipped`.
   */
  readonly invalid?: 'throw' | 'skip';
}

/** The review kind, in Anki's revlog terms. */
type Kind = 'learning' | 'review' | 'relearning' | 'filtered' | 'manual';

interface Entry {
  readonly time: number;
  readonly rating: number;
  readonly kind: Kind;
}

const PHASE_KIND: Record<CardPhase, Kind> = { new: 'learning', learning: 'learning', review: 'review', relearning: 'relearning' };
const MAX_ISSUES = 20;

interface Collector {
  readonly mode: 'throw' | 'skip';
  readonly issues: Issue[];
  issueCount: number;
  code: RecallKitErrorCode | undefined;
  readonly skipped: Record<SkipReason, number>;
}

function createCollector(mode: 'throw' | 'skip'): Collector {
  return {
    mode,
    issues: [],
    issueCount: 0,
    code: undefined,
    skipped: { notAnObject: 0, missingCardId: 0, badRating: 0, badTime: 0, badState: 0, outOfOrder: 0 },
  };
}

function reject(col: Collector, reason: SkipReason, code: RecallKitErrorCode, path: string, message: string): void {
  col.skipped[reason]++;
  col.issueCount++;
  col.code ??= code;
  if (col.issues.length < MAX_ISSUES) col.issues.push({ path, message });
}

function finish(col: Collector, what: string): void {
  if (col.mode === 'throw' && col.issueCount > 0) {
    const first = col.issues[0] as Issue;
    const more = col.issueCount > col.issues.length ? ` (first ${col.issues.length} of ${col.issueCount} shown)` : '';
    const message = col.issueCount === 1 ? first.message : `${col.issueCount} invalid ${what}${more}; pass invalid: 'skip' to drop them`;
    throw new RecallKitError(col.code ?? 'RK_INVALID_REVIEW_LOG', message, first.path, col.issues);
  }
}

function checkOptions(options: PrepareOptions | undefined): { rollover: DayRollover; mode: 'throw' | 'skip' } {
  if (options !== undefined && (typeof options !== 'object' || options === null)) {
    throw new RecallKitError('RK_INVALID_OPTIONS', `options must be an object, got ${describe(options)}`, 'options');
  }
  const mode = options?.invalid ?? 'throw';
  if (mode !== 'throw' && mode !== 'skip') {
    throw new RecallKitError('RK_INVALID_OPTIONS', `invalid must be 'throw' or 'skip', got ${describe(mode)}`, 'options.invalid');
  }
  const rollover = options?.rollover ?? UTC_MIDNIGHT;
  if (
    typeof rollover !== 'object' ||
    rollover === null ||
    !Number.isFinite(rollover.utcOffsetMinutes) ||
    !Number.isInteger(rollover.hour) ||
    rollover.hour < 0 ||
    rollover.hour > 23
  ) {
    throw new RecallKitError('RK_INVALID_OPTIONS', `rollover must be { utcOffsetMinutes, hour 0-23 }, got ${describe(rollover)}`, 'options.rollover');
  }
  return { rollover, mode };
}

/**
 * Builds a dataset from RecallKit review logs (any order across cards; per card, oldest first).
 *
 * Hint: logs without a `cardId` cannot be grouped into cards and count as invalid.
 *
 * @param logs The review logs; not modified.
 * @param options Day rollover and what to do with bad entries.
 * @returns The dataset.
 * @throws RecallKitError `RK_INVALID_REVIEW_LOG`, `RK_INVALID_RATING` or `RK_INVALID_TIME` listing every bad
 *   entry (with `invalid: 'throw'`), `RK_INVALID_INPUT` when `logs` is not an array.
 * @example
 * ```ts
 * const data = prepareReviews(logs, { invalid: 'skip' })
 * data.report.skipped // { badRating: 1, ... }
 * ```
 */
export function prepareReviews(logs: readonly ReviewLog[], options?: PrepareOptions): ReviewDataset {
  if (!Array.isArray(logs)) throw new RecallKitError('RK_INVALID_INPUT', `expected an array of review logs, got ${describe(logs)}`, 'logs');
  const { rollover, mode } = checkOptions(options);
  const col = createCollector(mode);
  const byCard = new Map<string, Entry[]>();
  for (let i = 0; i < logs.length; i++) {
    const log = logs[i] as unknown;
    const path = joinPath('logs', i);
    if (typeof log !== 'object' || log === null) {
      reject(col, 'notAnObject', 'RK_INVALID_REVIEW_LOG', path, `expected a review log object, got ${describe(log)}`);
      continue;
    }
    const { cardId, rating, reviewedAt, card } = log as Partial<ReviewLog>;
    if (typeof cardId !== 'string' || cardId === '') {
      reject(col, 'missingCardId', 'RK_INVALID_REVIEW_LOG', joinPath(path, 'cardId'), `cardId must be a non-empty string to group reviews by card, got ${describe(cardId)}`);
      continue;
    }
    if (typeof rating !== 'number' || !Number.isInteger(rating) || rating < 0 || rating > 4) {
      reject(col, 'badRating', 'RK_INVALID_RATING', joinPath(path, 'rating'), `rating must be 0-4 (Manual, Again..Easy), got ${describe(rating)}`);
      continue;
    }
    if (typeof reviewedAt !== 'number' || !Number.isFinite(reviewedAt)) {
      reject(col, 'badTime', 'RK_INVALID_TIME', joinPath(path, 'reviewedAt'), `reviewedAt must be finite epoch milliseconds, got ${describe(reviewedAt)}`);
      continue;
    }
    const phase = typeof card === 'object' && card !== null ? (card as { state?: unknown }).state : undefined;
    if (typeof phase !== 'string' || !(phase in PHASE_KIND)) {
      reject(col, 'badState', 'RK_INVALID_REVIEW_LOG', joinPath(joinPath(path, 'card'), 'state'), `card.state must be new, learning, review or relearning, got ${describe(phase)}`);
      continue;
    }
    const kind: Kind = rating === 0 ? 'manual' : PHASE_KIND[phase as CardPhase];
    addEntry(col, byCard, cardId, { time: reviewedAt, rating, kind }, path);
  }
  finish(col, 'review logs');
  return build(byCard, logs.length, col, rollover);
}

function addEntry(col: Collector, byCard: Map<string, Entry[]>, cardId: string, entry: Entry, path: string): void {
  let list = byCard.get(cardId);
  if (list === undefined) {
    list = [];
    byCard.set(cardId, list);
  }
  const prev = list[list.length - 1];
  if (prev !== undefined && entry.time < prev.time) {
    reject(col, 'outOfOrder', 'RK_INVALID_REVIEW_LOG', path, `review of card ${describe(cardId)} at ${entry.time} comes after one at ${prev.time}; logs of a card must be oldest first`);
    return;
  }
  list.push(entry);
}

/** Anki revlog `type` / fsrs-rs `review_state` codes. */
const STATE_KIND: readonly Kind[] = ['learning', 'learning', 'review', 'relearning', 'filtered', 'manual'];

/**
 * Builds a dataset from an Anki revlog CSV, the shape fsrs-rs and the FSRS benchmark use:
 * a header row with `card_id,review_time,review_rating[,review_state][,review_duration]`
 * (Anki column names `cid,id,ease,type` work too). `review_time` is epoch milliseconds;
 * `review_state` is 0 New, 1 Learning, 2 Review, 3 Relearning, 4 Filtered, 5 Manual (missing = Review,
 * with each card's first row treated as Learning).
 *
 * @param csv The CSV text (comma-separated, no quoted commas).
 * @param options Day rollover and what to do with bad rows.
 * @returns The dataset.
 * @throws RecallKitError `RK_PARSE_ERROR` for a missing column, or the codes of {@link prepareReviews} per row.
 */
export function parseAnkiRevlogCsv(csv: string, options?: PrepareOptions): ReviewDataset {
  if (typeof csv !== 'string') throw new RecallKitError('RK_INVALID_INPUT', `expected CSV text, got ${describe(csv)}`, 'csv');
  const { rollover, mode } = checkOptions(options);
  const lines = csv.split(/\r?\n/);
  const header = (lines[0] ?? '').replace(/^\uFEFF/, '').split(',').map((h) => h.trim().toLowerCase());
  const column = (...names: string[]): number => header.findIndex((h) => names.includes(h));
  const cardCol = column('card_id', 'cid');
  const timeCol = column('review_time', 'id');
  const ratingCol = column('review_rating', 'ease', 'button_chosen');
  const stateCol = column('review_state', 'type', 'review_kind');
  if (cardCol < 0 || timeCol < 0 || ratingCol < 0) {
    throw new RecallKitError('RK_PARSE_ERROR', `CSV header must name card_id, review_time and review_rating, got ${describe(lines[0] ?? '')}`, 'csv[0]');
  }
  const col = createCollector(mode);
  const byCard = new Map<string, Entry[]>();
  let rows = 0;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line.trim() === '') continue;
    rows++;
    const cells = line.split(',');
    const path = `csv[${i}]`;
    const cardId = (cells[cardCol] ?? '').trim();
    const time = Number((cells[timeCol] ?? '').trim());
    const ratingText = (cells[ratingCol] ?? '').trim();
    const rating = Number(ratingText);
    const stateText = stateCol >= 0 ? (cells[stateCol] ?? '').trim() : '';
    const state = stateText === '' ? Number.NaN : Number(stateText);
    if (cardId === '') {
      reject(col, 'missingCardId', 'RK_INVALID_REVIEW_LOG', `${path}.card_id`, 'card_id is empty');
      continue;
    }
    if (ratingText === '' || !Number.isInteger(rating) || rating < 0 || rating > 4) {
      reject(col, 'badRating', 'RK_INVALID_RATING', `${path}.review_rating`, `review_rating must be 0-4, got ${describe(ratingText)}`);
      continue;
    }
    if (!Number.isFinite(time) || (cells[timeCol] ?? '').trim() === '') {
      reject(col, 'badTime', 'RK_INVALID_TIME', `${path}.review_time`, `review_time must be epoch milliseconds, got ${describe(cells[timeCol] ?? '')}`);
      continue;
    }
    let kind: Kind;
    if (stateCol >= 0 && stateText !== '') {
      if (!Number.isInteger(state) || state < 0 || state > 5) {
        reject(col, 'badState', 'RK_INVALID_REVIEW_LOG', `${path}.review_state`, `review_state must be 0-5, got ${describe(stateText)}`);
        continue;
      }
      kind = STATE_KIND[state] as Kind;
    } else {
      kind = byCard.has(cardId) ? 'review' : 'learning';
    }
    if (rating === 0) kind = 'manual';
    addEntry(col, byCard, cardId, { time, rating, kind }, path);
  }
  finish(col, 'CSV rows');
  return build(byCard, rows, col, rollover);
}

function build(byCard: Map<string, Entry[]>, entries: number, col: Collector, rollover: DayRollover): ReviewDataset {
  const cards: CardHistory[] = [];
  let reviews = 0;
  let manual = 0;
  let beforeLastLearn = 0;
  let cardsWithoutLearning = 0;
  for (const [cardId, all] of byCard) {
    // Manual entries (forget/reset, rating 0) are not answers; the reset shows in the next learning review.
    const list = all.filter((e) => e.kind !== 'manual');
    manual += all.length - list.length;
    // Anki/fsrs-rs: keep the history from the start of the last block of learning reviews; a card without
    // one was reset or imported mid-way and its memory state cannot be replayed from scratch.
    let start = -1;
    for (let i = list.length - 1; i >= 0; i--) {
      if ((list[i] as Entry).kind === 'learning') start = i;
      else if (start >= 0) break;
    }
    if (start < 0) {
      if (list.length > 0) cardsWithoutLearning++;
      continue;
    }
    beforeLastLearn += start;
    const kept = list.slice(start);
    const ratings: number[] = [];
    const deltaTs: number[] = [];
    const times: number[] = [];
    let prevDay = 0;
    for (let i = 0; i < kept.length; i++) {
      const e = kept[i] as Entry;
      const day = dayNumber(e.time, rollover);
      ratings.push(e.rating);
      deltaTs.push(i === 0 ? 0 : Math.max(0, day - prevDay));
      times.push(e.time);
      prevDay = day;
    }
    reviews += kept.length;
    cards.push(Object.freeze({ cardId, ratings: Object.freeze(ratings), deltaTs: Object.freeze(deltaTs), times: Object.freeze(times) }));
  }
  return Object.freeze({
    kind: 'review-dataset' as const,
    cards: Object.freeze(cards),
    report: Object.freeze({ entries, reviews, skipped: Object.freeze({ ...col.skipped }), manual, beforeLastLearn, cardsWithoutLearning }),
  });
}

/**
 * Builds a dataset straight from per-card `(rating, deltaT)` histories, for synthetic data and ports of
 * fsrs-rs items. Each card's first review must have `deltaT` 0.
 *
 * @param cards Histories; `times` defaults to the review index (so recency follows review order).
 * @returns The dataset.
 * @throws RecallKitError `RK_INVALID_REVIEW_LOG` for a rating outside 1..4 or a negative/non-integer deltaT.
 */
export function datasetFromHistories(
  cards: ReadonlyArray<{ readonly cardId?: string; readonly ratings: readonly number[]; readonly deltaTs: readonly number[]; readonly times?: readonly number[] }>,
): ReviewDataset {
  if (!Array.isArray(cards)) throw new RecallKitError('RK_INVALID_INPUT', `expected an array of histories, got ${describe(cards)}`, 'cards');
  const out: CardHistory[] = [];
  let reviews = 0;
  cards.forEach((card, c) => {
    const path = joinPath('cards', c);
    if (typeof card !== 'object' || card === null) throw new RecallKitError('RK_INVALID_REVIEW_LOG', `expected a card history, got ${describe(card)}`, path);
    const { ratings, deltaTs } = card;
    if (!Array.isArray(ratings) || !Array.isArray(deltaTs) || ratings.length !== deltaTs.length) {
      throw new RecallKitError('RK_INVALID_REVIEW_LOG', 'ratings and deltaTs must be arrays of the same length', path);
    }
    ratings.forEach((r, i) => {
      if (!Number.isInteger(r) || r < 1 || r > 4) throw new RecallKitError('RK_INVALID_RATING', `rating must be 1-4, got ${describe(r)}`, `${path}.ratings[${i}]`);
      const t = deltaTs[i];
      if (typeof t !== 'number' || !Number.isInteger(t) || t < 0 || (i === 0 && t !== 0)) {
        throw new RecallKitError('RK_INVALID_REVIEW_LOG', `deltaT must be a whole number of days >= 0 (0 for the first review), got ${describe(t)}`, `${path}.deltaTs[${i}]`);
      }
    });
    const times = card.times ?? ratings.map((_, i) => i);
    if (!Array.isArray(times) || times.length !== ratings.length || times.some((t) => typeof t !== 'number' || !Number.isFinite(t))) {
      throw new RecallKitError('RK_INVALID_TIME', 'times must be finite numbers, one per review', `${path}.times`);
    }
    reviews += ratings.length;
    out.push(Object.freeze({ cardId: card.cardId ?? String(c), ratings: [...ratings], deltaTs: [...deltaTs], times: [...times] }));
  });
  const skipped = { notAnObject: 0, missingCardId: 0, badRating: 0, badTime: 0, badState: 0, outOfOrder: 0 };
  return Object.freeze({
    kind: 'review-dataset' as const,
    cards: Object.freeze(out),
    report: Object.freeze({ entries: reviews, reviews, skipped, manual: 0, beforeLastLearn: 0, cardsWithoutLearning: 0 }),
  });
}

/**
 * Returns the dataset for an input that is either a dataset already or review logs.
 *
 * @param input A dataset or review logs.
 * @param options Conversion options (ignored for a dataset).
 * @returns The dataset.
 */
export function toDataset(input: readonly ReviewLog[] | ReviewDataset, options?: PrepareOptions): ReviewDataset {
  if (typeof input === 'object' && input !== null && !Array.isArray(input) && (input as ReviewDataset).kind === 'review-dataset') {
    // A dataset may be hand-made or deserialised, so its brand proves nothing: check the histories
    // (one linear pass) instead of trusting them, and keep the original report.
    const given = input as ReviewDataset;
    const checked = datasetFromHistories(given.cards);
    return typeof given.report === 'object' && given.report !== null ? Object.freeze({ ...checked, report: given.report }) : checked;
  }
  return prepareReviews(input as readonly ReviewLog[], options);
}
