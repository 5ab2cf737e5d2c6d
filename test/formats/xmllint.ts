import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { SHARED } from './helpers';

/** Whether xmllint (Debian libxml2-utils) is installed. */
export const hasXmllint = spawnSync('xmllint', ['--version']).status === 0;
if (!hasXmllint) console.warn('xmllint is missing: XML validation tests are skipped (apt-get install -y libxml2-utils).');

/** Writes files into a fresh temporary directory and returns their paths. */
export function writeTemp(files: readonly { name: string; data: string | Uint8Array }[]): { dir: string; paths: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'recallkit-formats-'));
  const paths = files.map((f) => {
    const path = join(dir, f.name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, f.data);
    return path;
  });
  return { dir, paths };
}

/** Result of one xmllint run: exit status and the files it did not accept. */
export interface LintResult {
  readonly status: number | null;
  readonly failures: string[];
  readonly output: string;
}

/**
 * Runs `xmllint --nonet --noout [--schema xsd] files...` once (the schema compiles once).
 *
 * @param paths The files.
 * @param schema A path under shared/schemas, or none for well-formedness only.
 */
export function xmllint(paths: readonly string[], schema?: string): LintResult {
  const args = ['--nonet', '--noout', ...(schema ? ['--schema', join(SHARED, schema)] : []), ...paths];
  if (schema && !existsSync(join(SHARED, schema))) throw new Error(`schema not found: ${join(SHARED, schema)}`);
  const r = spawnSync('xmllint', args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const output = `${r.stdout}${r.stderr}`;
  const failures = output
    .split('\n')
    .filter((l) => l.trim() !== '' && !/ validates$/.test(l))
    .slice(0, 20);
  return { status: r.status, failures, output };
}

/** Evaluates an XPath string expression with xmllint. */
export function xpath(path: string, expr: string): string {
  const r = spawnSync('xmllint', ['--nonet', '--xpath', expr, path], { encoding: 'utf8' });
  // xmllint prints a newline after the result.
  return r.stdout.replace(/\n$/, '');
}
