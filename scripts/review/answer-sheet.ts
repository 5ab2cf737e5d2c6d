/**
 * Writes a bank's items WITHOUT their keys, explanations or evidence, for an independent
 * reader to answer from the source alone (the content check of docs/authoring.md step 7).
 *
 *   tsx scripts/review/answer-sheet.ts mosul-foreign-fighters > /tmp/sheet.md
 *
 * The reader answers in JSON: { "<item id>": <response> } with the Response shapes of
 * recallkit/schema; scripts/review/check-answers.ts grades them against the keys.
 */
import { createPrng, shuffle } from '../../src/core/prng';
import type { Bank, Question } from '../../src/schema/index';

const id = process.argv[2] ?? 'mosul-foreign-fighters';
const { bank } = (await import(`../../src/banks/${id}.ts`)) as { bank: Bank };
const rng = createPrng(`answer-sheet:${id}`);

function render(q: Question): string {
  const head = `### ${q.id} (${q.type})\n${q.prompt}\n`;
  switch (q.type) {
    case 'single-choice':
    case 'multiple-choice':
      return `${head}${q.options.map((o) => `- [${o.id}] ${o.text}`).join('\n')}\nAnswer as ${q.type === 'single-choice' ? '{"type":"single-choice","optionId":"<id>"}' : '{"type":"multiple-choice","optionIds":["<id>",...]}'}`;
    case 'true-false':
      return `${head}Answer as {"type":"true-false","value":true|false}`;
    case 'numeric':
      return `${head}${q.unit ? `(unit: ${q.unit})\n` : ''}Answer as {"type":"numeric","value":<number>}`;
    case 'short-answer':
      return `${head}Answer as {"type":"short-answer","text":"<answer>"}`;
    case 'cloze': {
      const gaps = q.gaps.map((g) => (g.type === 'single-choice' ? `- ${g.id}: choose one of ${g.options.map((o) => `[${o.id}] ${o.text}`).join(' | ')}` : `- ${g.id}: ${g.type === 'numeric' ? 'a number' : 'a word or phrase'}`));
      return `${head}Text: ${q.text}\n${gaps.join('\n')}\nAnswer as {"type":"cloze","gaps":{"<gap id>":"<text, number, or option id>",...}}`;
    }
    case 'matching': {
      const rights = shuffle([...q.pairs.map((p) => p.right), ...(q.distractors ?? [])], rng);
      return `${head}Left:\n${q.pairs.map((p) => `- [${p.id}] ${p.left}`).join('\n')}\nRight (some may be unused):\n${rights.map((r) => `- ${r}`).join('\n')}\nAnswer as {"type":"matching","matches":{"<left id>":"<right text, exactly>",...}}`;
    }
    case 'ordering':
      return `${head}${shuffle(q.items, rng).map((i) => `- [${i.id}] ${i.text}`).join('\n')}\nAnswer as {"type":"ordering","order":["<id>",...]}`;
    case 'flashcard':
      return `${head}Answer as {"type":"flashcard","text":"<the back of the card, briefly>"}`;
    case 'essay':
      return `${head}Criteria: ${q.rubric.map((r) => r.criterion).join('; ')}\nDo not write the essay. Answer as {"type":"essay","text":"<one line: is the question answerable from the source alone? yes/no and why>"}`;
  }
}

console.log(`# ${bank.title}: ${bank.questions.length} items to answer from the source alone\n`);
console.log(bank.questions.map(render).join('\n\n'));
