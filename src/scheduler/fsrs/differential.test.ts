/**
 * Differential test against ts-fsrs 5.4 (the FSRS-6 reference): random
 * histories, random valid parameters, every field compared after every review.
 */
import { type Card, type FSRSParameters, State, type StepUnit as TsStep, createEmptyCard, fsrs } from 'ts-fsrs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Prng, createPrng } from '../../core/prng';
import type { CardState, Grade } from '../types';
import { createFsrs, tsFsrsFuzz } from './index';
import { weightBounds } from './params';
import type { StepUnit } from './steps';

const PHASE = { [State.New]: 'new', [State.Learning]: 'learning', [State.Review]: 'review', [State.Relearning]: 'relearning' } as const;

/** Our card as ts-fsrs would print it, to compare field by field. */
function fromTs(c: Card, id?: string): CardState {
  const base = {
    version: 1 as const,
    due: c.due.getTime(),
    stability: c.stability,
    difficulty: c.difficulty,
    state: PHASE[c.state],
    step: c.learning_steps,
    reps: c.reps,
    lapses: c.lapses,
    scheduledDays: c.scheduled_days,
    lastReview: c.last_review ? c.last_review.getTime() : null,
  };
  return id === undefined ? base : { ...base, id };
}

const LEARNING: StepUnit[][] = [[], ['1m', '10m'], ['5m'], ['1m', '10m', '1h'], ['10m', '1d'], ['1d'], ['2m', '15m', '6h', '2d']];
const RELEARNING: StepUnit[][] = [[], ['10m'], ['10m', '1h'], ['5m', '20m', '1d'], ['2d']];

function pick<T>(rng: Prng, items: readonly T[]): T {
  return items[rng.int(0, items.length - 1)] as T;
}

/** Random weights inside the bounds createFsrs accepts (and ts-fsrs would not clip). */
function randomWeights(rng: Prng, shortTerm: boolean, relearning: number): number[] {
  const kind = rng.next();
  const length = kind < 0.8 ? 21 : kind < 0.9 ? 19 : 17;
  const bounds = weightBounds(length, shortTerm);
  // Keep w17/w18 under the ceiling that several relearning steps impose (computed by ts-fsrs from w11, w13, w14).
  const w = bounds.map(([lo, hi]) => lo + rng.next() * (hi - lo));
  if (relearning > 1 && length > 17) {
    const value = -(Math.log(w[11] as number) + Math.log(2 ** (w[13] as number) - 1) + (w[14] as number) * 0.3) / relearning;
    const ceiling = Math.min(Math.max(Math.round(Math.sqrt(Math.max(value, 0)) * 1e8) / 1e8, 0.01), 2);
    w[17] = rng.next() * ceiling;
    w[18] = rng.next() * ceiling;
  }
  return w.map((x) => Math.round(x * 1e4) / 1e4).map((x, i) => Math.min(Math.max(x, (bounds[i] as number[])[0] as number), (bounds[i] as number[])[1] as number));
}

interface Mismatch {
  seed: string;
  review: number;
  field: string;
  ours: unknown;
  theirs: unknown;
}

function compare(seed: string, review: number, ours: CardState, theirs: CardState, out: Mismatch[]): void {
  for (const key of Object.keys(theirs) as (keyof CardState)[]) {
    if (!Object.is(ours[key], theirs[key])) out.push({ seed, review, field: key, ours: ours[key], theirs: theirs[key] });
  }
}

function runHistory(seed: string, out: Mismatch[]): void {
  const rng = createPrng(seed);
  const shortTerm = rng.next() < 0.7;
  const learningSteps = pick(rng, LEARNING);
  const relearningSteps = pick(rng, RELEARNING);
  const weights = rng.next() < 0.3 ? undefined : randomWeights(rng, shortTerm, relearningSteps.length);
  const retention = 0.7 + rng.next() * 0.27;
  const maximumInterval = rng.next() < 0.3 ? rng.int(2, 60) : 36500;
  const fuzz = rng.next() < 0.25;
  const ours = createFsrs({
    retention,
    maximumInterval,
    learningSteps,
    relearningSteps,
    shortTerm,
    ...(weights ? { weights } : {}),
    ...(fuzz ? { fuzz: { seed: tsFsrsFuzz } } : {}),
  });
  const params: Partial<FSRSParameters> = {
    request_retention: retention,
    maximum_interval: maximumInterval,
    learning_steps: learningSteps as TsStep[],
    relearning_steps: relearningSteps as TsStep[],
    enable_short_term: shortTerm,
    enable_fuzz: fuzz,
    ...(weights ? { w: weights } : {}),
  };
  const theirs = fsrs(params);
  let now = Date.UTC(2020, 0, 1) + Math.floor(rng.next() * 10 * 365 * 86_400_000);
  let a: CardState = ours.newCard(now);
  let b: Card = createEmptyCard(new Date(now));
  const reviews = rng.int(4, 12);
  for (let i = 0; i < reviews; i++) {
    if (i > 0) {
      const last = a.lastReview ?? now;
      const due = a.due;
      const mode = rng.next();
      // At due, before due (after the last review), well after due, or a few minutes later the same day.
      if (mode < 0.35) now = Math.max(due, last);
      else if (mode < 0.55) now = last + Math.floor(rng.next() * Math.max(due - last, 1));
      else if (mode < 0.8) now = Math.max(due, last) + Math.floor(rng.next() * 3 * Math.max(due - last, 86_400_000));
      else now = last + rng.int(1, 600) * 1000;
    }
    const grade = rng.int(1, 4) as Grade;
    if (i % 3 === 2) {
      // Preview equals repeat, outcome by outcome.
      const p = ours.preview(a, now);
      const r = theirs.repeat(b, now);
      for (const g of [1, 2, 3, 4] as const) compare(seed, i, p[g].card, fromTs(r[g].card), out);
    }
    const ra = ours.review(a, grade, now);
    const rb = theirs.next(b, now, grade);
    if (ra.log.elapsedDays !== rb.log.elapsed_days) out.push({ seed, review: i, field: 'log.elapsedDays', ours: ra.log.elapsedDays, theirs: rb.log.elapsed_days });
    a = ra.card;
    b = rb.card;
    compare(seed, i, a, fromTs(b), out);
    const probe = now + Math.floor(rng.next() * 40 * 86_400_000);
    const ourR = ours.retrievability(a, probe);
    const theirR = theirs.get_retrievability(b, probe, false);
    if (ourR !== theirR) out.push({ seed, review: i, field: 'retrievability', ours: ourR, theirs: theirR });
    if (out.length > 0) return;
  }
}

describe('FSRS-6 differential test against ts-fsrs 5.4.2', () => {
  beforeAll(() => {
    // ts-fsrs logs when it migrates 17/19 weights; keep the output readable.
    vi.spyOn(console, 'debug').mockImplementation(() => undefined);
  });
  afterAll(() => {
    vi.restoreAllMocks();
  });

  it('matches every field after every review of 10,000 random histories (zero mismatches)', () => {
    const mismatches: Mismatch[] = [];
    let histories = 0;
    for (let i = 0; i < 10_000; i++) {
      runHistory(`fsrs-diff-${i}`, mismatches);
      histories++;
      if (mismatches.length > 0) break;
    }
    // A failure prints the seed: rerun runHistory(seed) to reproduce it.
    expect(mismatches.slice(0, 5)).toEqual([]);
    expect(histories).toBe(10_000);
  });
});
