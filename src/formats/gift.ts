// GIFT (Moodle's "General Import Format Template"): export, parse and import.
// Behaviour follows the Moodle documentation of the GIFT format (docs.moodle.org/en/GIFT_format)
// and the test fixtures of Moodle's qformat_gift; no Moodle code is used. Zod-free: the
// importer, which validates with the schema, is in gift-import.ts.
import { RecallKitError } from '../core/errors';
import type { Bank } from '../schema/bank';
import type { ClozeGap, NumericAnswer, Question, TextAnswer } from '../schema/question';
import { GAP_MARKER, cleanText, moodleGrade, numericBounds, optionFractions, percent, plainNumber, questionsOf } from './text';

// ---------------------------------------------------------------- export

/** Options of {@link exportGift}. */
export interface GiftExportOptions {
  /** Write `$CATEGORY:` lines from each item's topic (default true). */
  readonly categories?: boolean;
  /** The category path above the topics (default `$course$/top/<bank id>`). */
  readonly categoryRoot?: string;
}

/**
 * Escapes text for GIFT: the backslash and the six control characters `~ = # { } :` get a
 * backslash, and a newline becomes `\n` (GIFT format, "Special characters ~ = # { } :").
 *
 * Hint: a blank line ends a question in GIFT, so raw newlines must never reach the output.
 *
 * @param text Any text.
 * @returns GIFT-escaped text on one line.
 */
