import { describe, expect, it } from 'vitest';
import { createFsrs } from '../scheduler';
import { correctResponse } from '../scoring';
import { bank } from '../../test/fixtures/session/bank';
import { createMemoryStore } from './memory-store';
import { interleaveTopics } from './queue';
import { createSession } from './session';
import { createWebStorageStore } from './web-storage-store';

const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);
const MINUTE = 60_000;

describe('session with FSRS-6 and the scoring engine', () => {
  it('grades correct answers as passes and schedules them out of today', async () => {
    let t = T0;
    const store = createMemoryStore();
    const session = await createSession({ bank, scheduler: createFsrs(), store, now: () => t, limits: { learnAheadMs: 0 } });
    for (let item = session.next(); item; item = session.next()) {
      const r = item.question.type === 'flashcard' ? await session.rate(item.question.id, 3) : await session.answer(item.question.id, correctResponse(item.question));
      if (r.outcome) expect(r.outcome.correct).toBe(true);
      expect(r.grade).toBeGreaterThanOrEqual(3);
      t += MINUTE;
    }
    // FSRS learning steps (1m, 10m): Good on a new card is a 10-minute step, so the cards come back.
    t += 11 * MINUTE;
    expect(session.counts().learning).toBe(6);
    for (let item = session.next(); item; item = session.next()) {
      if (item.question.type === 'flashcard') await session.rate(item.question.id, 3);
      else await session.answer(item.question.id, correctResponse(item.question));
    }
    const cards = Object.values(store.peek()?.cards ?? {});
    expect(cards).toHaveLength(6);
    expect(cards.every((c) => c.state === 'review' && c.due > t)).toBe(true);
  });

  it('rates a wrong answer Again and keeps the card in learning', async () => {
    const session = await createSession({ bank, scheduler: createFsrs(), store: createMemoryStore(), now: () => T0 });
    const result = await session.answer('tf-1', { type: 'true-false', value: false });
    expect(result).toMatchObject({ grade: 1, outcome: { correct: false }, card: { state: 'learning' } });
    expect(result.card.due - T0).toBe(MINUTE);
  });
});

describe('interleaveTopics', () => {
  it('round-robins topics and keeps each topic in order', () => {
    const items = ['a1', 'a2', 'a3', 'b1', 'c1', 'c2'];
    expect(interleaveTopics(items, (x) => x[0] as string)).toEqual(['a1', 'b1', 'c1', 'a2', 'c2', 'a3']);
    expect(interleaveTopics([], String)).toEqual([]);
  });
});

describe('createWebStorageStore', () => {
  it('round-trips progress through a Storage and refuses non-JSON', async () => {
    const map = new Map<string, string>();
    const storage = { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v) };
    const store = createWebStorageStore({ storage, key: 'rk' });
    expect(await store.load()).toBeUndefined();
    const session = await createSession({ bank, scheduler: createFsrs(), store, now: () => T0 });
    await session.rate('fc-1', 4);
    const again = await createSession({ bank, scheduler: createFsrs(), store, now: () => T0 });
    expect(again.progress().logs).toHaveLength(1);
    map.set('rk', '{oops');
    await expect(store.load()).rejects.toMatchObject({ code: 'RK_STORE_ERROR' });
  });
});
