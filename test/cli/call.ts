import { PassThrough } from 'node:stream';
import type { Io } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { ROOT } from './run';

/** What an in-process CLI call printed and returned. */
export interface Call {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `main` in-process (no spawn: the same code the binary runs, much faster) with piped stdin.
 *
 * @param argv The arguments.
 * @param input What stdin delivers before it ends.
 * @param cwd The working directory.
 * @returns Exit code and output.
 */
export async function call(argv: string[], input = '', cwd = ROOT): Promise<Call> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => { out += d; });
  stderr.on('data', (d: Buffer) => { err += d; });
  const stdin = new PassThrough();
  stdin.end(input);
  const io: Io = { stdin, stdout, stderr, env: { NO_COLOR: '1', HOME: '/nonexistent' }, now: () => Date.UTC(2026, 0, 5, 9), cwd };
  const code = await main(argv, io);
  return { code, stdout: out, stderr: err };
}
