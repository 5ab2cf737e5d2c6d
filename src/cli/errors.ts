/** Exit codes of the `recallkit` command. */
export const EXIT = Object.freeze({ ok: 0, runtime: 1, usage: 2 } as const);

/** A mistake in how the command was called: printed with a hint to `--help`, exit code 2. */
export interface UsageError {
  readonly kind: 'usage';
  readonly message: string;
  /** The command whose help to point at, e.g. `'study'`. */
  readonly command?: string;
}

/**
 * Creates a usage error to throw.
 *
 * @param message What is wrong with the arguments.
 * @param command The command it concerns.
 * @returns A plain object the entry point recognises.
 */
export function usageError(message: string, command?: string): UsageError {
  return Object.freeze({ kind: 'usage' as const, message, ...(command ? { command } : {}) });
}

/**
 * Checks whether a thrown value is a usage error.
 *
 * @param value A thrown value.
 * @returns `true` for objects made by `usageError`.
 */
export function isUsageError(value: unknown): value is UsageError {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'usage';
}
