// Helpers shared by the format writers: text cleaning, escaping, numbers and choice weights.
// Internal to recallkit/formats (not exported from its index).
import { RecallKitError, describe } from '../core/errors';
import type { Bank } from '../schema/bank';
import type { ChoiceOption, NumericAnswer, Question } from '../schema/question';
import { optionCredit } from '../scoring/choice';

/** The `{{gapId}}` marker of cloze text: the schema's GAP_MARKER, repeated so the writers stay zod-free. */
export const GAP_MARKER = /\{\{([A-Za-z0-9_-]{1,64})\}\}/g;

// C0 controls except tab and newline, DEL, C1 controls, the two XML-forbidden non-characters
// and lone surrogates. None of them can appear in XML 1.0 (section 2.2 "Characters") and none
// has a visible meaning in a quiz, so every writer drops them.
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Cleans text for export: CR/CRLF become LF and characters no format can carry are dropped.
 *
 * @param text Any string.
 * @returns The cleaned string.
 */
export function cleanText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(FORBIDDEN, '');
}

/**
 * Cleans text and folds every run of whitespace (newlines, tabs) into one space: for formats that
 * hold a value on one line (Aiken, CSV headers, Quizlet, xAPI, Moodle answer texts).
 *
 * @param text Any string.
 * @returns The cleaned, single-line, trimmed string.
 */
export function oneLine(text: string): string {
  return cleanText(text).replace(/\s+/g, ' ').trim();
}

const XML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/**
 * Escapes text for XML element content and attribute values (both quote kinds), after {@link cleanText}.
 *
 * Hint: escaping `>` too keeps `]]>` harmless in content.
 *
 * @param text Any string.
 * @returns Text safe inside an element or a quoted attribute.
 */
