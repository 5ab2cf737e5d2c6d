import { createHash } from 'node:crypto';
import { readAnkiPackage } from 'anki-reader';
import { describe, expect, it } from 'vitest';
import { exportApkg } from '../../src/formats/apkg';
import { questionToCard } from '../../src/formats/cards';
import { escapeHtml } from '../../src/formats/text';
import { fixtureBank } from '../fixtures/formats/bank';
import { banks } from './helpers';

const html = (s: string) => escapeHtml(s).replace(/\n/g, '<br>');

describe('Anki .apkg, read back by anki-reader 0.3', async () => {
  const list = await banks();

  for (const bank of list) {
    it(`holds one card per item of ${bank.id}, with the right front and back`, async () => {
      const bytes = await exportApkg(bank);
      const { collection } = await readAnkiPackage(new Blob([Buffer.from(bytes)]));
      expect(collection.getVersion()).toBe(11);
      const decks = Object.values(collection.getDecks());
      const deck = decks.find((d) => d.getName() === bank.title.replace(/\s+/g, ' ').trim());
      expect(deck, decks.map((d) => d.getName()).join(', ')).toBeDefined();
      const cards = Object.values(deck?.getCards() ?? {});
      expect(cards).toHaveLength(bank.questions.length);
      const byFront = new Map(cards.map((c) => [c.getFront(), c]));
      for (const q of bank.questions) {
        const want = questionToCard(q);
        const card = byFront.get(html(want.front));
        expect(card, q.id).toBeDefined();
        expect(card?.getBack()).toBe(html(want.back));
      }
      // Anki's duplicate checksum: the first 8 hex digits of the SHA-1 of the sort field (checked with node:crypto).
      const db = collection.getRawCollection() as { exec(sql: string): { values: unknown[][] }[] };
      const notes = db.exec('SELECT sfld, csum, guid FROM notes')[0]?.values ?? [];
      expect(notes).toHaveLength(bank.questions.length);
      for (const [sfld, csum] of notes) expect(csum).toBe(Number.parseInt(createHash('sha1').update(String(sfld)).digest('hex').slice(0, 8), 16));
      expect(notes.map((n) => n[2])).toEqual(bank.questions.map((q) => `${bank.id}:${q.id}`));
      const models = collection.getModels() as unknown as Record<string, { modelJson: { name: string; flds: { name: string }[] } }>;
      expect(Object.values(models).map((m) => [m.modelJson.name, m.modelJson.flds.map((f) => f.name)])).toEqual([['RecallKit Basic', ['Front', 'Back']]]);
    });
  }

  it('escapes hostile text and gives the same bytes for the same input', async () => {
    const a = await exportApkg(fixtureBank);
    const b = await exportApkg(fixtureBank);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const { collection } = await readAnkiPackage(new Blob([Buffer.from(a)]));
    const fronts = Object.values(collection.getDecks()).flatMap((d) => Object.values(d.getCards()).map((c) => c.getRawFields()));
    expect(fronts.join('\n')).not.toMatch(/<script|<b>/);
    expect(fronts.join('\n')).toContain('&lt;script&gt;window.__pwned=1&lt;/script&gt;');
    await expect(exportApkg(fixtureBank, { now: -5 })).rejects.toThrow(/RK_INVALID_OPTIONS/);
  });
});
