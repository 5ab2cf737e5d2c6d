/**
 * Benchmark: recallkit/optimizer vs fsrs-rs (@open-spaced-repetition/binding 0.5.0, fsrs 6.5.0 native)
 * on synthetic histories drawn from a known FSRS-6 model (test/fixtures/optimizer/synthetic.ts).
 *
 * Run: npx tsx --expose-gc bench/optimizer.ts [rounds=3]
 *
 * fsrs-rs runs with `timeout: 10` (the binding polls progress every `timeout` ms and its default of 500 ms
 * adds idle time to small fits); ours runs with its defaults (it yields to the event loop every 16 batches).
 *
 * For each size, the same data goes to both optimizers; fits run interleaved (A B, B A, ...) a fixed
 * number of rounds, and the median wall time is reported. Both fits are then scored by the same two
 * evaluators: fsrs-rs's `FSRSBinding.evaluate` and ours (`evaluate`). Numbers are reported, not asserted.
 */
import { cpus } from 'node:os';
import { FSRSBinding, computeParameters } from '@open-spaced-repetition/binding';
import { evaluate, optimize, prepareReviews } from '../src/optimizer/index';
import { DEFAULT_WEIGHTS } from '../src/optimizer/params';
import { TRUE_WEIGHTS, generateSynthetic } from '../test/fixtures/optimizer/synthetic';
import { bindingItems } from '../test/fixtures/optimizer/binding-items';

const ROUNDS = Number(process.argv[2] ?? 3);
const SIZES = [
  { cards: 2_000, reviews: 10 },
  { cards: 20_000, reviews: 10 },
];

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? (s[(s.length - 1) / 2] as number) : ((s[s.length / 2 - 1] as number) + (s[s.length / 2] as number)) / 2;
};
const f = (x: number, d = 4): string => x.toFixed(d);
const pct = (ours: number, theirs: number): string => `${((ours / theirs - 1) * 100).toFixed(2)}%`;

console.log(`# recallkit/optimizer vs fsrs-rs\n`);
console.log(`node ${process.version}, ${cpus().length} x ${cpus()[0]?.model ?? '?'}, rounds per size: ${ROUNDS} (interleaved)\n`);

