export { RecallKitError, describe, joinPath } from './errors';
export type { Issue, RecallKitErrorCode } from './errors';
export { createPrng, hashSeed, shuffle } from './prng';
export type { Prng } from './prng';
export { createId, isId, ID_ALPHABET, ID_LENGTH, ID_PATTERN, RESERVED_IDS } from './ids';
export { deepFreeze } from './freeze';
export { DAY_MS, UTC_MIDNIGHT, addDays, dayNumber, daysBetween, isDayRollover, toEpochMs } from './time';
export type { DayRollover } from './time';
