/**
 * Grades an independent reader's answers against a bank's keys with the scoring engine and
 * lists every disagreement (fraction < 1) with the item's key and evidence, to resolve in
 * the source's favour.
 *
 *   tsx scripts/review/check-answers.ts mosul-foreign-fighters answers.json
 */
import { readFileSync } from 'node:fs';
import type { Bank } from '../../src/schema/index';
import { parseResponse } from '../../src/schema/parse';
import { correctResponse, grade } from '../../src/scoring/index';

const [id = 'mosul-foreign-fighters', file = '/tmp/answers.json'] = process.argv.slice(2);
const { bank } = (await import(`../../src/banks/${id}.ts`)) as { bank: Bank };
const answers = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;

let agree = 0;
let differ = 0;
let missing = 0;
for (const q of bank.questions) {
  const raw = answers[q.id];
  if (raw === undefined) {
    missing++;
    console.log(`MISSING ${q.id} (${q.type}) ${q.prompt}`);
    continue;
  }
  if (q.type === 'essay' || q.type === 'flashcard') {
    // Not auto-gradable against a key: print side by side for a person to compare.
    const back = q.type === 'flashcard' ? q.back : '(essay)';
    console.log(`COMPARE ${q.id} (${q.type}) ${q.prompt}\n   reader: ${JSON.stringify((raw as { text?: string }).text)}\n   key:    ${JSON.stringify(back)}`);
    continue;
  }
  let fraction = 0;
  try {
    fraction = grade(q, parseResponse(raw)).fraction;
  } catch (e) {
    console.log(`BAD ${q.id}: ${(e as Error).message}`);
  }
  if (fraction >= 1) agree++;
  else {
    differ++;
    console.log(`DIFFER ${q.id} (${q.type}) fraction=${fraction.toFixed(2)}\n   prompt: ${q.prompt}\n   reader: ${JSON.stringify(raw)}\n   key:    ${JSON.stringify(correctResponse(q))}\n   evidence: ${q.evidence.map((e) => e.quote).join(' | ')}`);
  }
}
console.log(`\n${agree} agree, ${differ} differ, ${missing} missing (auto-graded items); flashcards and essays listed for comparison.`);
