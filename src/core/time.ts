import { RecallKitError, describe } from './errors';

/** Milliseconds in one day. */
export const DAY_MS = 86_400_000;

/** When a learner's day starts: a UTC offset plus the rollover hour (Anki's "next day starts at"). */
export interface DayRollover {
  /** Minutes east of UTC, e.g. 60 for CET, -300 for EST. */
  readonly utcOffsetMinutes: number;
  /** Local hour (0-23) at which a new day begins; Anki's default is 4. */
  readonly hour: number;
}

/**
 * Checks a day rollover: whole numbers, `hour` 0..23 and `utcOffsetMinutes` -1080..1080 (UTC-18h..+18h).
 * Hint: an unchecked rollover makes every day number NaN, and daily limits silently stop working.
 *
 * @param value Any value.
 * @returns `true` for a valid `DayRollover`.
 */
export function isDayRollover(value: unknown): value is DayRollover {
  if (typeof value !== 'object' || value === null) return false;
  const { hour, utcOffsetMinutes } = value as Record<string, unknown>;
  return Number.isInteger(hour) && (hour as number) >= 0 && (hour as number) <= 23 && Number.isInteger(utcOffsetMinutes) && Math.abs(utcOffsetMinutes as number) <= 1080;
}

/** The default: days start at midnight UTC (what ts-fsrs does). */
export const UTC_MIDNIGHT: DayRollover = Object.freeze({ utcOffsetMinutes: 0, hour: 0 });

/**
 * Converts an instant (epoch ms or `Date`) to epoch milliseconds, rejecting bad values.
 *
 * @param value Epoch milliseconds or a `Date`.
 * @param path The field name for the error message.
 * @returns Epoch milliseconds.
 * @throws RecallKitError `RK_INVALID_TIME` for NaN, infinities, invalid dates and other types.
 */
export function toEpochMs(value: number | Date, path = 'now'): number {
  const ms = value instanceof Date ? value.getTime() : value;
  if (typeof ms !== 'number' || !Number.isFinite(ms)) {
    throw new RecallKitError('RK_INVALID_TIME', `expected epoch milliseconds or a valid Date, got ${describe(value)}`, path);
  }
  return ms;
}

/**
 * The learner's day number of an instant: whole days since the epoch, with days starting at the rollover.
 *
 * @param ms Epoch milliseconds.
 * @param rollover When a day starts.
 * @returns An integer day number.
 */
export function dayNumber(ms: number, rollover: DayRollover = UTC_MIDNIGHT): number {
  const shift = (rollover.utcOffsetMinutes - rollover.hour * 60) * 60_000;
  return Math.floor((ms + shift) / DAY_MS);
}

/**
 * Whole days between two instants, counted in the learner's days (can be negative).
 *
 * Hint: a review at 23:59 and another at 00:01 are one day apart with the default rollover.
 *
 * @param from The earlier instant (epoch ms).
 * @param to The later instant (epoch ms).
 * @param rollover When a day starts.
 * @returns `dayNumber(to) - dayNumber(from)`.
 */
export function daysBetween(from: number, to: number, rollover: DayRollover = UTC_MIDNIGHT): number {
  return dayNumber(to, rollover) - dayNumber(from, rollover);
}

/**
 * Adds whole days to an instant.
 *
 * @param ms Epoch milliseconds.
 * @param days Days to add (may be fractional or negative).
 * @returns Epoch milliseconds.
 */
export function addDays(ms: number, days: number): number {
  return ms + Math.round(days * DAY_MS);
}
