// Printable quizzes: Markdown and a self-contained HTML page with print CSS.
// Input is an assembled quiz (recallkit/quiz); nothing here shuffles, so the output is as
// deterministic as the quiz itself.
import { RecallKitError, describe } from '../core/errors';
import type { Quiz, QuizForm, QuizItem } from '../quiz/types';
import { GAP_MARKER, cleanText, escapeHtml } from './text';

/** Options of {@link quizToMarkdown} and {@link quizToHtml}. */
export interface PrintOptions {
  /** Which forms to print, by label (default: all). */
  readonly forms?: readonly string[];
  /** Print each form's answer key after it (default true). */
  readonly answerKey?: boolean;
  /** HTML only: start every item on a new printed page (default true); the key always starts a page. */
  readonly pageBreakPerItem?: boolean;
  /** HTML only: the `lang` of the page (default `en`). */
  readonly lang?: string;
}

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const letterOf = (i: number): string => (i < 26 ? (LETTERS[i] as string) : `${LETTERS[Math.floor(i / 26) - 1]}${LETTERS[i % 26]}`);

function pickForms(quiz: Quiz, options: PrintOptions): readonly QuizForm[] {
  if (quiz === null || typeof quiz !== 'object' || !Array.isArray(quiz.forms)) throw new RecallKitError('RK_INVALID_INPUT', `expected a quiz from assembleQuiz, got ${describe(quiz)}`, 'quiz');
  return options.forms ? quiz.forms.filter((f) => options.forms?.includes(f.label)) : quiz.forms;
}

const pts = (n: number): string => `${n} ${n === 1 ? 'point' : 'points'}`;

// ---------------------------------------------------------------- Markdown

/**
 * Escapes text for CommonMark: markup characters get a backslash and `& < >` become entities,
 * so item text can never open an HTML block or a link (CommonMark 0.31, "Backslash escapes" and "Entity references").
 */
function md(text: string): string {
  return cleanText(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]#|~{}!]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([-+=]|\d+[.)])/gm, '$1\\$2')
    .replace(/\t/g, ' ')
    .replace(/\n/g, '  \n');
}

function mdCloze(item: QuizItem): string[] {
  const q = item.question;
  if (q.type !== 'cloze') return [];
  const byId = new Map(q.gaps.map((g) => [g.id, g]));
  let n = 0;
  const lines: string[] = [];
  const parts = q.text.split(GAP_MARKER);
  // split() with a capture group alternates text and gap ids.
  const body = parts.map((part, i) => (i % 2 === 0 ? md(part) : `**(${++n})** \\_\\_\\_\\_\\_\\_\\_\\_`)).join('');
  lines.push(body, '');
  n = 0;
  parts.forEach((part, i) => {
    if (i % 2 === 0) return;
    n++;
    const g = byId.get(part);
    if (g?.type === 'single-choice') lines.push(`(${n}) ${g.options.map((o, k) => `${letterOf(k)}. ${md(o.text)}`).join(' / ')}  `);
  });
  return lines;
}

function mdItem(item: QuizItem): string[] {
  const q = item.question;
  const out = [`**${item.number}.** *(${pts(item.points)})* ${md(q.prompt)}`, ''];
  switch (q.type) {
    case 'single-choice':
    case 'multiple-choice':
      out.push(q.type === 'single-choice' ? '*Choose one.*' : '*Choose all that apply.*', '');
      out.push(...q.options.map((o, i) => `- ${letterOf(i)}. ${md(o.text)}`));
      break;
    case 'true-false':
      out.push('- True', '- False');
      break;
    case 'numeric':
      out.push(`Answer: \\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_${q.unit ? ` ${md(q.unit)}` : ''}`);
      break;
    case 'short-answer':
    case 'flashcard':
      out.push('Answer: \\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_');
      break;
    case 'cloze':
      out.push(...mdCloze(item));
      break;
    case 'matching':
      out.push('*Write the letter of the matching answer next to each number.*', '');
      out.push(...q.pairs.map((p, i) => `${i + 1}\\. ${md(p.left)} \\_\\_\\_\\_`));
      out.push('');
      out.push(...(item.matchChoices ?? []).map((c, i) => `- ${letterOf(i)}. ${md(c)}`));
      break;
    case 'ordering':
      out.push('*Write the letters in the correct order.*', '');
      out.push(...(item.orderDisplay ?? q.items).map((it, i) => `- ${letterOf(i)}. ${md(it.text)}`));
      break;
    case 'essay': {
      const limits = [q.minWords ? `at least ${q.minWords} words` : '', q.maxWords ? `at most ${q.maxWords} words` : ''].filter(Boolean).join(', ');
      if (limits) out.push(`*Write ${limits}.*`);
      break;
    }
  }
  out.push('');
  return out;
}

