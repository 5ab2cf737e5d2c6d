import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DIST_CLI, FIXTURE_BANK, hasDist, run } from './run';

// The package `bin` is dist/cli/index.js: check the built file itself, as `npx recallkit` runs it.
if (!hasDist()) console.warn(`[cli] skipping the built-CLI test: ${DIST_CLI} or dist/banks/ is missing; run \`npm run build\` first`);

const home = mkdtempSync(join(tmpdir(), 'rk-home-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe.skipIf(!hasDist())('the built CLI (dist/cli/index.js)', () => {
  it('starts with a shebang and prints help', async () => {
    expect(readFileSync(DIST_CLI, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    const r = await run(['--help'], '', { dist: true });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: recallkit <command>');
  });

  it('studies the shipped bank with the default progress file under HOME', async () => {
    const r = await run(['study'], 'b\n', { dist: true, env: { HOME: home } });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('RecallKit · ISIS fighters leaving Mosul');
    expect(r.stdout).toContain('Answered 1');
    const saved = JSON.parse(readFileSync(join(home, '.recallkit', 'mosul-foreign-fighters.json'), 'utf8'));
    expect(saved.logs).toHaveLength(1);
  });

  it('reads a bank file and answers from a pipe', async () => {
    const data = join(home, 'fixture.json');
    const r = await run(['study', '--bank-file', FIXTURE_BANK, '--data', data], 't\n8\n', { dist: true });
    expect(r.code).toBe(0);
    expect(r.stdout.match(/✓ Correct/g)).toHaveLength(2);
  });
});
