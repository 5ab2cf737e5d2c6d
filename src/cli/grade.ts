import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { RecallKitError } from '../core/errors';
import type { Quiz, QuizForm, QuizItem } from '../quiz/types';
import type { Response } from '../schema/response';
import { safeParseQuestion } from '../schema/parse';
import { analyzeResponses, grade } from '../scoring';
import { parseCsv } from './csv';
import { usageError } from './errors';
import type { Io } from './io';
import { parseCommand } from './args';

/** Help text of `recallkit grade`. */
export const GRADE_HELP = `Usage: recallkit grade --key KEY --responses CSV [options]

Score a class's answers to a printed quiz and analyse the items.

Options:
  --key FILE         the quiz key written by \`recallkit quiz --key FILE\` (JSON)
  --responses FILE   the answers, CSV: a header row "student,form,1,2,3,...", one row per student
  --delimiter C      the CSV field separator (default ,)
  --json             print scores and item analysis as JSON
  -h, --help         show this help

Answers are written as on the printed answer key: B (one choice), A,C (several),
T or F, 42 (a number), text, 1-C,2-A (matching), B,A,C (ordering),
x; y (cloze gaps, in order). An empty cell is a blank answer. The "form"
column may be left out when there is one form. Flashcards and essays are left
for the teacher and not scored.

Output: a score per student, the test's reliability (Moodle's coefficient of
internal consistency) when every form has the same items, then per item its
difficulty (p: the mean fraction of marks) and discrimination (r: the
correlation between the item and the rest of the test; below 0.2 deserves a
look), and how many left it blank. --json adds Moodle's full quiz statistics.`;

const letterIndex = (token: string): number => {
  const t = token.trim().toUpperCase().replace(/[).]$/, '');
  if (/^[A-Z]$/.test(t)) return t.charCodeAt(0) - 65;
  if (/^\d+$/.test(t)) return Number(t) - 1;
  return -1;
};
const list = (text: string): string[] => {
  const parts = text.split(/[\s,;]+/).filter(Boolean);
  return parts.length === 1 && /^[A-Za-z]{2,26}$/.test(parts[0] as string) ? [...(parts[0] as string)] : parts;
};

/**
 * Reads an answer as written on paper into a response for the item as printed.
 *
 * @param item The item, with options in printed order.
 * @param cell What the student wrote.
 * @returns The response, or `undefined` for items a person grades.
 */
export function paperResponse(item: QuizItem, cell: string): Response | undefined {
  const q = item.question;
  const text = cell.trim();
  switch (q.type) {
    case 'single-choice': {
      const option = q.options[letterIndex(text)];
      return { type: q.type, optionId: text && option ? option.id : null };
    }
    case 'multiple-choice':
      return { type: q.type, optionIds: [...new Set(list(text).map((t) => q.options[letterIndex(t)]?.id).filter((id): id is string => id !== undefined))] };
    case 'true-false': {
      const t = text.toLowerCase();
      return { type: q.type, value: ['t', 'true', 'v', 'vrai', 'w', 'yes', 'y'].includes(t) ? true : ['f', 'false', 'faux', 'no', 'n'].includes(t) ? false : null };
    }
    case 'numeric':
      return { type: q.type, value: text };
    case 'short-answer':
      return { type: q.type, text };
    case 'cloze': {
      const order = [...q.text.matchAll(/\{\{([A-Za-z0-9_-]{1,64})\}\}/g)].map((m) => m[1] as string);
      const parts = text.split(/\s*[;|]\s*/).map((p) => p.replace(/^\(\d+\)\s*/, ''));
      const gaps: Record<string, string> = {};
      order.forEach((id, i) => {
        const gap = q.gaps.find((g) => g.id === id);
        const typed = parts[i] ?? '';
        if (gap?.type === 'single-choice') {
          const byLetter = gap.options[letterIndex(typed)];
          const byText = gap.options.find((o) => o.text.toLowerCase() === typed.toLowerCase());
          gaps[id] = (typed.length <= 2 ? byLetter : byText)?.id ?? '';
        } else gaps[id] = typed;
      });
      return { type: q.type, gaps };
    }
    case 'matching': {
      const choices = item.matchChoices ?? [];
      const tokens = text.split(/[\s,;]+/).filter(Boolean);
      const matches: Record<string, string> = {};
      tokens.forEach((token, i) => {
        const m = /^(\d+)\s*[-:=]\s*(.+)$/.exec(token);
        const pair = q.pairs[m ? Number(m[1]) - 1 : i];
        const choice = choices[letterIndex(m ? (m[2] as string) : token)];
        if (pair && choice !== undefined) matches[pair.id] = choice;
      });
      return { type: q.type, matches };
    }
    case 'ordering': {
      const display = item.orderDisplay ?? q.items;
      return { type: q.type, order: list(text).map((t) => display[letterIndex(t)]?.id).filter((id): id is string => id !== undefined) };
    }
    case 'flashcard':
    case 'essay':
      return undefined;
  }
}

