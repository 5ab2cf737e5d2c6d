// recallkit/scoring: pure, zod-free grading with Moodle's rules (docs/scoring.md). Names are
// listed one by one: this list is the public API (STYLE.md).

// Grading one response.
export { grade, resolvePoints } from './grade';
export { correctResponse } from './correct-response';
export { toRating, DEFAULT_RATING_THRESHOLDS } from './to-rating';
export type { RatingThresholds, ToRatingOptions } from './to-rating';

// The rules, for consumers that need them on their own (formats, session, UIs).
export { parseNumber, answerInterval, NOT_A_NUMBER, UNKNOWN_UNIT, WRONG_UNIT } from './numeric';
export { matchText, normalizeText, withinEdits, TYPO_ACCEPTED } from './short-answer';
export { optionCredit, TOO_MANY_SELECTED } from './choice';
export { scoreOrder, DEFAULT_ORDERING_GRADING } from './ordering';
export { SELF_RATING_CREDIT } from './flashcard';
export { AWAITING_REVIEW } from './essay';
export { NO_ANSWER } from './outcome';

// Attempts, quizzes and item analysis.
export { checkPolicy, markAttempt, toAttempt, CBM_RIGHT, CBM_WRONG, DEFAULT_MAX_TRIES, DEFAULT_TRY_PENALTY, DEFAULT_WRONG_PENALTY } from './policies';
export type { ItemMark, Policy } from './policies';
export { scoreQuiz, roundHalfAway } from './quiz';
export type { ItemScore, QuizScore, ScoreQuizOptions } from './quiz';
export { analyzeResponses, randomGuessScore } from './analysis';
export type { Analysis, AnalyzeOptions, ItemStatistics, TestStatistics } from './analysis';

export type {
  CorrectResponder, GradeOptions, Grader, ItemAttempt, Outcome, ParseNumberOptions, Question, QuizLike, QuizResponses, Response,
  TextMatchOptions,
} from './types';
