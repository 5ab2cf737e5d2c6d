import { resolve } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers';

/** Bundles one named import the way an app would (tree-shaken, minified) and returns the code. */
async function bundle(entry: string, name: string): Promise<string> {
  const r = await build({
    stdin: { contents: `import { ${name} } from ${JSON.stringify(resolve(ROOT, entry))}; console.log(${name});`, resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    write: false,
    format: 'esm',
    minify: true,
    platform: 'browser',
    external: ['sql.js'],
    logLevel: 'silent',
  }).catch((e: { errors?: { text: string }[] }) => {
    throw new Error((e.errors ?? []).map((x) => x.text).join('\n'));
  });
  return r.outputFiles[0]?.text ?? '';
}

// A zod schema module pulled in by accident carries these strings into the bundle.
const ZOD = /ZodError|\$ZodType|_zod/;

describe('bundles', () => {
  for (const [entry, name] of [
    ['src/formats/index.ts', 'exportGift'],
    ['src/formats/index.ts', 'exportMoodleXml'],
    ['src/formats/index.ts', 'exportQtiPackage'],
    ['src/formats/index.ts', 'xapiAnswered'],
    ['src/formats/index.ts', 'quizToHtml'],
    ['src/quiz/index.ts', 'assembleQuiz'],
  ] as const) {
    it(`{ ${name} } does not pull in zod`, async () => {
      const code = await bundle(entry, name);
      expect(code.length).toBeGreaterThan(500);
      expect(code).not.toMatch(ZOD);
    });
  }

  it('{ importGift } does (it validates with the schema), which proves the check can fail', async () => {
    expect(await bundle('src/formats/index.ts', 'importGift')).toMatch(ZOD);
  });
});
