import { describe, expect, it } from 'vitest';
import { RecallKitError } from '../core/errors';
import type { CardPhase, RatingValue, ReviewLog } from '../scheduler/types';
import { datasetFromHistories, parseAnkiRevlogCsv, prepareReviews, toDataset } from './dataset';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 2, 1, 9);

function log(cardId: string | undefined, rating: number, at: number, state: CardPhase): ReviewLog {
  const card = { version: 1 as const, due: at, stability: 0, difficulty: 0, state, step: 0, reps: 0, lapses: 0, scheduledDays: 0, lastReview: null };
  return { version: 1, ...(cardId === undefined ? {} : { cardId }), rating: rating as RatingValue, reviewedAt: at, elapsedDays: 0, card };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

describe('prepareReviews', () => {
  it('groups by card and counts elapsed days in whole UTC days (same day = 0)', () => {
    const logs = deepFreeze([
      log('a', 1, T0, 'new'),
      log('b', 3, T0 + 1000, 'new'),
      log('a', 3, T0 + 600_000, 'learning'),
      log('a', 3, T0 + 2 * DAY, 'review'),
      log('b', 2, T0 + 15 * 3_600_000, 'review'), // 00:00 UTC next day: 1 day later
    ]);
    const data = prepareReviews(logs);
    expect(data.cards.map((c) => [c.cardId, c.ratings, c.deltaTs])).toEqual([
      ['a', [1, 3, 3], [0, 0, 2]],
      ['b', [3, 2], [0, 1]],
    ]);
    expect(data.report.reviews).toBe(5);
  });

  it('counts days from the learner rollover (Anki-style 4am, UTC+2)', () => {
    // 09:00 UTC = 11:00 local; next review at 01:30 UTC+1day = 03:30 local, before the 4am rollover: same learner day.
    const logs = [log('a', 3, T0, 'new'), log('a', 3, T0 + 16.5 * 3_600_000, 'review')];
    expect(prepareReviews(logs).cards[0]?.deltaTs).toEqual([0, 1]);
    expect(prepareReviews(logs, { rollover: { utcOffsetMinutes: 120, hour: 4 } }).cards[0]?.deltaTs).toEqual([0, 0]);
  });

  it('a reset (Manual, rating 0) and re-learning drops the history before the last learning block', () => {
    const logs = [
      log('a', 3, T0, 'new'),
      log('a', 3, T0 + 3 * DAY, 'review'),
      log('a', 0, T0 + 4 * DAY, 'review'),
      log('a', 4, T0 + 5 * DAY, 'new'),
      log('a', 3, T0 + 9 * DAY, 'review'),
    ];
    const data = prepareReviews(logs);
    expect(data.cards[0]?.ratings).toEqual([4, 3]);
    expect(data.cards[0]?.deltaTs).toEqual([0, 4]);
    expect(data.report.manual).toBe(1);
    expect(data.report.beforeLastLearn).toBe(2);
  });

  it('drops cards whose history has no learning review (imported mid-way) and counts them', () => {
    const data = prepareReviews([log('a', 3, T0, 'review'), log('a', 3, T0 + DAY, 'review')]);
    expect(data.cards).toEqual([]);
    expect(data.report.cardsWithoutLearning).toBe(1);
  });

  it('rejects an unknown rating with its path, and lists every bad log in one error', () => {
    const logs = [log('a', 3, T0, 'new'), log('a', 7, T0 + DAY, 'review'), log('a', 3, Number.NaN, 'review'), log(undefined, 3, T0, 'new')];
    let error: unknown;
    try {
      prepareReviews(logs);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RecallKitError);
    const e = error as RecallKitError;
    expect(e.code).toBe('RK_INVALID_RATING');
    expect(e.path).toBe('logs[1].rating');
    expect(e.issues.map((i) => i.path)).toEqual(['logs[1].rating', 'logs[2].reviewedAt', 'logs[3].cardId']);
    expect(() => prepareReviews([log('a', 3, Number.NaN, 'new')])).toThrow(/RK_INVALID_TIME: reviewedAt must be finite/);
  });

  it("rejects out-of-order logs of a card, or skips them with a count under invalid: 'skip'", () => {
    const logs = [log('a', 3, T0 + DAY, 'new'), log('a', 3, T0, 'review'), log('a', 2, T0 + 3 * DAY, 'review'), log('a', 9, T0 + 4 * DAY, 'review')];
    expect(() => prepareReviews(logs)).toThrow(/oldest first/);
    const data = prepareReviews(logs, { invalid: 'skip' });
    expect(data.report.skipped.outOfOrder).toBe(1);
    expect(data.report.skipped.badRating).toBe(1);
    expect(data.cards[0]?.ratings).toEqual([3, 2]);
  });

  it('rejects non-arrays, non-objects and bad options without a TypeError', () => {
    expect(() => prepareReviews('x' as unknown as ReviewLog[])).toThrow(/RK_INVALID_INPUT/);
    expect(() => prepareReviews([null as unknown as ReviewLog])).toThrow(/RK_INVALID_REVIEW_LOG/);
    expect(() => prepareReviews([], { invalid: 'ignore' as 'skip' })).toThrow(/RK_INVALID_OPTIONS/);
    expect(() => prepareReviews([], { rollover: { utcOffsetMinutes: 0, hour: 25 } })).toThrow(/RK_INVALID_OPTIONS/);
  });
});

describe('parseAnkiRevlogCsv', () => {
  const csv = [
    'card_id,review_time,review_rating,review_state,review_duration',
    `1,${T0},3,0,5000`,
    `2,${T0 + 10},1,0,5000`,
    `2,${T0 + 600_000},3,1,5000`,
    `1,${T0 + 3 * DAY},3,2,5000`,
    `2,${T0 + 2 * DAY},1,2,5000`,
    `2,${T0 + 2 * DAY + 1},0,5,0`,
    '',
  ].join('\n');

  it('reads the fsrs-rs revlog shape (review_state 0/1 learning, 5 manual)', () => {
    const data = parseAnkiRevlogCsv(csv);
    expect(data.cards.map((c) => [c.cardId, c.ratings, c.deltaTs])).toEqual([
      ['1', [3, 3], [0, 3]],
      ['2', [1, 3, 1], [0, 0, 2]],
    ]);
    expect(data.report.entries).toBe(6);
    expect(data.report.manual).toBe(1);
  });

  it('accepts Anki column names (cid, id, ease, type)', () => {
    const anki = csv.replace('card_id,review_time,review_rating,review_state,review_duration', 'cid,id,ease,type,time');
    expect(parseAnkiRevlogCsv(anki).cards).toEqual(parseAnkiRevlogCsv(csv).cards);
  });

  it('rejects a bad row with its line, or skips it', () => {
    const bad = `${csv}\n1,${T0 + 9 * DAY},x,2,0`;
    expect(() => parseAnkiRevlogCsv(bad)).toThrow(/RK_INVALID_RATING: review_rating must be 0-4, got "x" at csv\[8\]\.review_rating/);
    expect(parseAnkiRevlogCsv(bad, { invalid: 'skip' }).report.skipped.badRating).toBe(1);
  });

  it('rejects a header without the required columns', () => {
    expect(() => parseAnkiRevlogCsv('a,b,c\n1,2,3')).toThrow(/RK_PARSE_ERROR/);
  });
});

describe('toDataset', () => {
  it('checks a hand-made dataset instead of trusting its brand', () => {
    const good = datasetFromHistories([{ ratings: [3, 3], deltaTs: [0, 2] }]);
    expect(toDataset(good).cards).toEqual(good.cards);
    for (const [cards, path] of [
      [[null], 'cards[0]'],
      [[{ ratings: [3, 9], deltaTs: [0, 1] }], 'cards[0].ratings[1]'],
      [[{ ratings: [3], deltaTs: [Number.NaN] }], 'cards[0].deltaTs[0]'],
      ['not an array', 'cards'],
    ] as const) {
      const fake = { kind: 'review-dataset', cards, report: {} } as never;
      let caught: unknown;
      try {
        toDataset(fake);
      } catch (e) {
        caught = e;
      }
      expect(caught, String(path)).toBeInstanceOf(RecallKitError);
      expect((caught as RecallKitError).path).toBe(path);
    }
  });
});
