// IMS/1EdTech QTI 3.0 (and QTI 2.1) items and content packages.
// Items follow the QTI 3.0 ASI information model: response declarations with correct responses
// and mappings, interactions in the item body, and response processing by the standard templates
// (match_correct, map_response) where they fit, or written out where they cannot express the rule
// (numeric tolerance, wildcards, cloze weighting, feedback). Packages follow IMS CP 1.2 as profiled by QTI 3.0.
import type { Bank } from '../schema/bank';
import type { ChoiceOption, ClozeGap, NumericAnswer, Question, TextAnswer } from '../schema/question';
import { DEFAULT_ORDERING_GRADING } from '../scoring/ordering';
import { GAP_MARKER, cleanText, ncName, numericBounds, oneLine, optionFractions, questionsOf } from './text';
import { type XmlDialect, type XmlElement, type XmlNode, AS_IS, el, toXml } from './xml';
import { type ZipEntry, createZip } from './zip';

/** The QTI version to write. */
export type QtiVersion = '3.0' | '2.1';

/** Options of the QTI exporters. */
export interface QtiOptions {
  /** `3.0` (default) or `2.1`. */
  readonly version?: QtiVersion;
  /**
   * Show feedback after response processing (default true): per-option feedback of choice items and the
   * explanation, as modal feedback. This needs written-out response processing; with `false`, items
   * whose scoring a standard template expresses refer to that template and carry no feedback.
   */
  readonly feedback?: boolean;
  /** `xml:lang` of the items (default: the bank's language, else none). */
  readonly lang?: string;
}

const NS3 = 'http://www.imsglobal.org/xsd/imsqtiasi_v3p0';
const XSD3 = 'https://purl.imsglobal.org/spec/qti/v3p0/schema/xsd/imsqti_asiv3p0_v1p0.xsd';
const NS21 = 'http://www.imsglobal.org/xsd/imsqti_v2p1';
const XSD21 = 'http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
// QTI 3.0 ASI, "Response Processing Templates"; QTI 2.1 section 5.2 for the 2.1 URIs.
const TEMPLATES: Record<QtiVersion, Record<'match_correct' | 'map_response', string>> = {
  '3.0': {
    match_correct: 'https://purl.imsglobal.org/spec/qti/v3p0/rptemplates/match_correct.xml',
    map_response: 'https://purl.imsglobal.org/spec/qti/v3p0/rptemplates/map_response.xml',
  },
  '2.1': {
    match_correct: 'http://www.imsglobal.org/question/qti_v2p1/rptemplates/match_correct',
    map_response: 'http://www.imsglobal.org/question/qti_v2p1/rptemplates/map_response',
  },
};

const camel = (s: string): string => s.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/** QTI 2.1 names: `qti-choice-interaction` -> `choiceInteraction`, `max-choices` -> `maxChoices`; HTML names stay. */
const QTI21: XmlDialect = {
  element: (n) => (n === 'qti-content-body' ? null : n.startsWith('qti-') ? camel(n.slice(4)) : n),
  attribute: (e, n) => (e.startsWith('qti-') && !n.includes(':') ? camel(n) : n),
};

// ---------------------------------------------------------------- building blocks

/** Paragraphs of plain text; a newline becomes `<br/>`. */
function para(text: string, attrs: XmlElement['attrs'] = {}): XmlElement {
  return el('p', attrs, ...inline(text));
}

function inline(text: string): XmlNode[] {
  const lines = cleanText(text).split('\n');
  return lines.flatMap((line, i) => (i === 0 ? [line] : [el('br'), line]));
}

const value = (v: string | number): XmlElement => el('qti-value', {}, String(v));
const baseValue = (type: string, v: string | number): XmlElement => el('qti-base-value', { 'base-type': type }, String(v));
const variable = (id: string): XmlElement => el('qti-variable', { identifier: id });
const setOutcome = (id: string, expr: XmlElement): XmlElement => el('qti-set-outcome-value', { identifier: id }, expr);

function outcome(id: string, cardinality: string, baseType: string, dflt?: string | number): XmlElement {
  return el('qti-outcome-declaration', { identifier: id, cardinality, 'base-type': baseType }, dflt === undefined ? null : el('qti-default-value', {}, value(dflt)));
}

/** Writes `SCORE = SCORE + expr` (QTI 3.0 ASI, qti-sum). */
function addScore(expr: XmlElement): XmlElement {
  return setOutcome('SCORE', el('qti-sum', {}, variable('SCORE'), expr));
}