/**
 * Renders a quiz as Markdown: each form with numbered items, then its answer key as a table.
 *
 * Hint: item text is escaped (markup characters and `< > &`), so the Markdown renders the text
 * as written and never as HTML.
 *
 * @param quiz An assembled quiz.
 * @param options Which forms, and whether to add the keys.
 * @returns Markdown text.
 */
export function quizToMarkdown(quiz: Quiz, options: PrintOptions = {}): string {
  const out: string[] = [];
  for (const form of pickForms(quiz, options)) {
    out.push(`# ${md(quiz.title)} (Form ${form.label})`, '', `Name: \\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_ Date: \\_\\_\\_\\_\\_\\_\\_\\_ Total: ${pts(form.totalPoints)}`, '');
    for (const item of form.items) out.push(...mdItem(item));
    if (options.answerKey !== false) {
      out.push('---', '', `## Answer key (Form ${form.label})`, '', '| # | Answer | Points |', '|---|---|---|');
      for (const k of form.key) out.push(`| ${k.number} | ${md(k.answer).replace(/ {2}\n/g, ' ')}${k.manual ? ' *(graded by the teacher)*' : ''} | ${k.points} |`);
      out.push('');
    }
    out.push('---', '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

// ---------------------------------------------------------------- HTML

function h(text: string): string {
  return escapeHtml(text).replace(/\n/g, '<br>');
}

const BLANK = '<span class="blank"></span>';

function htmlCloze(item: QuizItem): string {
  const q = item.question;
  if (q.type !== 'cloze') return '';
  const byId = new Map(q.gaps.map((g) => [g.id, g]));
  let n = 0;
  const parts = q.text.split(GAP_MARKER);
  const body = parts.map((part, i) => (i % 2 === 0 ? h(part) : `<b>(${++n})</b> ${BLANK}`)).join('');
  n = 0;
  const choices = parts
    .map((part, i) => {
      if (i % 2 === 0) return '';
      n++;
      const g = byId.get(part);
      return g?.type === 'single-choice' ? `<li>(${n}) ${g.options.map((o, k) => `${letterOf(k)}. ${h(o.text)}`).join(' / ')}</li>` : '';
    })
    .join('');
  return `<p class="cloze">${body}</p>${choices ? `<ul class="gap-choices">${choices}</ul>` : ''}`;
}

function htmlItem(item: QuizItem): string {
  const q = item.question;
  let body = '';
  switch (q.type) {
    case 'single-choice':
    case 'multiple-choice':
      body = `<p class="hint">${q.type === 'single-choice' ? 'Choose one.' : 'Choose all that apply.'}</p><ol class="options" type="A">${q.options.map((o) => `<li>${h(o.text)}</li>`).join('')}</ol>`;
      break;
    case 'true-false':
      body = '<ul class="options tf"><li>True</li><li>False</li></ul>';
      break;
    case 'numeric':
      body = `<p class="answer">Answer: ${BLANK}${q.unit ? ` ${h(q.unit)}` : ''}</p>`;
      break;
    case 'short-answer':
    case 'flashcard':
      body = `<p class="answer">Answer: ${BLANK}</p>`;
      break;
    case 'cloze':
      body = htmlCloze(item);
      break;
    case 'matching':
      body =
        '<p class="hint">Write the letter of the matching answer next to each number.</p>' +
        `<div class="matching"><ol class="lefts">${q.pairs.map((p) => `<li>${h(p.left)} ${BLANK}</li>`).join('')}</ol>` +
        `<ol class="rights" type="A">${(item.matchChoices ?? []).map((c) => `<li>${h(c)}</li>`).join('')}</ol></div>`;
      break;
    case 'ordering':
      body = `<p class="hint">Write the letters in the correct order.</p><ol class="options" type="A">${(item.orderDisplay ?? q.items).map((it) => `<li>${h(it.text)}</li>`).join('')}</ol><p class="answer">Order: ${BLANK}</p>`;
      break;
    case 'essay': {
      const limits = [q.minWords ? `at least ${q.minWords} words` : '', q.maxWords ? `at most ${q.maxWords} words` : ''].filter(Boolean).join(', ');
      body = `${limits ? `<p class="hint">Write ${limits}.</p>` : ''}<div class="lines"></div>`;
      break;
    }
  }
  return `<li class="item" value="${item.number}" data-id="${escapeHtml(q.id)}"><p class="meta">Question ${item.number} · ${pts(item.points)}</p><p class="prompt">${h(q.prompt)}</p>${body}</li>`;
}

function htmlKey(form: QuizForm): string {
  const rows = form.key.map((k) => `<tr><td>${k.number}</td><td>${h(k.answer)}${k.manual ? ' <i>(graded by the teacher)</i>' : ''}</td><td>${k.points}</td></tr>`).join('');
  return `<section class="key" data-form="${escapeHtml(form.label)}"><h2>Answer key · Form ${escapeHtml(form.label)}</h2><table><thead><tr><th>#</th><th>Answer</th><th>Points</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

/** Print CSS: one column, a page per item, the key on its own page, nothing loaded from outside. */
function css(perItem: boolean): string {
  return [
    '@page{size:A4;margin:16mm}',
    '*{box-sizing:border-box}',
    'body{font:12pt/1.45 Georgia,"Times New Roman",serif;color:#000;background:#fff;max-width:46rem;margin:0 auto;padding:1rem}',
    'h1{font-size:18pt;margin:0 0 .25rem}h2{font-size:15pt}',
    '.student{display:flex;gap:2rem;margin:.5rem 0 1.5rem}',
    // One column on purpose: a multi-column body would turn the forced page breaks below into column breaks.
    '.items{list-style:none;padding:0;margin:0}',
    '.item{break-inside:avoid;page-break-inside:avoid;margin:0 0 1.5rem}',
    '.meta{font:600 9pt/1.2 system-ui,sans-serif;text-transform:uppercase;letter-spacing:.04em;color:#444;margin:0 0 .25rem}',
    '.prompt{font-weight:600;margin:0 0 .5rem}',
    '.hint{font-style:italic;margin:.25rem 0}',
    '.options{margin:.25rem 0 0 1.5rem}.options li{margin:.15rem 0}',
    '.blank{display:inline-block;min-width:9rem;border-bottom:1px solid #000;height:1em}',
    '.matching{display:grid;grid-template-columns:1fr 1fr;gap:1rem}',
    '.lines{height:12rem;background:repeating-linear-gradient(#fff 0 1.9rem,#999 1.9rem 2rem)}',
    'table{border-collapse:collapse;width:100%}th,td{border:1px solid #000;padding:.3rem .5rem;text-align:left;vertical-align:top}',
    '.key{margin-top:2rem}',
    '@media print{body{max-width:none;padding:0}',
    perItem ? '.item+.item{break-before:page;page-break-before:always}' : '',
    '.key,.form+.form,.key+.form{break-before:page;page-break-before:always}}',
  ].join('\n');
}

/**
 * Renders a quiz as one self-contained HTML page for printing: every form, each followed by its
 * answer key on a separate page. Print CSS gives one column and a page break between items.
 *
 * Hint: the page loads nothing and runs nothing: all text is escaped, and a Content-Security-Policy
 * (`default-src 'none'`) blocks scripts even if markup ever slipped through.
 *
 * @param quiz An assembled quiz.
 * @param options Forms, keys, page breaks, language.
 * @returns An HTML document.
 * @example
 * ```ts
 * fs.writeFileSync('quiz.html', quizToHtml(assembleQuiz(bank, blueprint, { seed: 'p3', forms: 2 })))
 * ```
 */
export function quizToHtml(quiz: Quiz, options: PrintOptions = {}): string {
  const sections = pickForms(quiz, options)
    .map((form) => {
      const header = `<header><h1>${h(quiz.title)}</h1><p class="form-label">Form ${escapeHtml(form.label)} · ${pts(form.totalPoints)}</p><p class="student"><span>Name: ${BLANK}</span><span>Date: ${BLANK}</span></p></header>`;
      const items = `<ol class="items">${form.items.map(htmlItem).join('\n')}</ol>`;
      return `<section class="form" data-form="${escapeHtml(form.label)}">${header}\n${items}</section>\n${options.answerKey === false ? '' : htmlKey(form)}`;
    })
    .join('\n');
  const lang = /^[A-Za-z]{2,3}(-[A-Za-z0-9]+)*$/.test(options.lang ?? '') ? (options.lang as string) : 'en';
  return [
    '<!doctype html>',
    `<html lang="${lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(quiz.title)}</title>`,
    `<style>\n${css(options.pageBreakPerItem !== false)}\n</style>`,
    '</head>',
    '<body>',
    sections,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
