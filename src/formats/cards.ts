// Question -> flashcard (front, back) for the card formats: Anki text, Quizlet and .apkg.
import type { Question } from '../schema/question';
import { GAP_MARKER, cleanText, numericBounds, plainNumber } from './text';

/** A two-sided card in plain text (newlines allowed). */
export interface Card {
  /** The question id, stable across exports (Anki uses it as the note GUID). */
  readonly id: string;
  readonly front: string;
  readonly back: string;
  readonly tags: readonly string[];
}

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

function numberText(a: Parameters<typeof numericBounds>[0]): string {
  const b = numericBounds(a);
  if (b.isRange) return `${plainNumber(b.min)} to ${plainNumber(b.max)}`;
  return b.tolerance ? `${plainNumber(b.value)} (± ${plainNumber(b.tolerance)})` : plainNumber(b.value);
}

/**
 * Turns any question into a card: the prompt (with its options, gaps or items) on the front and
 * the answer on the back, followed by the explanation.
 *
 * Hint: ordering items are listed alphabetically on the front, so the front never gives the order away.
 *
 * @param q The question.
 * @returns The card.
 */
export function questionToCard(q: Question): Card {
  const t = (s: string): string => cleanText(s).trim();
  let front = t(q.prompt);
  let answer: string;
  switch (q.type) {
    case 'flashcard':
      answer = t(q.back);
      break;
    case 'single-choice':
    case 'multiple-choice':
      front += `\n${q.options.map((o, i) => `${LETTERS[i]}. ${t(o.text)}`).join('\n')}`;
      answer = q.options
        .map((o, i) => (o.correct ? `${LETTERS[i]}. ${t(o.text)}` : null))
        .filter((x) => x !== null)
        .join('\n');
      break;
    case 'true-false':
      answer = q.answer ? 'True' : 'False';
      break;
    case 'numeric':
      answer = q.answers.filter((a) => (a.fraction ?? 1) === 1).map(numberText).join(' or ') + (q.unit ? ` ${t(q.unit)}` : '');
      break;
    case 'short-answer':
      answer = q.answers.filter((a) => (a.fraction ?? 1) === 1).map((a) => t(a.text)).join(' or ');
      break;
    case 'cloze': {
      const byId = new Map(q.gaps.map((g) => [g.id, g]));
      let n = 0;
      front += `\n${t(q.text.replace(GAP_MARKER, () => `(${++n}) ____`))}`;
      n = 0;
      answer = [...q.text.matchAll(GAP_MARKER)]
        .map((m) => {
          const g = byId.get(m[1] as string);
          n++;
          if (!g) return `(${n}) ?`;
          if (g.type === 'single-choice') return `(${n}) ${g.options.filter((o) => o.correct).map((o) => t(o.text)).join(' / ')}`;
          if (g.type === 'numeric') return `(${n}) ${g.answers.filter((a) => (a.fraction ?? 1) === 1).map(numberText).join(' or ')}`;
          return `(${n}) ${g.answers.filter((a) => (a.fraction ?? 1) === 1).map((a) => t(a.text)).join(' or ')}`;
        })
        .join('\n');
      break;
    }
    case 'matching':
      front += `\n${q.pairs.map((p) => `- ${t(p.left)}`).join('\n')}`;
      answer = q.pairs.map((p) => `${t(p.left)} → ${t(p.right)}`).join('\n');
      break;
    case 'ordering': {
      const shown = [...q.items].sort((a, b) => t(a.text).localeCompare(t(b.text), 'en'));
      front += `\n${shown.map((it) => `- ${t(it.text)}`).join('\n')}`;
      answer = q.items.map((it, i) => `${i + 1}. ${t(it.text)}`).join('\n');
      break;
    }
    case 'essay':
      answer = q.modelAnswer ? t(q.modelAnswer) : q.rubric.map((c) => `${t(c.criterion)} (${c.points})`).join('\n');
      break;
  }
  const explanation = q.type === 'flashcard' ? '' : t(q.explanation);
  return { id: q.id, front, back: explanation ? `${answer}\n\n${explanation}` : answer, tags: q.tags };
}
