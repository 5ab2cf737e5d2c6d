import type * as z from 'zod';
import { type Issue, RecallKitError, type RecallKitErrorCode } from '../core/errors';
import { type Bank, BankSchema } from './bank';
import { type Question, QuestionSchema } from './question';
import { type Response, ResponseSchema } from './response';

/** The result of a `safeParseX` call: the value, or every issue found. */
export type SafeParseResult<T> = { readonly success: true; readonly value: T } | { readonly success: false; readonly error: RecallKitError };

// Keys that could reach an object's prototype when a consumer copies the value with
// `Object.assign` or a naive deep merge. JSON.parse creates them as own properties.
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_DEPTH = 64;

/** Walks the raw input once, before zod, for prototype keys and absurd nesting. */
function findUnsafeKeys(value: unknown, path: string, issues: Issue[], depth: number): void {
  if (issues.length >= 100 || value === null || typeof value !== 'object') return;
  if (depth > MAX_DEPTH) {
    issues.push({ path, message: `nesting deeper than ${MAX_DEPTH} levels` });
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      findUnsafeKeys(item, `${path}[${i}]`, issues, depth + 1);
    });
    return;
  }
  for (const key of Object.keys(value)) {
    const child = path ? `${path}.${key}` : key;
    if (FORBIDDEN_KEYS.has(key)) issues.push({ path: child, message: `key "${key}" is not allowed (prototype pollution guard)` });
    else findUnsafeKeys((value as Record<string, unknown>)[key], child, issues, depth + 1);
  }
}

/** Formats a zod path as `questions[3].options[1].id`. */
export function formatPath(path: readonly PropertyKey[], base = ''): string {
  let out = base;
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

function describeReceived(input: unknown, path: readonly PropertyKey[]): string {
  let value: unknown = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return '';
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return ` (got ${value})`;
  if (typeof value === 'string') return ` (got ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)})`;
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return ` (got ${String(value)})`;
  return '';
}

function toIssues(error: z.core.$ZodError, input: unknown): Issue[] {
  const issues: Issue[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) issues.push({ path: formatPath([...issue.path, key]), message: `unknown key "${key}"` });
      continue;
    }
    if (issue.code === 'invalid_union' && 'errors' in issue && issue.errors.length > 0 && !('discriminator' in issue && issue.discriminator)) {
      // For a union, report the branch that got furthest (fewest issues) rather than "invalid input".
      const best = issue.errors.reduce((a, b) => (b.length < a.length ? b : a));
      for (const inner of best) {
        const path = [...issue.path, ...inner.path];
        issues.push({ path: formatPath(path), message: inner.message + describeReceived(input, path) });
      }
      continue;
    }
    const received = issue.code === 'custom' ? '' : describeReceived(input, issue.path);
    issues.push({ path: formatPath(issue.path), message: issue.message + received });
  }
  return issues;
}

function fail(code: RecallKitErrorCode, what: string, issues: Issue[]): RecallKitError {
  const first = issues[0];
  const message = issues.length === 1 && first ? `invalid ${what}: ${first.message}` : `invalid ${what}`;
  return new RecallKitError(code, message, first?.path ?? '', issues);
}

/**
 * Builds a safe parser and a throwing parser for a schema (one shared boundary, valibot-style).
 *
 * @param schema The zod schema.
 * @param code The error code thrown for invalid input.
 * @param what What is being parsed, for the message.
 * @returns `[safeParse, parse]`.
 */
// @__NO_SIDE_EFFECTS__
export function createParser<T>(schema: z.ZodType<T>, code: RecallKitErrorCode, what: string): [(input: unknown) => SafeParseResult<T>, (input: unknown) => T] {
  const safeParse = (input: unknown): SafeParseResult<T> => {
    const unsafe: Issue[] = [];
    findUnsafeKeys(input, '', unsafe, 0);
    if (unsafe.length > 0) return { success: false, error: fail(code, what, unsafe) };
    const result = schema.safeParse(input);
    if (result.success) return { success: true, value: result.data };
    const issues = toIssues(result.error, input);
    return { success: false, error: fail(code, what, issues) };
  };
  const parse = (input: unknown): T => {
    const result = safeParse(input);
    if (!result.success) throw result.error;
    return result.value;
  };
  return [safeParse, parse];
}

const bankParsers = /* @__PURE__ */ createParser<Bank>(BankSchema as z.ZodType<Bank>, 'RK_INVALID_BANK', 'bank');
const questionParsers = /* @__PURE__ */ createParser<Question>(QuestionSchema as z.ZodType<Question>, 'RK_INVALID_QUESTION', 'question');
const responseParsers = /* @__PURE__ */ createParser<Response>(ResponseSchema as z.ZodType<Response>, 'RK_INVALID_RESPONSE', 'response');

/**
 * Validates untrusted input as a bank and returns it typed.
 *
 * @param input Any value, e.g. `JSON.parse(text)`.
 * @returns The bank (a new object; the input is not changed).
 * @throws RecallKitError `RK_INVALID_BANK` listing every issue with its path.
 * @example
 * ```ts
 * const bank = parseBank(JSON.parse(fs.readFileSync('bank.json', 'utf8')))
 * ```
 */
export const parseBank: (input: unknown) => Bank = bankParsers[1];
/** Like {@link parseBank}, but returns `{ success, value | error }` instead of throwing. */
export const safeParseBank: (input: unknown) => SafeParseResult<Bank> = bankParsers[0];
/**
 * Validates untrusted input as a question.
 *
 * @param input Any value.
 * @returns The question.
 * @throws RecallKitError `RK_INVALID_QUESTION` listing every issue with its path.
 */
export const parseQuestion: (input: unknown) => Question = questionParsers[1];
/** Like {@link parseQuestion}, but returns a result instead of throwing. */
export const safeParseQuestion: (input: unknown) => SafeParseResult<Question> = questionParsers[0];
/**
 * Validates untrusted input as a learner's response (its shape only; whether option ids exist is checked by `grade`).
 *
 * @param input Any value.
 * @returns The response.
 * @throws RecallKitError `RK_INVALID_RESPONSE` listing every issue with its path.
 */
export const parseResponse: (input: unknown) => Response = responseParsers[1];
/** Like {@link parseResponse}, but returns a result instead of throwing. */
export const safeParseResponse: (input: unknown) => SafeParseResult<Response> = responseParsers[0];
