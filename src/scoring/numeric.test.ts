import { describe, expect, it } from 'vitest';
import { errorOf, numeric } from '../../test/fixtures/scoring/questions';
import { correctResponse } from './correct-response';
import { grade } from './grade';
import { NOT_A_NUMBER, UNKNOWN_UNIT, WRONG_UNIT, answerInterval, parseNumber } from './numeric';
import { NO_ANSWER } from './outcome';

const r = (value: string | number) => ({ type: 'numeric' as const, value });

describe('parseNumber: locale-tolerant, junk rejected', () => {
  it.each([
    ['1200', 1200],
    ['1,200', 1200],
    ['1 200', 1200],
    ['1\u00a0200', 1200],
    ["1'200", 1200],
    ['1,234,567', 1234567],
    ['1.234.567', 1234567],
    ['1,234.5', 1234.5],
    ['1.234,5', 1234.5],
    ['1 234,5', 1234.5],
    ['1,5', 1.5],
    ['0,125', 0.125],
    ['1234,567', 1234.567],
    ['3.14', 3.14],
    ['.5', 0.5],
    ['-2.5', -2.5],
    ['\u22122.5', -2.5],
    ['+7', 7],
    ['  42  ', 42],
    ['1.5e3', 1500],
    ['2E-2', 0.02],
  ])('%s -> %d', (text, value) => {
    expect(parseNumber(text)).toBe(value);
  });

  it.each(['', '   ', 'abc', '12abc', '1,2,3', '1.2.3', '12 00', '1,,2', 'NaN', 'Infinity', '1e999', '0x10', '--1', '1 2', '3.7k', '1e'])(
    'rejects %j',
    (text) => {
      expect(parseNumber(text)).toBeUndefined();
    },
  );

  it('reads k, M and G suffixes only when enabled', () => {
    expect(parseNumber('3.7k', { suffixes: true })).toBeCloseTo(3700, 9);
    expect(parseNumber('2M', { suffixes: true })).toBe(2e6);
    expect(parseNumber('1.5G', { suffixes: true })).toBe(1.5e9);
    expect(parseNumber('3km', { suffixes: true })).toBeUndefined();
  });

  it('follows an explicit decimal separator', () => {
    expect(parseNumber('1.200', { decimal: ',' })).toBe(1200);
    expect(parseNumber('1,5', { decimal: ',' })).toBe(1.5);
    expect(parseNumber('1,5', { decimal: '.' })).toBeUndefined();
    expect(parseNumber('1,200', { decimal: '.' })).toBe(1200);
  });

  it('stays fast on long junk', () => {
    const t = performance.now();
    expect(parseNumber('1'.repeat(999) + 'x')).toBeUndefined();
    expect(parseNumber('1,'.repeat(50_000))).toBeUndefined();
    expect(performance.now() - t).toBeLessThan(200);
  });
});

describe('tolerance intervals (Moodle qtype_numerical_answer::get_tolerance_interval)', () => {
  it('nominal: value ± tolerance', () => {
    const [lo, hi] = answerInterval({ value: 10, tolerance: 0.5 });
    expect(lo).toBeCloseTo(9.5, 12);
    expect(hi).toBeCloseTo(10.5, 12);
  });
  it('relative: value ± |value| × tolerance', () => {
    const [lo, hi] = answerInterval({ value: -200, tolerance: 0.1, toleranceKind: 'relative' });
    expect(lo).toBeCloseTo(-220, 9);
    expect(hi).toBeCloseTo(-180, 9);
  });
  it('geometric: value / (1 + t) .. value × (1 + t)', () => {
    const [lo, hi] = answerInterval({ value: 100, tolerance: 1, toleranceKind: 'geometric' });
    expect(lo).toBeCloseTo(50, 9);
    expect(hi).toBeCloseTo(200, 9);
  });
});

