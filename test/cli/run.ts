import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The repository root. */
export const ROOT = join(import.meta.dirname, '..', '..');
/** The fixture bank (JSON) the CLI tests study. */
export const FIXTURE_BANK = join(ROOT, 'test', 'fixtures', 'session', 'bank.json');
/** The built CLI, when `npm run build` has run (RECALLKIT_BUILD_ROOT points at another build). */
export const DIST_CLI = join(process.env.RECALLKIT_BUILD_ROOT ?? ROOT, 'dist', 'cli', 'index.js');
/** A fixed clock for reproducible due dates: 2026-01-05 09:00 UTC. */
export const NOW = String(Date.UTC(2026, 0, 5, 9));

/** What a finished CLI run printed and returned. */
export interface Run {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Starts the CLI from source (tsx) or from dist, with a pinned clock and no colour.
 *
 * @param args The arguments.
 * @param options `dist` to run the built file; extra environment.
 * @returns The child process.
 */
export function start(args: readonly string[], options: { dist?: boolean; env?: Record<string, string> } = {}): ChildProcessWithoutNullStreams {
  const cmd = options.dist ? [DIST_CLI] : ['--import', 'tsx', join(ROOT, 'src', 'cli', 'index.ts')];
  return spawn(process.execPath, [...cmd, ...args], {
    cwd: ROOT,
    env: { ...process.env, RECALLKIT_NOW: NOW, NO_COLOR: '1', ...options.env },
  });
}

/**
 * Runs the CLI to the end with the given stdin.
 *
 * @param args The arguments.
 * @param input What to pipe to stdin (closed afterwards).
 * @param options As for `start`.
 * @returns Exit code, signal and output.
 */
export function run(args: readonly string[], input = '', options: { dist?: boolean; env?: Record<string, string> } = {}): Promise<Run> {
  const child = start(args, options);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => { stdout += d; });
  child.stderr.on('data', (d: Buffer) => { stderr += d; });
  child.stdin.end(input);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** Whether dist/ has been built: the CLI and the shipped bank it loads at run time. */
export const hasDist = (): boolean => existsSync(DIST_CLI) && existsSync(join(DIST_CLI, '..', '..', 'banks', 'mosul-foreign-fighters.js'));
