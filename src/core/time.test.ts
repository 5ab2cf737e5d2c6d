import { describe, expect, it } from 'vitest';
import { RecallKitError } from './errors';
import { DAY_MS, addDays, dayNumber, daysBetween, toEpochMs } from './time';

const at = (iso: string) => Date.parse(iso);

describe('time helpers', () => {
  it('counts UTC days by default (what ts-fsrs does)', () => {
    expect(daysBetween(at('2024-01-01T23:59:00Z'), at('2024-01-02T00:01:00Z'))).toBe(1);
    expect(daysBetween(at('2024-01-01T00:01:00Z'), at('2024-01-01T23:59:00Z'))).toBe(0);
  });

  it("honours Anki's 'next day starts at' hour in the learner's timezone", () => {
    const berlin4am = { utcOffsetMinutes: 60, hour: 4 };
    // 02:30 and 03:30 UTC are 03:30 and 04:30 in Berlin: a new learner day starts between them.
    expect(daysBetween(at('2024-01-02T02:30:00Z'), at('2024-01-02T03:30:00Z'), berlin4am)).toBe(1);
    // 23:00 UTC to 01:00 UTC is 00:00 to 02:00 in Berlin: before 4am, still the same learner day.
    expect(daysBetween(at('2024-01-01T23:00:00Z'), at('2024-01-02T01:00:00Z'), berlin4am)).toBe(0);
    expect(dayNumber(0)).toBe(0);
  });

  it('converts Dates and rejects NaN, infinities and invalid dates with RK_INVALID_TIME', () => {
    expect(toEpochMs(new Date(5))).toBe(5);
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, new Date('nope'), '2024' as unknown as number]) {
      expect(() => toEpochMs(bad, 'reviews[3].at')).toThrowError(RecallKitError);
      try {
        toEpochMs(bad, 'reviews[3].at');
      } catch (e) {
        expect((e as RecallKitError).code).toBe('RK_INVALID_TIME');
        expect((e as RecallKitError).path).toBe('reviews[3].at');
        expect((e as Error).message).toMatch(/at reviews\[3\]\.at$/);
      }
    }
  });

  it('adds days in milliseconds', () => {
    expect(addDays(0, 2)).toBe(2 * DAY_MS);
  });
});
