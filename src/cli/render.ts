import { createPrng, shuffle } from '../core/prng';
import { GAP_MARKER, type NumericAnswer, type Question } from '../schema/question';
import type { Response } from '../schema/response';

/** A question ready to ask in a terminal: what to print, what to prompt, how to read the answer. */
export interface Asked {
  /** Lines printed under the prompt (options, items, gaps). */
  readonly lines: readonly string[];
  /** One prompt per input line (cloze asks one line per gap). */
  readonly prompts: readonly string[];
  /** Turns the typed lines into a response, or returns a message saying what to type. */
  readonly toResponse: (answers: readonly string[]) => Response | string;
}

/**
 * Letter of a 0-based index: a, b, ..., z.
 *
 * @param i The index.
 * @returns The letter.
 */
export function letterOf(i: number): string {
  return String.fromCharCode(97 + i);
}

/** Reads `b`, `B`, `2` or `b)` as an index into a list of `n` choices; -1 when it is neither. */
function choiceIndex(token: string, n: number): number {
  const t = token.trim().toLowerCase().replace(/[).]$/, '');
  if (/^[a-z]$/.test(t)) {
    const i = t.charCodeAt(0) - 97;
    return i < n ? i : -1;
  }
  if (/^\d+$/.test(t)) {
    const i = Number(t) - 1;
    return i >= 0 && i < n ? i : -1;
  }
  return -1;
}

/** Splits `a,c`, `a c`, `1 3` or `ac` into tokens. */
function tokens(line: string): string[] {
  const parts = line.trim().split(/[\s,;]+/).filter(Boolean);
  if (parts.length === 1 && /^[a-z]{2,26}$/i.test(parts[0] as string)) return [...(parts[0] as string)];
  return parts;
}

// Ordering items are stored in the correct order and matching answers next to their
// prompts, so both are shuffled for display. The seed is the question id: the same
// question always looks the same, which keeps scripted (piped) sessions repeatable.
const displayOrder = <T>(id: string, items: readonly T[]): T[] => shuffle(items, createPrng(`cli:${id}`));

/**
 * Prepares a question for the terminal.
 *
 * @param question The question.
 * @returns What to print and how to read the answer.
 */
export function prepare(question: Question): Asked {
  const one = (hint: string, toResponse: (line: string) => Response | string): Asked => ({
    lines: [],
    prompts: [hint],
    toResponse: (answers) => toResponse(answers[0] ?? ''),
  });
  switch (question.type) {
    case 'single-choice': {
      const n = question.options.length;
      return {
        ...one(`Your answer (a-${letterOf(n - 1)}): `, (line) => {
          const i = choiceIndex(line, n);
          return i < 0 ? `type one letter a-${letterOf(n - 1)} or a number 1-${n}` : { type: 'single-choice', optionId: question.options[i]?.id ?? null };
        }),
        lines: question.options.map((o, i) => `  ${letterOf(i)}) ${o.text}`),
      };
    }
    case 'multiple-choice': {
      const n = question.options.length;
      return {
        ...one('Select all that apply (e.g. a,c): ', (line) => {
          const picked = tokens(line).map((t) => choiceIndex(t, n));
          if (picked.length === 0 || picked.some((i) => i < 0)) return `type letters a-${letterOf(n - 1)} separated by commas, e.g. a,c`;
          return { type: 'multiple-choice', optionIds: [...new Set(picked)].map((i) => question.options[i]?.id ?? '') };
        }),
        lines: question.options.map((o, i) => `  ${letterOf(i)}) ${o.text}`),
      };
    }
    case 'true-false':
      return one('True or false (t/f): ', (line) => {
        const t = line.trim().toLowerCase();
        if (['t', 'true', 'y', 'yes', '1'].includes(t)) return { type: 'true-false', value: true };
        if (['f', 'false', 'n', 'no', '2'].includes(t)) return { type: 'true-false', value: false };
        return 'type t (true) or f (false)';
      });
    case 'numeric':
      return one(`Your answer${question.unit ? ` (in ${question.unit})` : ''}: `, (line) =>
        line.trim() === '' ? 'type a number' : { type: 'numeric', value: line.trim() },
      );
    case 'short-answer':
      return one('Your answer: ', (line) => (line.trim() === '' ? 'type your answer' : { type: 'short-answer', text: line.trim() }));
    case 'cloze': {
      const order = [...question.text.matchAll(GAP_MARKER)].map((m) => m[1] as string);
      const number = new Map(order.map((id, i) => [id, i + 1]));
      const text = question.text.replace(GAP_MARKER, (_, id: string) => `[${number.get(id)}]`);
      const gaps = order.map((id) => question.gaps.find((g) => g.id === id)).filter((g) => g !== undefined);
      const lines = [`  ${text}`];
      for (const [i, gap] of gaps.entries()) {
        if (gap.type === 'single-choice') lines.push(`  [${i + 1}] ${gap.options.map((o, j) => `${letterOf(j)}) ${o.text}`).join('  ')}`);
      }
      return {
        lines,
        prompts: gaps.map((g, i) => `Gap [${i + 1}]${g.type === 'single-choice' ? ' (letter)' : ''}: `),
        toResponse: (answers) => {
          const filled: Record<string, string> = {};
          for (const [i, gap] of gaps.entries()) {
            const typed = (answers[i] ?? '').trim();
            if (gap.type === 'single-choice') {
              const j = choiceIndex(typed, gap.options.length);
              if (j < 0) return `gap [${i + 1}]: type a letter a-${letterOf(gap.options.length - 1)}`;
              filled[gap.id] = gap.options[j]?.id ?? '';
            } else filled[gap.id] = typed;
          }
          return { type: 'cloze', gaps: filled };
        },
      };
    }
    case 'matching': {
      const choices = displayOrder(question.id, [...question.pairs.map((p) => p.right), ...(question.distractors ?? [])]);
      return {
        lines: [
          ...question.pairs.map((p, i) => `  ${i + 1}. ${p.left}`),
          '  Choices:',
          ...choices.map((c, i) => `    ${letterOf(i)}) ${c}`),
        ],
        prompts: [`A letter for each of 1-${question.pairs.length}, in order (e.g. ${choices.slice(0, question.pairs.length).map((_, i) => letterOf(i)).join(',')}): `],
        toResponse: (answers) => {
          const picked = tokens(answers[0] ?? '').map((t) => choiceIndex(t, choices.length));
          if (picked.length !== question.pairs.length || picked.some((i) => i < 0)) {
            return `type ${question.pairs.length} letters a-${letterOf(choices.length - 1)}, one for each numbered item, e.g. b,a,c`;
          }
          return { type: 'matching', matches: Object.fromEntries(question.pairs.map((p, i) => [p.id, choices[picked[i] as number] ?? ''])) };
        },
      };
    }
    case 'ordering': {
      const shown = displayOrder(question.id, question.items);
      return {
        lines: shown.map((item, i) => `  ${letterOf(i)}) ${item.text}`),
        prompts: [`The letters in order, first to last (e.g. ${shown.map((_, i) => letterOf(i)).join(',')}): `],
        toResponse: (answers) => {
          const picked = tokens(answers[0] ?? '').map((t) => choiceIndex(t, shown.length));
          if (picked.length !== shown.length || picked.some((i) => i < 0) || new Set(picked).size !== shown.length) {
            return `type all ${shown.length} letters once each, e.g. ${shown.map((_, i) => letterOf(i)).join(',')}`;
          }
          return { type: 'ordering', order: picked.map((i) => shown[i]?.id ?? '') };
        },
      };
    }
    case 'flashcard':
      return one('Think of the answer, then press Enter: ', (line) => ({ type: 'flashcard', ...(line.trim() ? { text: line.trim() } : {}) }));
    case 'essay':
      return one('Your answer: ', (line) => ({ type: 'essay', text: line }));
  }
}