/** Pearson correlation; `null` when either side does not vary. */
function correlation(xs: readonly number[], ys: readonly number[]): number | null {
  const n = xs.length;
  if (n < 2) return null;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (xs[i] as number) - mx;
    const dy = (ys[i] as number) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx === 0 || syy === 0 ? null : sxy / Math.sqrt(sxx * syy);
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

// A key file may be hand-edited or truncated: check every field grading reads, so a bad
// file is a clear error naming the field (exit 1), not a TypeError deep in the scoring.
function readQuiz(json: unknown, path: string): Quiz {
  const bad = (where: string, what: string): never => {
    throw new RecallKitError('RK_INVALID_INPUT', `${path} is not a valid quiz key (write one with \`recallkit quiz --key FILE\`): ${where} ${what}`, '--key');
  };
  if (!isObject(json) || !Array.isArray(json.forms) || json.forms.length === 0) return bad('forms', 'must be a non-empty list');
  if (json.title !== undefined && typeof json.title !== 'string') bad('title', 'must be text');
  const forms = json.forms.map((form: unknown, f: number): QuizForm => {
    const at = `forms[${f}]`;
    if (!isObject(form) || !Array.isArray(form.items)) return bad(at, 'must be a form with a list of items');
    if (typeof form.label !== 'string' || form.label.trim() === '') bad(`${at}.label`, 'must be a form letter such as "A"');
    const items = form.items.map((item: unknown, i: number): QuizItem => {
      const where = `${at}.items[${i}]`;
      if (!isObject(item)) return bad(where, 'must be an item object');
      if (!Number.isInteger(item.number) || (item.number as number) < 1) bad(`${where}.number`, 'must be a whole number >= 1');
      if (typeof item.points !== 'number' || !Number.isFinite(item.points) || item.points < 0) bad(`${where}.points`, 'must be a number >= 0');
      const parsed = safeParseQuestion(item.question);
      if (!parsed.success) bad(`${where}.question`, `is not a valid question: ${parsed.error.message}`);
      if (item.matchChoices !== undefined && (!Array.isArray(item.matchChoices) || !item.matchChoices.every((c) => typeof c === 'string'))) {
        bad(`${where}.matchChoices`, 'must be a list of text');
      }
      if (item.orderDisplay !== undefined && (!Array.isArray(item.orderDisplay) || !item.orderDisplay.every((o) => isObject(o) && typeof o.id === 'string'))) {
        bad(`${where}.orderDisplay`, 'must be a list of ordering items');
      }
      return item as unknown as QuizItem;
    });
    return { ...(form as unknown as QuizForm), items };
  });
  return { ...(json as unknown as Quiz), title: typeof json.title === 'string' ? json.title : 'Quiz', forms };
}

async function readText(path: string, option: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new RecallKitError('RK_NOT_FOUND', `cannot read ${path}: ${(error as Error).message}`, option);
  }
}

/** One student's result. */
interface StudentScore {
  readonly student: string;
  readonly form: string;
  readonly score: number;
  readonly maxScore: number;
  /** Per question id: the fraction of marks. */
  readonly items: Readonly<Record<string, number>>;
  readonly blanks: readonly string[];
  /** Per question id: the response read from the sheet. */
  readonly responses: Readonly<Record<string, Response>>;
}

/**
 * Runs `recallkit grade`.
 *
 * @param argv The arguments after `grade`.
 * @param io The streams, environment and clock.
 * @returns The exit code.
 */
