import { describe, expect, it } from 'vitest';
import { RecallKitError } from '../core/errors';
import type { CardState, Grade } from '../scheduler/types';
import type { Bank } from '../schema/bank';
import type { Question } from '../schema/question';
import type { Outcome, Response } from '../schema/response';
import { bank } from '../../test/fixtures/session/bank';
import { fakeScheduler } from '../../test/fixtures/session/scheduler';
import { createMemoryStore } from './memory-store';
import { createSession } from './session';
import type { Progress, SessionOptions, Store } from './types';

const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);
const MINUTE = 60_000;
const DAY = 86_400_000;

// A stand-in grader so these tests check the session, not the scoring engine:
// a true-false answer is right when it matches, anything else is right when marked "ok".
function fakeGrade(question: Question, response: Response): Outcome {
  const correct = question.type === 'true-false' && response.type === 'true-false' ? response.value === question.answer : JSON.stringify(response).includes('"ok"');
  return { score: correct ? 1 : 0, maxScore: 1, fraction: correct ? 1 : 0, correct, partial: false, feedback: [] };
}
const fakeToRating = (outcome: Outcome): Grade => (outcome.correct ? 3 : 1);
const ok = (type: string): Response => ({ type: 'short-answer', text: 'ok', ...(type === 'short-answer' ? {} : { type }) }) as unknown as Response;

function clock(start = T0) {
  let t = start;
  return { now: () => t, advance: (ms: number) => { t += ms; } };
}

function options(extra: Partial<SessionOptions> = {}): SessionOptions {
  return { bank, scheduler: fakeScheduler, store: createMemoryStore(), now: () => T0, grade: fakeGrade, toRating: fakeToRating, ...extra };
}

function card(id: string, patch: Partial<CardState>): CardState {
  // A card that was answered has a last review (parseProgress refuses one without).
  const answered = patch.state !== undefined && patch.state !== 'new' ? { lastReview: T0 - 30 * DAY } : {};
  return { ...fakeScheduler.newCard(T0 - 30 * DAY, { id }), ...answered, ...patch };
}

function progressWith(cards: Record<string, CardState>): Progress {
  return { version: 1, bankId: bank.id, scheduler: 'fake', cards, logs: [], updatedAt: T0 - DAY };
}

async function answerAll(session: Awaited<ReturnType<typeof createSession>>, max = 50): Promise<string[]> {
  const asked: string[] = [];
  for (let item = session.next(); item && asked.length < max; item = session.next()) {
    asked.push(item.question.id);
    const r: Response = item.question.type === 'true-false' ? { type: 'true-false', value: true } : ok(item.question.type);
    await session.answer(item.question.id, r);
  }
  return asked;
}

