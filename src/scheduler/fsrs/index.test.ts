import { createEmptyCard, fsrs } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { RecallKitError } from '../../core/errors';
import { createPrng } from '../../core/prng';
import { Rating } from '../types';
import type { CardState, Grade } from '../types';
import { createFsrs } from './index';
import { DEFAULT_WEIGHTS } from './params';

const START = Date.UTC(2022, 11, 29, 12, 30);
const DAY = 86_400_000;

function expectCode(fn: () => unknown, code: string): void {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(RecallKitError);
    expect((e as RecallKitError).code).toBe(code);
    return;
  }
  throw new Error(`expected ${code}, nothing was thrown`);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

describe('FSRS-6 published vectors (ts-fsrs 5.4 __tests__/FSRS-6.test.ts, fsrs-rs inference.rs)', () => {
  it('interval history of Good x6, Again x2, Good x5 at each due is [0,2,11,46,163,498,0,0,2,4,7,12,21]', () => {
    const s = createFsrs({ weights: DEFAULT_WEIGHTS });
    let card = s.newCard(START);
    const history: number[] = [];
    for (const r of [3, 3, 3, 3, 3, 3, 1, 1, 3, 3, 3, 3, 3] as Grade[]) {
      card = s.review(card, r, card.due).card;
      history.push(card.scheduledDays);
    }
    expect(history).toEqual([0, 2, 11, 46, 163, 498, 0, 0, 2, 4, 7, 12, 21]);
  });

  const ratings: Grade[] = [1, 3, 3, 3, 3, 3];
  const gaps = [0, 0, 1, 3, 8, 21];
  const history = () => {
    let at = START;
    return ratings.map((rating, i) => {
      at += (gaps[i] as number) * DAY;
      return { rating, reviewedAt: at };
    });
  };

  it('memory state after [1,3,3,3,3,3] at gaps [0,0,1,3,8,21] is S=53.62691, D=6.3574867 with short-term', () => {
    const card = createFsrs().replay(history());
    expect(card.stability).toBeCloseTo(53.62691, 4);
    expect(card.difficulty).toBeCloseTo(6.3574867, 4);
  });

  it('memory state of the same history is S=53.335106, D=6.3574867 without short-term', () => {
    const card = createFsrs({ shortTerm: false }).replay(history());
    expect(card.stability).toBeCloseTo(53.335106, 4);
    expect(card.difficulty).toBeCloseTo(6.3574867, 4);
  });

  it('nextInterval(1, retention 0.1..1.0) is [3116769,34793,2508,387,90,27,9,3,1,1]', () => {
    const s = createFsrs();
    const got = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1].map((r) => s.nextInterval(1, r));
    expect(got).toEqual([3116769, 34793, 2508, 387, 90, 27, 9, 3, 1, 1]);
  });

  it('first repeat of a new card gives ts-fsrs first-repeat stabilities, difficulties, intervals and phases', () => {
    const p = createFsrs().preview(createFsrs().newCard(START), START);
    const cards = [p[1], p[2], p[3], p[4]].map((x) => x.card);
    expect(cards.map((c) => c.stability)).toEqual([0.212, 1.2931, 2.3065, 8.2956]);
    expect(cards.map((c) => c.difficulty)).toEqual([6.4133, 5.11217071, 2.11810397, 1]);
    expect(cards.map((c) => c.reps)).toEqual([1, 1, 1, 1]);
    expect(cards.map((c) => c.scheduledDays)).toEqual([0, 0, 0, 8]);
    expect(cards.map((c) => c.state)).toEqual(['learning', 'learning', 'learning', 'review']);
  });

  it('retrievability at due after the first review is [1,1,1,0.9024733] (ts-fsrs get_retrievability test)', () => {
    const s = createFsrs();
    const p = s.preview(s.newCard(Date.UTC(2023, 11, 1, 4)), Date.UTC(2023, 11, 1, 4, 5));
    expect([1, 2, 3, 4].map((g) => s.retrievability(p[g as Grade].card, p[g as Grade].card.due))).toEqual([1, 1, 1, 0.9024733]);
  });
});