/** A response condition: if `cond` then `then`, optionally else `otherwise`. */
function ifThen(cond: XmlElement, then: readonly XmlElement[], otherwise?: readonly XmlElement[]): XmlElement {
  return el('qti-response-condition', {}, el('qti-response-if', {}, cond, ...then), otherwise ? el('qti-response-else', {}, ...otherwise) : null);
}

/** if / else-if chain: the first matching branch wins (Moodle: the first matching answer). */
function firstMatch(branches: readonly [XmlElement, readonly XmlElement[]][], otherwise?: readonly XmlElement[]): XmlElement | null {
  const [first, ...rest] = branches;
  if (!first) return null;
  return el(
    'qti-response-condition',
    {},
    el('qti-response-if', {}, first[0], ...first[1]),
    ...rest.map(([c, t]) => el('qti-response-else-if', {}, c, ...t)),
    otherwise ? el('qti-response-else', {}, ...otherwise) : null,
  );
}

// Moodle short answers: an unescaped `*` is a wildcard and `\*` a literal star
// (qtype_shortanswer::compare_string_with_wildcard); the scoring engine's compile() splits the same way.
const WILDCARD = /(?<!\\)\*/;

/** An answer as the learner would type it: cleaned, trimmed and `\*` unescaped (for keys and the correct response). */
function literal(text: string): string {
  return cleanText(text).trim().replace(/\\\*/g, '*');
}

/**
 * An XML Schema regex (QTI qti-pattern-match) for a Moodle wildcard answer: each unescaped `*` is
 * any run, everything else literal; case folded by classes. XSD regexes have no anchors (the
 * whole value must match), so `$` is an ordinary character, and `\$` is not a legal XSD escape
 * (libxml2 rejects the pattern).
 */
function wildcardPattern(text: string, caseSensitive: boolean): string {
  const pieces = cleanText(text).trim().split(WILDCARD);
  const out = pieces.map((piece) => {
    let p = '';
    for (const ch of piece.replace(/\\\*/g, '*')) {
      if (/[\\.?*+{}()[\]^|-]/.test(ch)) p += `\\${ch}`;
      else if (!caseSensitive && ch.toLowerCase() !== ch.toUpperCase()) p += `[${ch.toLowerCase()}${ch.toUpperCase()}]`;
      else p += ch;
    }
    return p;
  });
  return `\\s*${out.join('.*')}\\s*`;
}

// ---------------------------------------------------------------- per type

interface Parts {
  readonly declarations: XmlElement[];
  readonly body: XmlNode[];
  /** A standard template that expresses the scoring exactly, if any. */
  readonly template?: 'match_correct' | 'map_response';
  /** The same scoring written out, extended with feedback rules when wanted. */
  readonly rules: XmlElement[];
  /** Outcome identifiers to set to the response for per-option feedback (choice items). */
  readonly feedbackFrom?: { readonly outcome: string; readonly cardinality: 'single' | 'multiple' };
  readonly modal: XmlElement[];
  /** Whether a person scores the item (no response processing). */
  readonly manual?: boolean;
}

const choiceId = (o: ChoiceOption): string => ncName('C', o.id);

/** match_correct written out: SCORE = 1 if RESPONSE matches the correct response, else 0. */
function matchCorrectRules(id = 'RESPONSE'): XmlElement[] {
  return [ifThen(el('qti-match', {}, variable(id), el('qti-correct', { identifier: id })), [setOutcome('SCORE', baseValue('float', 1))], [setOutcome('SCORE', baseValue('float', 0))])];
}

/** map_response written out: SCORE = 0 if RESPONSE is null, else the mapped value. */
function mapResponseRules(id = 'RESPONSE'): XmlElement[] {
  return [ifThen(el('qti-is-null', {}, variable(id)), [setOutcome('SCORE', baseValue('float', 0))], [setOutcome('SCORE', el('qti-map-response', { identifier: id }))])];
}

