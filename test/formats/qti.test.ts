import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportQtiFiles, exportQtiItem, exportQtiPackage } from '../../src/formats/qti';
import { cleanText } from '../../src/formats/text';
import type { Bank } from '../../src/schema/bank';
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
    expect(template('order-1')).toMatch(/match_correct\.xml$/);
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
