import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Quiz } from '../../src/quiz/types';
import { call } from './call';
import { FIXTURE_BANK } from './run';

const dir = mkdtempSync(join(tmpdir(), 'rk-cmd-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const bank = ['--bank-file', FIXTURE_BANK];

describe('recallkit quiz', () => {
  it('prints the same Markdown for the same seed, with parallel forms and keys', async () => {
    const a = await call(['quiz', ...bank, '--count', '4', '--forms', '2', '--seed', '42', '--format', 'md']);
    const b = await call(['quiz', ...bank, '--count', '4', '--forms', '2', '--seed', '42', '--format', 'md']);
    const c = await call(['quiz', ...bank, '--count', '4', '--forms', '2', '--seed', '43', '--format', 'md']);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).not.toBe(c.stdout);
    expect(a.stdout).toContain('(Form A)');
    expect(a.stdout).toContain('## Answer key (Form B)');
  });

  it('writes HTML and the key for grading to files', async () => {
    const out = join(dir, 'quiz.html');
    const key = join(dir, 'key.json');
    const r = await call(['quiz', ...bank, '--count', '3', '--format', 'html', '--out', out, '--key', key]);
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^<!doctype html>/i);
    const quiz = JSON.parse(readFileSync(key, 'utf8')) as Quiz;
    expect(quiz.forms[0]?.items).toHaveLength(3);
  });

  it('writes one LMS file per form into a folder, and asks for --out otherwise', async () => {
    const r = await call(['quiz', ...bank, '--count', '3', '--forms', '2', '--format', 'gift', '--out', join(dir, 'forms')]);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'forms', 'form-B.gift.txt'), 'utf8')).toContain('::');
    const noOut = await call(['quiz', ...bank, '--forms', '2', '--format', 'gift']);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain('give --out FOLDER');
    const badFormat = await call(['quiz', ...bank, '--format', 'pdf']);
    expect(badFormat.code).toBe(2);
    expect(badFormat.stderr).toContain('--format must be one of html, md, gift');
  });
});

describe('recallkit export', () => {
  it('exports GIFT to stdout and QTI as a zip file', async () => {
    const gift = await call(['export', ...bank, '--format', 'gift']);
    expect(gift.code).toBe(0);
    expect(gift.stdout).toContain('::tf-1::');
    const zip = join(dir, 'bank.qti.zip');
    expect((await call(['export', ...bank, '--format', 'qti', '--out', zip])).code).toBe(0);
    expect(readFileSync(zip).subarray(0, 2).toString()).toBe('PK');
    const xml = await call(['export', ...bank, '--format', 'moodle-xml']);
    expect(xml.stdout).toMatch(/^<\?xml[\s\S]*<quiz>/);
  });
});

describe('recallkit grade', () => {
  it('scores answers written as on the key and analyses the items', async () => {
    const key = join(dir, 'grade-key.json');
    await call(['quiz', ...bank, '--count', '5', '--forms', '2', '--seed', '7', '--format', 'md', '--key', key]);
    const quiz = JSON.parse(readFileSync(key, 'utf8')) as Quiz;
    const [formA, formB] = quiz.forms;
    const keyRow = (form: typeof formA) => (form?.key ?? []).map((k) => `"${k.answer.replace(/\s*\/.*$/, '').replace(/ \(±.*\)$/, '')}"`);
    const csv = [
      `student,form,${formA?.items.map((i) => i.number).join(',')}`,
      `ada,A,${keyRow(formA).join(',')}`,
      `bea,B,${keyRow(formB).join(',')}`,
      'cal,A,,,,,',
    ].join('\n');
    const responses = join(dir, 'answers.csv');
    writeFileSync(responses, csv);
    const r = await call(['grade', '--key', key, '--responses', responses]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/ada\s+A\s+5\s+5\s+100%/);
    expect(r.stdout).toMatch(/bea\s+B\s+5\s+5\s+100%/);
    expect(r.stdout).toMatch(/cal\s+A\s+0\s+5\s+0%/);
    expect(r.stdout).toContain('Item analysis');
    const json = JSON.parse((await call(['grade', '--key', key, '--responses', responses, '--json'])).stdout);
    expect(json.items).toHaveLength(5);
    expect(json.items[0]).toMatchObject({ n: 3, p: 2 / 3, blank: 1 });
    expect(json.items[0].r).toBeCloseTo(1, 5);
    // Moodle's statistics: ada and bea full marks, cal none, so facility is 2/3 everywhere.
    expect(json.statistics.test).toMatchObject({ attempts: 3, maxScore: 5 });
    expect(json.statistics.items[0].facility).toBeCloseTo(200 / 3, 5);
    expect(r.stdout).toMatch(/CIC \(Cronbach alpha\) 100%/);
  });

  it('needs both files', async () => {
    expect((await call(['grade', '--key', 'k.json'])).code).toBe(2);
    const missing = await call(['grade', '--key', join(dir, 'nope.json'), '--responses', 'x.csv']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('RK_NOT_FOUND');
  });
});

describe('recallkit stats', () => {
  it('reports what a study session saved', async () => {
    const data = join(dir, 'stats.json');
    const before = JSON.parse((await call(['stats', ...bank, '--data', data, '--json'])).stdout);
    expect(before).toMatchObject({ questions: 6, unseen: 6, answers: 0, updatedAt: null });
    await call(['study', ...bank, '--data', data], 't\n7\n');
    const after = JSON.parse((await call(['stats', ...bank, '--data', data, '--json'])).stdout);
    expect(after).toMatchObject({ unseen: 4, answers: 2, answersToday: 2, states: { learning: 2 } });
    const text = await call(['stats', ...bank, '--data', data]);
    expect(text.stdout).toMatch(/Answers\s+2 \(2 today\)/);
    expect(text.stdout).toMatch(/Due now\s+0 review · 2 learning · 4 new/);
  });
});
