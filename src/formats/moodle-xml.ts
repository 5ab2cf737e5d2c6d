// Moodle XML question export (docs.moodle.org/en/Moodle_XML_format), one <question> per item.
// Behaviour taken from the Moodle documentation and its export fixtures; no Moodle code is used.
import type { Bank } from '../schema/bank';
import type { ChoiceOption, ClozeGap, NumericAnswer, Question, TextAnswer } from '../schema/question';
import { DEFAULT_ORDERING_GRADING } from '../scoring/ordering';
import { GAP_MARKER, cleanText, escapeHtml, escapeXml, moodleGrade, numericBounds, oneLine, optionFractions, percent, plainNumber, questionsOf } from './text';
import { type XmlElement, el, toXml } from './xml';

/** Options of {@link exportMoodleXml}. */
export interface MoodleXmlOptions {
  /** Write a category question per topic (default true). */
  readonly categories?: boolean;
  /** The category path above the topics (default `$course$/top/<bank id>`). */
  readonly categoryRoot?: string;
}

/** Plain text as Moodle HTML: escaped, newlines as `<br>`, and `{` as an entity so no text can open a cloze gap. */
function html(text: string): string {
  return escapeHtml(text).replace(/\n/g, '<br>').replace(/\{/g, '&#123;').replace(/\}/g, '&#125;');
}

/** A `<tag format="html"><text>...</text></tag>` element. */
function htmlText(name: string, text: string, extra: XmlElement['attrs'] = {}): XmlElement {
  return el(name, { ...extra, format: 'html' }, el('text', {}, html(text)));
}

/** Moodle's combined feedback block (multichoice, matching, ordering): the standard wording, and show the number right. */
function combinedFeedback(): XmlElement[] {
  return [
    htmlText('correctfeedback', 'Your answer is correct.'),
    htmlText('partiallycorrectfeedback', 'Your answer is partially correct.'),
    htmlText('incorrectfeedback', 'Your answer is incorrect.'),
    el('shownumcorrect'),
  ];
}

/** Answer texts that Moodle compares with what the learner types are plain text. */
function rawText(text: string): XmlElement {
  return el('text', {}, oneLine(text));
}

function feedbackOf(text: string | undefined): XmlElement {
  return htmlText('feedback', text ?? '');
}

function fraction(f: number): string {
  return percent(moodleGrade(f));
}

function common(q: Question, type: string, extraGeneral = ''): XmlElement[] {
  const tags = q.tags.length ? [el('tags', {}, ...q.tags.map((t) => el('tag', {}, el('text', {}, t))))] : [];
  return [
    el('name', {}, el('text', {}, q.id)),
    htmlText('questiontext', q.prompt),
    htmlText('generalfeedback', q.explanation + extraGeneral),
    el('defaultgrade', {}, plainNumber(q.points ?? 1)),
    // Moodle's default penalty per wrong try in interactive mode: one third; 1 for true/false,
    // where a second try could only be right.
    el('penalty', {}, type === 'truefalse' ? '1' : '0.3333333'),
    el('hidden', {}, '0'),
    el('idnumber', {}, q.id),
    ...tags,
  ];
}

function choiceAnswers(options: readonly ChoiceOption[], single: boolean): XmlElement[] {
  const fr = optionFractions(options, single);
  return options.map((o, i) => el('answer', { fraction: fraction(fr[i] ?? 0), format: 'html' }, el('text', {}, html(o.text)), feedbackOf(o.feedback)));
}

function textAnswers(answers: readonly TextAnswer[]): XmlElement[] {
  return answers.map((a) => el('answer', { fraction: fraction(a.fraction ?? 1), format: 'moodle_auto_format' }, rawText(a.text), feedbackOf(a.feedback)));
}

function numericAnswers(answers: readonly NumericAnswer[]): XmlElement[] {
  return answers.map((a) => {
    const b = numericBounds(a);
    return el('answer', { fraction: fraction(a.fraction ?? 1), format: 'moodle_auto_format' }, el('text', {}, plainNumber(b.value)), el('tolerance', {}, plainNumber(b.tolerance)), feedbackOf(a.feedback));
  });
}

