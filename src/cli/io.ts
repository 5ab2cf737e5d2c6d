import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';

/** Where a command reads and writes; tests and the entry point pass the real streams. */
export interface Io {
  readonly stdin: Readable & { isTTY?: boolean };
  readonly stdout: Writable & { isTTY?: boolean; columns?: number };
  readonly stderr: Writable;
  /** Environment variables (HOME, NO_COLOR, RECALLKIT_DATA). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The clock. */
  readonly now: () => number;
  /** The working directory, for relative paths. */
  readonly cwd: string;
}

/** Reads answers line by line, from a terminal or a pipe. */
export interface LineReader {
  /** Shows a prompt and waits for one line; `undefined` once input has ended. */
  ask(prompt: string): Promise<string | undefined>;
  /** Stops reading. */
  close(): void;
}

/**
 * Creates a line reader over stdin with node:readline.
 *
 * Hint: lines that arrive before they are asked for (a pipe delivers all at once)
 * are buffered by the async iterator, not lost; when input is not a terminal the
 * answer is echoed so a transcript reads like the interactive session.
 *
 * @param io The streams.
 * @param onInterrupt Called on Ctrl-C in a terminal.
 * @returns A frozen reader.
 */
export function createLineReader(io: Io, onInterrupt: () => void): LineReader {
  const tty = Boolean(io.stdin.isTTY);
  const rl = createInterface({ input: io.stdin, ...(tty ? { output: io.stdout } : {}), terminal: tty, historySize: 0 });
  rl.on('SIGINT', onInterrupt);
  const lines = rl[Symbol.asyncIterator]();
  let closed = false;
  return Object.freeze({
    ask: async (prompt: string): Promise<string | undefined> => {
      if (closed) return undefined;
      if (tty) {
        rl.setPrompt(prompt);
        rl.prompt();
      } else io.stdout.write(prompt);
      const next = await lines.next();
      if (next.done) {
        closed = true;
        if (!tty) io.stdout.write('\n');
        return undefined;
      }
      if (!tty) io.stdout.write(`${next.value}\n`);
      return next.value;
    },
    close: () => {
      closed = true;
      rl.close();
    },
  });
}
