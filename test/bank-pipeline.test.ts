import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileBank, locateQuote, readSource } from '../scripts/bank-pipeline';

const fixtures = join(__dirname, 'fixtures/banks');
const compile = (name: string) => compileBank(join(fixtures, name), { root: fixtures });
const lines = (name: string) => compile(name).errors.map((e) => `${e.file}:${e.line}: ${e.message}`);

describe('bank pipeline', () => {
  it('compiles a good bank with evidence offsets that point at the quote', () => {
    const { bank, errors } = compile('good');
    expect(errors).toEqual([]);
    const source = readSource(readFileSync(join(fixtures, 'good/source.md'), 'utf8')).text;
    for (const q of bank?.questions ?? []) {
      for (const e of q.evidence) expect(source.slice(e.start, e.end)).toBe(e.quote);
    }
    // The quote is matched across a run of spaces in the source and keeps the source's text.
    expect(bank?.questions[0]?.evidence[0]?.quote).toBe('The mayor,   Ada Lovelace, spoke on Tuesday.');
  });

  it.each([
    ['bad-schema', /bad-schema\/items\.yaml:12: difficulty: .*"trivial"/],
    ['bad-evidence', /bad-evidence\/items\.yaml:19: evidence\[0\] not found in source\.md/],
    ['duplicate-id', /duplicate-id\/items\.yaml:14: id: duplicate question id "q1"/],
    ['missing-id', /missing-id\/items\.yaml:14: item has no id: run `npm run bank:ids`/],
    ['all-of-the-above', /all-of-the-above\/items\.yaml:7: option "c" is an "all\/none of the above" option/],
    ['key-longest', /key-longest\/items\.yaml:5: the key "a" \(57 chars\) is much longer than every distractor/],
    ['duplicate-options', /duplicate-options\/items\.yaml:7: options\[2\]\.text: duplicate option text/],
    ['unbalanced', /unbalanced\/items\.yaml:1: unbalanced key positions in 4-option single-choice items: position a is the key 12 times of 12/],
  ])('rejects %s with file:line and the reason', (name, pattern) => {
    const result = compile(name);
    expect(result.bank).toBeNull();
    expect(lines(name).some((l) => pattern.test(l)), lines(name).join('\n')).toBe(true);
  });

  it('assigns ids once, in place, keeping the rest of the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rk-bank-'));
    cpSync(join(fixtures, 'missing-id'), dir, { recursive: true });
    const result = compileBank(dir, { assignIds: true });
    const [file, text] = Object.entries(result.rewritten)[0] ?? [];
    expect(file).toMatch(/items\.yaml$/);
    const before = readFileSync(join(fixtures, 'missing-id/items.yaml'), 'utf8');
    // `- type: numeric` became `- id: <nanoid>` + `  type: numeric`; nothing else changed.
    expect(text).toMatch(/^- id: [0-9A-Za-z]{12}\n {2}type: numeric$/m);
    expect((text ?? '').replace(/^- id: [0-9A-Za-z]{12}\n {2}/m, '- ')).toBe(before);
    expect(result.errors).toEqual([]);
  });

  it('locates quotes ignoring whitespace differences only', () => {
    expect(locateQuote('a  b\n c', 'a b c')).toEqual({ start: 0, end: 7 });
    expect(locateQuote('It’s here', "It's here")).toBeNull();
    expect(locateQuote('abc', '   ')).toBeNull();
  });
});
