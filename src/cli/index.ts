/**
 * The `recallkit` program: runs `main` with the real process streams.
 * Tests import `main` from ./main instead and pass their own streams and clock.
 */
import { EXIT } from './errors';
import type { Io } from './io';
import { main } from './main';

// RECALLKIT_NOW (epoch ms or an ISO date) pins the clock: scripted runs and tests get
// the same due dates every time. Unset, the real clock is used.
const pinned = process.env.RECALLKIT_NOW ? (/^\d+$/.test(process.env.RECALLKIT_NOW) ? Number(process.env.RECALLKIT_NOW) : Date.parse(process.env.RECALLKIT_NOW)) : undefined;
if (pinned !== undefined && !Number.isFinite(pinned)) {
  process.stderr.write(`recallkit: RECALLKIT_NOW must be epoch milliseconds or an ISO date, got "${process.env.RECALLKIT_NOW}"\n`);
  process.exit(EXIT.usage);
}
const now = pinned === undefined ? () => Date.now() : () => pinned;
// `recallkit export | head` closes the pipe early: that is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
const io: Io = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env, now, cwd: process.cwd() };
main(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`recallkit: ${String(error)}\n`);
    process.exitCode = EXIT.runtime;
  },
);