export function escapeGift(text: string): string {
  return cleanText(text)
    .replace(/[\\~=#{}:]/g, (c) => `\\${c}`)
    .replace(/\t/g, ' ')
    .replace(/\n/g, '\\n');
}

/** `[plain]` makes Moodle escape the text on display (FORMAT_PLAIN), so markup in an item stays inert. */
function rich(text: string): string {
  return `[plain]${escapeGift(text)}`;
}

/**
 * Text inside the answer braces. Moodle (and gift-pegjs) read any answer list holding "=" and an
 * unescaped "->" as matching, and GIFT has no escape for "->", so it is written "- >".
 */
function answer(text: string): string {
  return rich(text.replace(/->/g, '- >'));
}

function feedback(text: string | undefined): string {
  return text === undefined ? '' : ` #${answer(text)}`;
}

/** A GIFT weight `%n%`, snapped to a grade Moodle accepts. */
function weight(fraction: number): string {
  return `%${percent(moodleGrade(fraction))}%`;
}

function generalFeedback(q: Question): string {
  return `\n\t####${rich(q.explanation)}`;
}

function numericLine(a: NumericAnswer): string {
  const b = numericBounds(a);
  const w = a.fraction === undefined || moodleGrade(a.fraction) === 1 ? '' : weight(a.fraction);
  // GIFT numerical: "value:tolerance" or "min..max" (Moodle docs, "Numerical").
  const body = b.isRange ? `${plainNumber(b.min)}..${plainNumber(b.max)}` : `${plainNumber(b.value)}:${plainNumber(b.tolerance)}`;
  return `\n\t=${w}${body}${feedback(a.feedback)}`;
}

function textAnswerLine(a: TextAnswer): string {
  const w = a.fraction === undefined || moodleGrade(a.fraction) === 1 ? '' : weight(a.fraction);
  return `\n\t=${w}${answer(a.text)}${feedback(a.feedback)}`;
}


function gapBody(g: ClozeGap, gf: string): string {
  if (g.type === 'short-answer') return `{${g.answers.map(textAnswerLine).join('')}${gf}\n}`;
  if (g.type === 'numeric') return `{#${g.answers.map(numericLine).join('')}${gf}\n}`;
  const fractions = optionFractions(g.options, true);
  return `{${g.options.map((o, i) => (o.correct ? `\n\t=${answer(o.text)}` : `\n\t~${moodleGrade(fractions[i] ?? 0) !== 0 ? weight(fractions[i] ?? 0) : ''}${answer(o.text)}`) + feedback(o.feedback)).join('')}${gf}\n}`;
}

/** The GIFT text of one question, or `null` when GIFT cannot hold it. */
function giftQuestion(q: Question): string | null {
  const head = `::${escapeGift(q.id)}::`;
  const stem = `${head}${rich(q.prompt)}`;
  switch (q.type) {
    case 'single-choice':
    case 'multiple-choice': {
      const single = q.type === 'single-choice';
      const fractions = optionFractions(q.options, single);
      const lines = q.options.map((o, i) => {
        const f = fractions[i] as number;
        // Single answer: "=" marks the key; multiple answers: every option "~%w%" (Moodle docs, "Multiple choice with multiple right answers").
        const mark = single && o.correct ? '=' : `~${moodleGrade(f) !== 0 ? weight(f) : ''}`;
        return `\n\t${mark}${answer(o.text)}${feedback(o.feedback)}`;
      });
      return `${stem}{${lines.join('')}${generalFeedback(q)}\n}`;
    }
    case 'true-false': {
      // "{TRUE#feedback if wrong#feedback if right}" (Moodle docs, "True-false"): the first
      // feedback is shown to a learner who answered wrongly.
      const wrong = q.answer ? q.feedbackFalse : q.feedbackTrue;
      const right = q.answer ? q.feedbackTrue : q.feedbackFalse;
      const fb = wrong === undefined && right === undefined ? '' : `#${wrong === undefined ? '' : answer(wrong)}${right === undefined ? '' : `#${answer(right)}`}`;
      return `${stem}{${q.answer ? 'TRUE' : 'FALSE'}${fb}${generalFeedback(q)}\n}`;
    }
    case 'numeric':
      return `${stem}{#${q.answers.map(numericLine).join('')}${generalFeedback(q)}\n}`;
    case 'short-answer':
      return `${stem}{${q.answers.map(textAnswerLine).join('')}${generalFeedback(q)}\n}`;
    case 'matching': {
      const pairs = q.pairs.map((p) => `\n\t=${answer(p.left)} -> ${escapeGift(p.right)}`);
      const extra = (q.distractors ?? []).map((d) => `\n\t= -> ${escapeGift(d)}`);
      return `${stem}{${pairs.join('')}${extra.join('')}${generalFeedback(q)}\n}`;
    }
    case 'ordering': {
      // GIFT has no ordering type: each item is matched to its position.
      const pairs = q.items.map((it, i) => `\n\t=${answer(it.text)} -> ${i + 1}`);
      return `${stem}{${pairs.join('')}${generalFeedback(q)}\n}`;
    }
    case 'flashcard':
      if (q.answers && q.answers.length > 0) return `${stem}{${q.answers.map(textAnswerLine).join('')}\n\t####${rich(q.back)}\n}`;
      return `${stem}{\n\t####${rich(q.back)}\n}`;
    case 'essay':
      return `${stem}{${generalFeedback(q)}\n}`;
    case 'cloze': {
      const markers = [...q.text.matchAll(GAP_MARKER)];
      const gap = q.gaps[0];
      // GIFT has one embedded answer per question ("missing word" format).
      if (markers.length !== 1 || q.gaps.length !== 1 || !gap) return null;
      const m = markers[0] as RegExpMatchArray;
      const before = q.text.slice(0, m.index);
      const after = q.text.slice((m.index ?? 0) + m[0].length);
      const afterText = after.trim() === '' ? '' : escapeGift(after);
      return `${head}${rich(`${q.prompt}\n${before}`)}${gapBody(gap, generalFeedback(q))}${afterText || ''}`;
    }
  }
}

/**
 * Exports questions as GIFT text for Moodle's question import.
 *
 * Every item gets its id as the question name (`::id::`), a `// [id:...] [tag:...]` line (Moodle 4
 * reads both), `[plain]` text so markup stays inert, partial-credit weights, per-answer feedback
 * and the explanation as general feedback (`####`). Ordering becomes matching to positions; a
 * flashcard becomes a short answer (with `answers`) or an essay; a cloze with one gap becomes a
 * "missing word" question.
 *
 * Hint: a cloze with several gaps cannot be written in GIFT; it is left out with a `//` comment
 * naming it. Use {@link exportMoodleXml} (multianswer) or QTI for those.
 *
 * @param input A bank or a list of questions.
 * @param options Category lines.
 * @returns GIFT text (UTF-8, LF line ends).
 * @example
 * ```ts
 * fs.writeFileSync('bank.gift.txt', exportGift(bank))
 * ```
 */
export function exportGift(input: Bank | readonly Question[], options: GiftExportOptions = {}): string {
  const { questions, bank } = questionsOf(input, 'exportGift');
  const root = options.categoryRoot ?? (bank ? `$course$/top/${bank.id}` : '$course$/top');
  const out: string[] = [];
  let topic: string | null = null;
  for (const q of questions) {
    if (options.categories !== false && q.topic !== topic) {
      topic = q.topic;
      out.push(`$CATEGORY: ${cleanText(root).replace(/\n/g, ' ')}/${topic}`);
    }
    const body = giftQuestion(q);
    if (body === null) {
      out.push(`// RecallKit: ${q.id} left out, a ${q.type} with ${q.type === 'cloze' ? q.gaps.length : 0} gaps needs Moodle XML or QTI`);
      continue;
    }
    const tags = q.tags.map((t) => ` [tag:${t}]`).join('');
    out.push(`// [id:${q.id}]${tags}\n${body}`);
  }
  return `${out.join('\n\n')}\n`;
}

// ---------------------------------------------------------------- parse

/** Text with its GIFT format marker (`[html]`, `[markdown]`, `[plain]`, `[moodle]`). */
export interface GiftText {
  readonly format: 'moodle' | 'html' | 'markdown' | 'plain';
  readonly text: string;
}

/** A parsed numerical answer. */
export interface GiftNumber {
  readonly type: 'simple' | 'range' | 'high-low';
  readonly number?: number;
  readonly range?: number;
  readonly numberHigh?: number;
  readonly numberLow?: number;
}

/** One parsed answer of a choice, short-answer or numerical question. */
export interface GiftChoice<T = GiftText> {
  readonly isCorrect: boolean;
  readonly weight: number | null;
  readonly text: T;
  readonly feedback: GiftText | null;
}

interface GiftBase {
  readonly id: string | null;
  readonly tags: readonly string[] | null;
  readonly title: string | null;
  readonly stem: GiftText;
  readonly hasEmbeddedAnswers: boolean;
  /** 1-based line of the question in the input. */
  readonly line: number;
}

/**
 * One parsed GIFT question. The shape follows the JSON of the gift-pegjs parser, so results can
 * be compared with its test fixtures; `line` is ours.
 */
export type GiftItem =
  | { readonly type: 'Category'; readonly title: string; readonly line: number }
  | (GiftBase & { readonly type: 'Description' })
  | (GiftBase & { readonly type: 'Essay'; readonly globalFeedback: GiftText | null })
  | (GiftBase & { readonly type: 'MC' | 'Short'; readonly choices: readonly GiftChoice[]; readonly globalFeedback: GiftText | null })
  | (GiftBase & { readonly type: 'Numerical'; readonly choices: readonly GiftChoice<GiftNumber | GiftText>[] | GiftNumber; readonly globalFeedback: GiftText | null })
  | (GiftBase & { readonly type: 'TF'; readonly isTrue: boolean; readonly trueFeedback: GiftText | null; readonly falseFeedback: GiftText | null; readonly globalFeedback: GiftText | null })
  | (GiftBase & { readonly type: 'Matching'; readonly matchPairs: readonly { readonly subquestion: GiftText; readonly subanswer: string }[]; readonly globalFeedback: GiftText | null });

const ESCAPES: Record<string, string> = { '\\': '\\', ':': ':', '#': '#', '=': '=', '{': '{', '}': '}', '~': '~', n: '\n' };

/** Index of the first unescaped occurrence of `needle` at or after `from`, or -1. */
function findUnescaped(s: string, needle: string, from = 0): number {
  for (let i = from; i < s.length; i++) {
    if (s[i] === '\\') {
      i++;
      continue;
    }
    if (s.startsWith(needle, i)) return i;
  }
  return -1;
}

/** Splits at unescaped single characters from `chars`, keeping each separator with the part after it. */
function splitMarked(s: string, chars: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\\') {
      i++;
      continue;
    }
    if (chars.includes(s[i] as string) && i > start) {
      parts.push(s.slice(start, i));
      start = i;
    }
  }
  parts.push(s.slice(start));
  return parts;
}

