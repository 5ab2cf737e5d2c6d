import { loadBank } from './banks';
import { usageError } from './errors';
import type { Io } from './io';
import { OUTPUT_FORMATS, emit, outputFormat, reportSkipped } from './outputs';
import { BANK_OPTIONS, parseCommand } from './args';

/** Help text of `recallkit export`. */
export const EXPORT_HELP = (): string => `Usage: recallkit export --format F [options]

Export a whole bank for an LMS or another tool.

Options:
  --format F         ${Object.keys(OUTPUT_FORMATS).join(' | ')} (default gift)
  --out FILE         write to a file (needed for zip formats on a terminal)
  --bank ID          a shipped bank (default: mosul-foreign-fighters)
  --bank-file FILE   your own bank JSON instead
  -h, --help         show this help

Examples:
  recallkit export --format gift > bank.gift.txt
  recallkit export --format qti --out bank.qti.zip`;

/**
 * Runs `recallkit export`.
 *
 * @param argv The arguments after `export`.
 * @param io The streams, environment and clock.
 * @returns The exit code.
 */
export async function exportCommand(argv: readonly string[], io: Io): Promise<number> {
  const values = parseCommand(
    argv,
    {
      ...BANK_OPTIONS,
      format: { type: 'string' },
      out: { type: 'string' },
    },
    EXPORT_HELP(),
    io,
  );
  if (!values) return 0;
  const format = values.format ?? 'gift';
  const output = outputFormat(format);
  if (!output) throw usageError(`--format must be one of ${Object.keys(OUTPUT_FORMATS).join(', ')}, got "${format}"`, 'export');
  const { bank } = await loadBank({ bank: values.bank, bankFile: values['bank-file'], cwd: io.cwd });
  const rendered = output.render(bank);
  reportSkipped(io, format, rendered.skipped);
  const path = await emit(io, rendered.data, values.out, 'export');
  if (path) io.stderr.write(`Wrote ${bank.questions.length} questions (${format}) to ${path}\n`);
  return 0;
}