export async function gradeCommand(argv: readonly string[], io: Io): Promise<number> {
  const values = parseCommand(
    argv,
    {
      key: { type: 'string' },
      responses: { type: 'string' },
      delimiter: { type: 'string' },
      json: { type: 'boolean' },
    },
    GRADE_HELP,
    io,
  );
  if (!values) return 0;
  if (!values.key || !values.responses) throw usageError('both --key FILE and --responses FILE are needed', 'grade');
  if (values.delimiter !== undefined && values.delimiter.length !== 1) throw usageError('--delimiter must be one character', 'grade');
  const keyPath = resolve(io.cwd, values.key);
  let json: unknown;
  try {
    json = JSON.parse(await readText(keyPath, '--key'));
  } catch (error) {
    if (error instanceof RecallKitError) throw error;
    throw new RecallKitError('RK_PARSE_ERROR', `${keyPath} is not valid JSON`, '--key');
  }
  const quiz = readQuiz(json, keyPath);
  const rows = parseCsv(await readText(resolve(io.cwd, values.responses), '--responses'), values.delimiter ?? ',');
  const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
  const studentCol = header.findIndex((h) => ['student', 'name', 'id', 'learner'].includes(h));
  const formCol = header.indexOf('form');
  if (studentCol < 0) throw new RecallKitError('RK_INVALID_INPUT', 'the responses CSV needs a header row with a "student" column, then "form" (optional) and item numbers 1, 2, 3, ...', '--responses');
  const forms = new Map<string, QuizForm>(quiz.forms.map((f) => [f.label.toUpperCase(), f]));

  const scores: StudentScore[] = [];
  const problems: string[] = [];
  rows.slice(1).forEach((row, r) => {
    const student = (row[studentCol] ?? '').trim() || `row ${r + 2}`;
    const label = formCol >= 0 ? (row[formCol] ?? '').trim().toUpperCase() || 'A' : 'A';
    const form = forms.get(label);
    if (!form) {
      problems.push(`${student}: no form "${label}" in the key (forms: ${[...forms.keys()].join(', ')})`);
      return;
    }
    let score = 0;
    let maxScore = 0;
    const items: Record<string, number> = {};
    const blanks: string[] = [];
    const responses: Record<string, Response> = {};
    for (const item of form.items) {
      const col = header.indexOf(String(item.number));
      const cell = col >= 0 ? (row[col] ?? '') : '';
      const response = paperResponse(item, cell);
      if (!response) continue;
      responses[item.question.id] = response;
      const outcome = grade(item.question, response, { points: item.points });
      score += outcome.score;
      maxScore += outcome.maxScore;
      items[item.question.id] = outcome.fraction;
      if (cell.trim() === '') blanks.push(item.question.id);
    }
    scores.push({ student, form: form.label, score, maxScore, items, blanks, responses });
  });

  // Item analysis across forms: items are matched by question id, numbered as on the first form.
  const first = quiz.forms[0];
  const analysis = (first?.items ?? [])
    .filter((item) => item.question.type !== 'essay' && item.question.type !== 'flashcard')
    .map((item) => {
      const id = item.question.id;
      const takers = scores.filter((s) => Object.hasOwn(s.items, id));
      const fractions = takers.map((s) => s.items[id] as number);
      const rest = takers.map((s) => s.score - (s.items[id] as number) * item.points);
      const p = fractions.length ? fractions.reduce((a, b) => a + b, 0) / fractions.length : null;
      return { number: item.number, questionId: id, type: item.question.type, n: takers.length, p, r: correlation(fractions, rest), blank: takers.filter((s) => s.blanks.includes(id)).length };
    });

  // Moodle's quiz statistics (recallkit/scoring analyzeResponses) need every student to have
  // sat the same questions: true unless the forms were assembled with --distinct.
  const idsOf = (form: QuizForm) => form.items.map((i) => i.question.id).sort().join(' ');
  const sameItems = quiz.forms.every((f) => idsOf(f) === idsOf(quiz.forms[0] as QuizForm));
  const graded = (first?.items ?? []).filter((i) => i.question.type !== 'essay' && i.question.type !== 'flashcard');
  const moodle =
    sameItems && scores.length > 0
      ? analyzeResponses(
          { questions: graded.map((i) => i.question), points: Object.fromEntries(graded.map((i) => [i.question.id, i.points])) },
          scores.map((s) => s.responses),
        )
      : null;

  if (values.json) {
    io.stdout.write(`${JSON.stringify({ title: quiz.title, scores, items: analysis, statistics: moodle, problems }, null, 2)}\n`);
    return problems.length ? 1 : 0;
  }
  const round = (x: number) => Math.round(x * 100) / 100;
  const fmt = (x: number | null) => (x === null ? '–' : x.toFixed(2));
  const table = (head: string[], body: string[][]) => {
    const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => (row[i] ?? '').length)));
    const line = (cells: string[]) => cells.map((c, i) => (i <= 1 || i === head.length - 1 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ').trimEnd();
    return [line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
  };
  const out = (text = '') => io.stdout.write(`${text}\n`);
  out(`${quiz.title}: ${scores.length} student${scores.length === 1 ? '' : 's'}`);
  out();
  out(table(['Student', 'Form', 'Score', 'Max', '%'], scores.map((s) => [s.student, s.form, String(round(s.score)), String(round(s.maxScore)), s.maxScore ? `${Math.round((s.score / s.maxScore) * 100)}%` : '–'])));
  if (scores.length) {
    const mean = scores.reduce((a, s) => a + (s.maxScore ? s.score / s.maxScore : 0), 0) / scores.length;
    out(`Mean: ${Math.round(mean * 100)}%`);
  }
  if (moodle) {
    const t = moodle.test;
    const part = (label: string, x: number | null, unit = '') => `${label} ${x === null ? '–' : `${round(x)}${unit}`}`;
    out(`${part('Median', t.median)} · ${part('SD', t.sd)} · ${part('CIC (Cronbach alpha)', t.cic, '%')} · ${part('standard error', t.standardError)} (marks out of ${round(t.maxScore)})`);
  }
  out();
  out(`Item analysis (numbered as on form ${first?.label ?? 'A'}):`);
  out(table(['#', 'Question', 'p', 'r', 'Blank', 'Type'], analysis.map((a) => [String(a.number), a.questionId, fmt(a.p), fmt(a.r), String(a.blank), a.type])));
  const flagged = analysis.filter((a) => (a.r !== null && a.r < 0.2) || (a.p !== null && (a.p < 0.2 || a.p > 0.95)));
  if (flagged.length) out(`Worth a look: ${flagged.map((a) => `#${a.number}`).join(', ')} (p below 0.20 or above 0.95, or r below 0.20)`);
  for (const problem of problems) io.stderr.write(`recallkit: ${problem}\n`);
  return problems.length ? 1 : 0;
}

