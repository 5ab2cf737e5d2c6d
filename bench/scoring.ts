/**
 * Scoring benchmark: grades 1,000,000 mixed responses over a bank-like set of questions of
 * every type, then each type family on its own, and measures the `grade` bundle.
 * Run: `npx tsx bench/scoring.ts`.
 *
 * Fixed iteration counts, interleaved rounds (each family once per round), every result consumed
 * into a checksum so nothing is optimised away. Numbers are reported, not asserted.
 */
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { createPrng } from '../src/core/prng';
import type { Question } from '../src/schema/question';
import type { Response } from '../src/schema/response';
import { correctResponse, grade } from '../src/scoring/index';

const ROUNDS = 5;
const MIXED = 1_000_000;
const PER_FAMILY = 200_000;
const rng = createPrng('bench-scoring');
const pick = <T>(xs: readonly T[]): T => xs[rng.int(0, xs.length - 1)] as T;

const common = { prompt: 'Q?', explanation: 'E.', evidence: [{ quote: 'q', start: 0, end: 1 }], topic: 'mosul', tags: [] as string[], difficulty: 'medium' as const, bloom: 'remember' as const };
const WORDS = ['Mosul', 'Raqqa', 'Iraq', 'Syria', 'Europe', 'Brussels', 'Paris', 'ISIS', 'Comey', 'King', 'fighters', 'returnees'];
const options = (n: number, keys: number) =>
  Array.from({ length: n }, (_, i) => ({ id: `o${i}`, text: `${pick(WORDS)} ${i}`, correct: i < keys }));

// A bank-like set: 40 questions of each type, shaped like the items in questions/.
function makeQuestion(type: Question['type'], i: number): Question {
  const id = `${type}-${i}`;
  switch (type) {
    case 'single-choice':
      return { ...common, id, type, options: options(4, 1) };
    case 'multiple-choice':
      return { ...common, id, type, options: options(5, 2) };
    case 'true-false':
      return { ...common, id, type, answer: rng.next() < 0.5 };
    case 'numeric':
      return { ...common, id, type, answers: [{ value: 1000 + i, tolerance: 5 }, { min: 900, max: 1200, fraction: 0.5 }] };
    case 'short-answer':
      return { ...common, id, type, answers: [{ text: `${pick(WORDS)} ${pick(WORDS)}` }, { text: `*${pick(WORDS)}*`, fraction: 0.5 }] };
    case 'cloze':
      return {
        ...common, id, type, text: '{{a}} {{b}} {{c}}',
        gaps: [
          { id: 'a', type: 'short-answer', answers: [{ text: pick(WORDS) }] },
          { id: 'b', type: 'numeric', answers: [{ value: 2014 }] },
          { id: 'c', type: 'single-choice', options: options(3, 1) },
        ],
      };
    case 'matching':
      return { ...common, id, type, pairs: WORDS.slice(0, 4).map((w, k) => ({ id: `p${k}`, left: `${w}?`, right: w })), distractors: ['Turkey'] };
    case 'ordering':
      return { ...common, id, type, items: Array.from({ length: 5 }, (_, k) => ({ id: `i${k}`, text: `Step ${k}` })), gradingType: pick(['absolute-position', 'longest-ordered-subset', 'relative-next-include-last'] as const) };
    case 'flashcard':
      return { ...common, id, type, back: pick(WORDS), answers: [{ text: pick(WORDS) }] };
    case 'essay':
      return { ...common, id, type, rubric: [{ id: 'c1', criterion: 'C', points: 4 }] };
  }
}

// A mix of right, partly right, wrong and empty answers for each question.
function makeResponses(q: Question): Response[] {
  const right = correctResponse(q);
  switch (q.type) {
    case 'single-choice':
      return [right, { type: q.type, optionId: 'o2' }, { type: q.type, optionId: null }];
    case 'multiple-choice':
      return [right, { type: q.type, optionIds: ['o0', 'o3'] }, { type: q.type, optionIds: ['o4', 'o1', 'o0'] }];
    case 'true-false':
      return [right, { type: q.type, value: !q.answer }];
    case 'numeric':
      return [right, { type: q.type, value: '1,003' }, { type: q.type, value: '950' }, { type: q.type, value: 'about 1000' }];
    case 'short-answer':
      return [right, { type: q.type, text: '  the Mosul offensive ' }, { type: q.type, text: 'no idea' }, { type: q.type, text: '' }];
    case 'cloze':
      return [right, { type: q.type, gaps: { a: 'Iraq', b: '2,014', c: 'o1' } }, { type: q.type, gaps: { a: '' } }];
    case 'matching':
      return [right, { type: q.type, matches: { p0: 'Raqqa', p1: 'Mosul', p2: 'Iraq' } }];
    case 'ordering':
      return [right, { type: q.type, order: ['i1', 'i0', 'i2', 'i4', 'i3'] }];
    case 'flashcard':
      return [right, { type: q.type, rating: 2 }, { type: q.type, text: 'Syria' }];
    case 'essay':
      return [{ type: q.type, text: 'An essay.' }, { type: q.type, text: 'Marked.', rubricScores: { c1: 3 } }];
  }
}

