import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { createFsrs } from '../scheduler';
import type { Grade } from '../scheduler/types';
import type { Bank } from '../schema/bank';
import type { Question } from '../schema/question';
import type { Outcome } from '../schema/response';
import { createFileStore } from '../session/file-store';
import { createSession } from '../session/session';
import type { Session } from '../session/types';
import { loadBank } from './banks';
import { usageError } from './errors';
import { type Io, createLineReader } from './io';
import { describeCorrect, prepare } from './render';
import { type Style, createStyle, humanDuration, progressBar, wrapText } from './style';
import { BANK_OPTIONS, parseCommand } from './args';

/** Help text of `recallkit study`. */
export const STUDY_HELP = `Usage: recallkit study [options]

Study a question bank with spaced repetition (FSRS-6) in the terminal.
Progress is saved after every answer.

Options:
  --bank ID          a shipped bank (default: mosul-foreign-fighters; see \`recallkit banks\`)
  --bank-file FILE   your own bank JSON instead (validated with parseBank)
  --data FILE        progress file (default: $RECALLKIT_DATA, else ~/.recallkit/<bank>.json)
  --new N            new cards per day (default 20)
  --reviews N        reviews per day (default 200)
  --no-color         plain output (also when NO_COLOR is set or output is not a terminal)
  -h, --help         show this help

Answering:
  choices            a letter or a number (b or 2); several as a,c
  true/false         t or f
  numbers, text      type them
  flashcards         press Enter to see the back, then rate 1 Again, 2 Hard, 3 Good, 4 Easy
  :u undo the last answer   :s show the answer (counts as Again)   :q quit   :h help

Input can be piped, one answer per line: the session saves and exits when input ends.
  printf 'b\\nt\\n8\\n' | recallkit study --data /tmp/progress.json`;

const RATING_NAMES: Readonly<Record<Grade, string>> = { 1: 'Again', 2: 'Hard', 3: 'Good', 4: 'Easy' };

function count(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,6}$/.test(value)) throw usageError(`--${name} must be a whole number, got "${value}"`, 'study');
  return Number(value);
}

/**
 * The default progress file: `$RECALLKIT_DATA`, else `~/.recallkit/<bank id>.json`.
 *
 * @param env The environment.
 * @param bankId The bank id.
 * @param cwd The working directory.
 * @returns An absolute path.
 */
export function defaultDataPath(env: Io['env'], bankId: string, cwd: string): string {
  if (env.RECALLKIT_DATA) return resolve(cwd, env.RECALLKIT_DATA);
  return join(env.HOME || env.USERPROFILE || homedir(), '.recallkit', `${bankId}.json`);
}

function verdict(outcome: Outcome | undefined, s: Style): string {
  if (!outcome) return '';
  if (outcome.correct) return s.green('✓ Correct');
  if (outcome.fraction > 0) return s.yellow(`◐ Partly correct (${Math.round(outcome.fraction * 100)}%)`);
  return s.red('✗ Not quite');
}

function evidenceLines(question: Question, bank: Bank, width: number, s: Style): string[] {
  const lines: string[] = [];
  for (const e of question.evidence.slice(0, 2)) lines.push(s.dim(wrapText(`“${e.quote}”`, width, '    ')));
  lines.push(s.dim(`    — ${bank.source.publisher}, ${bank.source.title}`));
  return lines;
}

/**
 * Runs `recallkit study`: an interactive (or piped) study session.
 *
 * @param argv The arguments after `study`.
 * @param io The streams, environment and clock.
 * @returns The exit code.
 */
