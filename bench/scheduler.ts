/**
 * Scheduler benchmark: recallkit FSRS-6 vs ts-fsrs 5.4 in the same run, plus
 * the bulk path and the bundle size. Run: `npx tsx bench/scheduler.ts`.
 *
 * Both sides run as shipped: ts-fsrs from its published build, ours from
 * `src/scheduler` bundled by esbuild with the settings tsup uses for `dist/`
 * (target es2022), not through tsx's on-the-fly transform; `BENCH_FROM=src`
 * measures the sources through tsx instead (the ratios came out the same).
 *
 * Fixed iteration counts, interleaved rounds (ours, theirs, ours, ...), every
 * result consumed into a per-run sum (then a checksum) so nothing is optimised away. Numbers are
 * reported, not asserted.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { type Card, type Grade as TsGrade, createEmptyCard, fsrs } from 'ts-fsrs';
import { createPrng } from '../src/core/prng';
import type { CardState, Grade } from '../src/scheduler/index';

type SchedulerModule = typeof import('../src/scheduler/index');

/** Our scheduler as users get it: bundled like dist/ (or the sources through tsx with BENCH_FROM=src). */
async function loadScheduler(): Promise<SchedulerModule> {
  if (process.env.BENCH_FROM === 'src') return import('../src/scheduler/index');
  const dir = mkdtempSync(join(tmpdir(), 'recallkit-bench-'));
  const file = join(dir, 'scheduler.mjs');
  await build({ entryPoints: ['src/scheduler/index.ts'], bundle: true, format: 'esm', target: 'es2022', outfile: file, logLevel: 'silent' });
  try {
    return (await import(pathToFileURL(file).href)) as SchedulerModule;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const { bulkRetrievability, createFsrs, selectDue } = await loadScheduler();
console.log(`recallkit loaded from ${process.env.BENCH_FROM === 'src' ? 'src/ through tsx' : 'an esbuild bundle of src/scheduler (as dist/)'}`);

const ROUNDS = 7;
const CARDS = 1000;
const DAY = 86_400_000;
const START = Date.UTC(2024, 0, 1, 8);

const ours = createFsrs();
const theirs = fsrs({ enable_fuzz: false });

// The same 1,000 cards in both libraries, in every phase, with a review time for each.
const rng = createPrng('bench-scheduler');
const oursCards: CardState[] = [];
const theirCards: Card[] = [];
const times: number[] = [];
const grades: Grade[] = [];
for (let i = 0; i < CARDS; i++) {
  let a = ours.newCard(START);
  let b = createEmptyCard(new Date(START));
  let now = START;
  const n = rng.int(0, 8);
  for (let k = 0; k < n; k++) {
    const g = rng.int(1, 4) as Grade;
    a = ours.review(a, g, now).card;
    b = theirs.next(b, now, g as TsGrade).card;
    now = Math.max(a.due, now) + rng.int(0, 3) * DAY;
  }
  oursCards.push(a);
  theirCards.push(b);
  times.push(now);
  grades.push(rng.int(1, 4) as Grade);
}

let checksum = 0;
function time(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

interface Row {
  name: string;
  ops: number;
  ours: number[];
  theirs: number[];
}
const rows: Row[] = [
  { name: 'review / next', ops: 20 * CARDS, ours: [], theirs: [] },
  { name: 'preview / repeat', ops: 10 * CARDS, ours: [], theirs: [] },
  { name: 'retrievability / get_retrievability(.., false)', ops: 50 * CARDS, ours: [], theirs: [] },
];

// Each loop sums into a local and adds it to the checksum once: adding into the module-level
// checksum on every call would box a number per call, a fixed cost on both sides.
const runs: [() => void, () => void][] = [
  [
    () => {
      let sum = 0;
      for (let r = 0; r < 20; r++) for (let i = 0; i < CARDS; i++) sum += ours.review(oursCards[i]!, grades[i]!, times[i]!).card.due;
      checksum += sum;
    },
    () => {
      let sum = 0;
      for (let r = 0; r < 20; r++) for (let i = 0; i < CARDS; i++) sum += theirs.next(theirCards[i]!, times[i]!, grades[i]! as TsGrade).card.due.getTime();
      checksum += sum;
    },
  ],
  [
    () => {
      let sum = 0;
      for (let r = 0; r < 10; r++) for (let i = 0; i < CARDS; i++) sum += ours.preview(oursCards[i]!, times[i]!)[3].card.due;
      checksum += sum;
    },
    () => {
      let sum = 0;
      for (let r = 0; r < 10; r++) for (let i = 0; i < CARDS; i++) sum += theirs.repeat(theirCards[i]!, times[i]!)[3].card.due.getTime();
      checksum += sum;
    },
  ],
  [
    () => {
      let sum = 0;
      for (let r = 0; r < 50; r++) for (let i = 0; i < CARDS; i++) sum += ours.retrievability(oursCards[i]!, times[i]! + r * DAY);
      checksum += sum;
    },
    () => {
      let sum = 0;
      for (let r = 0; r < 50; r++) for (let i = 0; i < CARDS; i++) sum += theirs.get_retrievability(theirCards[i]!, times[i]! + r * DAY, false);
      checksum += sum;
    },
  ],
];

for (let round = 0; round < ROUNDS; round++) {
  runs.forEach(([a, b], k) => {
    // Alternate which library goes first so neither always runs on a warmer cache.
    if (round % 2 === 0) {
      rows[k]!.ours.push(time(a));
      rows[k]!.theirs.push(time(b));
    } else {
      rows[k]!.theirs.push(time(b));
      rows[k]!.ours.push(time(a));
    }
  });
}

const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[xs.length >> 1]!;
console.log('\nFSRS-6, fuzz off, median of', ROUNDS, 'interleaved rounds (first round is warm-up and included)');
console.log('| operation | ops | recallkit ns/op | ts-fsrs ns/op | speed-up |');
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const row of rows) {
  const a = (median(row.ours) * 1e6) / row.ops;
  const b = (median(row.theirs) * 1e6) / row.ops;
  console.log(`| ${row.name} | ${row.ops} | ${a.toFixed(0)} | ${b.toFixed(0)} | ${(b / a).toFixed(1)}x |`);
}

// ts-fsrs's forgetting curve alone: one Math.pow and its 8-decimal rounding, on the same cards and
// times. Any implementation that calls Math.pow per card, as ts-fsrs does, is bounded by it; ours
// computes the same rounded value with exp/log and falls back to Math.pow only near a rounding half
// (fsrs/params.ts powRound8), which is how retrievability gets under this line.
const decay = -ours.weights[20]!;
const factor = Math.exp(Math.log(0.9) / decay) - 1;
const floor: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  floor.push(
    time(() => {
      let sum = 0;
      for (let r = 0; r < 50; r++) {
        for (let i = 0; i < CARDS; i++) {
          const card = oursCards[i]!;
          const t = card.lastReview === null ? 0 : Math.floor((times[i]! + r * DAY - card.lastReview) / DAY);
          sum += card.stability > 0 ? Math.round(Math.pow(1 + (factor * t) / card.stability, decay) * 1e8) / 1e8 : 0;
        }
      }
      checksum += sum;
    }),
  );
}
const floorNs = (median(floor) * 1e6) / (50 * CARDS);
const theirRetrievability = (median(rows[2]!.theirs) * 1e6) / rows[2]!.ops;
console.log(`\nMath.pow + rounding alone (the forgetting curve as ts-fsrs computes it): ${floorNs.toFixed(0)} ns/op, a ${(theirRetrievability / floorNs).toFixed(1)}x ceiling for any Math.pow-per-card retrievability`);

// Bulk path: 1,000,000 cards as Float64Array columns.
const N = 1_000_000;
const stability = new Float64Array(N);
const lastReview = new Float64Array(N);
const due = new Float64Array(N);
const now = START + 400 * DAY;
for (let i = 0; i < N; i++) {
  stability[i] = Math.round((0.1 + rng.next() * 300) * 1e8) / 1e8;
  lastReview[i] = now - Math.floor(rng.next() * 400 * DAY);
  due[i] = (lastReview[i] as number) + Math.round((stability[i] as number) * (0.5 + rng.next())) * DAY;
}
const out = new Float64Array(N);
const bulk: number[] = [];
const top: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  bulk.push(time(() => (checksum += bulkRetrievability({ stability, lastReview }, now, { out })[N - 1]!)));
  top.push(time(() => (checksum += selectDue({ stability, lastReview, due }, now, 200)[0]!)));
}
console.log('\n| bulk (1,000,000 cards) | median ms | min ms | budget |');
console.log('| --- | ---: | ---: | ---: |');
console.log(`| bulkRetrievability | ${median(bulk).toFixed(1)} | ${Math.min(...bulk).toFixed(1)} | 100 |`);
console.log(`| selectDue top 200 | ${median(top).toFixed(1)} | ${Math.min(...top).toFixed(1)} | 150 |`);

// Bundle size: esbuild, minified, gzip level 9 (as in the issue).
async function size(contents: string): Promise<[number, number, boolean]> {
  const r = await build({ stdin: { contents, resolveDir: process.cwd(), loader: 'ts' }, bundle: true, minify: true, format: 'esm', target: 'es2022', write: false });
  const code = r.outputFiles[0]!.contents;
  return [code.length, gzipSync(code, { level: 9 }).length, Buffer.from(code).toString().includes('zod')];
}
const [ourMin, ourGz, ourZod] = await size("export { createFsrs, Rating } from './src/scheduler/index'");
const [theirMin, theirGz] = await size("export { fsrs, Rating } from 'ts-fsrs'");
console.log('\n| bundle | minified bytes | gzip bytes |');
console.log('| --- | ---: | ---: |');
console.log(`| { createFsrs, Rating } from recallkit/scheduler${ourZod ? ' (CONTAINS ZOD)' : ''} | ${ourMin} | ${ourGz} |`);
console.log(`| { fsrs, Rating } from ts-fsrs | ${theirMin} | ${theirGz} |`);
console.log(`\nchecksum ${checksum}`);
