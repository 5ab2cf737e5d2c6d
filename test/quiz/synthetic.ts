import type { Bank } from '../../src/schema/bank';
import type { Question } from '../../src/schema/question';
import { parseBank } from '../../src/schema/parse';

/** A larger synthetic bank: 3 topics x 3 difficulties x 4 items of single-choice, plus some true-false. */
export function syntheticBank(): Bank {
  const questions: Question[] = [];
  const topics = ['people', 'places', 'figures'];
  const diffs = ['easy', 'medium', 'hard'] as const;
  for (const topic of topics) {
    for (const difficulty of diffs) {
      for (let i = 0; i < 4; i++) {
        const id = `${topic}-${difficulty}-${i}`;
        questions.push({
          id,
          type: 'single-choice',
          prompt: `Question ${id}?`,
          options: [
            { id: 'a', text: `right ${id}`, correct: true, feedback: `fb-right-${id}` },
            { id: 'b', text: `wrong b ${id}`, correct: false, feedback: `fb-b-${id}` },
            { id: 'c', text: `wrong c ${id}`, correct: false },
            { id: 'd', text: `wrong d ${id}`, correct: false },
          ],
          explanation: 'x',
          evidence: [{ quote: 'q', start: 0, end: 1 }],
          topic,
          tags: i % 2 === 0 ? ['even'] : ['odd'],
          difficulty,
          bloom: i === 3 ? 'analyze' : 'remember',
          ...(i === 3 ? { points: 2 } : {}),
        });
      }
    }
  }
  questions.push({ id: 'tf-x', type: 'true-false', prompt: 'T?', answer: true, explanation: 'x', evidence: [{ quote: 'q', start: 0, end: 1 }], topic: 'places', tags: [], difficulty: 'easy', bloom: 'remember' });
  return parseBank({ id: 'synthetic', title: 'Synthetic', version: '1.0.0', source: { title: 's', publisher: 'p' }, questions });
}

