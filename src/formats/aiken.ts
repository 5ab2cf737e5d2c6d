// Aiken: Moodle's one-line multiple-choice format (docs.moodle.org/en/Aiken_format).
//   Question text on one line
//   A. option        (or "A)")
//   B. option
//   ANSWER: B
// Only single-answer multiple choice fits; true/false is written as a two-option question.
import { RecallKitError } from '../core/errors';
import type { Bank } from '../schema/bank';
import type { BloomLevel, Difficulty, Evidence, Question } from '../schema/question';
import { safeParseQuestion } from '../schema/parse';
import { oneLine, questionsOf } from './text';

/** What an export wrote and what it had to leave out. */
export interface ExportResult {
  readonly text: string;
  /** Items the format cannot hold, with the reason. */
  readonly skipped: readonly { readonly id: string; readonly reason: string }[];
}

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** One line: newlines and tabs become spaces, because Aiken reads one line per part. */
function line(text: string): string {
  return oneLine(text);
}

/**
 * Exports single-choice and true/false questions as Aiken text.
 *
 * Hint: other types (and single-choice items with partial credit, which Aiken cannot express)
 * are listed in `skipped`; Moodle escapes Aiken text on import, so markup stays inert.
 *
 * @param input A bank or a list of questions.
 * @returns The text and the skipped items.
 */
export function exportAiken(input: Bank | readonly Question[]): ExportResult {
  const { questions } = questionsOf(input, 'exportAiken');
  const blocks: string[] = [];
  const skipped: { id: string; reason: string }[] = [];
  for (const q of questions) {
    let options: { text: string; correct: boolean }[];
    if (q.type === 'single-choice') {
      if (q.options.some((o) => o.fraction !== undefined && o.fraction !== (o.correct ? 1 : 0))) {
        skipped.push({ id: q.id, reason: 'partial credit cannot be written in Aiken' });
        continue;
      }
      options = q.options;
    } else if (q.type === 'true-false') options = [{ text: 'True', correct: q.answer }, { text: 'False', correct: !q.answer }];
    else {
      skipped.push({ id: q.id, reason: `Aiken holds single-answer multiple choice only, not ${q.type}` });
      continue;
    }
    const key = options.findIndex((o) => o.correct);
    blocks.push([line(q.prompt), ...options.map((o, i) => `${LETTERS[i]}. ${line(o.text)}`), `ANSWER: ${LETTERS[key]}`].join('\n'));
  }
  return { text: blocks.length ? `${blocks.join('\n\n')}\n` : '', skipped };
}

/** Defaults for the fields Aiken does not carry. */
export interface AikenImportOptions {
  readonly topic?: string;
  readonly difficulty?: Difficulty;
  readonly bloom?: BloomLevel;
  readonly evidence?: readonly Evidence[];
  /** Prefix of generated ids (default `aiken`): `aiken-1`, `aiken-2`, ... */
  readonly idPrefix?: string;
}

/** The result of {@link importAiken}. */
export interface AikenImportResult {
  readonly questions: Question[];
  readonly skipped: readonly { readonly line: number; readonly reason: string }[];
}

const OPTION = /^([A-Z])[.)]\s+(.*)$/;
const ANSWER = /^ANSWER:\s*([A-Z])\s*$/;

/**
 * Imports Aiken text as single-choice questions, validated with the question schema.
 *
 * As in Moodle, the first line of a block is the question, then lettered options, then `ANSWER:`.
 *
 * @param input Aiken text.
 * @param options Defaults for the fields Aiken lacks.
 * @returns The questions and the blocks that could not be read, with their line.
 * @throws RecallKitError `RK_PARSE_ERROR` when the input is not a string.
 */
export function importAiken(input: string, options: AikenImportOptions = {}): AikenImportResult {
  if (typeof input !== 'string') throw new RecallKitError('RK_PARSE_ERROR', 'Aiken: expected text', '');
  const lines = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  const questions: Question[] = [];
  const skipped: { line: number; reason: string }[] = [];
  let block: { line: number; prompt: string; options: { letter: string; text: string }[] } | null = null;
  const prefix = options.idPrefix ?? 'aiken';
  const finish = (answer: string | null, at: number): void => {
    const b = block;
    block = null;
    if (!b) return;
    if (answer === null) {
      skipped.push({ line: b.line, reason: 'no ANSWER: line' });
      return;
    }
    const draft = {
      id: `${prefix}-${questions.length + skipped.length + 1}`,
      type: 'single-choice',
      prompt: b.prompt,
      options: b.options.map((o) => ({ id: o.letter.toLowerCase(), text: o.text, correct: o.letter === answer })),
      explanation: b.prompt,
      evidence: options.evidence ?? [{ quote: 'Imported from Aiken', start: 0, end: 0 }],
      topic: options.topic ?? 'imported',
      tags: [],
      difficulty: options.difficulty ?? 'medium',
      bloom: options.bloom ?? 'remember',
    };
    const r = safeParseQuestion(draft);
    if (r.success) questions.push(r.value);
    else skipped.push({ line: at, reason: r.error.message });
  };
  lines.forEach((raw, i) => {
    const l = raw.trim();
    if (l === '') return;
    const answer = ANSWER.exec(l);
    if (block && answer) {
      finish(answer[1] as string, i + 1);
      return;
    }
    const option = OPTION.exec(l);
    if (block && option) {
      block.options.push({ letter: option[1] as string, text: (option[2] as string).trim() });
      return;
    }
    if (block && block.options.length === 0) {
      // Moodle reads only one question line; a second line before the options continues it here.
      block.prompt += ` ${l}`;
      return;
    }
    if (block) finish(null, i + 1);
    block = { line: i + 1, prompt: l, options: [] };
  });
  if (block) finish(null, lines.length);
  return { questions, skipped };
}
