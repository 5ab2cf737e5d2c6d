import { clipParameters } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { createPrng } from '../core/prng';
import { DEFAULT_WEIGHTS, clipWeights, weightBounds } from './params';

describe('clipWeights', () => {
  it('matches ts-fsrs 5.4.2 clipParameters on 300 random vectors (1 relearning step, short-term on and off)', () => {
    const rng = createPrng('clip');
    for (let n = 0; n < 300; n++) {
      // Spread each weight from -1x to 3x its default plus noise, so both bounds get hit.
      const w = DEFAULT_WEIGHTS.map((d) => d * (3 * rng.next() - 1) + (rng.next() - 0.5));
      for (const enableShortTerm of [true, false]) {
        expect(clipWeights(w, { numRelearningSteps: 1, enableShortTerm })).toEqual(clipParameters([...w], 1, enableShortTerm));
      }
    }
  });

  it('keeps in-bounds weights as they are and does not modify its input', () => {
    const w = Object.freeze([...DEFAULT_WEIGHTS]);
    expect(clipWeights(w)).toEqual([...DEFAULT_WEIGHTS]);
  });

  it('clamps the FSRS-6 decay w20 into [0.1, 0.8] and w19 to >= 0.01 with short-term on', () => {
    const w = [...DEFAULT_WEIGHTS];
    w[20] = 5;
    w[19] = 0;
    const out = clipWeights(w);
    expect(out[20]).toBe(0.8);
    expect(out[19]).toBe(0.01);
    expect(clipWeights(w, { enableShortTerm: false })[19]).toBe(0);
  });

  it('tightens the w17/w18 ceiling with two relearning steps (hand-computed 0.60046 for the defaults)', () => {
    // -(ln 1.4835 + ln(2^0.2629 - 1) + 0.3 * 1.6483) / 2 = 0.36055; sqrt = 0.60046.
    const bounds = weightBounds(DEFAULT_WEIGHTS, { numRelearningSteps: 2 });
    expect(bounds[17]?.[1]).toBeCloseTo(0.60046, 4);
    expect(bounds[18]?.[1]).toBeCloseTo(0.60046, 4);
    expect(weightBounds(DEFAULT_WEIGHTS, { numRelearningSteps: 1 })[17]?.[1]).toBe(2);
  });
});
