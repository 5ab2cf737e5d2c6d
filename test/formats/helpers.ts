import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Bank } from '../../src/schema/bank';
import { fixtureBank } from '../fixtures/formats/bank';

/** The repository root (tests run from it; shared/ lies beside the clone). */
export const ROOT = resolve(__dirname, '../..');
/**
 * The shared reference data (third-party XSDs, JSON Schemas, GIFT fixtures): `../shared/schemas` from
 * the repo root, where CI lays it beside the clone, or `RECALLKIT_SHARED_SCHEMAS` elsewhere.
 */
export const SHARED = process.env.RECALLKIT_SHARED_SCHEMAS ?? resolve(ROOT, '../shared/schemas');

/** What a cleaned, one-line text looks like after a reader collapses whitespace. */
export function expText(s: string): string {
  return s
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g, '')
    .replace(/\t/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

const SHIPPED = resolve(ROOT, 'src/banks/mosul-foreign-fighters.ts');

/** The fixture bank, plus the shipped bank once it has been compiled. */
export async function banks(): Promise<Bank[]> {
  const out: Bank[] = [fixtureBank];
  if (existsSync(SHIPPED)) {
    const mod = (await import(SHIPPED)) as { bank: Bank };
    out.push(mod.bank);
  }
  return out;
}