describe('FSRS-5 weights migrated, short-term off (ts-fsrs __tests__/impl/long-term_scheduler.test.ts)', () => {
  const w = [
    0.4197, 1.1869, 3.0412, 15.2441, 7.1434, 0.6477, 1.0007, 0.0674, 1.6597, 0.1712, 1.1178, 2.0225, 0.0904, 0.3025, 2.1214, 0.2498, 2.9466, 0.4891,
    0.6468,
  ];
  const s = createFsrs({ weights: w, shortTerm: false });
  const run = (ratings: Grade[]) => {
    let card = s.newCard(START);
    const out = { ivl: [] as number[], s: [] as number[], d: [] as number[] };
    for (const r of ratings) {
      card = s.review(card, r, card.due).card;
      out.ivl.push(card.scheduledDays);
      out.s.push(card.stability);
      out.d.push(card.difficulty);
    }
    return out;
  };

  it('test1: Good x6, Again x2, Good x5', () => {
    const got = run([3, 3, 3, 3, 3, 3, 1, 1, 3, 3, 3, 3, 3]);
    expect(got.ivl).toEqual([3, 13, 48, 155, 445, 1158, 17, 3, 11, 37, 112, 307, 773]);
    expect(got.s).toEqual([
      3.0412, 13.09130698, 48.15848988, 154.93732625, 445.05562739, 1158.07779739, 16.63063166, 3.01732209, 11.42247264, 37.37521902, 111.8752758,
      306.5974569, 772.94026648,
    ]);
    expect(got.d).toEqual([
      4.49094334, 4.26664289, 4.05746029, 3.86237659, 3.68044154, 3.51076891, 4.69833071, 5.55956298, 5.26323756, 4.98688448, 4.72915759, 4.4888015,
      4.26464541,
    ]);
  });

  it('test2: Again, Hard, Good, Easy twice', () => {
    const got = run([1, 2, 3, 4, 1, 2, 3, 4]);
    expect(got.ivl).toEqual([1, 2, 6, 41, 4, 7, 21, 133]);
    expect(got.s).toEqual([0.4197, 1.0344317, 5.5356759, 41.0033667, 4.46605519, 6.67743292, 20.88868155, 132.81849454]);
    expect(got.d).toEqual([7.1434, 7.03653841, 6.64066485, 5.92312772, 6.44779861, 6.45995078, 6.10293922, 5.36588547]);
  });

  it('test3: Hard, Good, Easy, Again twice', () => {
    expect(run([2, 3, 4, 1, 2, 3, 4, 1]).ivl).toEqual([2, 7, 54, 5, 8, 26, 171, 8]);
  });
});

describe('createFsrs behaviour', () => {
  it('preview equals review grade by grade and carries the card id into card and log', () => {
    const s = createFsrs();
    let card = s.newCard(START, { id: 'card-1' });
    for (let i = 0; i < 6; i++) {
      const p = s.preview(card, card.due);
      for (const g of [1, 2, 3, 4] as Grade[]) expect(p[g]).toEqual(s.review(card, g, card.due));
      expect(p[3].card.id).toBe('card-1');
      expect(p[3].log.cardId).toBe('card-1');
      card = p[3].card;
    }
  });

  it('forget resets memory to new, keeps or resets counts, and can be rolled back', () => {
    const s = createFsrs();
    const reviewed = s.replay([
      { rating: 3, reviewedAt: START },
      { rating: 1, reviewedAt: START + 10 * DAY },
    ]);
    const kept = s.forget(reviewed, START + 11 * DAY);
    expect(kept.card).toMatchObject({ state: 'new', stability: 0, difficulty: 0, due: START + 11 * DAY, reps: 2, lapses: reviewed.lapses });
    expect(kept.log.rating).toBe(Rating.Manual);
    expect(s.forget(reviewed, START + 11 * DAY, { resetCounts: true }).card).toMatchObject({ reps: 0, lapses: 0 });
    expect(s.rollback(kept.card, kept.log)).toEqual(reviewed);
    // A forgotten card starts over with the initial memory state.
    expect(s.review(kept.card, 3, START + 11 * DAY).card.stability).toBe(DEFAULT_WEIGHTS[2]);
  });

  it('rollback refuses a log from another review', () => {
    const s = createFsrs();
    const a = s.review(s.newCard(START), 3, START);
    const b = s.review(a.card, 3, a.card.due);
    expectCode(() => s.rollback(b.card, a.log), 'RK_INVALID_REVIEW_LOG');
  });

  it('day rollover changes elapsed days: 23:00 and 05:00 next morning are the same learner day at a 06:00 rollover', () => {
    const s = createFsrs({ dayRollover: { utcOffsetMinutes: 0, hour: 6 } });
    const first = s.review(s.newCard(Date.UTC(2024, 0, 1, 23)), 4, Date.UTC(2024, 0, 1, 23)).card;
    const utc = createFsrs().review(first, 3, Date.UTC(2024, 0, 2, 5)).log.elapsedDays;
    expect(utc).toBe(1);
    expect(s.review(first, 3, Date.UTC(2024, 0, 2, 5)).log.elapsedDays).toBe(0);
  });
});

