import { joinPath } from '../core/errors';
import type { ShortAnswerQuestion, TextAnswer } from '../schema/question';
import type { Outcome, ShortAnswerResponse } from '../schema/response';
import { NO_ANSWER, outcome, text } from './outcome';
import type { GradeOptions, TextMatchOptions } from './types';

/** Feedback when an answer was accepted within the typo tolerance. */
export const TYPO_ACCEPTED = 'Accepted with a typo.';

const CASE = 1;
const PUNCT = 2;
const MARKS = 4;

function flags(o: TextMatchOptions): number {
  return (o.caseSensitive ? CASE : 0) | (o.ignorePunctuation ? PUNCT : 0) | (o.ignoreDiacritics ? MARKS : 0);
}

// Inner normalisation shared by texts and pattern pieces: no trimming here, because a space
// next to a `*` is significant (`new *` needs a space after "new").
function norm(s: string, f: number): string {
  if (f & MARKS) s = s.normalize('NFD').replace(/\p{M}+/gu, '');
  if (f & PUNCT) s = s.replace(/[\p{P}\p{S}]+/gu, '');
  s = s.replace(/\s+/g, ' ');
  return f & CASE ? s : s.toLowerCase();
}

/**
 * Normalises a text the way short answers are compared: whitespace runs become one space,
 * the ends are trimmed, then optionally accents, punctuation and letter case are dropped.
 *
 * @param input The text.
 * @param options What to ignore.
 * @returns The normalised text.
 */
export function normalizeText(input: string, options: TextMatchOptions = {}): string {
  return norm(input, flags(options)).trim();
}

/**
 * Splits an accepted answer on its unescaped `*` wildcards (Moodle: `\*` is a literal star)
 * and normalises each piece.
 *
 * @param pattern The accepted answer.
 * @param f The normalisation flags.
 * @returns The literal pieces; one piece means no wildcard.
 */
function compile(pattern: string, f: number): string[] {
  return pattern.split(/(?<!\\)\*/).map((piece, k, all) => {
    let p = norm(piece.replace(/\\\*/g, '*'), f);
    if (k === 0) p = p.trimStart();
    return k === all.length - 1 ? p.trimEnd() : p;
  });
}

// Compiled answers, per normalisation flags: grading the same bank twice does not re-split it.
const cache = /* @__PURE__ */ new WeakMap<TextAnswer, string[][]>();

function compiled(a: TextAnswer, f: number): string[] {
  let c = cache.get(a);
  if (!c) cache.set(a, (c = []));
  return (c[f] ??= compile(a.text, f));
}

/**
 * Matches a normalised text against wildcard pieces in linear time: the first piece must be a
 * prefix, the last a suffix, and the middle pieces are found greedily left to right. For `*`
 * alone (no `?`, no classes) the leftmost match of each piece is always safe, so there is no
 * backtracking and no RegExp built from user text.
 *
 * @param s The normalised text.
 * @param pieces The pattern pieces.
 * @returns Whether the whole text matches.
 */
function globMatch(s: string, pieces: readonly string[]): boolean {
  const last = pieces.length - 1;
  if (!last) return s === pieces[0];
  const end = s.length - (pieces[last] as string).length;
  if (!s.endsWith(pieces[last] as string)) return false;
  let pos = 0;
  for (let k = 0; k < last; k++) {
    const p = pieces[k] as string;
    const at = k ? s.indexOf(p, pos) : s.startsWith(p) ? 0 : -1;
    // Each piece must end before the last piece starts, so pieces never overlap.
    if (at < 0 || at + p.length > end) return false;
    pos = at + p.length;
  }
  return true;
}

/**
 * Whether two strings are within `k` edits (Levenshtein distance), by the textbook dynamic
 * programme with an early exit once a whole row exceeds k. It returns at once when the lengths
 * differ by more than k, and texts over 1,000 characters must match exactly (bounded cost).
 *
 * @param a One string.
 * @param b The other string.
 * @param k The edit bound.
 * @returns `true` when the distance is at most k.
 */
export function withinEdits(a: string, b: string, k: number): boolean {
  const m = b.length;
  if (Math.abs(a.length - m) > k || m > 1000) return a === b;
  let prev = [...Array(m + 1).keys()];
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= m; j++) cur[j] = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + +(a[i - 1] !== b[j - 1]));
    if (Math.min(...cur) > k) return false;
    prev = cur;
  }
  return (prev[m] as number) <= k;
}

