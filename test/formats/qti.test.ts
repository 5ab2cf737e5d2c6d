import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportQtiFiles, exportQtiItem, exportQtiPackage } from '../../src/formats/qti';
import { cleanText, escapeXml } from '../../src/formats/text';
import type { Bank } from '../../src/schema/bank';
import type { Question } from '../../src/schema/question';
import { fixtureBank } from '../fixtures/formats/bank';
import { banks } from './helpers';
import { hasXmllint, writeTemp, xmllint, xpath } from './xmllint';

const ASI3 = 'qti3/imsqti_asiv3p0_v1p0.xsd';
const CP3 = 'qti3/imsqtiv3p0_imscpv1p2_v1p0.xsd';
const QTI21 = 'qti21/qtiv2p1/imsqti_v2p1.xsd';
const CP11 = 'scorm/scorm2004-4ed/imscp_v1p1.xsd';

function allFiles(list: readonly Bank[], version: '3.0' | '2.1') {
  return list.flatMap((bank) => [true, false].flatMap((feedback) => exportQtiFiles(bank, { version, feedback }).map((f) => ({ ...f, name: `${bank.id}-${feedback}/${f.name}` }))));
}

describe.skipIf(!hasXmllint)('QTI packages validated by xmllint with the 1EdTech XSDs', async () => {
  const list = await banks();

  it('QTI 3.0: every item validates against the ASI XSD, and a broken item does not', () => {
    const files = allFiles(list, '3.0');
    const items = files.filter((f) => f.name.includes('/items/'));
    const { dir, paths } = writeTemp(items);
    // The negative control: the same checker must reject an item with a wrong attribute type.
    const broken = join(dir, 'broken.xml');
    writeFileSync(broken, readFileSync(paths[0] as string, 'utf8').replace('max-choices="1"', 'max-choices="one"'));
    const result = xmllint([...paths, broken], ASI3);
    expect(result.failures.filter((l) => !l.includes('broken.xml'))).toEqual([]);
    expect(result.output.match(/ validates$/gm)).toHaveLength(paths.length);
    expect(result.failures.join('\n')).toMatch(/broken\.xml.*max-choices.*'one' is not a valid value/);
    expect(result.status).toBe(3);
    expect(items.length).toBe(list.reduce((s, b) => s + b.questions.length, 0) * 2);
  });

  it('QTI 3.0: every manifest validates against the content-packaging XSD', () => {
    const manifests = allFiles(list, '3.0').filter((f) => f.name.endsWith('imsmanifest.xml'));
    const { paths } = writeTemp(manifests);
    const result = xmllint(paths, CP3);
    expect(result.failures).toEqual([]);
    expect(result.status).toBe(0);
  });

  it('QTI 2.1: every item validates against imsqti_v2p1.xsd and every manifest against IMS CP 1.1', () => {
    const files = allFiles(list, '2.1');
    const items = writeTemp(files.filter((f) => f.name.includes('/items/')));
    const r1 = xmllint(items.paths, QTI21);
    expect(r1.failures).toEqual([]);
    expect(r1.status).toBe(0);
    const manifests = writeTemp(files.filter((f) => f.name.endsWith('imsmanifest.xml')));
    const r2 = xmllint(manifests.paths, CP11);
    expect(r2.failures).toEqual([]);
    expect(r2.status).toBe(0);
  });

  it('keeps hostile text as text: XPath reads back the cleaned source', () => {
    const { paths } = writeTemp([{ name: 'sc.xml', data: exportQtiItem(fixtureBank.questions[0] as never) }]);
    const q = fixtureBank.questions[0];
    if (q?.type !== 'single-choice') throw new Error('fixture changed');
    expect(xpath(paths[0] as string, "string(//*[local-name()='qti-prompt'])")).toBe(cleanText(q.prompt));
    expect(xpath(paths[0] as string, "string(//*[local-name()='qti-simple-choice'][1])")).toBe(cleanText(q.options[0]?.text ?? ''));
    expect(xpath(paths[0] as string, "count(//*[local-name()='script'])")).toBe('0');
  });
});