export function escapeXml(text: string): string {
  return cleanText(text).replace(/[&<>"']/g, (c) => XML_ENTITIES[c] as string);
}

/**
 * Escapes text for HTML (the same five characters as XML; `&#39;` for the apostrophe, which HTML 4 lacks as `&apos;`).
 *
 * @param text Any string.
 * @returns Inert HTML text.
 */
export function escapeHtml(text: string): string {
  return escapeXml(text).replace(/&apos;/g, '&#39;');
}

/**
 * Writes a finite number in plain decimal notation, never with an exponent (GIFT's number
 * grammar and several LMS parsers accept only `-?digits(.digits)?`).
 *
 * @param n A finite number.
 * @returns E.g. `1500000000000000000000`, `0.0000001`, `-2.5`.
 */
export function plainNumber(n: number): string {
  if (!Number.isFinite(n)) return '0';
  const s = String(n);
  if (!/e/i.test(s)) return s === '-0' ? '0' : s;
  const [mantissa = '0', expText = '0'] = s.toLowerCase().split('e');
  const exp = Number(expText);
  const negative = mantissa.startsWith('-');
  const [intPart = '0', fracPart = ''] = mantissa.replace('-', '').split('.');
  const digits = intPart + fracPart;
  const point = intPart.length + exp;
  let out: string;
  if (point <= 0) out = `0.${'0'.repeat(-point)}${digits}`;
  else if (point >= digits.length) out = digits + '0'.repeat(point - digits.length);
  else out = `${digits.slice(0, point)}.${digits.slice(point)}`;
  out = out.replace(/^0+(?=\d)/, '');
  if (out.includes('.')) out = out.replace(/0+$/, '').replace(/\.$/, '');
  return (negative ? '-' : '') + out;
}

/** An accepted numeric answer resolved to absolute bounds. */
export interface NumericBounds {
  /** The target value (the middle of a range). */
  readonly value: number;
  /** Absolute tolerance around `value` (half the range width). */
  readonly tolerance: number;
  readonly min: number;
  readonly max: number;
  /** Whether the answer was given as a range or a non-nominal tolerance (formats with only value ± tolerance lose nothing, the others keep min/max). */
  readonly isRange: boolean;
}

/**
 * Resolves a numeric answer to absolute bounds, as Moodle's qtype_numerical would accept it.
 *
 * Relative tolerance is `tolerance × |value|`; geometric tolerance (Moodle's calculated questions)
 * accepts `value / (1 + t)` to `value × (1 + t)`.
 *
 * @param a The answer.
 * @returns Its bounds.
 */
export function numericBounds(a: NumericAnswer): NumericBounds {
  if ('min' in a) return { value: (a.min + a.max) / 2, tolerance: (a.max - a.min) / 2, min: a.min, max: a.max, isRange: true };
  const t = a.tolerance ?? 0;
  const kind = a.toleranceKind ?? 'nominal';
  if (kind === 'nominal') return { value: a.value, tolerance: t, min: a.value - t, max: a.value + t, isRange: false };
  if (kind === 'relative') {
    const abs = Math.abs(t * a.value);
    return { value: a.value, tolerance: abs, min: a.value - abs, max: a.value + abs, isRange: false };
  }
  const q = 1 + Math.abs(t);
  const [min, max] = a.value < 0 ? [a.value * q, a.value / q] : [a.value / q, a.value * q];
  return { value: (min + max) / 2, tolerance: (max - min) / 2, min, max, isRange: true };
}

/**
 * The credit of each option, exactly as the scoring engine grades it (`optionCredit`): single
 * answer 1 for the key, 0 otherwise; multiple answers +1/k per key and -1/k per wrong option,
 * where k is the number of keys; an option's own `fraction` wins.
 *
 * @param options The options.
 * @param single Whether only one option may be chosen.
 * @returns One fraction per option, in order.
 */
export function optionFractions(options: readonly ChoiceOption[], single: boolean): number[] {
  const keys = Math.max(1, options.filter((o) => o.correct).length);
  return options.map((o) => optionCredit(o, single ? 1 : keys, !single));
}

/**
 * Rounds a fraction to a percentage with at most 5 decimals (Moodle stores grades to 7 digits).
 *
 * @param fraction A fraction (-1..1).
 * @returns The percentage as plain decimal text, e.g. `33.33333`.
 */
export function percent(fraction: number): string {
  return plainNumber(Math.round(fraction * 100 * 100000) / 100000);
}

/**
 * Returns a string safe as an XML NCName / QTI identifier made from an id.
 *
 * QTI identifiers (xs:NCName) may not start with a digit or `-`; our ids may. A prefix keeps them
 * unique and readable.
 *
 * @param prefix A letter prefix, e.g. `I` for items.
 * @param id An id of `[A-Za-z0-9_-]`.
 * @returns `prefix` + `_` + id.
 */
export function ncName(prefix: string, id: string): string {
  return `${prefix}_${id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

// Moodle's fixed list of grades (question_bank::fraction_options_full): on import Moodle rejects
// any other answer fraction ("match grades: error if grade not listed", the default).
const MOODLE_GRADES = [1, 0.9, 0.8333333, 0.8, 0.75, 0.7, 0.6666667, 0.6, 0.5, 0.4, 0.3333333, 0.3, 0.25, 0.2, 0.1666667, 0.1428571, 0.125, 0.1111111, 0.1, 0.05, 0];

/**
 * Snaps a fraction to the nearest grade Moodle accepts on import (its fixed list, mirrored for penalties).
 *
 * Hint: 1/11 (9.09%) becomes 10%; exports to Moodle therefore carry the snapped value.
 *
 * @param fraction A fraction in -1..1.
 * @returns The nearest listed fraction, with the same sign.
 */
export function moodleGrade(fraction: number): number {
  const abs = Math.min(1, Math.abs(fraction));
  let best = 0;
  for (const g of MOODLE_GRADES) if (Math.abs(g - abs) < Math.abs(best - abs)) best = g;
  return fraction < 0 ? -best : best;
}

/**
 * Reads the questions of an exporter's input: a bank or a list of questions.
 *
 * @param input A bank or a list of questions.
 * @param where The exporter's name, for the message.
 * @returns The questions and the bank (null for a plain list).
 * @throws RecallKitError `RK_INVALID_INPUT` for anything else, so bad input never ends in a TypeError.
 */
export function questionsOf(input: Bank | readonly Question[], where: string): { questions: readonly Question[]; bank: Bank | null } {
  if (Array.isArray(input)) {
    const list = input as readonly Question[];
    list.forEach((q, i) => {
      if (q === null || typeof q !== 'object' || typeof (q as { type?: unknown }).type !== 'string') throw new RecallKitError('RK_INVALID_INPUT', `${where}: expected a question, got ${describe(q)}`, `questions[${i}]`);
    });
    return { questions: list, bank: null };
  }
  if (input !== null && typeof input === 'object' && Array.isArray((input as Bank).questions)) {
    const bank = input as Bank;
    return { questions: questionsOf(bank.questions, where).questions, bank };
  }
  throw new RecallKitError('RK_INVALID_INPUT', `${where}: expected a bank or a list of questions, got ${describe(input)}`, 'input');
}
