import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileBank, readSource, renderBankModule } from '../scripts/bank-pipeline';
import { bank } from '../src/banks/mosul-foreign-fighters';
import { parseBank } from '../src/schema/parse';
import { QUESTION_TYPES } from '../src/schema/question';
import { correctResponse, grade } from '../src/scoring/index';

const dir = join(__dirname, '../questions/mosul-foreign-fighters');
const quiz = bank.questions.filter((q) => q.type !== 'flashcard');
const cards = bank.questions.filter((q) => q.type === 'flashcard');

describe('the shipped Mosul bank', () => {
  it('is exactly what a fresh build of questions/ produces (no stale generated module)', () => {
    const fresh = compileBank(dir);
    expect(fresh.errors).toEqual([]);
    expect(readFileSync(join(__dirname, '../src/banks/mosul-foreign-fighters.ts'), 'utf8')).toBe(renderBankModule(fresh.bank!));
  });

  it('validates against the public schema and is deeply frozen', () => {
    expect(parseBank(JSON.parse(JSON.stringify(bank)))).toEqual(bank);
    expect(Object.isFrozen(bank.questions[0])).toBe(true);
    expect(() => {
      (bank.questions as unknown[]).push({});
    }).toThrow(TypeError);
  });

  it('has 80+ quiz items using every type, and 40+ flashcards', () => {
    expect(quiz.length).toBeGreaterThanOrEqual(80);
    expect(cards.length).toBeGreaterThanOrEqual(40);
    expect(new Set(bank.questions.map((q) => q.type))).toEqual(new Set(QUESTION_TYPES));
  });

  it('puts at least 25% of quiz items above "remember"', () => {
    const above = quiz.filter((q) => q.bloom !== 'remember').length;
    expect(above / quiz.length).toBeGreaterThanOrEqual(0.25);
  });

  it('cites evidence whose offsets point at the quoted text of the cleaned source', () => {
    const source = readSource(readFileSync(join(dir, 'source.md'), 'utf8')).text;
    for (const q of bank.questions) {
      for (const e of q.evidence) expect(source.slice(e.start, e.end), q.id).toBe(e.quote);
    }
  });

  it('gives full marks to the correct response of every auto-graded item', () => {
    for (const q of bank.questions) {
      if (q.type === 'essay') continue;
      const outcome = grade(q, correctResponse(q));
      expect(outcome.fraction, `${q.id} (${q.type})`).toBe(1);
    }
  });

  it('accepts the short-answer variants a learner would type for the EU commissioner', () => {
    const king = quiz.find((q) => q.type === 'short-answer' && q.answers.some((a) => /julian king/i.test(a.text)));
    expect(king).toBeDefined();
    for (const text of ['Julian King', 'king', '  JULIAN   KING ']) {
      expect(grade(king!, { type: 'short-answer', text }).fraction, text).toBe(1);
    }
    expect(grade(king!, { type: 'short-answer', text: 'James Comey' }).fraction).toBe(0);
  });
});

describe('docs/banks/mosul-foreign-fighters.md', () => {
  const doc = readFileSync(join(__dirname, '../docs/banks/mosul-foreign-fighters.md'), 'utf8');

  it('has a coverage table in step with the fact tags, every fact covered by a quiz item and a flashcard', () => {
    const out = execFileSync('npx', ['tsx', 'scripts/review/coverage.ts', 'mosul-foreign-fighters', '--check'], { cwd: join(__dirname, '..'), encoding: 'utf8' });
    expect(out).toMatch(/each covered by quiz items and flashcards/);
  });

  it('states the counts by type, Bloom level and difficulty that the bank really has', () => {
    const count = (pick: (q: (typeof quiz)[number]) => string) => {
      const m = new Map<string, number>();
      for (const q of quiz) m.set(pick(q), (m.get(pick(q)) ?? 0) + 1);
      return m;
    };
    for (const [label, n] of [...count((q) => q.type), ...count((q) => q.bloom), ...count((q) => q.difficulty)]) {
      expect(doc, label).toContain(`| ${label} | ${n} |`);
    }
    expect(doc).toContain(`${cards.length} flashcards`);
  });
});
