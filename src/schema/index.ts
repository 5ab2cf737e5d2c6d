export * as schemas from './schemas';
export { parseBank, safeParseBank, parseQuestion, safeParseQuestion, parseResponse, safeParseResponse, formatPath } from './parse';
export type { SafeParseResult } from './parse';
export { BLOOM_LEVELS, DIFFICULTIES, QUESTION_TYPES, ORDERING_GRADING_TYPES, GAP_MARKER } from './question';
export type {
  BloomLevel, ChoiceOption, ClozeGap, ClozeQuestion, Difficulty, EssayQuestion, Evidence, FlashcardQuestion,
  MatchingPair, MatchingQuestion, MultipleChoiceQuestion, NumericAnswer, NumericQuestion, NumericUnit, OrderingGradingType,
  OrderingItem, OrderingQuestion, Question, QuestionOf, QuestionType, RubricCriterion, ShortAnswerQuestion,
  SingleChoiceQuestion, TextAnswer, TrueFalseQuestion,
} from './question';
export type { Bank, Source } from './bank';
export type {
  ClozeResponse, EssayResponse, FlashcardResponse, MatchingResponse, MultipleChoiceResponse, NumericResponse,
  OrderingResponse, Outcome, OutcomePart, Response, ResponseOf, ShortAnswerResponse, SingleChoiceResponse, TrueFalseResponse,
} from './response';
export {
  CardPhaseSchema, CardStateSchema, ReviewLogSchema, migrateCardState, parseCardState, parseReviewLog, safeParseCardState,
  safeParseReviewLog,
} from './card-state';
