import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { RecallKitError } from '../core/errors';
import { listBanks } from './banks';
import { EXIT, isUsageError, usageError } from './errors';
import type { Io } from './io';
import { EXPORT_HELP, exportCommand } from './export';
import { GRADE_HELP, gradeCommand } from './grade';
import { QUIZ_HELP, quizCommand } from './quiz';
import { STATS_HELP, stats } from './stats';
import { STUDY_HELP, study } from './study';

/** One subcommand: its help text and what it runs. */
interface Command {
  readonly summary: string;
  readonly help: string;
  readonly run: (argv: readonly string[], io: Io) => Promise<number>;
}

const BANKS_HELP = `Usage: recallkit banks

List the question banks shipped with RecallKit.`;

const COMMANDS: Readonly<Record<string, Command>> = {
  study: { summary: 'study a bank with spaced repetition (interactive or piped)', help: STUDY_HELP, run: study },
  stats: { summary: 'show study progress and what is due', help: STATS_HELP, run: stats },
  quiz: { summary: 'assemble a printable or LMS quiz with seeded parallel forms', help: QUIZ_HELP(), run: quizCommand },
  export: { summary: 'export a whole bank (GIFT, QTI, ...)', help: EXPORT_HELP(), run: exportCommand },
  grade: { summary: "score a class's answers to a quiz, with item analysis", help: GRADE_HELP, run: gradeCommand },
  banks: {
    summary: 'list the shipped question banks',
    help: BANKS_HELP,
    run: async (_argv, io) => {
      for (const id of await listBanks()) io.stdout.write(`${id}\n`);
      return EXIT.ok;
    },
  },
};

/** A command by name; own properties only, so `recallkit constructor` is an unknown command, not a crash. */
function commandNamed(name: string | undefined): Command | undefined {
  return name !== undefined && Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
}

function mainHelp(): string {
  const w = Math.max(...Object.keys(COMMANDS).map((k) => k.length));
  const list = Object.entries(COMMANDS)
    .map(([name, c]) => `  ${name.padEnd(w)}  ${c.summary}`)
    .join('\n');
  return `Usage: recallkit <command> [options]

Typed question banks, FSRS-6 spaced repetition and Moodle-grade scoring.

Commands:
${list}

Options:
  -h, --help      show help (also: recallkit help <command>, recallkit <command> --help)
  -v, --version   show the version
  --debug         show stack traces for errors

Examples:
  recallkit study                                   study the default bank
  recallkit study --data ./progress.json --new 10   keep progress in a file of your choice
  recallkit stats
  recallkit quiz --count 20 --forms 3 --seed 42 --format html > quiz.html
  recallkit export --format gift > bank.gift.txt
  recallkit grade --key key.json --responses answers.csv

Exit codes: 0 ok, 1 runtime error, 2 usage error.`;
}

function version(): string {
  try {
    // dist/cli/index.js and src/cli/index.ts both sit two levels below package.json.
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/**
 * Runs the `recallkit` command line.
 *
 * Hint: it never calls `process.exit`; it returns the exit code, so tests can call it.
 *
 * @param argv The arguments after `node recallkit`.
 * @param io The streams, environment and clock.
 * @returns The exit code: 0 ok, 1 runtime error, 2 usage error.
 */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  const debug = argv.includes('--debug');
  const name = argv.find((a) => !a.startsWith('-'));
  const command = commandNamed(name);
  try {
    if (name === undefined) {
      const { values } = parseArgs({
        args: [...argv],
        options: { help: { type: 'boolean', short: 'h' }, version: { type: 'boolean', short: 'v' }, debug: { type: 'boolean' }, 'no-color': { type: 'boolean' } },
        strict: true,
      });
      if (values.version) {
        io.stdout.write(`${version()}\n`);
        return EXIT.ok;
      }
      if (values.help) {
        io.stdout.write(`${mainHelp()}\n`);
        return EXIT.ok;
      }
      io.stderr.write(`${mainHelp()}\n`);
      return EXIT.usage;
    }
    if (name === 'help') {
      const topic = argv[argv.indexOf(name) + 1];
      const target = commandNamed(topic);
      if (topic !== undefined && !target) throw usageError(`no help for "${topic}": not a command`);
      io.stdout.write(`${target ? target.help : mainHelp()}\n`);
      return EXIT.ok;
    }
    if (!command) {
      io.stderr.write(`recallkit: unknown command "${name}"\nRun \`recallkit --help\` for the list of commands.\n`);
      return EXIT.usage;
    }
    const at = argv.indexOf(name);
    const rest = argv.filter((_, i) => i !== at);
    return await command.run(rest, io);
  } catch (error) {
    if (isUsageError(error) || (error instanceof TypeError && String((error as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS'))) {
      const hint = name && command ? `recallkit ${name} --help` : 'recallkit --help';
      io.stderr.write(`recallkit: ${error.message}\nRun \`${hint}\` for usage.\n`);
      return EXIT.usage;
    }
    if (debug) io.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    else if (error instanceof RecallKitError) io.stderr.write(`recallkit: ${error.message}\n`);
    else io.stderr.write(`recallkit: ${error instanceof Error ? error.message : String(error)}\n(run with --debug for details)\n`);
    return EXIT.runtime;
  }
}