// Moodle multianswer (Cloze) syntax. qtype_multianswer_extract_question ends an answer at an
// unescaped ~ # } (or a feedback at ~ }), then html_entity_decode()s it and unescapes only \} and
// \#. So } and # get a backslash; ~ and \ have no backslash escape there (\~ or \\ would stay in
// the answer), so they are written as the numeric entities &#126; and &#92;, which the decode
// turns back (a `#` right after `&` does not end an answer). Named entities come first
// (escapeXml: no "#" in them, and no '"' left).
function clozeText(text: string): string {
  return escapeXml(oneLine(text)).replace(/[}#~\\]/g, (c) => (c === '~' ? '&#126;' : c === '\\' ? '&#92;' : `\\${c}`));
}

function clozeWeight(g: ClozeGap): number {
  return Math.max(1, Math.round(g.weight ?? 1));
}

function clozeGap(g: ClozeGap): string {
  const fb = (f: string | undefined): string => (f ? `#${clozeText(f)}` : '');
  if (g.type === 'short-answer') {
    const list = g.answers.map((a) => `%${fraction(a.fraction ?? 1)}%${clozeText(a.text)}${fb(a.feedback)}`).join('~');
    return `{${clozeWeight(g)}:${g.caseSensitive ? 'SHORTANSWER_C' : 'SHORTANSWER'}:${list}}`;
  }
  if (g.type === 'numeric') {
    const list = g.answers
      .map((a) => {
        const b = numericBounds(a);
        return `%${fraction(a.fraction ?? 1)}%${plainNumber(b.value)}:${plainNumber(b.tolerance)}${fb(a.feedback)}`;
      })
      .join('~');
    return `{${clozeWeight(g)}:NUMERICAL:${list}}`;
  }
  const fr = optionFractions(g.options, true);
  const list = g.options.map((o, i) => `%${fraction(fr[i] ?? 0)}%${clozeText(o.text)}${fb(o.feedback)}`).join('~');
  return `{${clozeWeight(g)}:MULTICHOICE:${list}}`;
}

const ORDERING: Record<string, string> = {
  'all-or-nothing': 'ALL_OR_NOTHING',
  'absolute-position': 'ABSOLUTE_POSITION',
  'relative-next-exclude-last': 'RELATIVE_NEXT_EXCLUDE_LAST',
  'relative-next-include-last': 'RELATIVE_NEXT_INCLUDE_LAST',
  'relative-one-previous-and-next': 'RELATIVE_ONE_PREVIOUS_AND_NEXT',
  'relative-all-previous-and-next': 'RELATIVE_ALL_PREVIOUS_AND_NEXT',
  'longest-ordered-subset': 'LONGEST_ORDERED_SUBSET',
  'longest-contiguous-subset': 'LONGEST_CONTIGUOUS_SUBSET',
};

function essay(q: Question, prompt: string, graderInfo: string, min?: number, max?: number): XmlElement {
  return el(
    'question',
    { type: 'essay' },
    ...common({ ...q, prompt }, 'essay'),
    el('responseformat', {}, 'editor'),
    el('responserequired', {}, '1'),
    el('responsefieldlines', {}, '15'),
    min ? el('minwordlimit', {}, String(min)) : null,
    max ? el('maxwordlimit', {}, String(max)) : null,
    el('attachments', {}, '0'),
    el('attachmentsrequired', {}, '0'),
    htmlText('graderinfo', graderInfo),
    htmlText('responsetemplate', ''),
  );
}

function questionElement(q: Question): XmlElement {
  switch (q.type) {
    case 'single-choice':
    case 'multiple-choice':
      return el(
        'question',
        { type: 'multichoice' },
        ...common(q, 'multichoice'),
        el('single', {}, q.type === 'single-choice' ? 'true' : 'false'),
        el('shuffleanswers', {}, 'true'),
        el('answernumbering', {}, 'abc'),
        el('showstandardinstruction', {}, '0'),
        ...combinedFeedback(),
        ...choiceAnswers(q.options, q.type === 'single-choice'),
      );
    case 'true-false':
      return el(
        'question',
        { type: 'truefalse' },
        ...common(q, 'truefalse'),
        el('answer', { fraction: q.answer ? '100' : '0', format: 'moodle_auto_format' }, el('text', {}, 'true'), feedbackOf(q.feedbackTrue)),
        el('answer', { fraction: q.answer ? '0' : '100', format: 'moodle_auto_format' }, el('text', {}, 'false'), feedbackOf(q.feedbackFalse)),
      );
    case 'numeric':
      return el(
        'question',
        { type: 'numerical' },
        ...common(q, 'numerical'),
        ...numericAnswers(q.answers),
        q.units?.length || q.unit
          ? el(
              'units',
              {},
              // Moodle's multiplier goes the other way from ours: it converts the base value into the
              // unit (km: 0.001 when the answer is in m), so write 1 / multiplier. The base unit
              // comes first, with multiplier 1, as Moodle's edit form requires.
              ...[...(q.unit ? [{ unit: q.unit, multiplier: 1 }] : []), ...(q.units ?? []).filter((u) => u.unit !== q.unit)].map((u) =>
                el('unit', {}, el('multiplier', {}, plainNumber(1 / u.multiplier)), el('unit_name', {}, cleanText(u.unit))),
              ),
            )
          : null,
        el('unitgradingtype', {}, '0'),
        el('unitpenalty', {}, '0.1000000'),
        // 3: units are not asked for; the number alone is graded (RecallKit's default).
        el('showunits', {}, '3'),
        el('unitsleft', {}, '0'),
      );
    case 'short-answer':
      return el('question', { type: 'shortanswer' }, ...common(q, 'shortanswer'), el('usecase', {}, q.caseSensitive ? '1' : '0'), ...textAnswers(q.answers));
    case 'cloze': {
      const byId = new Map(q.gaps.map((g) => [g.id, g]));
      const parts = q.text.split(GAP_MARKER);
      const body = parts.map((p, i) => (i % 2 === 0 ? html(p) : byId.has(p) ? clozeGap(byId.get(p) as ClozeGap) : '')).join('');
      return el(
        'question',
        { type: 'cloze' },
        el('name', {}, el('text', {}, q.id)),
        el('questiontext', { format: 'html' }, el('text', {}, `<p>${html(q.prompt)}</p><p>${body}</p>`)),
        htmlText('generalfeedback', q.explanation),
        el('penalty', {}, '0.3333333'),
        el('hidden', {}, '0'),
        el('idnumber', {}, q.id),
        ...(q.tags.length ? [el('tags', {}, ...q.tags.map((t) => el('tag', {}, el('text', {}, t))))] : []),
      );
    }
    case 'matching':
      return el(
        'question',
        { type: 'matching' },
        ...common(q, 'matching'),
        el('shuffleanswers', {}, 'true'),
        ...combinedFeedback(),
        ...q.pairs.map((p) => el('subquestion', { format: 'html' }, el('text', {}, html(p.left)), el('answer', {}, rawText(p.right)))),
        // A subquestion with empty text is an extra wrong answer (Moodle qtype_match).
        ...(q.distractors ?? []).map((d) => el('subquestion', { format: 'html' }, el('text', {}, ''), el('answer', {}, rawText(d)))),
      );
    case 'ordering':
      return el(
        'question',
        { type: 'ordering' },
        ...common(q, 'ordering'),
        el('layouttype', {}, 'VERTICAL'),
        el('selecttype', {}, 'ALL'),
        el('selectcount', {}, '0'),
        el('gradingtype', {}, ORDERING[q.gradingType ?? DEFAULT_ORDERING_GRADING] ?? 'ABSOLUTE_POSITION'),
        el('showgrading', {}, 'SHOW'),
        el('numberingstyle', {}, 'none'),
        ...combinedFeedback(),
        // qtype_ordering: answers in the correct order; the fraction holds the position.
        ...q.items.map((it, i) => el('answer', { fraction: String(i + 1), format: 'html' }, el('text', {}, html(it.text)))),
      );
    case 'flashcard':
      if (q.answers && q.answers.length > 0) {
        return el('question', { type: 'shortanswer' }, ...common({ ...q, explanation: q.back }, 'shortanswer'), el('usecase', {}, '0'), ...textAnswers(q.answers));
      }
      return essay({ ...q, explanation: q.back }, q.prompt, q.back);
    case 'essay': {
      const rubric = q.rubric.map((c) => `${c.criterion} (${c.points})${c.description ? `: ${c.description}` : ''}`).join('\n');
      return essay(q, q.prompt, `Rubric:\n${rubric}${q.modelAnswer ? `\n\nModel answer:\n${q.modelAnswer}` : ''}`, q.minWords, q.maxWords);
    }
  }
}

/**
 * Exports questions as Moodle XML for Moodle's question bank import ("Moodle XML format").
 *
 * Types: multichoice (single and multiple answers), truefalse, numerical, shortanswer, cloze
 * (multianswer, every gap kept), matching, ordering (qtype_ordering, core since Moodle 4.4) and
 * essay (the rubric and model answer go to the grader information). A flashcard becomes a short
 * answer (with `answers`) or an essay.
 *
 * Hint: text is written as escaped HTML, so markup in an item shows as text; fractions are snapped
 * to the grades Moodle accepts; cloze gap weights are rounded to whole numbers (Moodle's syntax).
 *
 * @param input A bank or a list of questions.
 * @param options Category elements.
 * @returns The XML text.
 * @example
 * ```ts
 * fs.writeFileSync('bank.moodle.xml', exportMoodleXml(bank))
 * ```
 */
export function exportMoodleXml(input: Bank | readonly Question[], options: MoodleXmlOptions = {}): string {
  const { questions, bank } = questionsOf(input, 'exportMoodleXml');
  const root = cleanText(options.categoryRoot ?? (bank ? `$course$/top/${bank.id}` : '$course$/top')).replace(/\n/g, ' ');
  const children: XmlElement[] = [];
  let topic: string | null = null;
  for (const q of questions) {
    if (options.categories !== false && q.topic !== topic) {
      topic = q.topic;
      children.push(el('question', { type: 'category' }, el('category', {}, el('text', {}, `${root}/${topic}`)), htmlText('info', ''), el('idnumber')));
    }
    children.push(questionElement(q));
  }
  return toXml(el('quiz', {}, ...children));
}
