import { type ParseArgsConfig, parseArgs } from 'node:util';
import type { Io } from './io';

type Options = NonNullable<ParseArgsConfig['options']>;

/** The parsed values of a command's flags plus the common ones. */
type Values<T extends Options> = ReturnType<typeof parseArgs<{ options: typeof COMMON & T; strict: true; allowPositionals: false }>>['values'];

/** Flags every command takes. */
const COMMON = {
  'no-color': { type: 'boolean' },
  debug: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Flags of the commands that read a bank: a shipped one by id, or a JSON file. */
export const BANK_OPTIONS = {
  bank: { type: 'string' },
  'bank-file': { type: 'string' },
} as const;

/**
 * Parses a command's flags (plus `--no-color`, `--debug`, `--help`) strictly: an unknown
 * flag or a positional argument is a usage error. Prints the help text for `--help`.
 *
 * @param argv The arguments after the command name.
 * @param options The command's own flags.
 * @param help The command's help text.
 * @param io Where to print the help.
 * @returns The flag values, or `null` when help was printed (exit 0).
 */
export function parseCommand<const T extends Options>(argv: readonly string[], options: T, help: string, io: Io): Values<T> | null {
  const config = { args: [...argv], options: { ...COMMON, ...options }, strict: true, allowPositionals: false } as const;
  const { values } = parseArgs(config) as { values: Values<T> & { help?: boolean } };
  if (values.help) {
    io.stdout.write(`${help}\n`);
    return null;
  }
  return values;
}
