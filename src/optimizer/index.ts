/**
 * `recallkit/optimizer`: personal FSRS-6 weights in plain TypeScript (no native bindings, no autodiff),
 * the evaluator, and a learner simulation.
 */
export { optimize } from './optimize';
export type { OptimizeOptions, OptimizeProgress, OptimizeResult } from './optimize';
export { evaluate } from './evaluate';
export type { EvaluateOptions, Evaluation } from './evaluate';
export { prepareReviews, parseAnkiRevlogCsv, datasetFromHistories } from './dataset';
export type { CardHistory, PrepareOptions, PrepareReport, ReviewDataset, SkipReason } from './dataset';
export { simulate, optimalRetention, DEFAULT_COSTS } from './simulate';
export type { OptimalRetentionOptions, OptimalRetentionResult, SimulateOptions, SimulationCosts, SimulationResult } from './simulate';
export { DEFAULT_WEIGHTS, WEIGHT_COUNT, clipWeights, weightBounds } from './params';
export type { ClipOptions } from './params';