describe('QTI structure', () => {
  const byId = (version: '3.0' | '2.1', feedback: boolean) => Object.fromEntries(exportQtiFiles(fixtureBank, { version, feedback }).map((f) => [f.name, f.data as string]));

  it('refers to the standard templates where they express the scoring', () => {
    const files = byId('3.0', false);
    const template = (id: string) => /template="([^"]+)"/.exec(files[`items/${id}.xml`] ?? '')?.[1] ?? null;
    expect(template('sc-1')).toBe('https://purl.imsglobal.org/spec/qti/v3p0/rptemplates/match_correct.xml');
    expect(template('tf-1')).toMatch(/match_correct\.xml$/);
    // Ordering (default absolute-position) is partial credit per position: written out, no template.
    expect(template('order-1')).toBeNull();
    expect(template('mc-1')).toMatch(/map_response\.xml$/);
    expect(template('match-1')).toMatch(/map_response\.xml$/);
    expect(template('fc-2')).toMatch(/map_response\.xml$/);
    // Tolerances, wildcards and weighted gaps are written out; essays have no processing.
    expect(template('num-1')).toBeNull();
    expect(files['items/num-1.xml']).toContain('tolerance-mode="absolute" tolerance="50 50"');
    expect(template('sa-1')).toBeNull();
    expect(files['items/sa-1.xml']).toContain('pattern="\\s*[mM][oO][sS].*\\s*"');
    expect(files['items/essay-1.xml']).not.toContain('qti-response-processing');
    expect(byId('2.1', false)['items/mc-1.xml']).toContain('template="http://www.imsglobal.org/question/qti_v2p1/rptemplates/map_response"');
  });

  it('maps every type to its interaction', () => {
    const files = byId('3.0', true);
    const expectations: Record<string, string> = {
      'sc-1': 'qti-choice-interaction response-identifier="RESPONSE" shuffle="false" max-choices="1"',
      'mc-1': 'max-choices="0"',
      'tf-2': '<qti-simple-choice identifier="C_false">False</qti-simple-choice>',
      'num-2': 'base-type="float"',
      'cloze-1': 'qti-inline-choice-interaction',
      'match-1': 'qti-match-interaction',
      'order-1': 'qti-order-interaction',
      'fc-1': 'qti-extended-text-interaction',
      'essay-1': 'qti-rubric-block view="scorer"',
    };
    for (const [id, needle] of Object.entries(expectations)) expect(files[`items/${id}.xml`], id).toContain(needle);
    expect(files['items/mc-weights.xml']).toContain('<qti-map-entry map-key="C_c" mapped-value="-0.5"/>');
    expect(files['items/sc-1.xml']).toContain('<qti-modal-feedback outcome-identifier="FEEDBACK" identifier="C_a" show-hide="show">');
  });

  it('writes a zip that zip.js (a third-party reader) opens, with matching contents', async () => {
    const { BlobReader, TextWriter, ZipReader } = await import('@zip.js/zip.js');
    const bytes = exportQtiPackage(fixtureBank);
    const reader = new ZipReader(new BlobReader(new Blob([Buffer.from(bytes)])), { checkSignature: true });
    const entries = await reader.getEntries();
    const files = exportQtiFiles(fixtureBank);
    expect(entries.map((e) => e.filename)).toEqual(files.map((f) => f.name));
    for (const [i, e] of entries.entries()) {
      if (e.directory) throw new Error('unexpected directory');
      expect(await e.getData?.(new TextWriter(), { checkSignature: true })).toBe(files[i]?.data);
    }
    await reader.close();
    expect(exportQtiPackage(fixtureBank)).toEqual(bytes);
  });
});

const base = { explanation: 'x', evidence: [{ quote: 'x', start: 0, end: 1 }], topic: 't', tags: [], difficulty: 'easy' as const, bloom: 'remember' as const };
const shortAnswer = (id: string, answers: { text: string; fraction?: number }[], caseSensitive = false): Question => ({ ...base, id, type: 'short-answer', prompt: 'Q?', answers, caseSensitive });
const patternsOf = (xml: string) => [...xml.matchAll(/pattern="([^"]*)"/g)].map((m) => (m[1] as string).replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&apos;/g, "'"));
const correctOf = (xml: string) => /<qti-correct-response>\s*<qti-value>([^<]*)<\/qti-value>/.exec(xml)?.[1];

/** Which values an XSD regex accepts, by libxml2's own XSD regex engine (xmllint with a one-facet schema). */
function xsdAccepts(pattern: string, values: readonly string[]): boolean[] {
  const xsd = `<?xml version="1.0"?><xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="v"><xs:simpleType><xs:restriction base="xs:string"><xs:pattern value="${escapeXml(pattern)}"/></xs:restriction></xs:simpleType></xs:element></xs:schema>`;
  const { dir, paths } = writeTemp([{ name: 's.xsd', data: xsd }, ...values.map((v, i) => ({ name: `v${i}.xml`, data: `<v>${escapeXml(v)}</v>` }))]);
  const r = spawnSync('xmllint', ['--nonet', '--noout', '--schema', join(dir, 's.xsd'), ...paths.slice(1)], { encoding: 'utf8' });
  const output = `${r.stdout}${r.stderr}`;
  if (/not a valid regular expression/.test(output)) throw new Error(`libxml2 rejects the pattern ${pattern}`);
  return paths.slice(1).map((p) => output.split('\n').includes(`${p} validates`));
}

