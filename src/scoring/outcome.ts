import { type RecallKitErrorCode, RecallKitError, joinPath } from '../core/errors';
import type { Outcome, OutcomePart } from '../schema/response';

/**
 * Moodle's question_state::graded_state_for_fraction: a fraction above 0.999999 is right,
 * below 0.000001 is wrong, anything between is partial.
 */
export const RIGHT = 0.999999;
/** See {@link RIGHT}. */
export const WRONG = 0.000001;

/** The longest text a response may carry: the schema's limit (src/schema/response.ts). */
export const MAX_TEXT = 100_000;

/** Feedback when nothing was answered. */
export const NO_ANSWER = 'No answer.';

/**
 * Clamps a fraction to [0, 1]; NaN becomes 0. Sums such as 1/3 + 1/3 + 1/3 land a hair below 1,
 * so anything above 1 − 10^-7 counts as 1 (well inside Moodle's 0.999999 for "right").
 *
 * @param f A fraction.
 * @returns The clamped fraction.
 */
export function clamp01(f: number): number {
  return f > 0.9999999 ? 1 : Math.max(f, 0) || 0;
}

/**
 * Builds an outcome from a fraction; the fraction is clamped to [0, 1].
 *
 * @param fraction The fraction earned.
 * @param points The marks the question is worth.
 * @param feedback Feedback lines.
 * @param parts Per-part results, if any.
 * @returns The outcome.
 */
export function outcome(fraction: number, points: number, feedback: string[], parts?: OutcomePart[]): Outcome {
  const f = clamp01(fraction);
  const o: Outcome = { score: f * points, maxScore: points, fraction: f, correct: f > RIGHT, partial: f >= WRONG && f <= RIGHT, feedback };
  if (parts) o.parts = parts;
  return o;
}

/**
 * Describes a bad value in a message, never more than 40 characters of text. A smaller cousin of
 * core's `describe` (no Date or bigint cases): `grade` has a 4 KB gzip budget.
 *
 * @param v Any value.
 * @returns A short description.
 */
export function show(v: unknown): string {
  return typeof v === 'string' ? JSON.stringify(v.slice(0, 40)) : Array.isArray(v) ? 'an array' : typeof v === 'object' && v ? 'an object' : String(v);
}

/**
 * Throws `RK_INVALID_RESPONSE` naming the path and the bad value.
 *
 * @param path Where the bad value is.
 * @param message What was expected.
 * @param value The bad value.
 * @param code The error code (default `RK_INVALID_RESPONSE`).
 */
export function bad(path: string, message: string, value: unknown, code: RecallKitErrorCode = 'RK_INVALID_RESPONSE'): never {
  throw new RecallKitError(code, `${message}, got ${show(value)}`, path);
}

/**
 * Checks a response text: a string of at most {@link MAX_TEXT} characters.
 *
 * @param value The value.
 * @param path Its path.
 * @returns The text.
 */
export function text(value: unknown, path: string): string {
  if (typeof value !== 'string' || value.length > MAX_TEXT) bad(path, `expected a string of <= ${MAX_TEXT} characters`, value);
  return value;
}

/**
 * Checks that a value is a plain record (not null, not an array).
 *
 * @param value The value.
 * @param path Its path.
 * @returns The record.
 */
export function record(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) bad(path, 'expected an object', value);
  return value as Record<string, unknown>;
}

/**
 * Reads a record keyed by the ids of a list (cloze gaps, matching pairs): rejects unknown keys
 * and non-string values, and returns the texts in list order, `''` where a key is missing.
 *
 * @param value The record.
 * @param list The items whose ids are the allowed keys.
 * @param path The record's path.
 * @returns One text per item.
 */
export function texts(value: unknown, list: readonly { id: string }[], path: string): string[] {
  const rec = record(value, path);
  for (const id in rec) if (!list.some((x) => x.id === id)) bad(joinPath(path, id), 'unknown id', id);
  return list.map(({ id }) => (Object.hasOwn(rec, id) ? text(rec[id], joinPath(path, id)) : ''));
}
