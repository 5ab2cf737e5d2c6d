// The zod schemas themselves, for callers who compose them (re-exported as `schemas`).
export { BankSchema, SourceSchema } from './bank';
export {
  ChoiceOptionSchema, ClozeGapSchema, ClozeSchema, EssaySchema, EvidenceSchema, FlashcardSchema, MatchingPairSchema,
  MatchingSchema, MultipleChoiceSchema, NumericAnswerSchema, NumericSchema, NumericUnitSchema, OrderingItemSchema,
  OrderingSchema, QuestionSchema, RubricCriterionSchema, ShortAnswerSchema, SingleChoiceSchema, TextAnswerSchema, TrueFalseSchema,
} from './question';
export { OutcomeSchema, OutcomePartSchema, ResponseSchema } from './response';
export { CardStateSchema, ReviewLogSchema } from './card-state';
