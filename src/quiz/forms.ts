import { createPrng, shuffle } from '../core/prng';
import type { ClozeGap, NumericAnswer, OrderingItem, Question, TextAnswer } from '../schema/question';
import type { AnswerKeyEntry, QuizForm, QuizItem } from './types';

/**
 * The points an item is worth on a quiz.
 *
 * @param q The question.
 * @returns `q.points`, or 1 when unset.
 */
export function itemPoints(q: Question): number {
  return q.points ?? 1;
}

/** Letters for options, matching choices and ordering items (the schema caps options at 26). */
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/**
 * The letter of a 0-based position: A..Z, then AA, AB, ... for long ordering lists.
 *
 * @param index A 0-based position.
 * @returns Its letter label.
 */
export function letter(index: number): string {
  if (index < LETTERS.length) return LETTERS[index] as string;
  return letter(Math.floor(index / LETTERS.length) - 1) + (LETTERS[index % LETTERS.length] as string);
}

/**
 * Formats one accepted numeric answer for a key: `42`, `42 ± 0.5`, `42 ± 5%`, `40 to 45`.
 *
 * @param a The answer.
 * @returns A short human-readable form.
 */
export function formatNumericAnswer(a: NumericAnswer): string {
  if ('min' in a) return `${a.min} to ${a.max}`;
  if (!a.tolerance) return String(a.value);
  const kind = a.toleranceKind ?? 'nominal';
  return kind === 'nominal' ? `${a.value} ± ${a.tolerance}` : `${a.value} ± ${a.tolerance * 100}% (${kind})`;
}

function credit(fraction: number | undefined): string {
  const f = fraction ?? 1;
  return f === 1 ? '' : ` (${Math.round(f * 1000) / 10}%)`;
}

function textAnswers(answers: readonly TextAnswer[]): string {
  return answers.map((a) => a.text + credit(a.fraction)).join(' / ');
}

function gapAnswer(g: ClozeGap): string {
  if (g.type === 'short-answer') return textAnswers(g.answers);
  if (g.type === 'numeric') return g.answers.map((a) => formatNumericAnswer(a) + credit(a.fraction)).join(' / ');
  return g.options
    .map((o, i) => ({ o, i }))
    .filter(({ o }) => o.correct)
    .map(({ o, i }) => `${letter(i)} (${o.text})`)
    .join(', ');
}

/** The `{{gapId}}` marker of cloze text (the same pattern as the schema's GAP_MARKER, kept here so this layer stays zod-free). */
const GAP = /\{\{([A-Za-z0-9_-]{1,64})\}\}/g;

/**
 * The ids of the gaps in the order their markers appear in the text.
 *
 * @param text Cloze text with `{{gapId}}` markers.
 * @returns The gap ids in order.
 */
export function gapOrder(text: string): string[] {
  return [...text.matchAll(GAP)].map((m) => m[1] as string);
}

/** The key entry of one item as displayed (letters refer to the display order). */
function keyFor(item: QuizItem): AnswerKeyEntry {
  const q = item.question;
  const base = { number: item.number, questionId: q.id, type: q.type, points: item.points };
  switch (q.type) {
    case 'single-choice':
    case 'multiple-choice': {
      const letters = q.options.map((o, i) => (o.correct ? letter(i) : null)).filter((l): l is string => l !== null);
      return { ...base, answer: letters.join(', '), manual: false };
    }
    case 'true-false':
      return { ...base, answer: q.answer ? 'True' : 'False', manual: false };
    case 'numeric':
      return { ...base, answer: q.answers.map((a) => formatNumericAnswer(a) + credit(a.fraction)).join(' / ') + (q.unit ? ` ${q.unit}` : ''), manual: false };
    case 'short-answer':
      return { ...base, answer: textAnswers(q.answers), manual: false };
    case 'cloze': {
      const byId = new Map(q.gaps.map((g) => [g.id, g]));
      const parts = gapOrder(q.text).map((id, i) => {
        const g = byId.get(id);
        return `(${i + 1}) ${g ? gapAnswer(g) : '?'}`;
      });
      return { ...base, answer: parts.join('; '), manual: false };
    }
    case 'matching': {
      const choices = item.matchChoices ?? [];
      const answer = q.pairs.map((p, i) => `${i + 1}-${letter(choices.indexOf(p.right))}`).join(', ');
      return { ...base, answer, manual: false };
    }
    case 'ordering': {
      const display = item.orderDisplay ?? q.items;
      const answer = q.items.map((it) => letter(display.findIndex((d) => d.id === it.id))).join(', ');
      return { ...base, answer, manual: false };
    }
    case 'flashcard':
      return { ...base, answer: q.back, manual: true };
    case 'essay':
      return { ...base, answer: `Rubric: ${q.rubric.map((c) => `${c.criterion} (${c.points})`).join('; ')}`, manual: true };
  }
}