function choiceParts(q: Question & { options: readonly ChoiceOption[] }, single: boolean, prompt: string): Parts {
  const fractions = optionFractions(q.options, single);
  const keys = q.options.filter((o) => o.correct);
  // Single answer with plain 1/0 credit is match_correct; anything else needs a mapping.
  const plain = single && fractions.every((f, i) => f === (q.options[i]?.correct ? 1 : 0));
  const cardinality = single ? 'single' : 'multiple';
  const decl = el(
    'qti-response-declaration',
    { identifier: 'RESPONSE', cardinality, 'base-type': 'identifier' },
    el('qti-correct-response', {}, ...keys.map((o) => value(choiceId(o)))),
    plain ? null : el('qti-mapping', { 'default-value': 0, 'lower-bound': 0, 'upper-bound': 1 }, ...q.options.map((o, i) => el('qti-map-entry', { 'map-key': choiceId(o), 'mapped-value': fractions[i] ?? 0 }))),
  );
  const interaction = el(
    'qti-choice-interaction',
    { 'response-identifier': 'RESPONSE', shuffle: 'false', 'max-choices': single ? 1 : 0 },
    el('qti-prompt', {}, ...inline(prompt)),
    ...q.options.map((o) => el('qti-simple-choice', { identifier: choiceId(o) }, ...inline(o.text))),
  );
  const modal = q.options.filter((o) => o.feedback !== undefined).map((o) => feedbackEl('FEEDBACK', choiceId(o), o.feedback as string));
  return {
    declarations: [decl, outcome('SCORE', 'single', 'float', 0), ...(modal.length ? [outcome('FEEDBACK', cardinality, 'identifier')] : [])],
    body: [interaction],
    template: plain ? 'match_correct' : 'map_response',
    rules: plain ? matchCorrectRules() : mapResponseRules(),
    ...(modal.length ? { feedbackFrom: { outcome: 'FEEDBACK', cardinality } } : {}),
    modal,
  };
}

function feedbackEl(outcomeId: string, id: string, text: string): XmlElement {
  return el('qti-modal-feedback', { 'outcome-identifier': outcomeId, identifier: id, 'show-hide': 'show' }, el('qti-content-body', {}, para(text)));
}

/** A numeric answer as a tolerance comparison (QTI qti-equal with tolerance-mode absolute). */
function numericTest(id: string, a: NumericAnswer): XmlElement {
  const b = numericBounds(a);
  return el('qti-equal', { 'tolerance-mode': 'absolute', tolerance: `${b.tolerance} ${b.tolerance}` }, variable(id), baseValue('float', b.value));
}

function numericRules(id: string, answers: readonly NumericAnswer[], weight = 1): XmlElement[] {
  const branches = answers.map((a): [XmlElement, XmlElement[]] => [numericTest(id, a), [addScore(baseValue('float', weight * (a.fraction ?? 1)))]]);
  const chain = firstMatch(branches);
  return chain ? [ifThen(el('qti-not', {}, el('qti-is-null', {}, variable(id))), [chain])] : [];
}

function textMapping(answers: readonly TextAnswer[], caseSensitive: boolean): XmlElement {
  return el('qti-mapping', { 'default-value': 0, 'lower-bound': 0, 'upper-bound': 1 }, ...dedupe(answers, caseSensitive).map((a) => el('qti-map-entry', { 'map-key': literal(a.text), 'mapped-value': a.fraction ?? 1, 'case-sensitive': caseSensitive })));
}

/**
 * A mapping holds one entry per key; Moodle uses the first matching answer, so later duplicates go.
 * Keys differing only in case are duplicates only when the comparison ignores case (`NaCl` and
 * `nacl` are two answers of a case-sensitive question).
 */