let sink = 0;
/** With `--expose-gc`, a full collection before each fit, so no fit pays for the previous one's garbage. */
const collectGarbage = (): void => (globalThis as { gc?: () => void }).gc?.();
if (!(globalThis as { gc?: () => void }).gc) console.log('(run with --expose-gc for a full GC before each fit)\n');
for (const size of SIZES) {
  const syn = generateSynthetic({ cards: size.cards, reviewsPerCard: size.reviews, seed: `bench-${size.cards}` });
  let t = performance.now();
  const data = prepareReviews(syn.logs);
  const prepMs = performance.now() - t;
  t = performance.now();
  const items = bindingItems(data);
  const itemsMs = performance.now() - t;

  const oursMs: number[] = [];
  const rsMs: number[] = [];
  // CPU time of the whole process (all threads: the binding trains on a libuv worker thread), which a
  // loaded machine disturbs less than wall time.
  const oursCpu: number[] = [];
  const rsCpu: number[] = [];
  let oursCold = 0;
  let rsCold = 0;
  const cpuMs = (start: NodeJS.CpuUsage): number => {
    const u = process.cpuUsage(start);
    return (u.user + u.system) / 1000;
  };
  let ours: number[] = [];
  let rs: number[] = [];
  // One untimed warm-up of each (JIT for ours, first-call setup for the binding), then timed rounds.
  for (let round = -1; round < ROUNDS; round++) {
    const runOurs = async (): Promise<void> => {
      collectGarbage();
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const res = await optimize(data);
      if (round >= 0) oursMs.push(performance.now() - t0);
      else oursCold = performance.now() - t0;
      if (round >= 0) oursCpu.push(cpuMs(c0));
      ours = res.weights;
      sink += res.weights[0] as number;
    };
    const runRs = async (): Promise<void> => {
      collectGarbage();
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      // timeout = the binding's progress-poll interval; its default (500 ms) adds up to 500 ms of idle wait.
      const w = await computeParameters(items, { enableShortTerm: true, timeout: 10 });
      if (round >= 0) rsMs.push(performance.now() - t0);
      else rsCold = performance.now() - t0;
      if (round >= 0) rsCpu.push(cpuMs(c0));
      rs = w;
      sink += w[0] as number;
    };
    if (round % 2 !== 0) {
      await runOurs();
      await runRs();
    } else {
      await runRs();
      await runOurs();
    }
  }
  const neutral = (w: number[]) => new FSRSBinding(w).evaluate(items);
  const rsOnOurs = neutral(ours);
  const rsOnRs = neutral(rs);
  const rsOnTrue = neutral([...TRUE_WEIGHTS]);
  const weOnOurs = evaluate(ours, data);
  const weOnRs = evaluate(rs, data);
  const weOnTrue = evaluate([...TRUE_WEIGHTS], data);

  console.log(`## ${size.cards.toLocaleString('en')} cards x ${size.reviews} reviews (${items.length.toLocaleString('en')} items)\n`);
  console.log(`log conversion (prepareReviews): ${f(prepMs, 0)} ms; building fsrs-rs items: ${f(itemsMs, 0)} ms (neither counted below)\n`);
  console.log('| metric | ours | fsrs-rs | ours vs fsrs-rs | true weights |');
  console.log('|---|---|---|---|---|');
  console.log(`| fit time, median of ${ROUNDS} (ms) | ${f(median(oursMs), 0)} | ${f(median(rsMs), 0)} | ${f(median(oursMs) / median(rsMs), 2)}x | |`);
  console.log(`| fit times (ms) | ${oursMs.map((x) => f(x, 0)).join(', ')} | ${rsMs.map((x) => f(x, 0)).join(', ')} | | |`);
  console.log(`| first (cold, untimed warm-up) fit (ms) | ${f(oursCold, 0)} | ${f(rsCold, 0)} | ${f(oursCold / rsCold, 2)}x | |`);
  console.log(`| fit CPU time, median (ms) | ${f(median(oursCpu), 0)} | ${f(median(rsCpu), 0)} | ${f(median(oursCpu) / median(rsCpu), 2)}x | |`);
  console.log(`| log loss, fsrs-rs evaluator | ${f(rsOnOurs.logLoss, 5)} | ${f(rsOnRs.logLoss, 5)} | ${pct(rsOnOurs.logLoss, rsOnRs.logLoss)} | ${f(rsOnTrue.logLoss, 5)} |`);
  console.log(`| RMSE(bins), fsrs-rs evaluator | ${f(rsOnOurs.rmseBins, 5)} | ${f(rsOnRs.rmseBins, 5)} | ${pct(rsOnOurs.rmseBins, rsOnRs.rmseBins)} | ${f(rsOnTrue.rmseBins, 5)} |`);
  console.log(`| log loss, our evaluator | ${f(weOnOurs.logLoss, 5)} | ${f(weOnRs.logLoss, 5)} | ${pct(weOnOurs.logLoss, weOnRs.logLoss)} | ${f(weOnTrue.logLoss, 5)} |`);
  console.log(`| RMSE(bins), our evaluator | ${f(weOnOurs.rmseBins, 5)} | ${f(weOnRs.rmseBins, 5)} | ${pct(weOnOurs.rmseBins, weOnRs.rmseBins)} | ${f(weOnTrue.rmseBins, 5)} |`);
  console.log(`| AUC, our evaluator | ${f(weOnOurs.auc ?? Number.NaN, 4)} | ${f(weOnRs.auc ?? Number.NaN, 4)} | | ${f(weOnTrue.auc ?? Number.NaN, 4)} |`);
  console.log('');
  console.log('| weight | true | default | ours | ours - true | fsrs-rs | fsrs-rs - true |');
  console.log('|---|---|---|---|---|---|---|');
  let oursAbs = 0;
  let rsAbs = 0;
  for (let i = 0; i < 21; i++) {
    const tw = TRUE_WEIGHTS[i] as number;
    const ow = ours[i] as number;
    const rw = rs[i] as number;
    oursAbs += Math.abs(ow - tw) / Math.abs(tw);
    rsAbs += Math.abs(rw - tw) / Math.abs(tw);
    console.log(`| w${i} | ${tw} | ${DEFAULT_WEIGHTS[i]} | ${f(ow)} | ${f(ow - tw)} | ${f(rw)} | ${f(rw - tw)} |`);
  }
  console.log(`| mean abs. relative error | | | ${f((oursAbs / 21) * 100, 1)}% | | ${f((rsAbs / 21) * 100, 1)}% | |`);
  console.log('');
}
console.log(`(checksum ${sink.toFixed(3)})`);
