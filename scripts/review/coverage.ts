/**
 * Rewrites the coverage table of docs/banks/<id>.md from the `fact-fNN` tags of the items:
 * each fact row gets the ids of the quiz items and flashcards that test it, so the table
 * cannot drift from the bank. Fails if a fact has no quiz item or no flashcard.
 *
 *   tsx scripts/review/coverage.ts mosul-foreign-fighters [--check]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Bank } from '../../src/schema/index';

const id = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 'mosul-foreign-fighters';
const check = process.argv.includes('--check');
const { bank } = (await import(`../../src/banks/${id}.ts`)) as { bank: Bank };
const path = `docs/banks/${id}.md`;
const doc = readFileSync(path, 'utf8');

const byFact = new Map<string, { quiz: string[]; cards: string[] }>();
for (const q of bank.questions) {
  for (const tag of q.tags) {
    const m = /^fact-f(\d+)$/.exec(tag);
    if (!m) continue;
    const key = `F${m[1]}`;
    const entry = byFact.get(key) ?? { quiz: [], cards: [] };
    (q.type === 'flashcard' ? entry.cards : entry.quiz).push(`\`${q.id}\``);
    byFact.set(key, entry);
  }
}

const gaps: string[] = [];
const out = doc.replace(/^\| (F\d+) \| ([^|]*) \| ([^|]*) \| [^|]* \| [^|]* \|$/gm, (_, fact: string, kind: string, statement: string) => {
  const entry = byFact.get(fact) ?? { quiz: [], cards: [] };
  if (entry.quiz.length === 0 || entry.cards.length === 0) gaps.push(fact);
  return `| ${fact} | ${kind} | ${statement} | ${entry.quiz.join(', ') || '**none**'} | ${entry.cards.join(', ') || '**none**'} |`;
});
const final = out;
if (gaps.length > 0) {
  console.error(`facts without a quiz item or a flashcard: ${gaps.join(', ')}`);
  process.exit(1);
}
if (check) {
  if (final !== doc) {
    console.error(`${path} is stale: run npx tsx scripts/review/coverage.ts ${id}`);
    process.exit(1);
  }
} else writeFileSync(path, final);
console.log(`✔ ${path}: ${byFact.size} facts, each covered by quiz items and flashcards`);
