// Text files for flashcard apps: Anki's "Import File" (CSV/TSV with header lines) and Quizlet's
// "Import" box (term, tab, definition; one card per line).
import type { Bank } from '../schema/bank';
import type { Question } from '../schema/question';
import { type Card, questionToCard } from './cards';
import { escapeHtml, oneLine, questionsOf } from './text';

/** Options of {@link exportAnkiText}. */
export interface AnkiTextOptions {
  /** `tab` (default, TSV) or `comma` (CSV). */
  readonly separator?: 'tab' | 'comma';
  /** The deck to import into (default: the bank title, or `RecallKit`). */
  readonly deck?: string;
}

function cardsOf(input: Bank | readonly Question[]): { cards: Card[]; title: string | null } {
  const { questions, bank } = questionsOf(input, 'export');
  return { cards: questions.map(questionToCard), title: bank?.title ?? null };
}

/** A field as RFC 4180 wants it: quoted (with doubled quotes) when it holds the separator, a quote or a line break. */
function field(value: string, sep: string): string {
  return value.includes(sep) || /["\r\n]/.test(value) || value.startsWith('#') ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Card text for Anki with `#html:true`: escaped, so markup shows as text, and newlines as `<br>`. */
function ankiHtml(text: string): string {
  return escapeHtml(text).replace(/\t/g, ' ').replace(/\n/g, '<br>');
}

/** One header value on one line. */
function headerValue(text: string): string {
  return oneLine(text);
}

/**
 * Exports questions as an Anki import file (Basic note type): GUID, Front, Back, Tags.
 *
 * The header lines (Anki manual, "Importing > Text files > File headers") set the separator,
 * HTML mode, note type, deck and the GUID and tags columns, so re-importing updates the same notes.
 *
 * Hint: every question type becomes a card (see `questionToCard`); text is HTML-escaped because the
 * file is imported with `#html:true`.
 *
 * @param input A bank or a list of questions.
 * @param options Separator and deck.
 * @returns The file text.
 */
export function exportAnkiText(input: Bank | readonly Question[], options: AnkiTextOptions = {}): string {
  const { cards, title } = cardsOf(input);
  const sepName = options.separator === 'comma' ? 'comma' : 'tab';
  const sep = sepName === 'comma' ? ',' : '\t';
  const header = [
    `#separator:${sepName}`,
    '#html:true',
    '#notetype:Basic',
    `#deck:${headerValue(options.deck ?? title ?? 'RecallKit') || 'RecallKit'}`,
    '#guid column:1',
    '#tags column:4',
    `#columns:${['GUID', 'Front', 'Back', 'Tags'].join(sep)}`,
  ];
  const rows = cards.map((c) => [c.id, ankiHtml(c.front), ankiHtml(c.back), c.tags.join(' ')].map((v) => field(v, sep)).join(sep));
  return `${[...header, ...rows].join('\n')}\n`;
}

/**
 * Exports questions for Quizlet's import box: term, a tab, the definition; one card per line.
 *
 * Hint: Quizlet's import has no quoting, so tabs and line breaks inside a card become spaces;
 * choose "Tab" between term and definition and "New line" between cards.
 *
 * @param input A bank or a list of questions.
 * @returns The text to paste.
 */
export function exportQuizlet(input: Bank | readonly Question[]): string {
  return `${cardsOf(input)
    .cards.map((c) => `${oneLine(c.front)}\t${oneLine(c.back)}`)
    .join('\n')}\n`;
}