describe('QTI short answers: Moodle wildcards', () => {
  it('treats \\* as a literal star, not a wildcard, in keys, patterns and the correct response', () => {
    const literal = exportQtiItem(shortAnswer('lit', [{ text: '5 \\* 3' }]), { feedback: false });
    expect(literal).toContain('template="https://purl.imsglobal.org/spec/qti/v3p0/rptemplates/map_response.xml"');
    expect(literal).toContain('<qti-map-entry map-key="5 * 3"');
    expect(correctOf(literal)).toBe('5 * 3');
    const mixed = exportQtiItem(shortAnswer('mix', [{ text: 'a\\*b *' }]));
    expect(patternsOf(mixed)).toEqual(['\\s*[aA]\\*[bB] .*\\s*']);
    expect(correctOf(mixed)).toBe('a*b *');
  });

  it.skipIf(!hasXmllint)('writes $ as is (no \\$, which XSD regexes reject) and libxml2 compiles and matches each pattern', () => {
    const xml = exportQtiItem(shortAnswer('usd', [{ text: 'US$ *' }, { text: '^x\\* (y) [z] {1} a|b c-d e?f g+h *', fraction: 0.5 }]));
    const [usd, hostile] = patternsOf(xml) as [string, string];
    expect(usd).toBe('\\s*[uU][sS]$ .*\\s*');
    expect(xsdAccepts(usd, ['US$ 5', ' us$ 12 ', 'US 5', 'US$5'])).toEqual([true, true, false, false]);
    expect(xsdAccepts(hostile, ['^x* (y) [z] {1} a|b c-d e?f g+h ok', '^xx (y) [z] {1} a|b c-d e?f g+h ok'])).toEqual([true, false]);
    const { paths } = writeTemp([{ name: 'usd.xml', data: xml }]);
    expect(xmllint(paths, ASI3).failures).toEqual([]);
  });

  it('keeps answers that differ only in case when the question is case-sensitive', () => {
    const answers = [{ text: 'NaCl' }, { text: 'nacl', fraction: 0.5 }, { text: 'NaCl', fraction: 0.1 }];
    const sensitive = exportQtiItem(shortAnswer('salt', answers, true));
    expect([...sensitive.matchAll(/map-key="([^"]*)" mapped-value="([^"]*)"/g)].map((m) => [m[1], m[2]])).toEqual([
      ['NaCl', '1'],
      ['nacl', '0.5'],
    ]);
    const folded = exportQtiItem(shortAnswer('salt', answers, false));
    expect([...folded.matchAll(/map-key="([^"]*)" mapped-value="([^"]*)"/g)].map((m) => [m[1], m[2]])).toEqual([['NaCl', '1']]);
  });
});

describe('QTI ordering: absolute-position partial credit', () => {
  const order = (gradingType?: 'all-or-nothing' | 'absolute-position'): Question => ({
    ...base,
    id: 'ord',
    type: 'ordering',
    prompt: 'Order them.',
    items: [
      { id: 'a', text: 'A' },
      { id: 'b', text: 'B' },
      { id: 'c', text: 'C' },
    ],
    ...(gradingType ? { gradingType } : {}),
  });

  it('scores one point per item at its correct position over n, like Moodle and the scoring engine', () => {
    const xml = exportQtiItem(order(), { feedback: false });
    expect(xml).not.toContain('template=');
    expect(xml.match(/<qti-index n="\d">/g)).toEqual(['<qti-index n="1">', '<qti-index n="2">', '<qti-index n="3">']);
    expect(xml).toContain('<qti-base-value base-type="identifier">O_b</qti-base-value>');
    expect(xml).toMatch(/<qti-divide>\s*<qti-variable identifier="SCORE"\/>\s*<qti-base-value base-type="float">3<\/qti-base-value>/);
    expect(exportQtiItem(order('all-or-nothing'), { feedback: false })).toMatch(/template="[^"]*match_correct\.xml"/);
  });

  it.skipIf(!hasXmllint)('validates against the QTI 3.0 and QTI 2.1 XSDs', () => {
    const v3 = writeTemp([true, false].map((feedback) => ({ name: `ord-${feedback}.xml`, data: exportQtiItem(order(), { feedback }) })));
    expect(xmllint(v3.paths, ASI3).failures).toEqual([]);
    const v21 = writeTemp([{ name: 'ord21.xml', data: exportQtiItem(order(), { version: '2.1' }) }]);
    expect(readFileSync(v21.paths[0] as string, 'utf8')).toContain('<index n="1">');
    expect(xmllint(v21.paths, QTI21).failures).toEqual([]);
  });
});
