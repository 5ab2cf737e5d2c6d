import { readFile, readdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RecallKitError } from '../core/errors';
import type { Bank } from '../schema/bank';
import { parseBank } from '../schema/parse';
import { usageError } from './errors';

/** The bank `study`, `quiz` and the others use when `--bank` is not given. */
export const DEFAULT_BANK = 'mosul-foreign-fighters';

// Shipped banks are separate modules next to the CLI (dist/banks/<id>.js, or
// src/banks/<id>.ts under tsx), found at run time: the CLI bundle stays small and
// a newly compiled bank shows up without touching this file.
const banksDir = (): string => fileURLToPath(new URL('../banks/', import.meta.url));
const isBankModule = (file: string): boolean =>
  (file.endsWith('.js') || file.endsWith('.ts')) && !file.endsWith('.d.ts') && !file.endsWith('.test.ts');

/**
 * Lists the ids of the banks shipped with the package.
 *
 * @returns Bank ids, sorted.
 */
export async function listBanks(): Promise<string[]> {
  try {
    const files = await readdir(banksDir());
    return [...new Set(files.filter(isBankModule).map((f) => f.replace(/\.(js|ts)$/, '')))].sort();
  } catch {
    return [];
  }
}

/**
 * Loads a shipped bank by id, or a bank JSON file (validated with `parseBank`).
 *
 * @param options `bank` (an id) and/or `bankFile` (a path), and the working directory.
 * @returns The bank and where it came from.
 * @throws A usage error for an unknown id; RecallKitError for a bad file.
 */
export async function loadBank(options: { bank?: string | undefined; bankFile?: string | undefined; cwd: string }): Promise<{ bank: Bank; from: string }> {
  if (options.bankFile !== undefined) {
    const path = resolve(options.cwd, options.bankFile);
    let bytes: Uint8Array;
    try {
      bytes = await readFile(path);
    } catch (error) {
      throw new RecallKitError('RK_NOT_FOUND', `cannot read bank file ${path}: ${(error as Error).message}`, '--bank-file');
    }
    let text: string;
    try {
      // Strict decoding: a Latin-1 or UTF-16 file would otherwise load with U+FFFD in its questions.
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new RecallKitError('RK_PARSE_ERROR', `${path} is not UTF-8 text; save it as UTF-8 and try again`, '--bank-file');
    }
    // Editors on Windows start UTF-8 files with a byte-order mark, which JSON.parse refuses.
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new RecallKitError('RK_PARSE_ERROR', `${path} is not valid JSON: ${(error as Error).message}`, '--bank-file');
    }
    return { bank: parseBank(json), from: path };
  }
  const id = options.bank ?? DEFAULT_BANK;
  const ids = await listBanks();
  if (!ids.includes(id)) {
    const known = ids.length ? ids.join(', ') : 'none found (run `npm run build` first)';
    throw usageError(`unknown bank "${id}"; shipped banks: ${known}. Use --bank-file FILE for your own bank JSON`);
  }
  const dir = banksDir();
  const file = (await readdir(dir)).find((f) => isBankModule(f) && f.replace(/\.(js|ts)$/, '') === id) as string;
  const mod = (await import(new URL(file, new URL('../banks/', import.meta.url)).href)) as { bank?: Bank };
  if (!mod.bank) throw new RecallKitError('RK_NOT_FOUND', `bank module ${file} has no \`bank\` export`, '--bank');
  return { bank: mod.bank, from: `recallkit/banks/${id}` };
}
