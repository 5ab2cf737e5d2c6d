import { describe, expect, it } from 'vitest';
import { createPrng } from '../core/prng';
import { createAnkiSm2 } from './anki-sm2';
import { createFsrs } from './fsrs/index';
import { createLeitner } from './leitner';
import { createSm2 } from './sm2';
import type { CardState, Grade, Scheduler } from './types';

const DAY = 86_400_000;
const START = Date.UTC(2024, 6, 1, 7);

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

const schedulers: Scheduler[] = [createFsrs(), createFsrs({ shortTerm: false, fuzz: true }), createSm2(), createAnkiSm2(), createLeitner()];

describe('factories', () => {
  it('reject null options with RK_INVALID_OPTIONS, never a TypeError', () => {
    for (const create of [createFsrs, createSm2, createAnkiSm2, createLeitner]) expect(() => create(null as never)).toThrow(/RK_INVALID_OPTIONS/);
  });
});

describe.each(schedulers.map((s) => [s.name, s] as const))('%s: properties on seeded random histories', (_name, s) => {
  it('rollback(review(s)) equals s, frozen inputs stay unchanged, no NaN, retrievability never rises with time', () => {
    const rng = createPrng(`props-${s.name}`);
    const problems: string[] = [];
    for (let h = 0; h < 150; h++) {
      let card: CardState = deepFreeze(s.newCard(START, { id: `h${h}` }));
      let now = START;
      for (let i = 0; i < 12; i++) {
        now = Math.max(now, card.lastReview ?? now) + rng.int(0, 2) * rng.int(0, 15) * DAY + rng.int(0, 7_200_000);
        const before = JSON.stringify(card);
        const g = rng.int(1, 4) as Grade;
        const result = deepFreeze(s.review(card, g, now));
        if (JSON.stringify(card) !== before) problems.push(`mutated h=${h} i=${i}`);
        if (JSON.stringify(s.rollback(result.card, result.log)) !== before) problems.push(`rollback h=${h} i=${i}`);
        if (JSON.stringify(s.preview(card, now)[g]) !== JSON.stringify(result)) problems.push(`preview h=${h} i=${i}`);
        for (const [k, v] of Object.entries(result.card)) if (typeof v === 'number' && !Number.isFinite(v)) problems.push(`${k} not finite h=${h} i=${i}`);
        if (result.card.due < now) problems.push(`due before now h=${h} i=${i}`);
        let last = 1;
        for (let d = 0; d < 200; d += 17) {
          const r = s.retrievability(result.card, now + d * DAY);
          if (!(r >= 0 && r <= last)) problems.push(`retrievability h=${h} i=${i} d=${d}`);
          last = r;
        }
        card = result.card;
      }
    }
    expect(problems.slice(0, 5)).toEqual([]);
  });

  it('rejects bad ratings, times, cards and logs with stable codes', () => {
    const card = s.newCard(START);
    expect(() => s.review(card, 7 as Grade, START)).toThrow(/RK_INVALID_RATING/);
    expect(() => s.review(card, 3, Number.NaN)).toThrow(/RK_INVALID_TIME/);
    expect(() => s.review({ ...card, reps: -1 }, 3, START)).toThrow(/RK_INVALID_CARD_STATE/);
    const reviewed = s.review(card, 3, START + DAY).card;
    expect(() => s.review(reviewed, 3, START)).toThrow(/RK_INVALID_TIME/);
    expect(() => s.rollback(reviewed, null as never)).toThrow(/RK_INVALID_REVIEW_LOG/);
    expect(() => s.review(null as never, 3, START)).toThrow(/RK_INVALID_CARD_STATE/);
  });
});
