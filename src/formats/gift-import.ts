// GIFT import: parsed GIFT (see gift.ts) -> RecallKit questions, validated with the question schema.
// Kept apart from gift.ts so that exporting GIFT never pulls zod into a bundle.
import type { BloomLevel, Difficulty, Evidence, NumericAnswer, Question } from '../schema/question';
import { safeParseQuestion } from '../schema/parse';
import { type GiftItem, type GiftNumber, type GiftText, parseGiftLenient } from './gift';

/** Defaults for the fields GIFT does not carry. */
export interface GiftImportOptions {
  /** Topic for items before any `$CATEGORY:` line (default `imported`). */
  readonly topic?: string;
  readonly difficulty?: Difficulty;
  readonly bloom?: BloomLevel;
  /** Evidence for every imported item (default: one quote naming the import). */
  readonly evidence?: readonly Evidence[];
}

/** The result of {@link importGift}. */
export interface GiftImportResult {
  readonly questions: Question[];
  /** Items left out, with the line and why (descriptions, invalid items). */
  readonly skipped: readonly { readonly line: number; readonly title: string | null; readonly reason: string }[];
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

function fractionOf(w: number | null, isCorrect: boolean): number {
  if (w === null) return isCorrect ? 1 : 0;
  // Percent to fraction, rounded to Moodle's 7 decimals (33.33333% -> 0.3333333, not 0.33333329999999994).
  return Math.round(w * 1e5) / 1e7;
}

function toNumericAnswer(n: GiftNumber, fraction: number, fb: GiftText | null): NumericAnswer | null {
  const extra = { ...(fraction === 1 ? {} : { fraction: Math.max(0, Math.min(1, fraction)) }), ...(fb ? { feedback: fb.text } : {}) };
  if (n.type === 'high-low' && n.numberLow !== undefined && n.numberHigh !== undefined) return { min: Math.min(n.numberLow, n.numberHigh), max: Math.max(n.numberLow, n.numberHigh), ...extra };
  if (n.number === undefined) return null;
  return { value: n.number, ...(n.type === 'range' ? { tolerance: Math.abs(n.range ?? 0) } : {}), ...extra };
}

type Draft = Record<string, unknown>;

function convert(item: Exclude<GiftItem, { type: 'Category' | 'Description' }>): Draft {
  const stemText = item.stem.text;
  const gf = item.globalFeedback?.text;
  switch (item.type) {
    case 'MC': {
      // Moodle qformat_gift: a multichoice is single-answer exactly when its answers contain an
      // unescaped `=` (an answer written `=...`); `~%100%A ~%-100%B` is multiple-answer. Its key is
      // the one full-credit answer; without exactly one, RecallKit can only keep it as multiple.
      const full = item.choices.filter((c) => fractionOf(c.weight, c.isCorrect) === 1);
      const single = item.choices.some((c) => c.isCorrect) && full.length === 1;
      const options = item.choices.map((c, i) => {
        const f = fractionOf(c.weight, c.isCorrect);
        const isKey = single ? f === 1 : c.weight === null ? c.isCorrect : c.weight > 0;
        const keepFraction = c.weight !== null && !(single && isKey && f === 1) && f !== 0;
        return { id: String.fromCharCode(97 + i), text: c.text.text, correct: isKey, ...(keepFraction ? { fraction: f } : {}), ...(c.feedback ? { feedback: c.feedback.text } : {}) };
      });
      return { type: single ? 'single-choice' : 'multiple-choice', prompt: stemText, options, explanation: gf };
    }
    case 'Short':
      return {
        type: 'short-answer',
        prompt: stemText,
        answers: item.choices.map((c) => ({ text: c.text.text, ...(c.weight !== null && c.weight !== 100 ? { fraction: Math.max(0, fractionOf(c.weight, true)) } : {}), ...(c.feedback ? { feedback: c.feedback.text } : {}) })),
        explanation: gf,
      };
    case 'TF': {
      // Moodle: the first feedback is for a wrong answer, the second for a right one.
      const wrong = item.trueFeedback?.text;
      const right = item.falseFeedback?.text;
      const [onTrue, onFalse] = item.isTrue ? [right, wrong] : [wrong, right];
      return { type: 'true-false', prompt: stemText, answer: item.isTrue, ...(onTrue ? { feedbackTrue: onTrue } : {}), ...(onFalse ? { feedbackFalse: onFalse } : {}), explanation: gf };
    }
    case 'Numerical': {
      const list = Array.isArray(item.choices) ? item.choices : [{ isCorrect: true, weight: null, text: item.choices as GiftNumber, feedback: null }];
      const answers = list
        .map((c) => ('type' in c.text ? toNumericAnswer(c.text, fractionOf(c.weight, c.isCorrect), c.feedback) : null))
        .filter((x): x is NumericAnswer => x !== null && (x.fraction === undefined || x.fraction > 0));
      return { type: 'numeric', prompt: stemText, answers, explanation: gf };
    }
    case 'Matching': {
      const real = item.matchPairs.filter((p) => p.subquestion.text !== '');
      return {
        type: 'matching',
        prompt: stemText,
        pairs: real.map((p, i) => ({ id: `p${i + 1}`, left: p.subquestion.text, right: p.subanswer })),
        ...(real.length < item.matchPairs.length ? { distractors: item.matchPairs.filter((p) => p.subquestion.text === '').map((p) => p.subanswer) } : {}),
        explanation: gf,
      };
    }
    case 'Essay':
      return { type: 'essay', prompt: stemText, rubric: [{ id: 'overall', criterion: 'Overall answer', points: 1 }], explanation: gf };
  }
}

/** A "missing word" question (answers inside the text) becomes a one-gap cloze. */
function convertEmbedded(item: Exclude<GiftItem, { type: 'Category' | 'Description' }>, draft: Draft): Draft {
  let gap: Draft | null = null;
  if (draft.type === 'short-answer') gap = { id: 'gap', type: 'short-answer', answers: draft.answers };
  if (draft.type === 'numeric') gap = { id: 'gap', type: 'numeric', answers: draft.answers };
  if (draft.type === 'single-choice') gap = { id: 'gap', type: 'single-choice', options: draft.options };
  if (gap === null) return draft;
  return { type: 'cloze', prompt: item.title ?? 'Fill in the gap.', text: item.stem.text.replace('_____', '{{gap}}'), gaps: [gap], explanation: draft.explanation };
}

/**
 * Imports GIFT text as RecallKit questions, validated with the question schema.
 *
 * Ids come from `// [id:...]`, else the title, else the position; tags from `// [tag:...]`;
 * the topic from the last segment of the current `$CATEGORY:`. Fields GIFT lacks (evidence,
 * difficulty, Bloom level) come from `options`; an item without general feedback gets its stem as explanation.
 *
 * Hint: descriptions, unreadable items and items that fail validation are listed in `skipped` with their line, not thrown.
 *
 * @param input GIFT text.
 * @param options Defaults for the fields GIFT does not carry.
 * @returns The questions and the skipped items.
 * @throws RecallKitError `RK_PARSE_ERROR` when the input is not a string.
 */
export function importGift(input: string, options: GiftImportOptions = {}): GiftImportResult {
  const items = parseGiftLenient(input);
  const questions: Question[] = [];
  const skipped: { line: number; title: string | null; reason: string }[] = [];
  const used = new Set<string>();
  let topic = options.topic ?? 'imported';
  const evidence = options.evidence ?? [{ quote: 'Imported from GIFT', start: 0, end: 0 }];
  items.forEach((item, index) => {
    if (item.type === 'Error') {
      skipped.push({ line: item.line, title: null, reason: item.error.message });
      return;
    }
    if (item.type === 'Category') {
      const last = item.title.split('/').filter((s) => s.trim() !== '' && s !== '$course$' && s !== '$system$' && s !== 'top').pop();
      const s = last ? slug(last) : '';
      if (s) topic = s;
      return;
    }
    if (item.type === 'Description') {
      skipped.push({ line: item.line, title: item.title, reason: 'a description has no answer' });
      return;
    }
    let draft = convert(item);
    if (item.hasEmbeddedAnswers) draft = convertEmbedded(item, draft);
    let id = item.id && /^[A-Za-z0-9_-]{1,64}$/.test(item.id) ? item.id : item.title ? slug(item.title) : '';
    if (!id || used.has(id)) id = `gift-${index + 1}`;
    used.add(id);
    const tags = [...new Set((item.tags ?? []).map(slug).filter((t) => t !== ''))];
    const full = {
      id,
      ...draft,
      explanation: typeof draft.explanation === 'string' && draft.explanation.trim() !== '' ? draft.explanation : item.stem.text || 'Imported from GIFT.',
      evidence,
      topic,
      tags,
      difficulty: options.difficulty ?? 'medium',
      bloom: options.bloom ?? 'remember',
    };
    const result = safeParseQuestion(full);
    if (result.success) questions.push(result.value);
    else skipped.push({ line: item.line, title: item.title, reason: result.error.message });
  });
  return { questions, skipped };
}
