/**
 * Bundle-size budgets (like nanoid's size-limit and zod's bundle-size test): each headline
 * import is bundled from the built ESM with esbuild (minified, zod/nanoid included as a
 * user's bundler would), gzipped, and compared with its ceiling. Some bundles must not
 * contain zod at all: the engines are validated at the boundary, not inside.
 *
 * Raise a ceiling only in the commit that needs it, with the reason.
 */
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

interface Budget {
  name: string;
  code: string;
  maxGzip: number;
  mustNotContain?: string[];
}

const ZOD_MARKERS = ['ZodError', '$ZodType', 'zod'];

const budgets: Budget[] = [
  // Issue 4 asked for 3,000 B; measured 4,793 B (ts-fsrs 5.4.2: 6,694 B). With every optional part taken out (fuzz,
  // weight checks and migration, rollback/forget/replay/nextInterval, option checks, `describe`) the bundle is still
  // ~3,190 B, so 3,000 B is below the floor of what the issue also requires (docs/scheduler.md "Speed and size").
  // The ceiling is the measurement plus about 1%, so any growth has to be argued for here.
  { name: "{ createFsrs, Rating } from 'recallkit/scheduler'", code: "export { createFsrs, Rating } from 'recallkit/scheduler'", maxGzip: 4850, mustNotContain: ZOD_MARKERS },
  { name: "{ grade } from 'recallkit/scoring'", code: "export { grade } from 'recallkit/scoring'", maxGzip: 4096, mustNotContain: ZOD_MARKERS },
  { name: "* from 'recallkit/scheduler'", code: "export * from 'recallkit/scheduler'", maxGzip: 8500, mustNotContain: ZOD_MARKERS },
  { name: "* from 'recallkit/scoring'", code: "export * from 'recallkit/scoring'", maxGzip: 12000, mustNotContain: ZOD_MARKERS },
  { name: "{ RecallKitError } from 'recallkit'", code: "export { RecallKitError } from 'recallkit'", maxGzip: 1000, mustNotContain: ZOD_MARKERS },
  // zod 4 classic is most of this (~29 KB gz); moving the schemas to zod/mini is the way down.
  { name: "{ parseBank } from 'recallkit/schema'", code: "export { parseBank } from 'recallkit/schema'", maxGzip: 33000 },
  { name: "* from 'recallkit/quiz'", code: "export * from 'recallkit/quiz'", maxGzip: 15000 },
  // The whole subpath includes zod because importGift/importAiken validate what they read.
  { name: "* from 'recallkit/formats'", code: "export * from 'recallkit/formats'", maxGzip: 56000 },
  { name: "{ exportGift } from 'recallkit/formats'", code: "export { exportGift } from 'recallkit/formats'", maxGzip: 3500, mustNotContain: ZOD_MARKERS },
  { name: "{ exportQtiPackage } from 'recallkit/formats'", code: "export { exportQtiPackage } from 'recallkit/formats'", maxGzip: 7000, mustNotContain: ZOD_MARKERS },
  { name: "{ xapiAnswered } from 'recallkit/formats'", code: "export { xapiAnswered } from 'recallkit/formats'", maxGzip: 8000, mustNotContain: ZOD_MARKERS },
  { name: "* from 'recallkit/session'", code: "export * from 'recallkit/session'", maxGzip: 20000 },
  { name: "* from 'recallkit/optimizer'", code: "export * from 'recallkit/optimizer'", maxGzip: 15000, mustNotContain: ZOD_MARKERS },
  { name: "{ bank } from 'recallkit/banks/mosul-foreign-fighters'", code: "export { bank } from 'recallkit/banks/mosul-foreign-fighters'", maxGzip: 60000, mustNotContain: ZOD_MARKERS },
];

let failed = false;
const rows: string[] = [];
for (const b of budgets) {
  const result = await build({
    stdin: { contents: b.code, resolveDir: process.cwd(), loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
    external: ['node:*'],
  }).catch((e: Error) => e);
  if (result instanceof Error) {
    rows.push(`✖ ${b.name}: does not bundle (${result.message.split('\n')[0]})`);
    failed = true;
    continue;
  }
  const text = result.outputFiles[0]?.text ?? '';
  const gz = gzipSync(text, { level: 9 }).length;
  const leaks = (b.mustNotContain ?? []).filter((m) => text.includes(m));
  const ok = gz <= b.maxGzip && leaks.length === 0;
  if (!ok) failed = true;
  rows.push(`${ok ? '✔' : '✖'} ${b.name.padEnd(62)} ${String(text.length).padStart(7)} B min ${String(gz).padStart(6)} B gz  (limit ${b.maxGzip})${leaks.length ? `  contains ${leaks.join(', ')}` : ''}`);
}
console.log(rows.join('\n'));
process.exit(failed ? 1 : 0);