/**
 * Tests a text against one accepted answer with Moodle's short-answer rules: the whole text
 * must match, `*` matches any run of characters (`\*` is a literal star), case is ignored
 * unless asked, and the optional normalisations and typo tolerance apply.
 *
 * Hint: the typo tolerance applies only to answers without `*`, and a tolerance of 1 lets
 * "cat" match "car"; keep it for long answers.
 *
 * @param input What the learner typed.
 * @param pattern The accepted answer.
 * @param options Case, normalisation and typo options.
 * @returns Whether it matches.
 * @example
 * ```ts
 * matchText('  Abu Bakr al-Baghdadi ', 'abu * baghdadi') // true
 * matchText('Mosul.', 'Mosul', { ignorePunctuation: true }) // true
 * ```
 */
export function matchText(input: string, pattern: string, options: TextMatchOptions = {}): boolean {
  const f = flags(options);
  const s = norm(input, f).trim();
  const pieces = compile(pattern, f);
  if (globMatch(s, pieces)) return true;
  const k = options.typoTolerance ?? 0;
  return k > 0 && pieces.length === 1 && withinEdits(s, pieces[0] as string, k);
}

/**
 * Grades typed text against accepted answers: the first answer (in listed order) that the text
 * matches gives its fraction, default 1 (Moodle qtype_shortanswer::get_matching_answer). Exact
 * matches on any answer win over typo-tolerant ones.
 *
 * @param answers The accepted answers.
 * @param value The typed text (already checked to be a string).
 * @param points The marks.
 * @param o The options, including `caseSensitive`.
 * @returns The outcome.
 */
export function gradeText(answers: readonly TextAnswer[], value: string, points: number, o: TextMatchOptions): Outcome {
  if (value.trim() === '') return outcome(0, points, [NO_ANSWER]);
  const f = flags(o);
  const s = norm(value, f).trim();
  const k = o.typoTolerance ?? 0;
  // Pass 0: exact (wildcard) matches; pass 1: typo-tolerant matches on answers without `*`.
  for (let pass = 0; pass < (k > 0 ? 2 : 1); pass++) {
    for (const a of answers) {
      const p = compiled(a, f);
      if (pass ? p.length === 1 && withinEdits(s, p[0] as string, k) : globMatch(s, p)) {
        const fb = pass ? [TYPO_ACCEPTED] : [];
        if (a.feedback !== undefined) fb.push(a.feedback);
        return outcome(a.fraction ?? 1, points, fb);
      }
    }
  }
  return outcome(0, points, []);
}

/**
 * Grades a short-answer response (Moodle qtype_shortanswer, plus the normalisation options).
 *
 * @param q The question.
 * @param r The response.
 * @param points The marks.
 * @param o The options.
 * @param path The response path, for errors.
 * @returns The outcome.
 */
export function gradeShortAnswer(q: ShortAnswerQuestion, r: ShortAnswerResponse, points: number, o: GradeOptions, path: string): Outcome {
  const value = text(r.text, joinPath(path, 'text'));
  return gradeText(q.answers, value, points, withCase(o, q.caseSensitive));
}

/**
 * Adds the question's case sensitivity to the grading options.
 *
 * @param o The options.
 * @param caseSensitive The question's flag.
 * @returns Text-match options.
 */
export function withCase(o: GradeOptions, caseSensitive: boolean | undefined): TextMatchOptions {
  return caseSensitive ? { ...o, caseSensitive: true } : o;
}

/**
 * A text that matches an accepted answer: each `*` replaced by an `x` (a `*` next to a space
 * needs something to match) and `\*` unescaped.
 *
 * @param a The accepted answer.
 * @returns A text that the answer accepts.
 */
export function answerText(a: TextAnswer): string {
  return a.text.replace(/\\\*|\*/g, (m) => (m === '*' ? 'x' : '*'));
}

/**
 * The response text that earns the most credit among the answers, skipping answers shadowed by
 * an earlier one.
 *
 * @param answers The accepted answers.
 * @param o The options.
 * @returns The text.
 */
export function bestText(answers: readonly TextAnswer[], o: TextMatchOptions): string {
  let best = '';
  let bestF = -1;
  for (const a of answers) {
    const t = answerText(a);
    const f = gradeText(answers, t, 1, o).fraction;
    if (f > bestF) {
      bestF = f;
      best = t;
    }
  }
  return best;
}