function dedupe(answers: readonly TextAnswer[], caseSensitive: boolean): TextAnswer[] {
  const seen = new Set<string>();
  return answers.filter((a) => {
    const k = caseSensitive ? literal(a.text) : literal(a.text).toLowerCase();
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

const hasWildcard = (answers: readonly TextAnswer[]): boolean => answers.some((a) => WILDCARD.test(a.text));

/** Text answers written out: the first matching answer (wildcards as patterns) gives its credit. */
function textRules(id: string, answers: readonly TextAnswer[], caseSensitive: boolean, weight = 1): XmlElement[] {
  if (!hasWildcard(answers)) return [ifThen(el('qti-not', {}, el('qti-is-null', {}, variable(id))), [addScore(el('qti-product', {}, baseValue('float', weight), el('qti-map-response', { identifier: id })))])];
  const branches = answers.map((a): [XmlElement, XmlElement[]] => [el('qti-pattern-match', { pattern: wildcardPattern(a.text, caseSensitive) }, variable(id)), [addScore(baseValue('float', weight * (a.fraction ?? 1)))]]);
  const chain = firstMatch(branches);
  return chain ? [ifThen(el('qti-not', {}, el('qti-is-null', {}, variable(id))), [chain])] : [];
}

function textEntryParts(prompt: string, answers: readonly TextAnswer[], caseSensitive: boolean): Parts {
  const wild = hasWildcard(answers);
  const best = answers.reduce((b, a) => ((a.fraction ?? 1) > (b.fraction ?? 1) ? a : b), answers[0] as TextAnswer);
  const decl = el('qti-response-declaration', { identifier: 'RESPONSE', cardinality: 'single', 'base-type': 'string' }, el('qti-correct-response', {}, value(literal(best.text))), wild ? null : textMapping(answers, caseSensitive));
  return {
    declarations: [decl, outcome('SCORE', 'single', 'float', 0)],
    body: [para(prompt), el('p', {}, el('qti-text-entry-interaction', { 'response-identifier': 'RESPONSE', 'expected-length': Math.min(60, Math.max(10, ...answers.map((a) => a.text.length))) }))],
    ...(wild ? {} : { template: 'map_response' as const }),
    rules: wild ? [setOutcome('SCORE', baseValue('float', 0)), ...textRules('RESPONSE', answers, caseSensitive)] : mapResponseRules(),
    modal: [],
  };
}

function gapParts(g: ClozeGap, weight: number): { decl: XmlElement; node: XmlElement; rules: XmlElement[] } {
  const id = ncName('RESPONSE', g.id);
  if (g.type === 'single-choice') {
    const fractions = optionFractions(g.options, true);
    const keys = g.options.filter((o) => o.correct);
    return {
      decl: el(
        'qti-response-declaration',
        { identifier: id, cardinality: 'single', 'base-type': 'identifier' },
        el('qti-correct-response', {}, ...keys.map((o) => value(choiceId(o)))),
        el('qti-mapping', { 'default-value': 0, 'lower-bound': 0, 'upper-bound': 1 }, ...g.options.map((o, i) => el('qti-map-entry', { 'map-key': choiceId(o), 'mapped-value': fractions[i] ?? 0 }))),
      ),
      node: el('qti-inline-choice-interaction', { 'response-identifier': id, shuffle: 'false' }, ...g.options.map((o) => el('qti-inline-choice', { identifier: choiceId(o) }, cleanText(o.text).replace(/\n/g, ' ')))),
      rules: [ifThen(el('qti-not', {}, el('qti-is-null', {}, variable(id))), [addScore(el('qti-product', {}, baseValue('float', weight), el('qti-map-response', { identifier: id })))])],
    };
  }
  if (g.type === 'numeric') {
    const first = g.answers[0] as NumericAnswer;
    return {
      decl: el('qti-response-declaration', { identifier: id, cardinality: 'single', 'base-type': 'float' }, el('qti-correct-response', {}, value(numericBounds(first).value))),
      node: el('qti-text-entry-interaction', { 'response-identifier': id, 'expected-length': 10 }),
      rules: numericRules(id, g.answers, weight),
    };
  }
  const best = g.answers.reduce((b, a) => ((a.fraction ?? 1) > (b.fraction ?? 1) ? a : b), g.answers[0] as TextAnswer);
  return {
    decl: el('qti-response-declaration', { identifier: id, cardinality: 'single', 'base-type': 'string' }, el('qti-correct-response', {}, value(literal(best.text))), hasWildcard(g.answers) ? null : textMapping(g.answers, g.caseSensitive === true)),
    node: el('qti-text-entry-interaction', { 'response-identifier': id, 'expected-length': Math.min(40, Math.max(8, ...g.answers.map((a) => a.text.length))) }),
    rules: textRules(id, g.answers, g.caseSensitive === true, weight),
  };
}

function clozeParts(q: Extract<Question, { type: 'cloze' }>): Parts {
  const byId = new Map(q.gaps.map((g) => [g.id, g]));
  const total = q.gaps.reduce((s, g) => s + (g.weight ?? 1), 0);
  const decls: XmlElement[] = [];
  const rules: XmlElement[] = [setOutcome('SCORE', baseValue('float', 0))];
  const pieces = q.text.split(GAP_MARKER);
  const content: XmlNode[] = [];
  pieces.forEach((piece, i) => {
    if (i % 2 === 0) {
      content.push(...inline(piece));
      return;
    }
    const g = byId.get(piece);
    if (!g) return;
    // Each gap counts by its weight; SCORE stays a fraction of 1 like the template-scored items.
    const p = gapParts(g, (g.weight ?? 1) / total);
    decls.push(p.decl);
    content.push(p.node);
    rules.push(...p.rules);
  });
  return { declarations: [...decls, outcome('SCORE', 'single', 'float', 0)], body: [para(q.prompt), el('p', {}, ...content)], rules, modal: [] };
}

function matchingParts(q: Extract<Question, { type: 'matching' }>): Parts {
  const rights = [...q.pairs.map((p) => ({ id: ncName('R', p.id), text: p.right })), ...(q.distractors ?? []).map((d, i) => ({ id: `D_${i + 1}`, text: d }))];
  const each = 1 / q.pairs.length;
  const decl = el(
    'qti-response-declaration',
    { identifier: 'RESPONSE', cardinality: 'multiple', 'base-type': 'directedPair' },
    el('qti-correct-response', {}, ...q.pairs.map((p) => value(`${ncName('L', p.id)} ${ncName('R', p.id)}`))),
    el('qti-mapping', { 'default-value': 0, 'lower-bound': 0, 'upper-bound': 1 }, ...q.pairs.map((p) => el('qti-map-entry', { 'map-key': `${ncName('L', p.id)} ${ncName('R', p.id)}`, 'mapped-value': each }))),
  );
  const interaction = el(
    'qti-match-interaction',
    { 'response-identifier': 'RESPONSE', shuffle: 'true', 'max-associations': q.pairs.length },
    el('qti-prompt', {}, ...inline(q.prompt)),
    el('qti-simple-match-set', {}, ...q.pairs.map((p) => el('qti-simple-associable-choice', { identifier: ncName('L', p.id), 'match-max': 1 }, ...inline(p.left)))),
    el('qti-simple-match-set', {}, ...rights.map((r) => el('qti-simple-associable-choice', { identifier: r.id, 'match-max': 1 }, ...inline(r.text)))),
  );
  return { declarations: [decl, outcome('SCORE', 'single', 'float', 0)], body: [interaction], template: 'map_response', rules: mapResponseRules(), modal: [] };
}

function orderingParts(q: Extract<Question, { type: 'ordering' }>): Parts {
  const decl = el('qti-response-declaration', { identifier: 'RESPONSE', cardinality: 'ordered', 'base-type': 'identifier' }, el('qti-correct-response', {}, ...q.items.map((it) => value(ncName('O', it.id)))));
  // The delivery system shuffles the items (shuffle="true"); the correct order is the listed one.
  const interaction = el(
    'qti-order-interaction',
    { 'response-identifier': 'RESPONSE', shuffle: 'true' },
    el('qti-prompt', {}, ...inline(q.prompt)),
    ...q.items.map((it) => el('qti-simple-choice', { identifier: ncName('O', it.id) }, ...inline(it.text))),
  );
  const declarations = [decl, outcome('SCORE', 'single', 'float', 0)];
  if ((q.gradingType ?? DEFAULT_ORDERING_GRADING) !== 'absolute-position') return { declarations, body: [interaction], template: 'match_correct', rules: matchCorrectRules(), modal: [] };
  // Moodle qtype_ordering ABSOLUTE_POSITION (RecallKit's default): one point per item at its
  // correct position, over n. Written out with qti-index (1-based; NULL past the end, so a short
  // response simply scores less). The relative and subset types have no such QTI expression and
  // stay all-or-nothing (match_correct); see docs/lms.md.
  const rules = [
    setOutcome('SCORE', baseValue('float', 0)),
    ...q.items.map((it, i) => ifThen(el('qti-match', {}, el('qti-index', { n: i + 1 }, variable('RESPONSE')), baseValue('identifier', ncName('O', it.id))), [addScore(baseValue('float', 1))])),
    setOutcome('SCORE', el('qti-divide', {}, variable('SCORE'), baseValue('float', q.items.length))),
  ];
  return { declarations, body: [interaction], rules, modal: [] };
}

function extendedParts(prompt: string, scorerNote: readonly XmlElement[], lines: number): Parts {
  return {
    declarations: [el('qti-response-declaration', { identifier: 'RESPONSE', cardinality: 'single', 'base-type': 'string' }), outcome('SCORE', 'single', 'float', 0)],
    body: [
      ...(scorerNote.length ? [el('qti-rubric-block', { view: 'scorer', use: 'scoring' }, el('qti-content-body', {}, ...scorerNote))] : []),
      el('qti-extended-text-interaction', { 'response-identifier': 'RESPONSE', 'expected-lines': lines }, el('qti-prompt', {}, ...inline(prompt))),
    ],
    rules: [],
    modal: [],
    manual: true,
  };
}

function partsFor(q: Question): Parts {
  switch (q.type) {
    case 'single-choice':
      return choiceParts(q, true, q.prompt);
    case 'multiple-choice':
      return choiceParts(q, false, q.prompt);
    case 'true-false': {
      const options: ChoiceOption[] = [
        { id: 'true', text: 'True', correct: q.answer, ...(q.feedbackTrue ? { feedback: q.feedbackTrue } : {}) },
        { id: 'false', text: 'False', correct: !q.answer, ...(q.feedbackFalse ? { feedback: q.feedbackFalse } : {}) },
      ];
      return choiceParts({ ...q, type: 'single-choice', options }, true, q.prompt);
    }
    case 'numeric': {
      const first = q.answers[0] as NumericAnswer;
      return {
        declarations: [el('qti-response-declaration', { identifier: 'RESPONSE', cardinality: 'single', 'base-type': 'float' }, el('qti-correct-response', {}, value(numericBounds(first).value))), outcome('SCORE', 'single', 'float', 0)],
        body: [para(q.prompt), el('p', {}, el('qti-text-entry-interaction', { 'response-identifier': 'RESPONSE', 'expected-length': 12 }), q.unit ? ` ${cleanText(q.unit)}` : null)],
        rules: [setOutcome('SCORE', baseValue('float', 0)), ...numericRules('RESPONSE', q.answers)],
        modal: [],
      };
    }
    case 'short-answer':
      return textEntryParts(q.prompt, q.answers, q.caseSensitive === true);
    case 'cloze':
      return clozeParts(q);
    case 'matching':
      return matchingParts(q);
    case 'ordering':
      return orderingParts(q);
    case 'flashcard':
      if (q.answers && q.answers.length > 0) return { ...textEntryParts(q.prompt, q.answers, false), modal: [feedbackEl('SOLUTION', 'BACK', q.back)] };
      return { ...extendedParts(q.prompt, [para(q.back)], 3), modal: [feedbackEl('SOLUTION', 'BACK', q.back)] };
    case 'essay': {
      const rubric = el('ul', {}, ...q.rubric.map((c) => el('li', {}, `${cleanText(c.criterion)} (${c.points})${c.description ? `: ${cleanText(c.description)}` : ''}`)));
      return extendedParts(q.prompt, [rubric, ...(q.modelAnswer ? [para(q.modelAnswer)] : [])], 15);
    }
  }
}

/** The item element of one question. */
function itemElement(q: Question, version: QtiVersion, options: QtiOptions, lang: string | undefined): XmlElement {
  const parts = partsFor(q);
  const withFeedback = options.feedback !== false;
  const explanation = withFeedback && q.type !== 'flashcard' ? [feedbackEl('SOLUTION', 'EXPLANATION', q.explanation)] : [];
  const modal = withFeedback ? [...parts.modal, ...explanation] : [];
  const solution = modal.some((m) => m.attrs['outcome-identifier'] === 'SOLUTION');
  const declarations = [...parts.declarations, ...(solution ? [outcome('SOLUTION', 'single', 'identifier')] : [])];
  let processing: XmlElement | null = null;
  if (!parts.manual || solution) {
    const feedbackRules: XmlElement[] = [];
    if (withFeedback && parts.feedbackFrom) feedbackRules.push(setOutcome(parts.feedbackFrom.outcome, variable('RESPONSE')));
    if (solution) feedbackRules.push(setOutcome('SOLUTION', baseValue('identifier', q.type === 'flashcard' ? 'BACK' : 'EXPLANATION')));
    if (feedbackRules.length === 0 && parts.template) processing = el('qti-response-processing', { template: TEMPLATES[version][parts.template] });
    else processing = el('qti-response-processing', {}, ...parts.rules, ...feedbackRules);
  }
  // QTI 3.0 ASI: qti-assessment-item needs identifier, title and time-dependent; QTI 2.1 also adaptive.
  const ns = version === '3.0' ? NS3 : NS21;
  return el(
    'qti-assessment-item',
    {
      xmlns: ns,
      'xmlns:xsi': XSI,
      'xsi:schemaLocation': `${ns} ${version === '3.0' ? XSD3 : XSD21}`,
      identifier: ncName('I', q.id),
      title: titleOf(q),
      adaptive: 'false',
      'time-dependent': 'false',
      'xml:lang': lang,
    },
    ...declarations,
    el('qti-item-body', {}, ...parts.body),
    processing,
    ...modal,
  );
}

function titleOf(q: Question): string {
  const t = oneLine(q.prompt);
  return t.length > 80 ? `${t.slice(0, 79)}…` : t;
}

const dialectOf = (version: QtiVersion): XmlDialect => (version === '3.0' ? AS_IS : QTI21);

function versionOf(options: QtiOptions): QtiVersion {
  return options.version === '2.1' ? '2.1' : '3.0';
}

/**
 * Exports one question as a QTI item document (`qti-assessment-item` for 3.0, `assessmentItem` for 2.1).
 *
 * Hint: item identifiers are `I_<id>` and choice identifiers `C_<option id>`, because QTI identifiers may not start with a digit.
 *
 * @param question The question.
 * @param options Version, feedback and language.
 * @returns The item XML.
 */
export function exportQtiItem(question: Question, options: QtiOptions = {}): string {
  const version = versionOf(options);
  return toXml(itemElement(question, version, options, options.lang), dialectOf(version));
}

function manifest(bankId: string, questions: readonly Question[], version: QtiVersion): string {
  const v3 = version === '3.0';
  const ns = v3 ? 'http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1' : 'http://www.imsglobal.org/xsd/imscp_v1p1';
  const xsd = v3 ? 'https://purl.imsglobal.org/spec/qti/v3p0/schema/xsd/imsqtiv3p0_imscpv1p2_v1p0.xsd' : 'http://www.imsglobal.org/xsd/imscp_v1p1.xsd';
  const type = v3 ? 'imsqti_item_xmlv3p0' : 'imsqti_item_xmlv2p1';
  const root = el(
    'manifest',
    { xmlns: ns, 'xmlns:xsi': XSI, 'xsi:schemaLocation': `${ns} ${xsd}`, identifier: ncName('MANIFEST', bankId) },
    el('metadata', {}, el('schema', {}, v3 ? 'QTI Package' : 'IMS Content'), el('schemaversion', {}, v3 ? '3.0.0' : '1.1')),
    el('organizations'),
    el('resources', {}, ...questions.map((q) => el('resource', { identifier: ncName('I', q.id), type, href: itemPath(q) }, el('file', { href: itemPath(q) })))),
  );
  return toXml(root);
}

const itemPath = (q: Question): string => `items/${q.id}.xml`;

function inputOf(input: Bank | readonly Question[]): { id: string; questions: readonly Question[]; lang: string | undefined } {
  const { questions, bank } = questionsOf(input, 'exportQtiPackage');
  return { id: bank?.id ?? 'questions', questions, lang: bank?.language };
}

/**
 * Lists the files of a QTI content package: `imsmanifest.xml` and one item file per question.
 *
 * @param input A bank or a list of questions.
 * @param options Version, feedback and language.
 * @returns The files (path and text), manifest first.
 */
export function exportQtiFiles(input: Bank | readonly Question[], options: QtiOptions = {}): ZipEntry[] {
  const version = versionOf(options);
  const { id, questions, lang } = inputOf(input);
  const dialect = dialectOf(version);
  return [
    { name: 'imsmanifest.xml', data: manifest(id, questions, version) },
    ...questions.map((q) => ({ name: itemPath(q), data: toXml(itemElement(q, version, options, options.lang ?? lang), dialect) })),
  ];
}

/**
 * Exports a bank as a QTI content package (a zip with `imsmanifest.xml` and `items/<id>.xml`), for
 * Canvas, TAO, Inspera and other QTI consumers.
 *
 * Hint: scores are fractions of 1 per item (SCORE); an LMS applies the item's points. Essays and
 * flashcards without typed answers have no response processing (a person scores them).
 *
 * @param input A bank or a list of questions.
 * @param options Version (`3.0` default, `2.1`), feedback and language.
 * @returns The zip bytes.
 * @example
 * ```ts
 * fs.writeFileSync('bank.qti.zip', exportQtiPackage(bank))
 * ```
 */
export function exportQtiPackage(input: Bank | readonly Question[], options: QtiOptions = {}): Uint8Array {
  return createZip(exportQtiFiles(input, options));
}
