import { describe, expect, it } from 'vitest';
import { createFsrs } from '../scheduler';
import { bank } from '../../test/fixtures/session/bank';
import { createSession } from './session';
import type { Progress, Store } from './types';

// The SQLite store from docs/session.md, run on sql.js (SQLite compiled to wasm) so the
// SQL in the guide is tested: one row per learner and bank, written with one upsert.
const SCHEMA = `CREATE TABLE IF NOT EXISTS recallkit_progress (
  learner TEXT NOT NULL,
  bank    TEXT NOT NULL,
  data    TEXT NOT NULL,
  PRIMARY KEY (learner, bank)
)`;
const SELECT = 'SELECT data FROM recallkit_progress WHERE learner = ? AND bank = ?';
const UPSERT = `INSERT INTO recallkit_progress (learner, bank, data) VALUES (?, ?, ?)
  ON CONFLICT (learner, bank) DO UPDATE SET data = excluded.data`;

// sql.js ships no types; this is the part of its API the test uses.
interface SqlDatabase {
  run(sql: string, params?: unknown[]): void;
  exec(sql: string, params?: unknown[]): { values: unknown[][] }[];
  close(): void;
}
const { default: initSqlJs } = (await import('sql.js' as string)) as { default: () => Promise<{ Database: new () => SqlDatabase }> };

describe('a SQL-backed store (docs/session.md)', () => {
  it('keeps each learner apart and resumes a session', async () => {
    const SQL = await initSqlJs();
    const db = new SQL.Database();
    db.run(SCHEMA);
    const sqlStore = (learner: string, bankId: string): Store => ({
      load: async () => {
        const rows = db.exec(SELECT, [learner, bankId]);
        const text = rows[0]?.values[0]?.[0];
        return typeof text === 'string' ? JSON.parse(text) : undefined;
      },
      save: async (progress: Progress) => {
        db.run(UPSERT, [learner, bankId, JSON.stringify(progress)]);
      },
    });
    const now = () => Date.UTC(2026, 0, 5);
    const ada = await createSession({ bank, scheduler: createFsrs(), store: sqlStore('ada', bank.id), now });
    await ada.rate('fc-1', 3);
    await ada.answer('tf-1', { type: 'true-false', value: true });
    const bob = await createSession({ bank, scheduler: createFsrs(), store: sqlStore('bob', bank.id), now });
    expect(bob.progress().logs).toHaveLength(0);
    const adaAgain = await createSession({ bank, scheduler: createFsrs(), store: sqlStore('ada', bank.id), now });
    expect(adaAgain.progress().logs.map((l) => l.cardId)).toEqual(['fc-1', 'tf-1']);
    expect(db.exec('SELECT count(*) FROM recallkit_progress')[0]?.values[0]?.[0]).toBe(1);
    db.close();
  });
});
