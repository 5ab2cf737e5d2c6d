import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { exportGift } from '../formats/gift';
import { exportMoodleXml } from '../formats/moodle-xml';
import { exportQtiPackage } from '../formats/qti';
import type { Bank } from '../schema/bank';
import type { Question } from '../schema/question';
import { usageError } from './errors';
import type { Io } from './io';

/** An LMS or interchange format the CLI can write. */
export interface OutputFormat {
  /** The file extension, for `--out` folders. */
  readonly ext: string;
  /** Whether the output is binary (a zip). */
  readonly binary: boolean;
  /** Renders a bank (or the questions of one quiz form). */
  readonly render: (input: Bank | readonly Question[]) => string | Uint8Array;
}

/** The formats `export` and `quiz` write, by name. */
export const OUTPUT_FORMATS: Readonly<Record<string, OutputFormat>> = {
  gift: { ext: 'gift.txt', binary: false, render: (input) => exportGift(input) },
  qti: { ext: 'qti.zip', binary: true, render: (input) => exportQtiPackage(input) },
  'moodle-xml': { ext: 'moodle.xml', binary: false, render: (input) => exportMoodleXml(input) },
  json: { ext: 'json', binary: false, render: (input) => `${JSON.stringify(input, null, 2)}\n` },
};

/**
 * Writes command output to a file (`--out`) or stdout.
 *
 * @param io The streams.
 * @param data Text or bytes.
 * @param out The file, or `undefined` for stdout.
 * @param command The command, for the usage error about binary output on a terminal.
 * @returns The absolute path written, or `undefined` for stdout.
 */
export async function emit(io: Io, data: string | Uint8Array, out: string | undefined, command: string): Promise<string | undefined> {
  if (out !== undefined) {
    const path = resolve(io.cwd, out);
    await writeFile(path, data);
    return path;
  }
  if (typeof data !== 'string' && io.stdout.isTTY) throw usageError('this format is a zip file: write it with --out FILE, or redirect stdout to a file', command);
  io.stdout.write(data);
  return undefined;
}
