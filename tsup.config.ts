import { readdirSync } from 'node:fs';
import { defineConfig, type Options } from 'tsup';

// One entry per public subpath (see package.json "exports"). Bank modules are
// generated into src/banks/ by scripts/build-banks.ts and picked up here.
const banks = readdirSync('src/banks')
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .map((f) => [`banks/${f.slice(0, -3)}`, `src/banks/${f}`] as const);

const entry: Record<string, string> = {
  index: 'src/index.ts',
  'schema/index': 'src/schema/index.ts',
  'scheduler/index': 'src/scheduler/index.ts',
  'scoring/index': 'src/scoring/index.ts',
  'quiz/index': 'src/quiz/index.ts',
  'formats/index': 'src/formats/index.ts',
  // Anki .apkg: its own entry so its optional peer (sql.js) is never pulled in by `recallkit/formats`.
  'formats/apkg': 'src/formats/apkg.ts',
  'session/index': 'src/session/index.ts',
  'optimizer/index': 'src/optimizer/index.ts',
  ...Object.fromEntries(banks),
};

const shared: Options = {
  entry,
  target: 'es2022',
  sourcemap: false,
  treeshake: true,
  splitting: true,
  dts: true,
  external: ['sql.js'],
};

export default defineConfig([
  // ESM: nanoid stays external (it is ESM-only and a real dependency).
  { ...shared, format: 'esm', outDir: 'dist', clean: true },
  // CJS: nanoid is ESM-only, so `require` could not load it; inline it here only.
  { ...shared, format: 'cjs', outDir: 'dist', noExternal: ['nanoid'] },
  // The CLI: one ESM file with a shebang.
  {
    entry: { 'cli/index': 'src/cli/index.ts' },
    format: 'esm',
    outDir: 'dist',
    target: 'es2022',
    dts: false,
    splitting: false,
    banner: { js: '#!/usr/bin/env node' },
  },
]);
