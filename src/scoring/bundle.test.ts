import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

// The headline import's budget (issue 5): `import { grade } from 'recallkit/scoring'` <= 4 KB
// gzipped, and zod must never reach the scoring bundle (the engines trust validated input).
async function bundle(contents: string): Promise<string> {
  const out = await build({ stdin: { contents, resolveDir: process.cwd(), loader: 'ts' }, bundle: true, minify: true, format: 'esm', platform: 'neutral', write: false, logLevel: 'silent' });
  return out.outputFiles[0]?.text ?? '';
}

describe('recallkit/scoring bundle', () => {
  it('{ grade } stays within 4096 bytes gzipped', async () => {
    const code = await bundle("export { grade } from './src/scoring/index'");
    expect(gzipSync(code, { level: 9 }).length).toBeLessThanOrEqual(4096);
  });

  it('never contains zod, even with every export', async () => {
    const code = await bundle("export * from './src/scoring/index'");
    expect(code).not.toMatch(/zod/i);
    expect(code).not.toContain('ZodError');
  });
});
