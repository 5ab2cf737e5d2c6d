// recallkit/scoring: pure, zod-free grading with Moodle's rules. Names are listed one by one:
// this list is the public API (STYLE.md).
export { grade, resolvePoints } from './grade';
export { correctResponse } from './correct-response';
export { toRating, DEFAULT_RATING_THRESHOLDS } from './to-rating';
export type { RatingThresholds, ToRatingOptions } from './to-rating';
export { parseNumber, answerInterval } from './numeric';
export { matchText, normalizeText, withinEdits } from './short-answer';
export { optionCredit } from './choice';
export { scoreOrder, DEFAULT_ORDERING_GRADING } from './ordering';
export type {
  CorrectResponder, GradeOptions, Grader, ItemAttempt, ParseNumberOptions, QuizLike, QuizResponses, TextMatchOptions,
} from './types';
export type { Outcome, Question, Response } from './types';
export { scoreQuiz, roundHalfAway } from './quiz';
export type { ItemScore, QuizScore, ScoreQuizOptions } from './quiz';
export { checkPolicy, markAttempt, CBM_RIGHT, CBM_WRONG, DEFAULT_MAX_TRIES, DEFAULT_TRY_PENALTY, DEFAULT_WRONG_PENALTY } from './policies';
export type { ItemMark, Policy } from './policies';
export { analyzeResponses, randomGuessScore } from './analysis';
export type { Analysis, AnalyzeOptions, ItemStatistics, TestStatistics } from './analysis';
