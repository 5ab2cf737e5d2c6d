import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import type { Io } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import type { Quiz } from '../../src/quiz/types';
import { call } from './call';
import { FIXTURE_BANK } from './run';

const dir = mkdtempSync(join(tmpdir(), 'rk-cli-reg-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const bank = ['--bank-file', FIXTURE_BANK];

describe('recallkit regressions', () => {
  it('treats Object.prototype names as unknown commands and formats (exit 2, usage message)', async () => {
    for (const name of ['constructor', 'toString', '__proto__']) {
      const r = await call([name]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`unknown command "${name}"`);
      expect(r.stderr).toContain('recallkit --help');
    }
    const help = await call(['help', 'toString']);
    expect(help.code).toBe(2);
    expect(help.stderr).toContain('no help for "toString"');
    const exported = await call(['export', ...bank, '--format', 'constructor']);
    expect(exported.code).toBe(2);
    expect(exported.stderr).toContain('--format must be one of');
    const quiz = await call(['quiz', ...bank, '--format', 'constructor']);
    expect(quiz.code).toBe(2);
  });

  it('refuses a malformed quiz key with a clear error (exit 1), not a TypeError', async () => {
    const keyPath = join(dir, 'key.json');
    expect((await call(['quiz', ...bank, '--count', '3', '--format', 'md', '--key', keyPath])).code).toBe(0);
    const good = JSON.parse(readFileSync(keyPath, 'utf8')) as Quiz;
    const responses = join(dir, 'answers.csv');
    writeFileSync(responses, 'student,form,1,2,3\nada,A,T,B,8\n');
    const form = good.forms[0] as Quiz['forms'][number];
    const item = form.items[0] as Quiz['forms'][number]['items'][number];
    const cases: [string, unknown][] = [
      ['forms[0].label', { ...good, forms: [{ ...form, label: undefined }] }],
      ['forms[0].items[0].number', { ...good, forms: [{ ...form, items: [{ ...item, number: '1' }] }] }],
      ['forms[0].items[0].points', { ...good, forms: [{ ...form, items: [{ ...item, points: undefined }] }] }],
      ['forms[0].items[0].question', { ...good, forms: [{ ...form, items: [{ ...item, question: { id: 'x', type: 'single-choice' } }] }] }],
      ['forms[0].items[0].question', { ...good, forms: [{ ...form, items: [{ ...item, question: null }] }] }],
      ['forms[0].items[0]', { ...good, forms: [{ ...form, items: [null] }] }],
    ];
    for (const [where, key] of cases) {
      const bad = join(dir, 'bad-key.json');
      writeFileSync(bad, JSON.stringify(key));
      const r = await call(['grade', '--key', bad, '--responses', responses]);
      expect(r.code, where).toBe(1);
      expect(r.stderr, where).toContain('RK_INVALID_INPUT');
      expect(r.stderr, where).toContain(where);
      expect(r.stderr, where).not.toContain('TypeError');
      expect(r.stderr, where).not.toContain('--debug');
    }
    // The untouched key still grades.
    expect((await call(['grade', '--key', keyPath, '--responses', responses])).code).toBe(0);
  });

  it('refuses a bank file that is not UTF-8 and reads one with a byte-order mark', async () => {
    const text = readFileSync(FIXTURE_BANK, 'utf8');
    const latin1 = join(dir, 'latin1-bank.json');
    writeFileSync(latin1, Buffer.from(text.replace('The sky is blue.', 'Le ciel est bleu, é.'), 'latin1'));
    const bad = await call(['export', '--bank-file', latin1, '--format', 'gift']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('is not UTF-8 text');
    const bom = join(dir, 'bom-bank.json');
    writeFileSync(bom, `\uFEFF${text}`);
    const ok = await call(['export', '--bank-file', bom, '--format', 'gift']);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('::tf-1::');
  });

  it('gives a usage error when --distinct forms need more items than the bank has', async () => {
    // The fixture has 5 auto-graded items: 6 distinct forms cannot each get one.
    const r = await call(['quiz', ...bank, '--forms', '6', '--distinct', '--format', 'md']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--forms 6 --distinct needs at least 6 auto-graded items');
    expect(r.stderr).not.toContain('RK_INVALID_OPTIONS');
  });

  it('never passes a negative answer time when the clock goes back during a question (terminal)', async () => {
    const stdin = Object.assign(new PassThrough(), { isTTY: true });
    const stdout = Object.assign(new PassThrough(), { isTTY: false });
    const stderr = new PassThrough();
    let out = '';
    let err = '';
    stdout.on('data', (d: Buffer) => { out += d; });
    stderr.on('data', (d: Buffer) => { err += d; });
    // Every reading of the clock is a second earlier than the one before.
    let t = Date.UTC(2026, 0, 5, 9);
    const io: Io = { stdin, stdout, stderr, env: { NO_COLOR: '1', HOME: '/nonexistent' }, now: () => (t -= 1000), cwd: dir };
    const done = main(['study', ...bank, '--data', join(dir, 'clock.json')], io);
    setTimeout(() => stdin.write('t\n'), 50);
    setTimeout(() => stdin.end(), 150);
    const code = await done;
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toContain('Correct');
  });

  it('says "Nothing to save" when the session wrote nothing', async () => {
    const data = join(dir, 'untouched.json');
    const r = await call(['study', ...bank, '--data', data], '');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Nothing to save.');
    expect(r.stdout).not.toContain('Progress saved to');
    const answered = await call(['study', ...bank, '--data', data], 't\n');
    expect(answered.stdout).toContain(`Progress saved to ${data}`);
  });
});
