import { describe, expect, it } from 'vitest';
import { call } from './call';
import { FIXTURE_BANK } from './run';

describe('recallkit usage', () => {
  it('prints help with exit 0 and lists the commands', async () => {
    const top = await call(['--help']);
    expect(top.code).toBe(0);
    expect(top.stdout).toMatch(/Usage: recallkit <command>/);
    for (const command of ['study', 'stats', 'banks']) expect(top.stdout).toContain(`  ${command}`);
    const study = await call(['study', '--help']);
    expect(study.code).toBe(0);
    expect(study.stdout).toContain('--data FILE');
    expect((await call(['--version'])).stdout).toMatch(/^\d+\.\d+\.\d+/);
    const helpGrade = await call(['help', 'grade']);
    expect(helpGrade.code).toBe(0);
    expect(helpGrade.stdout).toContain('Usage: recallkit grade');
    expect((await call(['help', 'nope'])).code).toBe(2);
  });

  it('exits 2 with a hint for usage errors', async () => {
    const cases = [
      await call(['frobnicate']),
      await call(['study', '--colour']),
      await call(['study', '--new', 'lots', '--bank-file', FIXTURE_BANK]),
      await call(['study', '--bank', 'no-such-bank']),
      await call([]),
    ];
    for (const r of cases) expect(r.code, r.stderr).toBe(2);
    expect(cases[0]?.stderr).toContain('unknown command "frobnicate"');
    expect(cases[1]?.stderr).toContain("Unknown option '--colour'");
    expect(cases[1]?.stderr).toContain('recallkit study --help');
    expect(cases[2]?.stderr).toContain('--new must be a whole number, got "lots"');
    expect(cases[3]?.stderr).toContain('unknown bank "no-such-bank"');
    expect(cases[4]?.stderr).toContain('Commands:');
  });

  it('exits 1 for a runtime error such as a missing bank file, without a stack trace', async () => {
    const r = await call(['study', '--bank-file', 'nope.json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^recallkit: RK_NOT_FOUND: cannot read bank file .*nope\.json/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
