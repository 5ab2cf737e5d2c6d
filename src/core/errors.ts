/**
 * Every machine-readable error code RecallKit can throw. The codes are the
 * contract; the wording of messages may improve between versions.
 */
export type RecallKitErrorCode =
  | 'RK_INVALID_INPUT'
  | 'RK_INVALID_BANK'
  | 'RK_INVALID_QUESTION'
  | 'RK_INVALID_RESPONSE'
  | 'RK_INVALID_CARD_STATE'
  | 'RK_INVALID_REVIEW_LOG'
  | 'RK_INVALID_RATING'
  | 'RK_INVALID_TIME'
  | 'RK_INVALID_OPTIONS'
  | 'RK_INVALID_PARAMETERS'
  | 'RK_INVALID_SEED'
  | 'RK_UNSATISFIABLE_BLUEPRINT'
  | 'RK_PARSE_ERROR'
  | 'RK_NOT_FOUND'
  | 'RK_UNSUPPORTED'
  | 'RK_STORE_ERROR'
  | 'RK_ABORTED';

/** One problem found while validating input. */
export interface Issue {
  /** Where the problem is, e.g. `questions[3].options[1].id`. Empty for the root. */
  readonly path: string;
  /** What is wrong, in words a person can act on. */
  readonly message: string;
}

/**
 * The single error class of RecallKit. It carries a stable `code`, the `path`
 * of the first bad field, and (for boundary validation) every issue found.
 *
 * @example
 * ```ts
 * try { parseBank(json) } catch (e) {
 *   if (e instanceof RecallKitError && e.code === 'RK_INVALID_BANK') console.log(e.issues)
 * }
 * ```
 */
export class RecallKitError extends Error {
  override readonly name = 'RecallKitError';
  /** The stable machine-readable code. */
  readonly code: RecallKitErrorCode;
  /** Path of the (first) bad field, e.g. `reviews[3].rating`; `''` when not about a field. */
  readonly path: string;
  /** Every problem found; at least one. */
  readonly issues: readonly Issue[];

  /**
   * Creates an error.
   *
   * @param code The stable error code.
   * @param message What is wrong; the path is appended when given.
   * @param path The path of the bad field.
   * @param issues Every issue found (defaults to one built from message and path).
   */
  constructor(code: RecallKitErrorCode, message: string, path = '', issues?: readonly Issue[]) {
    const list = issues && issues.length > 0 ? issues : [{ path, message }];
    super(formatMessage(code, message, path, list));
    this.code = code;
    this.path = path;
    this.issues = list;
  }
}

function formatMessage(code: string, message: string, path: string, issues: readonly Issue[]): string {
  if (issues.length <= 1) return `${code}: ${message}${path ? ` at ${path}` : ''}`;
  const lines = issues.map((issue) => `  - ${issue.path || '(root)'}: ${issue.message}`);
  return `${code}: ${message} (${issues.length} issues)\n${lines.join('\n')}`;
}

/**
 * Describes a value for an error message: short, never huge, never throws.
 *
 * @param value Any value.
 * @returns A printable description such as `7`, `"abc"`, `NaN` or `an object`.
 */
export function describe(value: unknown): string {
  const kind = typeof value;
  if (kind === 'string') return JSON.stringify((value as string).length > 40 ? `${(value as string).slice(0, 40)}…` : value);
  // Numbers, booleans, bigints, null and undefined print as themselves (NaN as `NaN`, which JSON cannot show).
  if (value === null || (kind !== 'object' && kind !== 'function' && kind !== 'symbol')) return String(value);
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'an invalid Date' : value.toISOString();
  return kind === 'object' ? 'an object' : `a ${kind}`;
}

/**
 * Joins a path and a key the way messages print them: `a.b[3].c`.
 *
 * @param base The parent path.
 * @param key A property name or array index.
 * @returns The joined path.
 */
export function joinPath(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  return base ? `${base}.${key}` : key;
}
