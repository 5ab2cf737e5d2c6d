/**
 * `recallkit`: the common surface. Each layer has its own subpath with the full API
 * (`recallkit/schema`, `recallkit/scheduler`, `recallkit/scoring`, ...); this entry
 * re-exports what most apps need, and tree-shakes down to what you import.
 *
 * @example
 * ```ts
 * import { createFsrs, grade, toRating, parseBank, RecallKitError } from 'recallkit'
 * ```
 */
export { RecallKitError } from './core/errors';
export type { Issue, RecallKitErrorCode } from './core/errors';
export { createPrng, shuffle } from './core/prng';
export type { Prng } from './core/prng';
export { createId } from './core/ids';
export type { DayRollover } from './core/time';
export { parseBank, parseQuestion, parseResponse, safeParseBank, safeParseQuestion, safeParseResponse } from './schema/parse';
export { migrateCardState, parseCardState, parseReviewLog, safeParseCardState } from './schema/card-state';
export type { SafeParseResult } from './schema/parse';
export type { Bank, Outcome, Question, QuestionOf, QuestionType, Response, ResponseOf } from './schema/index';
export { createAnkiSm2, createFsrs, createLeitner, createSm2 } from './scheduler/index';
export type { FsrsOptions, FsrsScheduler } from './scheduler/index';
export { Rating } from './scheduler/types';
export type { CardState, Grade, ReviewLog, Scheduler } from './scheduler/types';
export { correctResponse, grade, toRating } from './scoring/index';
export type { GradeOptions } from './scoring/index';
