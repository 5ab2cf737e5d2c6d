import { describe, expect, it } from 'vitest';
import { createLeitner } from './leitner';
import type { Grade } from './types';

const START = Date.UTC(2024, 0, 1, 9);
const DAY = 86_400_000;

describe('Leitner boxes', () => {
  it('Good moves up one box per review (1, 2, 4, 8, 16 days) and stays in the last box', () => {
    const s = createLeitner();
    let card = s.newCard(START);
    const days: number[] = [];
    for (let i = 0; i < 6; i++) {
      card = s.review(card, 3, card.due).card;
      days.push((card.due - (card.lastReview as number)) / DAY);
    }
    expect(days).toEqual([1, 2, 4, 8, 16, 16]);
  });

  it('Again sends the card to the first box, Hard keeps the box, Easy skips one', () => {
    const s = createLeitner({ boxes: [1, 3, 7, 14, 30] });
    const up = s.review(s.review(s.newCard(START), 3, START).card, 3, START + DAY).card;
    expect(up.step).toBe(1);
    expect(s.review(up, 2, up.due).card.step).toBe(1);
    expect(s.review(up, 4, up.due).card.step).toBe(3);
    expect(s.review(up, 1, up.due).card).toMatchObject({ step: 0, scheduledDays: 1, state: 'relearning', lapses: 1 });
  });

  it('rejects bad boxes', () => {
    expect(() => createLeitner({ boxes: 0 })).toThrow(/RK_INVALID_OPTIONS/);
    expect(() => createLeitner({ boxes: [3, 1] })).toThrow(/RK_INVALID_OPTIONS/);
  });

  it('rollback(review(s)) equals s for every grade', () => {
    const s = createLeitner();
    const card = s.review(s.newCard(START), 3, START).card;
    for (const g of [1, 2, 3, 4] as Grade[]) {
      const r = s.review(card, g, card.due);
      expect(s.rollback(r.card, r.log)).toEqual(card);
    }
  });
});

describe('day rollover option', () => {
  it('is checked by SM-2, Anki SM-2 and Leitner as by FSRS (a bad one would make every day number NaN)', async () => {
    const { createSm2 } = await import('./sm2');
    const { createAnkiSm2 } = await import('./anki-sm2');
    const { createFsrs } = await import('./fsrs/index');
    const bad = [{ hour: 4 }, { hour: 24, utcOffsetMinutes: 0 }, { hour: 4, utcOffsetMinutes: 1.5 }, null] as never[];
    for (const dayRollover of bad) {
      for (const create of [() => createLeitner({ dayRollover }), () => createSm2({ dayRollover }), () => createAnkiSm2({ dayRollover }), () => createFsrs({ dayRollover })]) {
        let code: string | undefined;
        try {
          create();
        } catch (e) {
          code = (e as { code?: string }).code;
        }
        expect(code, JSON.stringify(dayRollover)).toBe('RK_INVALID_OPTIONS');
      }
    }
    expect(() => createLeitner({ dayRollover: { hour: 4, utcOffsetMinutes: -300 } })).not.toThrow();
  });
});