describe('createSession', () => {
  it('asks new cards with topics interleaved and skips essays', async () => {
    const session = await createSession(options());
    const asked = await answerAll(session);
    expect(asked).toEqual(['tf-1', 'num-1', 'mc-1', 'sc-1', 'sa-1', 'fc-1']);
    expect(asked).not.toContain('es-1');
    expect(session.counts()).toEqual({ review: 0, learning: 0, new: 0, total: 0 });
  });

  it('caps new cards per learner day and opens more the next day', async () => {
    const c = clock();
    const store = createMemoryStore();
    const first = await createSession(options({ store, now: c.now, limits: { newPerDay: 2 } }));
    expect(first.counts().new).toBe(2);
    expect(await answerAll(first)).toHaveLength(2);
    // A new session on the same day must not reopen the allowance.
    const again = await createSession(options({ store, now: c.now, limits: { newPerDay: 2 } }));
    expect(again.counts().new).toBe(0);
    c.advance(DAY);
    const tomorrow = await createSession(options({ store, now: c.now, limits: { newPerDay: 2 } }));
    expect(tomorrow.counts()).toMatchObject({ new: 2, review: 2 });
  });

  it('asks due reviews first, most urgent first, then learning steps, then new cards', async () => {
    const store = createMemoryStore(
      progressWith({
        'tf-1': card('tf-1', { state: 'review', due: T0 - 1 * DAY, reps: 3 }),
        'sc-1': card('sc-1', { state: 'review', due: T0 - 9 * DAY, reps: 3 }),
        'num-1': card('num-1', { state: 'learning', due: T0 - MINUTE, reps: 1 }),
        'sa-1': card('sa-1', { state: 'review', due: T0 + 5 * DAY, reps: 3 }),
      }),
    );
    const session = await createSession(options({ store, limits: { newPerDay: 1 } }));
    expect(session.counts()).toEqual({ review: 2, learning: 1, new: 1, total: 4 });
    const first = session.next();
    expect(first).toMatchObject({ queue: 'review', question: { id: 'sc-1' } });
    await session.answer('sc-1', ok('single-choice'));
    expect(session.next()).toMatchObject({ queue: 'review', question: { id: 'tf-1' } });
    await session.answer('tf-1', { type: 'true-false', value: true });
    expect(session.next()).toMatchObject({ queue: 'learning', question: { id: 'num-1' } });
    await session.answer('num-1', ok('numeric'));
    expect(session.next()).toMatchObject({ queue: 'new' });
  });

  it('does not ask two due reviews of the same topic in a row when another topic is waiting', async () => {
    const store = createMemoryStore(
      progressWith({
        'tf-1': card('tf-1', { state: 'review', due: T0 - 9 * DAY, reps: 3 }),
        'sc-1': card('sc-1', { state: 'review', due: T0 - 8 * DAY, reps: 3 }),
        'num-1': card('num-1', { state: 'review', due: T0 - 1 * DAY, reps: 3 }),
      }),
    );
    const session = await createSession(options({ store, limits: { newPerDay: 0 } }));
    const topics: string[] = [];
    for (let item = session.next(); item && topics.length < 10; item = session.next()) {
      topics.push(`${item.question.id}:${item.question.topic}`);
      await session.rate(item.question.id, 3);
    }
    // Urgency alone would give tf-1, sc-1 (both alpha), num-1 (beta).
    expect(topics).toEqual(['tf-1:alpha', 'num-1:beta', 'sc-1:alpha']);
  });

  it('shows a failed card again once its learning step is due, not before', async () => {
    const c = clock();
    const session = await createSession(options({ now: c.now, limits: { newPerDay: 1, learnAheadMs: 0 } }));
    await session.answer('tf-1', { type: 'true-false', value: false });
    expect(session.next()).toBeUndefined();
    c.advance(MINUTE);
    expect(session.next()).toMatchObject({ queue: 'learning', question: { id: 'tf-1' } });
  });

  it('learns ahead when nothing else is due', async () => {
    const session = await createSession(options({ limits: { newPerDay: 1 } }));
    await session.answer('tf-1', { type: 'true-false', value: false });
    expect(session.counts()).toMatchObject({ learning: 1, total: 1 });
    expect(session.next()).toMatchObject({ queue: 'learning', question: { id: 'tf-1' } });
  });

  it('saves after every answer, so a new session after a crash resumes where the old one stopped', async () => {
    const store = createMemoryStore();
    const before = await createSession(options({ store }));
    const asked = (await answerAll(before, 3)).slice(0, 3);
    // The "crash": the first session is simply dropped; only the store survives.
    const saved = store.peek();
    expect(saved?.logs).toHaveLength(3);
    expect(Object.keys(saved?.cards ?? {}).sort()).toEqual([...asked].sort());
    const after = await createSession(options({ store }));
    expect(after.counts().new).toBe(3);
    expect(asked).not.toContain(after.next()?.question.id);
  });

  it('keeps memory and store in step when a save fails', async () => {
    const inner = createMemoryStore();
    let fail = false;
    const store: Store = { load: inner.load, save: async (p) => { if (fail) throw new Error('disk full'); await inner.save(p); } };
    const session = await createSession(options({ store }));
    await session.answer('tf-1', { type: 'true-false', value: true });
    fail = true;
    const item = session.next();
    await expect(session.answer(item?.question.id ?? '', ok(item?.question.type ?? ''))).rejects.toMatchObject({ code: 'RK_STORE_ERROR', message: expect.stringContaining('disk full') });
    expect(session.progress().logs).toHaveLength(1);
    expect(session.next()?.question.id).toBe(item?.question.id);
    fail = false;
    await session.answer(item?.question.id ?? '', ok(item?.question.type ?? ''));
    expect(inner.peek()?.logs).toHaveLength(2);
  });

  it('runs concurrent answers one after another', async () => {
    const store = createMemoryStore();
    const session = await createSession(options({ store }));
    await Promise.all([session.answer('tf-1', { type: 'true-false', value: true }), session.rate('fc-1', 4), session.answer('sa-1', ok('short-answer'))]);
    expect(store.peek()?.logs.map((l) => l.cardId)).toEqual(['tf-1', 'fc-1', 'sa-1']);
  });

  it('rates self-graded cards, previews the four outcomes and undoes the last answer', async () => {
    const store = createMemoryStore();
    const session = await createSession(options({ store }));
    const preview = session.preview('fc-1');
    expect(preview[4].card.due).toBeGreaterThan(preview[1].card.due);
    const result = await session.rate('fc-1', 4);
    expect(result).toMatchObject({ grade: 4, outcome: undefined, card: { state: 'review' } });
    const flash = await session.answer('fc-1', { type: 'flashcard', rating: 2 });
    expect(flash.grade).toBe(2);
    expect(session.summary()).toMatchObject({ answered: 2, ratings: { 1: 0, 2: 1, 3: 0, 4: 1 } });
    const restored = await session.undo();
    expect(restored).toMatchObject({ state: 'review' });
    expect(store.peek()?.cards['fc-1']?.state).toBe('review');
    expect(store.peek()?.logs).toHaveLength(1);
    await session.undo();
    expect(store.peek()?.cards['fc-1']).toBeUndefined();
    expect(await session.undo()).toBeUndefined();
  });

  it('rejects bad input with stable codes', async () => {
    const session = await createSession(options());
    // answer and rate never throw synchronously: every error is a rejection.
    const code = async (fn: () => Promise<unknown>) => {
      let promise: Promise<unknown>;
      try {
        promise = fn();
      } catch {
        return 'thrown synchronously';
      }
      try {
        await promise;
      } catch (e) {
        return e instanceof RecallKitError ? e.code : 'not a RecallKitError';
      }
      return 'no error';
    };
    expect(await code(() => session.answer('nope', { type: 'true-false', value: true }))).toBe('RK_NOT_FOUND');
    expect(await code(() => session.answer('es-1', { type: 'essay', text: 'x' }))).toBe('RK_NOT_FOUND');
    expect(await code(() => session.answer('tf-1', { type: 'numeric', value: 3 }))).toBe('RK_INVALID_RESPONSE');
    expect(await code(() => session.answer('tf-1', null as unknown as Response))).toBe('RK_INVALID_RESPONSE');
    expect(await code(() => session.rate('fc-1', 7 as Grade))).toBe('RK_INVALID_RATING');
    await expect(createSession(options({ limits: { newPerDay: -1 } }))).rejects.toMatchObject({ code: 'RK_INVALID_OPTIONS', path: 'limits.newPerDay' });
    await expect(createSession(options({ now: 'today' as unknown as () => number }))).rejects.toMatchObject({ code: 'RK_INVALID_OPTIONS', path: 'now' });
    const broken = await createSession(options({ now: () => Number.NaN }));
    expect(() => broken.next()).toThrow(expect.objectContaining({ code: 'RK_INVALID_TIME' }));
  });

  it('refuses damaged progress or progress of another bank instead of starting over', async () => {
    const damaged = { load: async () => ({ ...progressWith({}), cards: { 'tf-1': { version: 1, due: 'soon' } } }), save: async () => {} };
    await expect(createSession(options({ store: damaged }))).rejects.toMatchObject({ code: 'RK_STORE_ERROR', path: 'cards.tf-1.due' });
    const other = createMemoryStore({ ...progressWith({}), bankId: 'another-bank' });
    await expect(createSession(options({ store: other }))).rejects.toMatchObject({ code: 'RK_STORE_ERROR', path: 'bankId' });
    const sm2 = createMemoryStore({ ...progressWith({}), scheduler: 'sm-2' });
    await expect(createSession(options({ store: sm2 }))).rejects.toMatchObject({ code: 'RK_STORE_ERROR', path: 'scheduler' });
  });

  it('never changes the bank or the progress it was given', async () => {
    const frozen = deepFreeze(structuredClone(bank)) as Bank;
    const initial = deepFreeze(progressWith({ 'tf-1': card('tf-1', { state: 'review', due: T0 - DAY, reps: 2 }) })) as Progress;
    const store = { load: async () => initial, save: async () => {} };
    const session = await createSession(options({ bank: frozen, store }));
    await answerAll(session);
    expect(initial.logs).toHaveLength(0);
    expect(session.progress().logs.length).toBeGreaterThan(0);
  });
});

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