function numeric(a: NumericAnswer, unit: string | undefined): string {
  const u = unit ? ` ${unit}` : '';
  if ('min' in a) return `${a.min}-${a.max}${u}`;
  return a.tolerance ? `${a.value}${u} (±${a.tolerance}${a.toleranceKind === 'relative' ? ' relative' : ''})` : `${a.value}${u}`;
}

/**
 * Describes the answer that earns full marks, for feedback after a wrong answer.
 *
 * @param question The question.
 * @returns Something like `b) Green`, `True`, `8` or `1-b, 2-a`.
 */
export function describeCorrect(question: Question): string {
  switch (question.type) {
    case 'single-choice':
    case 'multiple-choice':
      return question.options
        .map((o, i) => (o.correct ? `${letterOf(i)}) ${o.text}` : ''))
        .filter(Boolean)
        .join('; ');
    case 'true-false':
      return question.answer ? 'True' : 'False';
    case 'numeric': {
      const full = question.answers.filter((a) => (a.fraction ?? 1) === 1);
      return (full.length ? full : question.answers).map((a) => numeric(a, question.unit)).join(' or ');
    }
    case 'short-answer': {
      const full = question.answers.filter((a) => (a.fraction ?? 1) === 1);
      return (full.length ? full : question.answers).map((a) => a.text).join(' / ');
    }
    case 'cloze': {
      const order = [...question.text.matchAll(GAP_MARKER)].map((m) => m[1] as string);
      return order
        .map((id, i) => {
          const gap = question.gaps.find((g) => g.id === id);
          if (!gap) return '';
          if (gap.type === 'single-choice') return `[${i + 1}] ${gap.options.find((o) => o.correct)?.text ?? ''}`;
          if (gap.type === 'numeric') return `[${i + 1}] ${gap.answers[0] ? numeric(gap.answers[0], undefined) : ''}`;
          return `[${i + 1}] ${gap.answers.find((a) => (a.fraction ?? 1) === 1)?.text ?? gap.answers[0]?.text ?? ''}`;
        })
        .join(', ');
    }
    case 'matching': {
      const choices = displayOrder(question.id, [...question.pairs.map((p) => p.right), ...(question.distractors ?? [])]);
      return question.pairs.map((p, i) => `${i + 1}-${letterOf(choices.indexOf(p.right))} (${p.right})`).join(', ');
    }
    case 'ordering': {
      const shown = displayOrder(question.id, question.items);
      return question.items.map((item) => `${letterOf(shown.indexOf(item))}) ${item.text}`).join(' -> ');
    }
    case 'flashcard':
      return question.back;
    case 'essay':
      return question.modelAnswer ?? '(graded by a person)';
  }
}