describe('fuzz', () => {
  it('is deterministic per card id and reps, whatever the review time within the day', () => {
    const s = createFsrs({ fuzz: true, learningSteps: [] });
    const base = s.newCard(START, { id: 'abc' });
    const a = s.review(base, 4, START).card;
    const b = s.review({ ...base }, 4, START + 3_600_000).card;
    expect(b.scheduledDays).toBe(a.scheduledDays);
  });

  it('stays in Anki fuzz range and never schedules before the elapsed days', () => {
    const plain = createFsrs({ learningSteps: [], relearningSteps: [] });
    const fuzzed = createFsrs({ fuzz: true, learningSteps: [], relearningSteps: [] });
    const rng = createPrng('fuzz-range');
    for (let i = 0; i < 500; i++) {
      let card: CardState = plain.newCard(START, { id: `c${i}` });
      let now = START;
      for (let k = 0; k < 6; k++) {
        const g = rng.int(2, 4) as Grade;
        const late = rng.int(0, 30) * DAY;
        now = Math.max(card.due, now) + late;
        const exact = plain.review(card, g, now).card.scheduledDays;
        const got = fuzzed.review(card, g, now);
        const elapsed = got.log.elapsedDays;
        if (exact >= 3) {
          expect(Math.abs(got.card.scheduledDays - exact)).toBeLessThanOrEqual(Math.max(2, Math.ceil(exact * 0.15) + 1));
          if (exact > elapsed) expect(got.card.scheduledDays).toBeGreaterThan(elapsed);
        }
        card = plain.review(card, g, now).card;
      }
    }
  });
});

describe('bad input', () => {
  const s = createFsrs();
  const card = s.newCard(START);
  const reviewed = s.review(card, 3, START + 1000).card;

  it('rejects ratings outside 1..4 with RK_INVALID_RATING', () => {
    for (const r of [0, 5, 1.5, Number.NaN, '3', null, undefined]) expectCode(() => s.review(card, r as Grade, START), 'RK_INVALID_RATING');
  });

  it('rejects NaN, infinite and invalid times, and reviews before the last one, with RK_INVALID_TIME', () => {
    for (const t of [Number.NaN, Number.POSITIVE_INFINITY, new Date('x'), '2024-01-01', null]) {
      expectCode(() => s.review(card, 3, t as number), 'RK_INVALID_TIME');
      expectCode(() => s.retrievability(reviewed, t as number), 'RK_INVALID_TIME');
      expectCode(() => s.newCard(t as number), 'RK_INVALID_TIME');
    }
    expectCode(() => s.review(reviewed, 3, START), 'RK_INVALID_TIME');
  });

  it('rejects bad weights with RK_INVALID_PARAMETERS', () => {
    expectCode(() => createFsrs({ weights: [1, 2, 3] }), 'RK_INVALID_PARAMETERS');
    expectCode(() => createFsrs({ weights: DEFAULT_WEIGHTS.map((x, i) => (i === 4 ? 11 : x)) }), 'RK_INVALID_PARAMETERS');
    expectCode(() => createFsrs({ weights: DEFAULT_WEIGHTS.map((x, i) => (i === 0 ? Number.NaN : x)) }), 'RK_INVALID_PARAMETERS');
    expectCode(() => createFsrs({ weights: DEFAULT_WEIGHTS.map((x, i) => (i === 20 ? 0.05 : x)) }), 'RK_INVALID_PARAMETERS');
    expectCode(() => createFsrs({ weights: 'abc' as unknown as number[] }), 'RK_INVALID_PARAMETERS');
  });

  it('rejects zero, negative, above-one and NaN retention with RK_INVALID_PARAMETERS', () => {
    for (const retention of [0, -0.5, 1.01, Number.NaN]) expectCode(() => createFsrs({ retention }), 'RK_INVALID_PARAMETERS');
  });

  it('rejects malformed options with RK_INVALID_OPTIONS', () => {
    expectCode(() => createFsrs({ learningSteps: ['10x' as '10m'] }), 'RK_INVALID_OPTIONS');
    expectCode(() => createFsrs({ relearningSteps: 'x' as unknown as [] }), 'RK_INVALID_OPTIONS');
    expectCode(() => createFsrs({ maximumInterval: 0 }), 'RK_INVALID_OPTIONS');
    // Beyond 36500 days a due date can leave the range of a Date (1e15 would give due = 6e23 ms).
    expectCode(() => createFsrs({ maximumInterval: 36501 }), 'RK_INVALID_OPTIONS');
    expectCode(() => createFsrs({ maximumInterval: 1e15 }), 'RK_INVALID_OPTIONS');
    expectCode(() => createFsrs({ dayRollover: { utcOffsetMinutes: 0, hour: 24 } }), 'RK_INVALID_OPTIONS');
    expectCode(() => createFsrs({ fuzz: { seed: 'x' as 'card' } }), 'RK_INVALID_OPTIONS');
    expectCode(() => createFsrs({ loadBalance: {} as never }), 'RK_INVALID_OPTIONS');
  });

  it('rejects bad histories in replay without a TypeError', () => {
    expectCode(() => s.replay(null as never), 'RK_INVALID_INPUT');
    expectCode(() => s.replay([]), 'RK_INVALID_INPUT');
    expectCode(() => s.replay([null as never]), 'RK_INVALID_TIME');
    expectCode(() => s.replay([{ rating: 5 as 3, reviewedAt: START }]), 'RK_INVALID_RATING');
    expectCode(() => s.replay([{ rating: 3, reviewedAt: START + DAY }, { rating: 3, reviewedAt: START }]), 'RK_INVALID_TIME');
  });

  it('rejects corrupt card state with RK_INVALID_CARD_STATE', () => {
    const corrupt: unknown[] = [
      null,
      {},
      { ...reviewed, version: 2 },
      { ...reviewed, due: Number.NaN },
      { ...reviewed, state: 'done' },
      { ...reviewed, stability: -1 },
      { ...reviewed, difficulty: 0.5 },
      { ...reviewed, reps: 1.5 },
      { ...reviewed, lastReview: null },
    ];
    for (const c of corrupt) expectCode(() => s.review(c as CardState, 3, START + DAY), 'RK_INVALID_CARD_STATE');
  });

  it('never mutates frozen inputs', () => {
    const options = deepFreeze({ weights: [...DEFAULT_WEIGHTS], learningSteps: ['1m', '10m'] as const, fuzz: { seed: 'card' as const } });
    const f = createFsrs(options as never);
    let c = deepFreeze(f.newCard(START, { id: 'frozen' }));
    for (let i = 0; i < 10; i++) {
      const snapshot = JSON.stringify(c);
      const p = f.preview(c, c.due);
      f.retrievability(c, c.due + DAY);
      const next = deepFreeze(f.review(c, ((i % 4) + 1) as Grade, c.due));
      f.rollback(next.card, next.log);
      f.forget(c, c.due);
      expect(JSON.stringify(c)).toBe(snapshot);
      expect(p[1].card).not.toBe(c);
      c = next.card;
    }
  });
});

