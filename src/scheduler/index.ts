/**
 * `recallkit/scheduler`: spaced-repetition schedulers (FSRS-6, SM-2, Anki-style
 * SM-2, Leitner) over plain JSON card state. Pure and zod-free; "now" is always
 * passed in. Named exports only: this list is the public API.
 */
export { createFsrs, tsFsrsFuzz } from './fsrs/index';
export type { FsrsOptions, FsrsScheduler, FuzzSeed, HistoryEntry } from './fsrs/index';
export { DEFAULT_WEIGHTS, S_MAX, S_MIN, migrateWeights } from './fsrs/params';
export type { StepUnit } from './fsrs/steps';
export { createLoadBalancer } from './load-balance';
export type { LoadBalanceOptions, LoadBalancer } from './load-balance';
export { createSm2, sm2Step, SM2_MIN_EASE } from './sm2';
export type { Sm2Options } from './sm2';
export { createAnkiSm2 } from './anki-sm2';
export type { AnkiSm2Options } from './anki-sm2';
export { createLeitner } from './leitner';
export type { LeitnerOptions } from './leitner';
export { bulkRetrievability, selectDue } from './bulk';
export type { BulkOptions, CardColumns } from './bulk';
export { CARD_STATE_VERSION, Rating } from './types';
export type { CardPhase, CardState, Grade, Preview, RatingValue, ReviewLog, ReviewResult, Scheduler } from './types';