/**
 * Returns a copy of a question with its options in a seeded order; everything attached to an
 * option (id, correct flag, fraction, feedback) moves with it, so keys and feedback stay right.
 */
function shuffleQuestion(q: Question, seed: string): { question: Question; matchChoices?: string[]; orderDisplay?: OrderingItem[] } {
  const rng = createPrng(seed);
  switch (q.type) {
    case 'single-choice':
    case 'multiple-choice':
      return { question: { ...q, options: shuffle(q.options, rng) } };
    case 'cloze':
      return { question: { ...q, gaps: q.gaps.map((g) => (g.type === 'single-choice' ? { ...g, options: shuffle(g.options, rng) } : g)) } };
    case 'matching': {
      const pairs = shuffle(q.pairs, rng);
      const matchChoices = shuffle([...q.pairs.map((p) => p.right), ...(q.distractors ?? [])], rng);
      return { question: { ...q, pairs }, matchChoices };
    }
    case 'ordering': {
      let display = shuffle(q.items, rng);
      // A shuffle that happens to give the correct order would print the answer; rotate it once.
      if (display.every((it, i) => it.id === q.items[i]?.id)) display = [...display.slice(1), display[0] as (typeof display)[number]];
      return { question: q, orderDisplay: display };
    }
    default:
      return { question: q };
  }
}

/** Options of {@link buildForm}. */
export interface FormOptions {
  readonly label: string;
  readonly seed: string;
  readonly shuffleItems: boolean;
  readonly shuffleOptions: boolean;
}

/**
 * Builds one form: orders the items, shuffles their options and writes the answer key.
 *
 * Hint: each item's option order is seeded by (seed, form label, item id), so an item looks the same
 * on a form whatever else was picked.
 *
 * @param questions The items of the form (not changed).
 * @param options Label, seed and shuffle switches.
 * @returns The form.
 */
export function buildForm(questions: readonly Question[], options: FormOptions): QuizForm {
  const ordered = options.shuffleItems ? shuffle(questions, createPrng(`${options.seed}:${options.label}:order`)) : questions.slice();
  const items: QuizItem[] = ordered.map((q, i) => {
    const points = itemPoints(q);
    if (!options.shuffleOptions) {
      const plain: QuizItem = { number: i + 1, question: q, points };
      if (q.type === 'matching') return { ...plain, matchChoices: [...q.pairs.map((p) => p.right), ...(q.distractors ?? [])] };
      if (q.type === 'ordering') return { ...plain, orderDisplay: q.items.slice() };
      return plain;
    }
    const s = shuffleQuestion(q, `${options.seed}:${options.label}:${q.id}`);
    return {
      number: i + 1,
      question: s.question,
      points,
      ...(s.matchChoices ? { matchChoices: s.matchChoices } : {}),
      ...(s.orderDisplay ? { orderDisplay: s.orderDisplay } : {}),
    };
  });
  const difficulty = { easy: 0, medium: 0, hard: 0 };
  for (const q of questions) difficulty[q.difficulty] += 1;
  return {
    label: options.label,
    items,
    key: items.map(keyFor),
    totalPoints: items.reduce((s, it) => s + it.points, 0),
    difficulty,
  };
}