const TYPES: Question['type'][] = ['single-choice', 'multiple-choice', 'true-false', 'numeric', 'short-answer', 'cloze', 'matching', 'ordering', 'flashcard', 'essay'];
const pairs: Record<string, [Question, Response][]> = {};
for (const type of TYPES) {
  pairs[type] = [];
  for (let i = 0; i < 40; i++) {
    const q = makeQuestion(type, i);
    for (const r of makeResponses(q)) pairs[type]?.push([q, r]);
  }
}
const shuffled = <T>(xs: T[]): T[] => xs.map((x) => [rng.next(), x] as const).sort((a, b) => a[0] - b[0]).map(([, x]) => x);
const families: { name: string; ops: number; set: [Question, Response][] }[] = [
  { name: 'mixed (all ten types)', ops: MIXED, set: shuffled(TYPES.flatMap((t) => pairs[t] ?? [])) },
  { name: 'choice + true/false + numeric', ops: PER_FAMILY, set: shuffled(['single-choice', 'multiple-choice', 'true-false', 'numeric'].flatMap((t) => pairs[t] ?? [])) },
  { name: 'single-choice', ops: PER_FAMILY, set: pairs['single-choice'] ?? [] },
  { name: 'multiple-choice', ops: PER_FAMILY, set: pairs['multiple-choice'] ?? [] },
  { name: 'true-false', ops: PER_FAMILY, set: pairs['true-false'] ?? [] },
  { name: 'numeric', ops: PER_FAMILY, set: pairs.numeric ?? [] },
  { name: 'short-answer', ops: PER_FAMILY, set: pairs['short-answer'] ?? [] },
  { name: 'cloze', ops: PER_FAMILY, set: pairs.cloze ?? [] },
  { name: 'matching', ops: PER_FAMILY, set: pairs.matching ?? [] },
  { name: 'ordering', ops: PER_FAMILY, set: pairs.ordering ?? [] },
  { name: 'flashcard', ops: PER_FAMILY, set: pairs.flashcard ?? [] },
];

let checksum = 0;
const results = families.map(() => [] as number[]);
for (let round = 0; round < ROUNDS; round++) {
  families.forEach((f, k) => {
    const set = f.set;
    const n = set.length;
    const t0 = performance.now();
    for (let i = 0; i < f.ops; i++) {
      const [q, r] = set[i % n] as [Question, Response];
      checksum += grade(q, r).score;
    }
    const ms = performance.now() - t0;
    results[k]?.push((f.ops / ms) * 1000);
  });
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
console.log(`node ${process.version}, ${ROUNDS} interleaved rounds, median responses/s (min..max)`);
families.forEach((f, k) => {
  const r = results[k] as number[];
  const fmt = (x: number) => Math.round(x).toLocaleString('en-US');
  console.log(`${f.name.padEnd(32)} ${String(f.ops).padStart(9)} per round  ${fmt(median(r)).padStart(11)}/s  (${fmt(Math.min(...r))}..${fmt(Math.max(...r))})`);
});
console.log(`checksum ${checksum.toFixed(3)}`);

// Size: `import { grade } from 'recallkit/scoring'`, bundled and minified by esbuild, gzipped.
for (const [label, contents] of [
  ['{ grade }', "export { grade } from './src/scoring/index'"],
  ['{ grade, correctResponse, toRating, parseNumber, matchText }', "export { grade, correctResponse, toRating, parseNumber, matchText } from './src/scoring/index'"],
  ['* (whole recallkit/scoring)', "export * from './src/scoring/index'"],
] as const) {
  const out = await build({ stdin: { contents, resolveDir: process.cwd(), loader: 'ts' }, bundle: true, minify: true, format: 'esm', write: false, platform: 'neutral', logLevel: 'silent' });
  const code = out.outputFiles[0]?.text ?? '';
  console.log(`size ${label}: ${code.length} B minified, ${gzipSync(code, { level: 9 }).length} B gzip -9${code.includes('zod') ? ', CONTAINS zod' : ', no zod'}`);
}