describe('numeric grading (Moodle qtype_numerical)', () => {
  const q = numeric({
    answers: [
      { value: 2.7171, tolerance: 0.001, feedback: 'Exact enough.' },
      { value: 2.72, tolerance: 0.01, fraction: 0.5 },
      { min: 3, max: 4, fraction: 0.1 },
    ],
  });

  it('uses the first answer whose interval holds the value', () => {
    expect(grade(q, r('2.7175'))).toMatchObject({ fraction: 1, feedback: ['Exact enough.'] });
    expect(grade(q, r(2.725)).fraction).toBe(0.5);
    expect(grade(q, r('3,9')).fraction).toBe(0.1);
    expect(grade(q, r(5)).fraction).toBe(0);
  });

  it('includes the interval ends despite float error (Moodle MDL-3225 epsilon)', () => {
    const z = numeric({ answers: [{ value: 0.3, tolerance: 0.1 }] });
    expect(grade(z, r(0.1 + 0.1 + 0.1 + 0.1)).fraction).toBe(1);
    expect(grade(z, r(0.2)).fraction).toBe(1);
    expect(grade(numeric({ answers: [{ value: 0.3 }] }), r(0.1 + 0.2)).fraction).toBe(1);
  });

  it('scores junk and empty text as zero with feedback, and rejects NaN', () => {
    expect(grade(q, r('pi'))).toMatchObject({ score: 0, feedback: [NOT_A_NUMBER] });
    expect(grade(q, r(''))).toMatchObject({ score: 0, feedback: [NO_ANSWER] });
    expect(errorOf(() => grade(q, r(Number.NaN)))).toMatchObject({ code: 'RK_INVALID_RESPONSE', path: 'value' });
    expect(errorOf(() => grade(q, r(Infinity)))).toMatchObject({ path: 'value' });
    expect(errorOf(() => grade(q, r('1'.repeat(1_000_001))))).toMatchObject({ path: 'value' });
  });

  describe('units', () => {
    // Base unit m; km converts with multiplier 1000 (value × multiplier = base value).
    const u = numeric({ answers: [{ value: 1500 }], unit: 'm', units: [{ unit: 'km', multiplier: 1000 }, { unit: 'cm', multiplier: 0.01 }] });

    it('converts a known unit, and accepts none when units are optional', () => {
      expect(grade(u, r('1500 m')).fraction).toBe(1);
      expect(grade(u, r('1.5 km')).fraction).toBe(1);
      expect(grade(u, r('150000cm')).fraction).toBe(1);
      expect(grade(u, r('1500')).fraction).toBe(1);
    });

    it('makes an unknown unit wrong when units are optional', () => {
      expect(grade(u, r('1500 ft'))).toMatchObject({ fraction: 0, feedback: [UNKNOWN_UNIT] });
    });

    it('applies the unit penalty when units are required (Moodle apply_unit_penalty)', () => {
      expect(grade(u, r('1500'), { units: 'required' })).toMatchObject({ fraction: 0.9, feedback: [WRONG_UNIT] });
      expect(grade(u, r('1500 ft'), { units: 'required', unitPenalty: 0.25 }).fraction).toBe(0.75);
      const half = numeric({ answers: [{ value: 2, fraction: 0.5 }], unit: 'm' });
      // UNITGRADEDOUTOFMARK: 0.5 − 0.2 × 0.5; UNITGRADEDOUTOFMAX: 0.5 − 0.2.
      expect(grade(half, r('2'), { units: 'required', unitPenalty: 0.2 }).fraction).toBeCloseTo(0.4, 12);
      expect(grade(half, r('2'), { units: 'required', unitPenalty: 0.2, unitPenaltyOf: 'question' }).fraction).toBeCloseTo(0.3, 12);
      expect(grade(u, r('1.5 km'), { units: 'required' }).fraction).toBe(1);
    });

    it('treats trailing text as junk when the question has no units', () => {
      expect(grade(numeric({ answers: [{ value: 2 }] }), r('2 m')).feedback).toEqual([NOT_A_NUMBER]);
    });
  });
});

describe('correctResponse with a fixed decimal separator', () => {
  it("writes the configured separator and no exponent, so decimal: ',' grades it full marks", () => {
    const q = numeric({ answers: [{ value: 2.5 }, { value: 1.5e-7, tolerance: 1e-9, fraction: 0.5 }], unit: 'm' });
    const o = { decimal: ',' as const, units: 'required' as const };
    expect(correctResponse(q, o)).toEqual({ type: 'numeric', value: '2,5 m' });
    expect(grade(q, correctResponse(q, o), o).fraction).toBe(1);
    const tiny = numeric({ answers: [{ value: 1.5e-7 }], unit: 'm' });
    expect(correctResponse(tiny, o)).toEqual({ type: 'numeric', value: '0,00000015 m' });
    expect(grade(tiny, correctResponse(tiny, o), o).fraction).toBe(1);
  });
});
