import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURE_BANK, run, start } from './run';

const dir = mkdtempSync(join(tmpdir(), 'rk-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const bankArgs = ['--bank-file', FIXTURE_BANK];

// The fixture asks new cards in a fixed order, topics interleaved:
// tf-1 (true-false), num-1 (numeric), mc-1 (multiple-choice), sc-1 (single-choice), sa-1 (short-answer), fc-1 (flashcard).
const ALL_CORRECT = ['t', '8', 'a,b', 'b', 'Paris', '', '3'].join('\n');

describe('recallkit study with piped stdin', () => {
  it('asks every new card, grades typed answers, saves, and exits 0 with a summary when input ends', async () => {
    const data = join(dir, 'all-correct.json');
    const r = await run(['study', ...bankArgs, '--data', data], `${ALL_CORRECT}\n`);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Due now: 0 review · 0 learning · 6 new');
    expect(r.stdout).toContain('[--------------------] 0/6');
    expect(r.stdout).toContain('How many legs does a spider have?');
    expect(r.stdout.match(/✓ Correct/g)).toHaveLength(5);
    expect(r.stdout).toContain('“Spiders have eight legs.”');
    expect(r.stdout).toContain('1 Again (1 min)  2 Hard (6 min)  3 Good (10 min)  4 Easy');
    expect(r.stdout).toContain('Input ended.');
    expect(r.stdout).toContain('Answered 6 · correct 5 (83% correct)');
    const saved = JSON.parse(readFileSync(data, 'utf8'));
    expect(saved).toMatchObject({ version: 1, bankId: 'fixture-bank', scheduler: 'fsrs-6' });
    expect(Object.keys(saved.cards).sort()).toEqual(['fc-1', 'mc-1', 'num-1', 'sa-1', 'sc-1', 'tf-1']);
    expect(saved.logs.map((l: { rating: number }) => l.rating)).toEqual([3, 3, 3, 3, 3, 3]);
  });

  it('shows the correct answer after a wrong one, re-asks unreadable input, and undoes with :u', async () => {
    const data = join(dir, 'mistakes.json');
    const r = await run(['study', ...bankArgs, '--data', data], ['maybe', 'f', '12', ':u', '8', 'zz', 'a'].join('\n'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Please type t (true) or f (false).');
    expect(r.stdout).toContain('✗ Not quite\nAnswer: True');
    expect(r.stdout).toContain('Answer: 8');
    expect(r.stdout).toContain('Undid the last answer.');
    expect(r.stdout).toContain('Please type letters a-c separated by commas, e.g. a,c.');
    expect(r.stdout).toContain('◐ Partly correct');
    const saved = JSON.parse(readFileSync(data, 'utf8'));
    // tf-1 wrong (Again), num-1 undone then right (Good), mc-1 half right.
    expect(saved.logs.map((l: { cardId: string; rating: number }) => `${l.cardId}:${l.rating}`)).toEqual(['tf-1:1', 'num-1:3', expect.stringMatching(/^mc-1:[12]$/)]);
  });

  it('resumes from the saved file after the process is killed mid-session', async () => {
    const data = join(dir, 'killed.json');
    const child = start(['study', ...bankArgs, '--data', data]);
    let out = '';
    const third = new Promise<void>((resolve) => {
      child.stdout.on('data', (d: Buffer) => {
        out += d;
        if (out.includes('Which are prime?')) resolve();
      });
    });
    child.stdin.write('t\n8\n');
    await third;
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('close', resolve));
    expect(JSON.parse(readFileSync(data, 'utf8')).logs).toHaveLength(2);
    const again = await run(['study', ...bankArgs, '--data', data], 'a,b\n');
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Due now: 0 review · 2 learning · 4 new');
    expect(again.stdout).toContain('Which are prime?');
    expect(JSON.parse(readFileSync(data, 'utf8')).logs).toHaveLength(3);
  });

  it('refuses a damaged progress file with exit 1 and no stack trace, and shows one with --debug', async () => {
    const data = join(dir, 'damaged.json');
    writeFileSync(data, '{"version":1,');
    const r = await run(['study', ...bankArgs, '--data', data]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^recallkit: RK_STORE_ERROR: .*damaged\.json is not valid JSON/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const debug = await run(['study', ...bankArgs, '--data', data, '--debug']);
    expect(debug.code).toBe(1);
    expect(debug.stderr).toMatch(/\n\s+at /);
  });
});
