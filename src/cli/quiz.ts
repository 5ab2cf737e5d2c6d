import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { quizToHtml, quizToMarkdown } from '../formats/print';
import { assembleQuiz } from '../quiz';
import type { Blueprint } from '../quiz/types';
import { loadBank } from './banks';
import { usageError } from './errors';
import type { Io } from './io';
import { OUTPUT_FORMATS, emit, outputFormat, reportSkipped } from './outputs';
import { BANK_OPTIONS, parseCommand } from './args';

const PRINT_FORMATS = ['html', 'md'] as const;

/** The formats `recallkit quiz` accepts. */
export const QUIZ_FORMATS = (): string[] => [...PRINT_FORMATS, ...Object.keys(OUTPUT_FORMATS).filter((f) => f !== 'json')];

/** Help text of `recallkit quiz`. */
export const QUIZ_HELP = (): string => `Usage: recallkit quiz [options]

Assemble a quiz from a bank: seeded, with parallel forms and answer keys.

Options:
  --count N          items per form (default 20, or every item when the bank is smaller)
  --forms N          parallel forms A, B, C, ... (default 1; 1-26)
  --seed S           the same seed always gives the same quiz (default 1)
  --distinct         give each form its own items (default: same items, own order)
  --format F         ${QUIZ_FORMATS().join(' | ')} (default html)
  --out PATH         write to a file (or a folder, one file per form, for LMS formats)
  --key FILE         also write the quiz key as JSON, for \`recallkit grade\`
  --no-answers       html/md: leave the answer keys out
  --bank ID          a shipped bank (default: mosul-foreign-fighters)
  --bank-file FILE   your own bank JSON instead
  -h, --help         show this help

Examples:
  recallkit quiz --count 20 --forms 3 --seed 42 --format html > quiz.html
  recallkit quiz --count 10 --format gift --out quiz.gift.txt --key key.json`;

function wholeNumber(value: string | undefined, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max) throw usageError(`--${name} must be a whole number from ${min} to ${max}, got "${value}"`, 'quiz');
  return n;
}

/**
 * Runs `recallkit quiz`.
 *
 * @param argv The arguments after `quiz`.
 * @param io The streams, environment and clock.
 * @returns The exit code.
 */
export async function quizCommand(argv: readonly string[], io: Io): Promise<number> {
  const values = parseCommand(
    argv,
    {
      ...BANK_OPTIONS,
      count: { type: 'string' },
      forms: { type: 'string' },
      seed: { type: 'string' },
      distinct: { type: 'boolean' },
      format: { type: 'string' },
      out: { type: 'string' },
      key: { type: 'string' },
      'no-answers': { type: 'boolean' },
    },
    QUIZ_HELP(),
    io,
  );
  if (!values) return 0;
  const format = values.format ?? 'html';
  if (!QUIZ_FORMATS().includes(format)) throw usageError(`--format must be one of ${QUIZ_FORMATS().join(', ')}, got "${format}"`, 'quiz');
  const count = wholeNumber(values.count, 'count', 1, 10_000);
  const forms = wholeNumber(values.forms, 'forms', 1, 26) ?? 1;
  const { bank } = await loadBank({ bank: values.bank, bankFile: values['bank-file'], cwd: io.cwd });
  // Essays and flashcards need a person or a card: a printed quiz takes the auto-graded items.
  const eligible = bank.questions.filter((q) => q.type !== 'essay' && q.type !== 'flashcard').length;
  const total = Math.min(count ?? 20, values.distinct ? Math.floor(eligible / forms) : eligible);
  // Distinct forms share no item, so each form needs its own; say so instead of failing inside the assembler.
  if (values.distinct && total < 1) {
    throw usageError(`--forms ${forms} --distinct needs at least ${forms} auto-graded items (one per form); the bank has ${eligible}`, 'quiz');
  }
  const blueprint: Blueprint = { total, rules: [{ count: total, type: ['single-choice', 'multiple-choice', 'true-false', 'numeric', 'short-answer', 'cloze', 'matching', 'ordering'] }] };
  const quiz = assembleQuiz(bank, blueprint, { seed: values.seed ?? '1', forms, distinctForms: Boolean(values.distinct) });

  if (values.key) await writeFile(resolve(io.cwd, values.key), `${JSON.stringify(quiz, null, 1)}\n`);
  if (format === 'html' || format === 'md') {
    const options = { answerKey: !values['no-answers'] };
    const text = format === 'html' ? quizToHtml(quiz, options) : quizToMarkdown(quiz, options);
    const path = await emit(io, text, values.out, 'quiz');
    if (path) io.stderr.write(`Wrote ${quiz.forms.length} form(s) of ${total} items to ${path}\n`);
    return 0;
  }
  const output = outputFormat(format);
  if (!output) throw usageError(`unknown format "${format}"`, 'quiz');
  if (quiz.forms.length === 1) {
    const rendered = output.render(quiz.forms[0]?.items.map((i) => i.question) ?? []);
    reportSkipped(io, format, rendered.skipped);
    const path = await emit(io, rendered.data, values.out, 'quiz');
    if (path) io.stderr.write(`Wrote ${total} items to ${path}\n`);
    return 0;
  }
  if (!values.out) throw usageError(`--forms ${forms} with --format ${format} writes one file per form: give --out FOLDER`, 'quiz');
  const dir = resolve(io.cwd, values.out);
  await mkdir(dir, { recursive: true });
  for (const form of quiz.forms) {
    const file = join(dir, `form-${form.label}.${output.ext}`);
    const rendered = output.render(form.items.map((i) => i.question));
    reportSkipped(io, format, rendered.skipped);
    await writeFile(file, rendered.data);
    io.stderr.write(`Wrote form ${form.label} (${form.items.length} items) to ${file}\n`);
  }
  return 0;
}
