import { createEmptyCard, fsrs } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { RecallKitError } from '../core/errors';
import { createFsrs } from '../scheduler/fsrs/index';
import type { CardState } from '../scheduler/types';
import { migrateCardState, parseCardState, parseReviewLog, safeParseCardState } from './card-state';

const START = Date.UTC(2024, 2, 1, 10);

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof RecallKitError ? e.code : 'not a RecallKitError';
  }
  return undefined;
}

describe('parseCardState', () => {
  const s = createFsrs();
  const card = s.review(s.newCard(START, { id: 'q-1' }), 3, START).card;

  it('accepts what the scheduler produces, after a JSON round trip', () => {
    expect(parseCardState(JSON.parse(JSON.stringify(card)))).toEqual(card);
    const { log } = s.review(card, 1, card.due);
    expect(parseReviewLog(JSON.parse(JSON.stringify(log)))).toEqual(log);
  });

  it('rejects corrupt state with RK_INVALID_CARD_STATE and names the field', () => {
    const cases: [unknown, string][] = [
      [{ ...card, due: 'tomorrow' }, 'due'],
      [{ ...card, state: 'done' }, 'state'],
      [{ ...card, reps: -1 }, 'reps'],
      [{ ...card, lastReview: null }, 'lastReview'],
      [{ ...card, extra: 1 }, 'extra'],
      [{ ...card, version: 2 }, 'version'],
    ];
    for (const [input, path] of cases) {
      const r = safeParseCardState(input);
      expect(r.success).toBe(false);
      if (!r.success) {
        expect(r.error.code).toBe('RK_INVALID_CARD_STATE');
        expect(r.error.issues.map((i) => i.path)).toContain(path);
      }
    }
    expect(codeOf(() => parseCardState(null))).toBe('RK_INVALID_CARD_STATE');
    expect(codeOf(() => parseCardState(JSON.parse('{"__proto__": {"x": 1}}')))).toBe('RK_INVALID_CARD_STATE');
    expect(codeOf(() => parseReviewLog({ version: 1, rating: 7 }))).toBe('RK_INVALID_REVIEW_LOG');
  });
});

describe('migrateCardState', () => {
  it('upgrades a ts-fsrs 5.4 card (Date timestamps, numeric state) to the same schedule', () => {
    const f = fsrs();
    const ours = createFsrs();
    let theirs = createEmptyCard(new Date(START));
    for (const g of [3, 3, 1] as const) theirs = f.next(theirs, theirs.due, g).card;
    const migrated = migrateCardState(theirs);
    expect(migrated).toEqual({
      version: 1,
      due: theirs.due.getTime(),
      stability: theirs.stability,
      difficulty: theirs.difficulty,
      state: 'relearning',
      step: theirs.learning_steps,
      reps: 3,
      lapses: 1,
      scheduledDays: theirs.scheduled_days,
      lastReview: theirs.last_review?.getTime(),
    });
    // Reviewing the migrated card gives what ts-fsrs gives for its own card.
    const next = f.next(theirs, theirs.due, 3).card;
    expect(ours.review(migrated, 3, migrated.due).card.due).toBe(next.due.getTime());
  });

  it('upgrades a JSON-serialised ts-fsrs card (ISO strings, state names) and keeps a cid', () => {
    const stored = JSON.parse(
      JSON.stringify({ cid: 'c7', due: new Date(START), stability: 3.2, difficulty: 5.1, elapsed_days: 2, scheduled_days: 3, reps: 2, lapses: 0, learning_steps: 0, state: 'Review', last_review: new Date(START - 3 * 86_400_000) }),
    );
    expect(migrateCardState(stored)).toEqual({
      version: 1,
      id: 'c7',
      due: START,
      stability: 3.2,
      difficulty: 5.1,
      state: 'review',
      step: 0,
      reps: 2,
      lapses: 0,
      scheduledDays: 3,
      lastReview: START - 3 * 86_400_000,
    } satisfies CardState);
  });

  it('reads string timestamps only as epoch ms or ISO 8601 with a zone, never in local time or as legacy dates', () => {
    const card = (due: string) => ({ due, stability: 0, difficulty: 0, state: 'new', step: 0, reps: 0, lapses: 0, scheduledDays: 0, lastReview: null });
    expect(migrateCardState(card('1704067200000')).due).toBe(1_704_067_200_000);
    expect(migrateCardState(card('2024-01-01T00:00:00Z')).due).toBe(1_704_067_200_000);
    expect(migrateCardState(card('2024-01-01T01:00:00+01:00')).due).toBe(1_704_067_200_000);
    expect(migrateCardState(card('2024-01-01')).due).toBe(1_704_067_200_000);
    // V8 reads "5" as May 2001 and a zone-less time in the machine's timezone: both are refused.
    for (const bad of ['5', '12.5', '2024-01-01 00:00:00', '2024-01-01T00:00:00', 'yesterday']) {
      const e = (() => {
        try {
          migrateCardState(card(bad));
        } catch (err) {
          return err as RecallKitError;
        }
      })();
      if (bad === '5') {
        // A bare integer string is epoch ms (5 ms after 1970), not a date.
        expect(e).toBeUndefined();
        continue;
      }
      expect(e?.code, bad).toBe('RK_INVALID_CARD_STATE');
    }
  });

  it('upgrades an unversioned camelCase card and passes version-1 cards through', () => {
    const old = { due: new Date(START), stability: 0, difficulty: 0, state: 'new', step: 0, reps: 0, lapses: 0, scheduledDays: 0, lastReview: null };
    const v1 = migrateCardState(old);
    expect(v1).toEqual({ ...old, due: START, version: 1 });
    expect(migrateCardState(v1)).toEqual(v1);
  });

  it('rejects what it cannot migrate with RK_INVALID_CARD_STATE', () => {
    for (const bad of [null, 42, [], { state: 9 }, { due: 'not a date', state: 0 }, { due: START, state: 2, stability: 1 }]) {
      expect(codeOf(() => migrateCardState(bad))).toBe('RK_INVALID_CARD_STATE');
    }
  });
});
