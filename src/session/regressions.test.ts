import { describe, expect, it } from 'vitest';
import { createFsrs } from '../scheduler/fsrs/index';
import type { CardState, ReviewLog } from '../scheduler/types';
import type { Bank } from '../schema/bank';
import type { Question } from '../schema/question';
import { bank } from '../../test/fixtures/session/bank';
import { fakeScheduler } from '../../test/fixtures/session/scheduler';
import { createMemoryStore } from './memory-store';
import { countDay, parseProgress } from './progress';
import { createSession } from './session';
import { summarizeProgress } from './stats';
import type { Progress, SessionOptions } from './types';

const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);
const HOUR = 3_600_000;
const DAY = 86_400_000;

const tf = bank.questions.find((q) => q.id === 'tf-1') as Question;

function options(extra: Partial<SessionOptions> = {}): SessionOptions {
  return { bank, scheduler: fakeScheduler, store: createMemoryStore(), now: () => T0, ...extra };
}

function progress(extra: Partial<Progress>, scheduler = 'fake'): Progress {
  return { version: 1, bankId: bank.id, scheduler, cards: {}, logs: [], updatedAt: null, ...extra };
}

const reviewCard = (patch: Partial<CardState> = {}): CardState => ({
  version: 1,
  due: T0,
  stability: 5,
  difficulty: 5,
  state: 'review',
  step: 0,
  reps: 3,
  lapses: 0,
  scheduledDays: 5,
  lastReview: T0 - 5 * DAY,
  ...patch,
});

describe('session regressions', () => {
  it('studies questions whose ids are Object.prototype names (toString, constructor)', async () => {
    const odd: Bank = { ...bank, questions: [{ ...tf, id: 'toString' }, { ...tf, id: 'constructor' }] as Question[] };
    const store = createMemoryStore();
    const session = await createSession(options({ bank: odd, store }));
    expect(session.counts().new).toBe(2);
    const first = session.next();
    expect(first?.card.state).toBe('new');
    await session.answer('toString', { type: 'true-false', value: true });
    await session.answer('constructor', { type: 'true-false', value: true });
    expect(session.preview('constructor')[3].card.reps).toBe(2);
    expect(summarizeProgress(session.progress(), odd, T0).unseen).toBe(0);
    // What was saved loads again.
    const again = await createSession(options({ bank: odd, store }));
    expect(Object.keys(again.progress().cards).sort()).toEqual(['constructor', 'toString']);
  });

  it('answers and previews a card reviewed "in the future" after the clock went back', async () => {
    const fsrs = createFsrs();
    // Reviewed at T0 + 1 h on another device, or before the clock was set back an hour.
    const card = reviewCard({ id: 'tf-1', due: T0 + 2 * HOUR, lastReview: T0 + HOUR });
    const store = createMemoryStore(progress({ cards: { 'tf-1': card } }, fsrs.name));
    const session = await createSession(options({ scheduler: fsrs, store }));
    expect(session.next()?.question.id).toBe('tf-1');
    expect(() => session.preview('tf-1')).not.toThrow();
    const result = await session.answer('tf-1', { type: 'true-false', value: true });
    expect(result.log.reviewedAt).toBe(T0 + HOUR);
  });

  it.each([
    ['no version', { ...reviewCard(), version: undefined }, 'cards.tf-1.version'],
    ['version 2', reviewCard({ version: 2 as 1 }), 'cards.tf-1.version'],
    ['negative reps', reviewCard({ reps: -3 }), 'cards.tf-1.reps'],
    ['fractional step', reviewCard({ step: 1.5 }), 'cards.tf-1.step'],
    ['zero difficulty on a review card', reviewCard({ difficulty: 0 }), 'cards.tf-1.difficulty'],
    ['zero stability on a review card', reviewCard({ stability: 0 }), 'cards.tf-1.stability'],
    ['a review card never reviewed', reviewCard({ lastReview: null }), 'cards.tf-1.lastReview'],
  ])('parseProgress refuses a damaged card (%s)', (_name, card, path) => {
    const input = progress({ cards: { 'tf-1': card as CardState } }, 'fsrs-6');
    expect(() => parseProgress(input, bank.id, 'fsrs-6')).toThrow(expect.objectContaining({ code: 'RK_STORE_ERROR', path }));
  });

  it('parseProgress refuses damaged logs and accepts good ones', () => {
    const log: ReviewLog = { version: 1, rating: 3, reviewedAt: T0, elapsedDays: 0, card: reviewCard() };
    const ok = progress({ logs: [log] }, 'fsrs-6');
    expect(parseProgress(ok, bank.id, 'fsrs-6').logs).toHaveLength(1);
    const bad = (patch: object) => progress({ logs: [{ ...log, ...patch } as ReviewLog] }, 'fsrs-6');
    expect(() => parseProgress(bad({ rating: 7 }), bank.id, 'fsrs-6')).toThrow(expect.objectContaining({ path: 'logs[0].rating' }));
    expect(() => parseProgress(bad({ version: 2 }), bank.id, 'fsrs-6')).toThrow(expect.objectContaining({ path: 'logs[0].version' }));
    expect(() => parseProgress(bad({ card: reviewCard({ reps: -1 }) }), bank.id, 'fsrs-6')).toThrow(expect.objectContaining({ path: 'logs[0].card.reps' }));
    // Leitner keeps difficulty 0 on every card: the FSRS-only rule does not apply.
    const leitner = progress({ cards: { 'tf-1': reviewCard({ difficulty: 0 }) } }, 'leitner');
    expect(() => parseProgress(leitner, bank.id, 'leitner')).not.toThrow();
  });

  it('refuses a bad rollover instead of computing NaN day numbers', async () => {
    for (const rollover of [{ utcOffsetMinutes: 0, hour: 24 }, { utcOffsetMinutes: 0, hour: 1.5 }, { utcOffsetMinutes: 2000, hour: 4 }, { hour: 4 }, 'noon']) {
      await expect(createSession(options({ rollover: rollover as never }))).rejects.toMatchObject({ code: 'RK_INVALID_OPTIONS', path: 'rollover' });
    }
    await expect(createSession(options({ rollover: { utcOffsetMinutes: -300, hour: 4 } }))).resolves.toBeDefined();
  });

  it("countDay counts all of today's logs, even when a log of another day comes after them", () => {
    const log = (reviewedAt: number, state: CardState['state']): ReviewLog => ({
      version: 1,
      rating: 3,
      reviewedAt,
      elapsedDays: 0,
      card: state === 'new' ? fakeScheduler.newCard(T0 - DAY) : reviewCard({ state }),
    });
    // Two answers today, then one written while the clock was a day behind.
    const logs = [log(T0 - HOUR, 'new'), log(T0 - 2 * HOUR + HOUR, 'review'), log(T0 - DAY, 'review')];
    expect(countDay(logs, T0)).toEqual({ newCards: 1, reviews: 1, answers: 2 });
  });

  it('answer and rate report errors as rejections, never synchronous throws', async () => {
    const session = await createSession(options());
    let thrown: unknown;
    let promise: Promise<unknown> | undefined;
    try {
      promise = session.answer('nope', { type: 'true-false', value: true });
      promise.catch(() => undefined);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeUndefined();
    await expect(promise).rejects.toMatchObject({ code: 'RK_NOT_FOUND' });
    let rate: Promise<unknown> | undefined;
    expect(() => {
      rate = session.rate('fc-1', 9 as never);
    }).not.toThrow();
    await expect(rate).rejects.toMatchObject({ code: 'RK_INVALID_RATING' });
  });
});
