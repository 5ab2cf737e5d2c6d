import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { exportAiken } from '../formats/aiken';
import { exportAnkiText, exportQuizlet } from '../formats/csv';
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
  /** Renders a bank (or the questions of one quiz form); `skipped` lists items the format cannot hold. */
  readonly render: (input: Bank | readonly Question[]) => Rendered;
}

/** The output of a format. */
export interface Rendered {
  readonly data: string | Uint8Array;
  readonly skipped: readonly { readonly id: string; readonly reason: string }[];
}

const all = (data: string | Uint8Array): Rendered => ({ data, skipped: [] });

/** The formats `export` and `quiz` write, by name. */
export const OUTPUT_FORMATS: Readonly<Record<string, OutputFormat>> = {
  gift: { ext: 'gift.txt', binary: false, render: (input) => all(exportGift(input)) },
  qti: { ext: 'qti.zip', binary: true, render: (input) => all(exportQtiPackage(input)) },
  'moodle-xml': { ext: 'moodle.xml', binary: false, render: (input) => all(exportMoodleXml(input)) },
  aiken: { ext: 'aiken.txt', binary: false, render: (input) => { const r = exportAiken(input); return { data: r.text, skipped: r.skipped }; } },
  csv: { ext: 'csv', binary: false, render: (input) => all(exportAnkiText(input, { separator: 'comma' })) },
  anki: { ext: 'anki.txt', binary: false, render: (input) => all(exportAnkiText(input)) },
  quizlet: { ext: 'quizlet.txt', binary: false, render: (input) => all(exportQuizlet(input)) },
  json: { ext: 'json', binary: false, render: (input) => all(`${JSON.stringify(input, null, 2)}\n`) },
};

/**
 * Looks up an output format by name.
 *
 * @param name The `--format` value.
 * @returns The format, or `undefined` for an unknown name (own keys only: `constructor` is unknown).
 */
export function outputFormat(name: string): OutputFormat | undefined {
  return Object.hasOwn(OUTPUT_FORMATS, name) ? OUTPUT_FORMATS[name] : undefined;
}

/**
 * Tells the user on stderr which items a format left out, so stdout stays a clean file.
 *
 * @param io The streams.
 * @param format The format name.
 * @param skipped The items left out.
 */
export function reportSkipped(io: Io, format: string, skipped: Rendered['skipped']): void {
  if (skipped.length === 0) return;
  const reasons = new Map<string, number>();
  for (const s of skipped) reasons.set(s.reason, (reasons.get(s.reason) ?? 0) + 1);
  const detail = [...reasons].map(([reason, n]) => `${n} × ${reason}`).join('; ');
  io.stderr.write(`recallkit: ${format} cannot hold ${skipped.length} item(s), left out: ${detail}\n`);
}

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