export async function study(argv: readonly string[], io: Io): Promise<number> {
  const values = parseCommand(
    argv,
    {
      ...BANK_OPTIONS,
      data: { type: 'string' },
      new: { type: 'string' },
      reviews: { type: 'string' },
    },
    STUDY_HELP,
    io,
  );
  if (!values) return 0;
  const newPerDay = count(values.new, 'new');
  const reviewsPerDay = count(values.reviews, 'reviews');
  const { bank } = await loadBank({ bank: values.bank, bankFile: values['bank-file'], cwd: io.cwd });
  const dataPath = values.data ? resolve(io.cwd, values.data) : defaultDataPath(io.env, bank.id, io.cwd);
  const s = createStyle(Boolean(io.stdout.isTTY) && !io.env.NO_COLOR && !values['no-color']);
  const width = Math.max(40, Math.min(100, (io.stdout.columns ?? 80) - 2));
  const out = (text = '') => io.stdout.write(`${text}\n`);

  const session = await createSession({
    bank,
    scheduler: createFsrs(),
    store: createFileStore({ path: dataPath }),
    now: io.now,
    limits: { ...(newPerDay !== undefined ? { newPerDay } : {}), ...(reviewsPerDay !== undefined ? { reviewsPerDay } : {}) },
  });

  // Every save replaces the session's progress object, so an unchanged one means nothing was written.
  const loaded = session.progress();
  const due = session.counts();
  out(s.bold(`RecallKit · ${bank.title}`));
  out(s.dim(`Progress file: ${dataPath}`));
  out(`Due now: ${due.review} review · ${due.learning} learning · ${due.new} new`);

  let interrupted = false;
  const reader = createLineReader(io, () => {
    interrupted = true;
    reader.close();
  });
  const tty = Boolean(io.stdin.isTTY);
  let ended = false;
  let quit = false;

  // Asks one line; handles the commands shared by every prompt. Returns a typed
  // answer, or a command for the caller, or `undefined` once input has ended.
  const ask = async (prompt: string): Promise<string | { command: 'undo' | 'show' } | undefined> => {
    for (;;) {
      const line = await reader.ask(s.cyan(prompt));
      if (line === undefined) {
        ended = true;
        return undefined;
      }
      const cmd = line.trim().toLowerCase();
      if (cmd === ':q' || cmd === ':quit') {
        ended = true;
        quit = true;
        return undefined;
      }
      if (cmd === ':h' || cmd === ':help' || cmd === '?') {
        out(STUDY_HELP.slice(STUDY_HELP.indexOf('Answering:')));
        continue;
      }
      if (cmd === ':u' || cmd === ':undo') return { command: 'undo' };
      if (cmd === ':s' || cmd === ':show') return { command: 'show' };
      return line;
    }
  };

  const rateLine = (session: Session, id: string): string => {
    const preview = session.preview(id);
    const now = io.now();
    return ([1, 2, 3, 4] as const).map((g) => `${g} ${RATING_NAMES[g]} (${humanDuration(preview[g].card.due - now)})`).join('  ');
  };

  while (!ended) {
    const item = session.next();
    if (!item) break;
    const { question } = item;
    // summary() already carries the due counts: one queue build instead of two.
    const summary = session.summary();
    const counts = summary.due;
    out();
    out(`${progressBar(summary.answered, summary.answered + counts.total)}  ${s.dim(`${counts.review} review · ${counts.learning} learning · ${counts.new} new`)}`);
    out(s.dim(`${item.queue} · ${question.topic} · ${question.type}`));
    out(s.bold(wrapText(question.prompt, width)));
    const asked = prepare(question);
    for (const line of asked.lines) out(line);
    const started = io.now();

    if (question.type === 'flashcard') {
      const reveal = await ask(asked.prompts[0] ?? '');
      if (reveal === undefined) break;
      if (typeof reveal !== 'string' && reveal.command === 'undo') {
        await undo(session, out, s);
        continue;
      }
      out(`${s.bold('Answer:')} ${wrapText(question.back, width)}`);
      for (const line of evidenceLines(question, bank, width, s)) out(line);
      let grade: Grade | undefined;
      while (grade === undefined) {
        out(rateLine(session, question.id));
        const picked = await ask('How well did you know it (1-4)? ');
        if (picked === undefined) break;
        if (typeof picked !== 'string') {
          if (picked.command === 'show') grade = 1;
          else out(s.dim('Rate this card first, then undo.'));
          continue;
        }
        const n = Number(picked.trim());
        if (n === 1 || n === 2 || n === 3 || n === 4) grade = n;
        else out(s.yellow('Type 1, 2, 3 or 4.'));
      }
      if (grade === undefined) break;
      const result = await session.rate(question.id, grade);
      out(s.dim(`${RATING_NAMES[grade]} · next review in ${humanDuration(result.card.due - io.now())}`));
      continue;
    }

    const answers: string[] = [];
    let undone = false;
    let shown = false;
    for (let i = 0; i < asked.prompts.length; ) {
      const line = await ask(asked.prompts[i] ?? '');
      if (line === undefined) break;
      if (typeof line !== 'string') {
        if (line.command === 'undo') undone = true;
        else shown = true;
        break;
      }
      answers.push(line);
      i++;
      if (i === asked.prompts.length) {
        const response = asked.toResponse(answers);
        if (typeof response === 'string') {
          out(s.yellow(`Please ${response}.`));
          answers.length = 0;
          i = 0;
        }
      }
    }
    if (undone) {
      await undo(session, out, s);
      continue;
    }
    if (!shown && answers.length < asked.prompts.length) break;
    const response = shown ? undefined : asked.toResponse(answers);
    const result =
      response === undefined || typeof response === 'string'
        ? await session.rate(question.id, 1)
        : // A clock set back while the learner typed would give a negative time; count it as instant.
          await session.answer(question.id, response, tty ? { latencyMs: Math.max(0, io.now() - started) } : {});
    if (result.outcome) out(verdict(result.outcome, s));
    if (!result.outcome?.correct) out(`${s.bold('Answer:')} ${wrapText(describeCorrect(question), width)}`);
    for (const f of result.outcome?.feedback ?? []) out(wrapText(f, width, '  '));
    out(s.dim(wrapText(question.explanation, width, '  ')));
    for (const line of evidenceLines(question, bank, width, s)) out(line);
    out(s.dim(`${RATING_NAMES[result.grade]} · next review in ${humanDuration(result.card.due - io.now())}`));
  }
  reader.close();

  const summary = session.summary();
  const left = session.counts();
  out();
  if (interrupted) out('Interrupted.');
  else if (ended) out(quit ? 'Stopped.' : 'Input ended.');
  else {
    const upcoming = Object.values(session.progress().cards)
      .map((c) => c.due)
      .filter((d) => d > io.now())
      .sort((a, b) => a - b)[0];
    out(s.green(`Nothing more is due${upcoming === undefined ? '' : `; the next card is due in ${humanDuration(upcoming - io.now())}`}.`));
  }
  const pct = summary.answered === 0 ? '' : ` (${Math.round((summary.correct / summary.answered) * 100)}% correct)`;
  out(`Answered ${summary.answered} · correct ${summary.correct}${pct} · still due ${left.total}`);
  out(`Again ${summary.ratings[1]} · Hard ${summary.ratings[2]} · Good ${summary.ratings[3]} · Easy ${summary.ratings[4]}`);
  out(s.dim(session.progress() === loaded ? 'Nothing to save.' : `Progress saved to ${dataPath}`));
  return 0;
}

async function undo(session: Session, out: (text?: string) => void, s: Style): Promise<void> {
  const card = await session.undo();
  out(s.dim(card ? 'Undid the last answer.' : 'Nothing to undo in this session.'));
}