function unescapeGift(s: string): string {
  return s.replace(/\\([\\:#={}~n])/g, (_, c: string) => ESCAPES[c] as string);
}

function collapse(s: string): string {
  return s.replace(/[\n\r]/g, ' ').replace(/\s\s+/g, ' ');
}

/** Reads an optional `[format]` marker and returns the text: trimmed, unescaped, whitespace collapsed unless html/markdown. */
function formatted(raw: string, inherited: GiftText['format']): GiftText {
  const t = raw.trim();
  const m = /^\[(html|markdown|plain|moodle)\]/.exec(t);
  const format = (m ? m[1] : inherited) as GiftText['format'];
  const body = (m ? t.slice(m[0].length) : t).trim();
  const keepLines = format === 'html' || format === 'markdown';
  return { format, text: unescapeGift(keepLines ? body : collapse(body)) };
}

function parseError(message: string, line: number): RecallKitError {
  return new RecallKitError('RK_PARSE_ERROR', `GIFT: ${message}`, `line ${line}`);
}

function parseNumber(s: string, line: number): number {
  const t = s.trim();
  if (!/^[+-]?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(t)) throw parseError(`expected a number, got "${t.slice(0, 40)}"`, line);
  return Number(t);
}

function parseNumeric(s: string, line: number): GiftNumber {
  const t = s.trim();
  const range = findUnescaped(t, '..');
  if (range >= 0) return { type: 'high-low', numberHigh: parseNumber(t.slice(range + 2), line), numberLow: parseNumber(t.slice(0, range), line) };
  const colon = t.indexOf(':');
  if (colon >= 0) return { type: 'range', number: parseNumber(t.slice(0, colon), line), range: parseNumber(t.slice(colon + 1), line) };
  return { type: 'simple', number: parseNumber(t, line) };
}

/** Splits `text#feedback` at the first unescaped `#`. */
function splitFeedback(s: string, format: GiftText['format']): [string, GiftText | null] {
  const i = findUnescaped(s, '#');
  if (i < 0) return [s, null];
  const fb = s.slice(i + 1);
  return [s.slice(0, i), fb.trim() === '' ? null : formatted(fb, format)];
}

function readWeight(s: string, line: number): [number | null, string] {
  const t = s.trimStart();
  const m = /^%([^%]*)%/.exec(t);
  if (!m) return [null, t];
  const w = Number.parseFloat(m[1] as string);
  if (!(w >= -100 && w <= 100)) throw parseError(`weight must be between -100 and 100, got "${m[1]}"`, line);
  return [w, t.slice(m[0].length)];
}

interface Block {
  readonly text: string;
  readonly line: number;
  readonly id: string | null;
  readonly tags: string[] | null;
}

/** Splits the input into question blocks at blank lines, dropping `//` comment lines but keeping their `[id:]` / `[tag:]`. */
function blocks(input: string): Block[] {
  const lines = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  const out: Block[] = [];
  let current: string[] = [];
  let start = 0;
  let id: string | null = null;
  let tags: string[] | null = null;
  const flush = (): void => {
    if (current.length > 0) out.push({ text: current.join('\n'), line: start, id, tags });
    current = [];
    id = null;
    tags = null;
  };
  lines.forEach((line, i) => {
    const trimmed = line.trim();
    if (trimmed === '') {
      flush();
      return;
    }
    if (trimmed.startsWith('//')) {
      // Moodle 4.0+: "// [id:...]" sets the idnumber and "// [tag:...]" adds tags.
      const idMatch = /\[id:([^\x00-\x1F\x7F]+?)]/.exec(trimmed);
      if (idMatch) id = (idMatch[1] as string).trim().replace('\\]', ']');
      for (const m of trimmed.matchAll(/\[tag:([^\x00-\x1F\x7F]+?)]/g)) (tags ??= []).push(m[1] as string);
      return;
    }
    if (current.length === 0) start = i + 1;
    current.push(line);
  });
  flush();
  return out;
}

function parseBlock(b: Block): GiftItem {
  const raw = b.text.trim();
  if (raw.startsWith('$CATEGORY:')) return { type: 'Category', title: raw.slice('$CATEGORY:'.length).trim(), line: b.line };
  let rest = raw;
  let title: string | null = null;
  if (rest.startsWith('::')) {
    const end = findUnescaped(rest, '::', 2);
    if (end < 0) throw parseError('the title "::" is not closed', b.line);
    title = unescapeGift(rest.slice(2, end)).trim();
    rest = rest.slice(end + 2);
  }
  const base = { id: b.id, tags: b.tags, title, line: b.line };
  const open = findUnescaped(rest, '{');
  if (open < 0) return { ...base, type: 'Description', stem: formatted(rest, 'moodle'), hasEmbeddedAnswers: false };
  const close = findUnescaped(rest, '}', open + 1);
  if (close < 0) throw parseError('an answer block "{" is not closed', b.line);
  const stem1 = rest.slice(0, open);
  const after = rest.slice(close + 1).trim();
  const stem2 = after === '' || after.startsWith('//') ? '' : after;
  const s1 = stem1.trim() === '' ? null : formatted(stem1, 'moodle');
  const s2 = stem2 === '' ? null : formatted(stem2, s1?.format ?? 'moodle');
  const format = s1?.format ?? s2?.format ?? 'moodle';
  const embedded = s2 !== null;
  const stemText = (s1 ? s1.text + (embedded ? ' ' : '') : '') + (embedded ? `_____ ${s2?.text}` : '');
  const stem: GiftText = { format, text: stemText };
  const common = { ...base, stem, hasEmbeddedAnswers: embedded };

  let answers = rest.slice(open + 1, close);
  let globalFeedback: GiftText | null = null;
  const gf = findUnescaped(answers, '####');
  if (gf >= 0) {
    globalFeedback = formatted(answers.slice(gf + 4), format);
    answers = answers.slice(0, gf);
  }
  const a = answers.trim();
  if (a === '') return { ...common, type: 'Essay', globalFeedback };
  if (a.startsWith('#')) {
    let body = a.slice(1).trim();
    // "{#3:2~#Completely wrong}" (a Moodle fixture): an answer list whose first "=" is implied.
    if (!/^[=~]/.test(body) && (findUnescaped(body, '~') >= 0 || findUnescaped(body, '=') >= 0)) body = `=${body}`;
    if (!/^[=~]/.test(body)) {
      const [num, fb] = splitFeedback(body, format);
      if (fb !== null) return { ...common, type: 'Numerical', choices: [{ isCorrect: true, weight: null, text: parseNumeric(num, b.line), feedback: fb }], globalFeedback };
      return { ...common, type: 'Numerical', choices: parseNumeric(num, b.line), globalFeedback };
    }
    const choices = splitMarked(body, '=~').map((part): GiftChoice<GiftNumber | GiftText> => {
      const [w, restText] = readWeight(part.slice(1), b.line);
      const [num, fb] = splitFeedback(restText, format);
      // An answer with no number matches anything (Moodle's "~#feedback" catch-all, written "*").
      const text: GiftNumber | GiftText = num.trim() === '' ? { format, text: '*' } : parseNumeric(num, b.line);
      return { isCorrect: part[0] === '=', weight: w, text, feedback: fb };
    });
    return { ...common, type: 'Numerical', choices, globalFeedback };
  }
  const tf = /^(TRUE|FALSE|T|F)\s*(#|$)/.exec(a);
  if (tf) {
    const fb = splitMarked(a.slice((tf[1] as string).length), '#').filter((p) => p.startsWith('#'));
    const first = fb[0] && fb[0].slice(1).trim() !== '' ? formatted(fb[0].slice(1), format) : null;
    const second = fb[1] && fb[1].slice(1).trim() !== '' ? formatted(fb[1].slice(1), format) : null;
    return { ...common, type: 'TF', isTrue: tf[1] === 'TRUE' || tf[1] === 'T', trueFeedback: first, falseFeedback: second, globalFeedback };
  }
  if (a.startsWith('=') && findUnescaped(a, '->') >= 0) {
    const matchPairs = splitMarked(a, '=').map((part) => {
      const body = part.slice(1);
      const arrow = findUnescaped(body, '->');
      if (arrow < 0) throw parseError('a matching answer needs "->"', b.line);
      return { subquestion: formatted(body.slice(0, arrow), format), subanswer: collapse(unescapeGift(body.slice(arrow + 2).trim())) };
    });
    return { ...common, type: 'Matching', matchPairs, globalFeedback };
  }
  if (!/^[=~]/.test(a)) {
    const [txt, fb] = splitFeedback(a, format);
    return { ...common, type: 'Short', choices: [{ isCorrect: true, weight: null, text: formatted(txt, format), feedback: fb }], globalFeedback };
  }
  const choices = splitMarked(a, '=~').map((part): GiftChoice => {
    const [w, restText] = readWeight(part.slice(1), b.line);
    const [txt, fb] = splitFeedback(restText, format);
    return { isCorrect: part[0] === '=', weight: w, text: formatted(txt, format), feedback: fb };
  });
  // As in Moodle: a choice list whose answers are all "=" is a short-answer question.
  return { ...common, type: choices.every((c) => c.isCorrect) ? 'Short' : 'MC', choices, globalFeedback };
}

/**
 * Parses GIFT text into question records (the shape of the gift-pegjs parser's JSON, plus `line`).
 *
 * @param input GIFT text.
 * @returns The questions and category lines in order.
 * @throws RecallKitError `RK_PARSE_ERROR` with the line for an unclosed `{` or `::`, a bad number or weight.
 */
export function parseGift(input: string): GiftItem[] {
  if (typeof input !== 'string') throw new RecallKitError('RK_PARSE_ERROR', 'GIFT: expected text', '');
  return blocks(input).map(parseBlock);
}

/**
 * Parses GIFT text question by question, returning an error in place of each question that cannot be read.
 *
 * @param input GIFT text.
 * @returns One entry per question block: the item, or the error with its line.
 */
export function parseGiftLenient(input: string): (GiftItem | { readonly type: 'Error'; readonly line: number; readonly error: RecallKitError })[] {
  if (typeof input !== 'string') throw new RecallKitError('RK_PARSE_ERROR', 'GIFT: expected text', '');
  return blocks(input).map((b) => {
    try {
      return parseBlock(b);
    } catch (e) {
      if (e instanceof RecallKitError) return { type: 'Error' as const, line: b.line, error: e };
      throw e;
    }
  });
}
