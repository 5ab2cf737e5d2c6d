import * as z from 'zod';
import { Id } from './common';

// What a learner answered, per question type: a discriminated union on the same `type`.
// Answers that a learner can legitimately give (empty text, no option) are valid here and
// score zero; shapes that no UI would send are rejected at the boundary.

const MAX_TEXT = 100_000;
const Answer = z.string().max(MAX_TEXT, { error: `must be at most ${MAX_TEXT} characters` });
const idRecord = z.record(Id, Answer);

export const SingleChoiceResponseSchema = z.strictObject({ type: z.literal('single-choice'), optionId: Id.nullable() });
export const MultipleChoiceResponseSchema = z.strictObject({ type: z.literal('multiple-choice'), optionIds: z.array(Id).max(26) });
export const TrueFalseResponseSchema = z.strictObject({ type: z.literal('true-false'), value: z.boolean().nullable() });
/** A numeric answer as typed (a string is parsed with the scoring engine's locale rules) or as a number. */
export const NumericResponseSchema = z.strictObject({ type: z.literal('numeric'), value: z.union([z.number(), Answer]) });
export const ShortAnswerResponseSchema = z.strictObject({ type: z.literal('short-answer'), text: Answer });
/** Gap id -> what was entered (text, a number as text, or the chosen option id). */
export const ClozeResponseSchema = z.strictObject({ type: z.literal('cloze'), gaps: idRecord });
/** Pair id -> the right-hand text chosen for it. */
export const MatchingResponseSchema = z.strictObject({ type: z.literal('matching'), matches: idRecord });
/** Item ids in the order the learner put them. */
export const OrderingResponseSchema = z.strictObject({ type: z.literal('ordering'), order: z.array(Id).max(1000) });
/** A self-rating (1 Again .. 4 Easy) and/or a typed answer. */
export const FlashcardResponseSchema = z.strictObject({
  type: z.literal('flashcard'),
  rating: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]).optional(),
  text: Answer.optional(),
});
/** The essay text and, once a person has marked it, a score per rubric criterion. */
export const EssayResponseSchema = z.strictObject({
  type: z.literal('essay'),
  text: Answer,
  rubricScores: z.record(Id, z.number().nonnegative()).optional(),
});

/** Any response. */
export const ResponseSchema = z.discriminatedUnion('type', [
  SingleChoiceResponseSchema,
  MultipleChoiceResponseSchema,
  TrueFalseResponseSchema,
  NumericResponseSchema,
  ShortAnswerResponseSchema,
  ClozeResponseSchema,
  MatchingResponseSchema,
  OrderingResponseSchema,
  FlashcardResponseSchema,
  EssayResponseSchema,
]);

/** The graded result of one part (a gap, a pair, an option). */
export const OutcomePartSchema = z.strictObject({
  id: z.string(),
  score: z.number(),
  maxScore: z.number().nonnegative(),
  fraction: z.number().min(0).max(1),
  correct: z.boolean(),
  feedback: z.array(z.string()).optional(),
});

/** The graded result of one response. */
export const OutcomeSchema = z.strictObject({
  score: z.number(),
  maxScore: z.number().nonnegative(),
  fraction: z.number().min(0).max(1),
  correct: z.boolean(),
  partial: z.boolean(),
  feedback: z.array(z.string()),
  parts: z.array(OutcomePartSchema).optional(),
  needsReview: z.boolean().optional(),
});

/** The chosen option id, or `null` for no answer. */
export type SingleChoiceResponse = z.infer<typeof SingleChoiceResponseSchema>;
/** The ticked option ids. */
export type MultipleChoiceResponse = z.infer<typeof MultipleChoiceResponseSchema>;
/** `true`, `false`, or `null` for no answer. */
export type TrueFalseResponse = z.infer<typeof TrueFalseResponseSchema>;
/** A number, or the text as typed (parsed with the scoring engine's rules). */
export type NumericResponse = z.infer<typeof NumericResponseSchema>;
/** The typed text. */
export type ShortAnswerResponse = z.infer<typeof ShortAnswerResponseSchema>;
/** What was entered in each gap, by gap id. */
export type ClozeResponse = z.infer<typeof ClozeResponseSchema>;
/** The right-hand text chosen for each pair, by pair id. */
export type MatchingResponse = z.infer<typeof MatchingResponseSchema>;
/** Item ids in the order the learner put them. */
export type OrderingResponse = z.infer<typeof OrderingResponseSchema>;
/** A self-rating (1-4) and/or a typed answer. */
export type FlashcardResponse = z.infer<typeof FlashcardResponseSchema>;
/** The essay text and, once marked, a score per rubric criterion. */
export type EssayResponse = z.infer<typeof EssayResponseSchema>;
/** Any response. Narrow it with `r.type`. */
export type Response = z.infer<typeof ResponseSchema>;
/** The response for a question type. */
export type ResponseOf<T extends Response['type']> = Extract<Response, { type: T }>;
/** The graded result of one part of a response (a gap, a pair, an option). */
export type OutcomePart = z.infer<typeof OutcomePartSchema>;
/** The graded result of one response. */
export type Outcome = z.infer<typeof OutcomeSchema>;
