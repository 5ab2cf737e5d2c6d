import { FSRS, forgetting_curve, generatorParameters } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { createPrng } from '../../core/prng';
import type { Grade } from '../types';
import { createModel, forgettingCurve, intervalModifier, nextMemory } from './memory';
import { DEFAULT_WEIGHTS } from './params';

describe('FSRS-6 memory formulas against ts-fsrs 5.4 FSRSAlgorithm', () => {
  const rng = createPrng('memory');

  it('forgetting curve: R(t, S) equals ts-fsrs forgetting_curve bit for bit; R(S, S) is 0.9', () => {
    const m = createModel(DEFAULT_WEIGHTS, true);
    for (let i = 0; i < 2000; i++) {
      const t = rng.int(0, 3000);
      const s = 0.001 + rng.next() * 1000;
      expect(forgettingCurve(m, t, s)).toBe(forgetting_curve(DEFAULT_WEIGHTS as number[], t, s));
    }
    expect(forgettingCurve(m, 10, 10)).toBeCloseTo(0.9, 7);
  });

  it('next memory state equals ts-fsrs next_state for random states, gaps and grades', () => {
    for (const shortTerm of [true, false]) {
      const theirs = new FSRS(generatorParameters({ enable_short_term: shortTerm }));
      const m = createModel(theirs.parameters.w, shortTerm);
      for (let i = 0; i < 3000; i++) {
        const d = i % 10 === 0 ? 0 : 1 + rng.next() * 9;
        const s = d === 0 ? 0 : 0.001 + rng.next() * 500;
        const t = rng.int(0, 2) === 0 ? 0 : rng.int(1, 400);
        const g = rng.int(1, 4) as Grade;
        const ours = nextMemory(m, d, s, t, g);
        const ref = theirs.next_state(d === 0 ? null : { difficulty: d, stability: s }, t, g);
        expect([ours.d, ours.s]).toEqual([ref.difficulty, ref.stability]);
      }
    }
  });

  it('interval modifier at 90% retention is 1 (stability is the 90% interval)', () => {
    expect(intervalModifier(createModel(DEFAULT_WEIGHTS, true), 0.9)).toBe(1);
  });
});