describe('properties (seeded)', () => {
  const rng = createPrng('fsrs-properties');
  const configs = [createFsrs(), createFsrs({ shortTerm: false }), createFsrs({ fuzz: true, retention: 0.8 }), createFsrs({ learningSteps: [], relearningSteps: [] })];

  it('rollback(review(s)) equals s, retrievability never rises with time, nothing is NaN', () => {
    const problems: string[] = [];
    for (let h = 0; h < 400; h++) {
      const s = configs[h % configs.length] as ReturnType<typeof createFsrs>;
      let card = s.newCard(START + rng.int(0, 1000) * DAY, { id: `p${h}` });
      let now = card.due;
      for (let i = 0; i < 10; i++) {
        now = Math.max(now, card.lastReview ?? now) + rng.int(0, 3) * rng.int(0, 20) * DAY + rng.int(0, 3_600_000);
        const result = s.review(card, rng.int(1, 4) as Grade, now);
        if (JSON.stringify(s.rollback(result.card, result.log)) !== JSON.stringify(card)) problems.push(`rollback h=${h} i=${i}`);
        for (const v of Object.values(result.card)) if (typeof v === 'number' && !Number.isFinite(v)) problems.push(`NaN h=${h} i=${i}`);
        let last = 1;
        for (let d = 0; d < 400; d += 13) {
          const r = s.retrievability(result.card, now + d * DAY);
          if (!(r >= 0 && r <= last)) problems.push(`retrievability h=${h} i=${i} d=${d}: ${r} after ${last}`);
          last = r;
        }
        card = result.card;
      }
    }
    expect(problems.slice(0, 5)).toEqual([]);
  });
});

describe('ts-fsrs interop sanity', () => {
  it('the default scheduler equals ts-fsrs defaults on a Good-Good-Again history', () => {
    const ours = createFsrs();
    const theirs = fsrs();
    let a = ours.newCard(START);
    let b = createEmptyCard(new Date(START));
    for (const g of [3, 3, 1, 3] as Grade[]) {
      const now = a.due;
      a = ours.review(a, g, now).card;
      b = theirs.next(b, now, g).card;
      expect([a.due, a.stability, a.difficulty]).toEqual([b.due.getTime(), b.stability, b.difficulty]);
    }
  });
});
