import { joinPath } from '../core/errors';
import type { NumericAnswer, NumericQuestion, NumericUnit } from '../schema/question';
import type { NumericResponse, Outcome } from '../schema/response';
import { NO_ANSWER, bad, outcome, text } from './outcome';
import type { GradeOptions, ParseNumberOptions } from './types';

/** Feedback for text that is not a number. */
export const NOT_A_NUMBER = 'Not a number.';
/** Feedback for a unit the question does not know. */
export const UNKNOWN_UNIT = 'Unknown unit.';
/** Feedback when the unit is missing or wrong and units are graded. */
export const WRONG_UNIT = 'Missing or wrong unit.';

/** A parsed number and the text after it (a unit, or junk). */
interface Parsed {
  value: number;
  rest: string;
}

// Sign, mantissa (digits, and separators that sit before a digit: `1 200`, `.5`), exponent, rest.
const NUMBER = /^([+\-\u2212]?)((?:\d|[.,' \u00a0\u202f\u2019](?=\d))+)(?:[eE]([+\-\u2212]?\d+))?(.*)$/s;
// An integer part: plain digits, or 1-3 digits then groups of 3 with one repeated separator.
const GROUPED = /^(?:\d*|\d{1,3}([.,' \u00a0\u202f\u2019])\d{3}(?:\1\d{3})*)$/;
// In auto mode a lone comma groups thousands only in this shape: `1,200`, not `0,125` or `1,5`.
const COMMA_THOUSANDS = /^[1-9]\d{0,2},\d{3}$/;
const SUFFIX = /^[kMG](?!\p{L})/u;

/**
 * Reads a number at the start of a text and returns it with the rest of the text.
 * All patterns here are fixed and linear; none is built from the input.
 *
 * @param input The text.
 * @param options The parsing options.
 * @returns The number and the rest, or `undefined` when no number starts the text.
 */
export function parseNumberPrefix(input: string, options: ParseNumberOptions = {}): Parsed | undefined {
  const m = NUMBER.exec(input.trim());
  if (!m) return undefined;
  const body = m[2] as string;
  let rest = m[4] as string;
  // The decimal separator (docs/scoring.md, "Numbers"): in auto mode the later of `.` and `,`
  // when both occur, a lone dot, or a lone comma unless it reads as thousands (`1,200`).
  let dec: string = options.decimal ?? 'auto';
  if (dec === 'auto') {
    const dot = body.lastIndexOf('.');
    const comma = body.lastIndexOf(',');
    dec =
      dot > comma ? (comma >= 0 || body.indexOf('.') === dot ? '.' : '')
      : comma >= 0 && (dot >= 0 || (body.indexOf(',') === comma && !COMMA_THOUSANDS.test(body))) ? ','
      : '';
  }
  const [int, frac = '', extra] = dec ? body.split(dec) : [body];
  if (extra !== undefined || !GROUPED.test(int as string) || /\D/.test(frac) || int + frac === '') return undefined;
  let mult = 1;
  if (options.suffixes && SUFFIX.test(rest)) {
    mult = rest[0] === 'k' ? 1e3 : rest[0] === 'M' ? 1e6 : 1e9;
    rest = rest.slice(1);
  }
  const sign = m[1] === '+' ? '' : m[1] ? '-' : '';
  const value = Number(`${sign}${(int as string).replace(/\D/g, '')}.${frac}e${(m[3] ?? '0').replace('\u2212', '-')}`) * mult;
  return Number.isFinite(value) ? { value, rest: rest.trim() } : undefined;
}

/**
 * Parses a number as people type it: `1200`, `1,200`, `1 200`, `1.234,5`, `-3.5e2`, and `3.7k`
 * when suffixes are enabled.
 *
 * Hint: with `decimal: 'auto'`, a single comma followed by exactly three digits groups
 * thousands (`1,200` is 1200) while a single dot is always a decimal point (`1.200` is 1.2).
 *
 * @param input The text.
 * @param options The parsing options.
 * @returns The number, or `undefined` for junk (empty text, letters, `1,2,3`, `NaN`, overflow).
 * @example
 * ```ts
 * parseNumber('1 200,5') // 1200.5
 * parseNumber('3.7k', { suffixes: true }) // 3700
 * parseNumber('12abc') // undefined
 * ```
 */
export function parseNumber(input: string, options?: ParseNumberOptions): number | undefined {
  if (typeof input !== 'string' || input.length > 1000) return undefined;
  const p = parseNumberPrefix(input, options);
  return p && p.rest === '' ? p.value : undefined;
}

/**
 * The interval of values an answer accepts (Moodle qtype_numerical_answer::get_tolerance_interval).
 *
 * @param a The answer.
 * @returns `[min, max]`.
 */
export function answerInterval(a: NumericAnswer): [number, number] {
  if (!('value' in a)) return [a.min, a.max];
  const v = a.value;
  // Moodle adds 10^-precision (PHP precision = 14) so that seemingly equal floats match (MDL-3225).
  const t = (a.tolerance ?? 0) + 1e-14;
  if (a.toleranceKind === 'geometric') {
    // Moodle: [v / (1 + t), v * (1 + t)], which is empty for v < 0; we use its mirror image.
    const q = 1 + t;
    return v < 0 ? [v * q, v / q] : [v / q, v * q];
  }
  // Moodle relative: |v| * t either side. Nominal: t either side, the epsilon scaled by max(1, |v|).
  const d = a.toleranceKind === 'relative' ? Math.abs(v) * t : t + 1e-14 * (Math.max(1, Math.abs(v)) - 1);
  return [v - d, v + d];
}

/**
 * Grades a numeric response: the first accepted answer (in listed order) whose interval holds
 * the value gives its fraction (Moodle qtype_numerical_question::get_matching_answer).
 *
 * @param q The question (or a cloze gap with `answers`).
 * @param r The response.
 * @param points The marks.
 * @param o Parsing and unit options.
 * @param path The response path, for errors.
 * @returns The outcome.
 */
export function gradeNumeric(q: Pick<NumericQuestion, 'answers'> & Partial<NumericQuestion>, r: NumericResponse, points: number, o: GradeOptions, path: string): Outcome {
  const raw = r.value;
  const vp = joinPath(path, 'value');
  const hasUnits = q.unit !== undefined || q.units !== undefined;
  const required = hasUnits && o.units === 'required';
  let value: number;
  let unitOk = true;
  const feedback: string[] = [];
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) bad(vp, 'expected a finite number', raw);
    value = raw;
    unitOk = !required;
  } else {
    text(raw, vp);
    if (raw.trim() === '') return outcome(0, points, [NO_ANSWER]);
    const p = raw.length > 1000 ? undefined : parseNumberPrefix(raw, o);
    if (!p) return outcome(0, points, [NOT_A_NUMBER]);
    value = p.value;
    if (p.rest !== '' || required) {
      const u = [{ unit: q.unit, multiplier: 1 }, ...(q.units ?? [])].find((x) => x.unit === p.rest);
      if (u) value *= u.multiplier;
      else if (required) unitOk = false;
      else return outcome(0, points, [hasUnits ? UNKNOWN_UNIT : NOT_A_NUMBER]);
    }
  }
  for (const a of q.answers) {
    const [min, max] = answerInterval(a);
    if (min <= value && value <= max) {
      let f = a.fraction ?? 1;
      if (!unitOk) {
        // Moodle qtype_numerical_question::apply_unit_penalty.
        // UNITGRADEDOUTOFMARK (default): f − penalty × f; UNITGRADEDOUTOFMAX: f − penalty.
        f -= (o.unitPenalty ?? 0.1) * (o.unitPenaltyOf === 'question' ? 1 : f);
        feedback.push(WRONG_UNIT);
      }
      if (a.feedback !== undefined) feedback.push(a.feedback);
      return outcome(f, points, feedback);
    }
  }
  return outcome(0, points, feedback);
}

/**
 * A value that earns an answer's credit: its value, or the middle of its range.
 *
 * @param a The answer.
 * @returns A value inside the answer's interval.
 */
export function answerValue(a: NumericAnswer): number {
  return 'value' in a ? a.value : a.min / 2 + a.max / 2;
}

/**
 * Writes a number as the grader reads it back: plain decimal digits (String gives `1.5e-7` below
 * 10^-6 and `1e+21` from 10^21 up) with the configured decimal separator, so `decimal: ','`
 * gets `2,5`, not `2.5`, which it would not parse.
 *
 * @param v A finite number.
 * @param o The parsing options.
 * @returns E.g. `0.00000015`, `1000000000000000000000`, `2,5`.
 */
export function numberText(v: number, o: ParseNumberOptions): string {
  let [s = '', e] = String(v).split('e');
  if (e) {
    const sign = s[0] === '-' ? '-' : '';
    const [i = '', f = ''] = s.replace('-', '').split('.');
    // With an exponent String keeps at most 17 digits and the point is far outside them.
    const at = i.length + Number(e);
    s = sign + (at <= 0 ? `0.${'0'.repeat(-at)}${i}${f}` : (i + f).padEnd(at, '0'));
  }
  return o.decimal === ',' ? s.replace('.', ',') : s;
}

/**
 * The response that earns the most credit: the value of the best answer that is not
 * shadowed by an earlier answer, with the base unit when units are required.
 *
 * @param q The question.
 * @param o The grading options.
 * @returns The response.
 */
export function correctNumeric(q: NumericQuestion, o: GradeOptions): NumericResponse {
  let best: NumericResponse | undefined;
  let bestF = -1;
  const table: NumericUnit[] = q.unit === undefined ? [...(q.units ?? [])] : [{ unit: q.unit, multiplier: 1 }];
  const unit = o.units === 'required' ? (table.find((u) => u.multiplier === 1) ?? table[0]) : undefined;
  for (const a of q.answers) {
    for (const v of 'value' in a ? [a.value] : [answerValue(a), a.min, a.max]) {
      const r: NumericResponse = { type: 'numeric', value: unit ? `${numberText(v / unit.multiplier, o)} ${unit.unit}` : v };
      const f = gradeNumeric(q, r, 1, o, '').fraction;
      if (f > bestF) {
        bestF = f;
        best = r;
      }
    }
  }
  return best as NumericResponse;
}
