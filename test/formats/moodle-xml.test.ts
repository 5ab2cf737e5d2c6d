import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportMoodleXml } from '../../src/formats/moodle-xml';
import { escapeHtml } from '../../src/formats/text';
import { fixtureBank } from '../fixtures/formats/bank';
import { SHARED, banks } from './helpers';
import { hasXmllint, writeTemp, xmllint, xpath } from './xmllint';

/** The child element names of each <question type="..."> (depth 1), from XML text. */
function childNames(xml: string): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const re = /<question type="([a-z]+)">([\s\S]*?)<\/question>/g;
  for (const m of xml.matchAll(re)) {
    const names = out.get(m[1] as string) ?? new Set<string>();
    let depth = 0;
    for (const t of (m[2] as string).replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '').matchAll(/<(\/?)([a-z_]+)[^>]*?(\/?)>/g)) {
      if (t[1]) depth--;
      else {
        if (depth === 0) names.add(t[2] as string);
        if (!t[3]) depth++;
      }
    }
    out.set(m[1] as string, names);
  }
  return out;
}

describe('Moodle XML export', async () => {
  const list = await banks();

  it.skipIf(!hasXmllint)('is well-formed for every bank (xmllint)', () => {
    const { paths } = writeTemp(list.map((b) => ({ name: `${b.id}.xml`, data: exportMoodleXml(b) })));
    const r = xmllint(paths);
    expect(r.output).toBe('');
    expect(r.status).toBe(0);
    const bad = writeTemp([{ name: 'bad.xml', data: exportMoodleXml(fixtureBank).replace('<quiz>', '<quiz><oops>') }]);
    expect(xmllint(bad.paths).status).not.toBe(0);
  });

  it("writes every element Moodle's own exports have for multichoice, truefalse, essay and category", () => {
    const ours = childNames(exportMoodleXml(fixtureBank));
    const theirs = childNames(readFileSync(`${SHARED}/moodle-xml/qtype_multichoice_testquestion.moodle.xml`, 'utf8') + readFileSync(`${SHARED}/moodle-xml/nested_categories_with_questions.xml`, 'utf8'));
    for (const type of ['multichoice', 'truefalse', 'essay', 'category']) {
      const want = [...(theirs.get(type) ?? [])].filter((n) => n !== 'hint');
      expect(want.length, type).toBeGreaterThan(0);
      expect([...(ours.get(type) ?? [])].sort(), type).toEqual(expect.arrayContaining(want));
    }
    expect([...ours.keys()].sort()).toEqual(['category', 'cloze', 'essay', 'matching', 'multichoice', 'numerical', 'ordering', 'shortanswer', 'truefalse']);
  });

  it.skipIf(!hasXmllint)('keeps hostile text inert and reads back the right values (XPath)', () => {
    const { paths } = writeTemp([{ name: 'fixture.xml', data: exportMoodleXml(fixtureBank) }]);
    const file = paths[0] as string;
    const q = (id: string, rest: string) => xpath(file, `string(//question[name/text='${id}']/${rest})`);
    const sc = fixtureBank.questions[0];
    if (sc?.type !== 'single-choice') throw new Error('fixture changed');
    // The text node is escaped HTML: Moodle shows "<script>" as characters.
    expect(q('sc-1', 'questiontext/text')).toBe(escapeHtml(sc.prompt).replace(/\{/g, '&#123;').replace(/\}/g, '&#125;'));
    expect(q('sc-1', 'questiontext/text')).not.toContain('<script');
    expect(xpath(file, "count(//question[name/text='sc-1']/answer[@fraction='100'])")).toBe('1');
    expect(q('mc-weights', "answer[text='Penalty']/@fraction")).toBe('-50');
    expect(q('mc-1', "answer[text='Two']/@fraction")).toBe('50');
    expect(q('num-1', 'answer[2]/tolerance')).toBe('370');
    expect(q('num-1', 'answer[3]/@fraction')).toBe('25');
    expect(q('sa-1', "answer[@fraction='50']/text")).toBe('Al-Mawsil');
    expect(q('match-1', "subquestion[text='']/answer/text")).toBe('FBI');
    expect(q('order-1', 'gradingtype')).toBe('ABSOLUTE_POSITION');
    expect(q('order-1', "answer[@fraction='1']/text")).toBe('First &lt;b&gt;');
    expect(q('essay-1', 'graderinfo/text')).toContain('Uses evidence (2)');
    const cloze = q('cloze-1', 'questiontext/text');
    expect(cloze).toContain('{1:SHORTANSWER:%100%Mosul~%50%Mawsil}');
    expect(cloze).toContain('{1:NUMERICAL:%100%2016:0}');
    expect(cloze).toMatch(/\{1:MULTICHOICE:%100%military~%0%civil .*[^\\]\/\/ bell#no\}/);
    // Exactly three gaps: hostile braces in the text around them are entities.
    expect(cloze.match(/\{\d+:[A-Z_]+:/g)).toHaveLength(3);
  });
});

describe('Moodle XML numeric units', () => {
  it('writes the base unit first and Moodle’s reciprocal multipliers (km = 0.001 when the answer is in m)', () => {
    const q = {
      id: 'dist',
      type: 'numeric' as const,
      prompt: 'How far?',
      explanation: 'Two kilometres.',
      evidence: [{ quote: 'x', start: 0, end: 1 }],
      topic: 't',
      tags: [],
      difficulty: 'easy' as const,
      bloom: 'remember' as const,
      answers: [{ value: 2000 }],
      unit: 'm',
      units: [{ unit: 'km', multiplier: 1000 }],
    };
    const xml = exportMoodleXml([q]);
    const units = [...xml.matchAll(/<unit>\s*<multiplier>([^<]+)<\/multiplier>\s*<unit_name>([^<]+)<\/unit_name>\s*<\/unit>/g)].map((m) => [m[2], Number(m[1])]);
    expect(units).toEqual([
      ['m', 1],
      ['km', 0.001],
    ]);
  });
});

// Moodle's qtype_multianswer_extract_question, ported for the check (behaviour only): the gap and
// alternative regexes, then html_entity_decode and the only two unescapes it does, \} and \#.
const ALT = '(=|%(-?[0-9]+(?:[.,][0-9]*)?)%)?(.+?(?<!\\\\|&|&amp;)(?=[~#}]|$))(#(.*?(?<!\\\\)(?=[~}]|$)))?';
const GAP = new RegExp(`\\{([0-9]*):(SHORTANSWER|MULTICHOICE):(${ALT}(~${ALT})*)\\}`, 's');
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (s: string) => s.replace(/&(#\d+|[a-z]+);/g, (m, e: string) => (e[0] === '#' ? String.fromCodePoint(Number(e.slice(1))) : (ENTITIES[e] ?? m)));
const moodleUnescape = (s: string) => decode(s).replace(/\\\}/g, '}').replace(/\\#/g, '#');
function moodleGap(html: string): { answer: string; feedback: string }[] {
  const m = GAP.exec(html);
  if (!m) throw new Error('no gap');
  let rest = m[3] as string;
  const out: { answer: string; feedback: string }[] = [];
  for (let alt = new RegExp(`~?${ALT}`, 's').exec(rest); alt && rest !== ''; alt = new RegExp(`~?${ALT}`, 's').exec(rest)) {
    out.push({ answer: moodleUnescape(alt[3] as string), feedback: moodleUnescape(alt[5] ?? '') });
    rest = rest.slice(rest.indexOf(alt[0]) + alt[0].length);
  }
  return out;
}

describe('Moodle XML cloze escaping', () => {
  it("escapes exactly what Moodle's multianswer import unescapes, so every answer and feedback reads back", () => {
    const answers = [
      { text: 'km/h a\\b ~ c } d # e', feedback: 'why: ~ } # / \\' },
      { text: 'C:\\', fraction: 0.5, feedback: 'ends in a backslash' },
      { text: 'x\\}y', fraction: 0.5 },
    ];
    const q = {
      id: 'cl',
      type: 'cloze' as const,
      prompt: 'Fill in.',
      text: 'Unit: {{g}}.',
      gaps: [{ id: 'g', type: 'short-answer' as const, answers }],
      explanation: 'x',
      evidence: [{ quote: 'x', start: 0, end: 1 }],
      topic: 't',
      tags: [],
      difficulty: 'easy' as const,
      bloom: 'remember' as const,
    };
    const xml = exportMoodleXml([q]);
    // The questiontext element's text, XML-unescaped once (what Moodle's XML reader hands on).
    const html = decode(/<questiontext format="html">\s*<text>([^<]*)<\/text>/.exec(xml)?.[1] ?? '');
    expect(html).not.toContain('\\/');
    expect(moodleGap(html)).toEqual(answers.map((a) => ({ answer: a.text, feedback: a.feedback ?? '' })));
  });
});
