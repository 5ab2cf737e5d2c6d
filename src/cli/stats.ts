import { resolve } from 'node:path';
import { createFsrs } from '../scheduler';
import { createFileStore } from '../session/file-store';
import { parseProgress } from '../session/progress';
import { createSession } from '../session/session';
import { summarizeProgress } from '../session/stats';
import { loadBank } from './banks';
import type { Io } from './io';
import { defaultDataPath } from './study';
import { humanDuration } from './style';
import { BANK_OPTIONS, parseCommand } from './args';

/** Help text of `recallkit stats`. */
export const STATS_HELP = `Usage: recallkit stats [options]

Show study progress: cards by state, answers, retention and what is due.

Options:
  --bank ID          a shipped bank (default: mosul-foreign-fighters)
  --bank-file FILE   your own bank JSON instead
  --data FILE        progress file (default: $RECALLKIT_DATA, else ~/.recallkit/<bank>.json)
  --json             print the figures as JSON
  -h, --help         show this help`;

/**
 * Runs `recallkit stats`.
 *
 * @param argv The arguments after `stats`.
 * @param io The streams, environment and clock.
 * @returns The exit code.
 */
export async function stats(argv: readonly string[], io: Io): Promise<number> {
  const values = parseCommand(
    argv,
    {
      ...BANK_OPTIONS,
      data: { type: 'string' },
      json: { type: 'boolean' },
    },
    STATS_HELP,
    io,
  );
  if (!values) return 0;
  const { bank } = await loadBank({ bank: values.bank, bankFile: values['bank-file'], cwd: io.cwd });
  const dataPath = values.data ? resolve(io.cwd, values.data) : defaultDataPath(io.env, bank.id, io.cwd);
  const stored = await createFileStore({ path: dataPath }).load();
  const scheduler = createFsrs();
  const progress = parseProgress(stored, bank.id, scheduler.name);
  const now = io.now();
  const figures = summarizeProgress(progress, bank, now);
  // A read-only session gives the due counts exactly as `study` would (daily limits included).
  const readOnly = { load: async () => stored, save: async () => undefined };
  const due = (await createSession({ bank, scheduler, store: readOnly, now: io.now })).counts();
  if (values.json) {
    io.stdout.write(`${JSON.stringify({ bank: bank.id, data: dataPath, ...figures, due }, null, 2)}\n`);
    return 0;
  }
  const pct = (x: number | null) => (x === null ? '–' : `${Math.round(x * 100)}%`);
  const rows: [string, string][] = [
    ['Bank', `${bank.id} (${figures.questions} questions to study)`],
    ['Progress file', figures.updatedAt === null ? `${dataPath} (not started)` : dataPath],
    ['Unseen', String(figures.unseen)],
    ['Learning', String(figures.states.learning + figures.states.relearning)],
    ['Review', String(figures.states.review)],
    ['Answers', `${figures.answers} (${figures.answersToday} today)`],
    ['Retention', figures.retention === null ? '– (no review answers yet)' : `${pct(figures.retention)} of review answers recalled`],
    ['Due now', `${due.review} review · ${due.learning} learning · ${due.new} new`],
    ['Due by tomorrow', String(figures.dueTomorrow)],
    ['Last studied', figures.updatedAt === null ? 'never' : `${humanDuration(now - figures.updatedAt)} ago`],
  ];
  const w = Math.max(...rows.map(([k]) => k.length));
  for (const [k, v] of rows) io.stdout.write(`${k.padEnd(w)}  ${v}\n`);
  return 0;
}
