import * as z from 'zod';
import { Finite, Fraction, Id, Points, Slug, Text, uniqueIds } from './common';

/** Bloom's taxonomy levels used to tag items (the top level, "create", does not fit auto-graded items). */
export const BLOOM_LEVELS = ['remember', 'understand', 'apply', 'analyze', 'evaluate'] as const;
/** Difficulty labels. */
export const DIFFICULTIES = ['easy', 'medium', 'hard'] as const;
/** Every question type. */
export const QUESTION_TYPES = [
  'single-choice',
  'multiple-choice',
  'true-false',
  'numeric',
  'short-answer',
  'cloze',
  'matching',
  'ordering',
  'flashcard',
  'essay',
] as const;
/** The grading types of Moodle's qtype_ordering. */
export const ORDERING_GRADING_TYPES = [
  'all-or-nothing',
  'absolute-position',
  'relative-next-exclude-last',
  'relative-next-include-last',
  'relative-one-previous-and-next',
  'relative-all-previous-and-next',
  'longest-ordered-subset',
  'longest-contiguous-subset',
] as const;

/** A verbatim quote from the source document, with its character offsets in the cleaned source. */
export const EvidenceSchema = z.strictObject({
  quote: Text,
  /** Offset of the first character in the cleaned source text. */
  start: z.number().int().nonnegative(),
  /** Offset one past the last character. */
  end: z.number().int().nonnegative(),
});

const common = {
  id: Id,
  prompt: Text,
  explanation: Text,
  evidence: z.array(EvidenceSchema).min(1),
  topic: Slug,
  tags: z.array(Slug),
  difficulty: z.enum(DIFFICULTIES),
  bloom: z.enum(BLOOM_LEVELS),
  points: Points.optional(),
};

/** One option of a choice question. `fraction` overrides the default credit (see docs/scoring.md). */
export const ChoiceOptionSchema = z.strictObject({
  id: Id,
  text: Text,
  // Only the key(s) need `correct: true`; the others default to false.
  correct: z.boolean().default(false),
  fraction: Fraction.optional(),
  feedback: Text.optional(),
});

/** One accepted numeric answer: a value with a tolerance, or a closed range. */
export const NumericAnswerSchema = z.union([
  z.strictObject({
    value: Finite,
    tolerance: z.number().nonnegative().optional(),
    toleranceKind: z.enum(['nominal', 'relative', 'geometric']).optional(),
    fraction: z.number().min(0).max(1).optional(),
    feedback: Text.optional(),
  }),
  z.strictObject({
    min: Finite,
    max: Finite,
    fraction: z.number().min(0).max(1).optional(),
    feedback: Text.optional(),
  }).refine((r) => r.min <= r.max, { error: 'min must not be greater than max', path: ['max'] }),
]);

/**
 * A unit accepted after a numeric answer. `multiplier` converts a value in this unit to the base
 * unit: value in base = value x multiplier (km with a base of m: 1000). Hint: Moodle stores the
 * reciprocal; the Moodle XML export converts.
 */
export const NumericUnitSchema = z.strictObject({ unit: Text, multiplier: z.number().positive() });

/** One accepted text answer. `*` matches any run of characters (Moodle's wildcard). */
export const TextAnswerSchema = z.strictObject({
  text: Text,
  fraction: z.number().min(0).max(1).optional(),
  feedback: Text.optional(),
});

const choiceOptions = z.array(ChoiceOptionSchema).min(2).max(26);

function duplicateTexts(list: readonly { text: string }[], ctx: z.core.$RefinementCtx, key: string, what: string): void {
  const seen = new Map<string, number>();
  list.forEach((item, i) => {
    const norm = item.text.trim().replace(/\s+/g, ' ').toLowerCase();
    const first = seen.get(norm);
    if (first !== undefined) ctx.addIssue({ code: 'custom', path: [key, i, 'text'], message: `duplicate ${what} "${item.text}" (same as ${key}[${first}])` });
    else seen.set(norm, i);
  });
}

function checkChoices(options: readonly z.infer<typeof ChoiceOptionSchema>[], ctx: z.core.$RefinementCtx, single: boolean): void {
  uniqueIds(options, ctx, 'options', 'option');
  duplicateTexts(options, ctx, 'options', 'option text');
  const keys = options.filter((o) => o.correct).length;
  if (single && keys !== 1) ctx.addIssue({ code: 'custom', path: ['options'], message: `a single-choice question needs exactly one correct option, got ${keys}` });
  if (!single && keys < 1) ctx.addIssue({ code: 'custom', path: ['options'], message: 'a multiple-choice question needs at least one correct option, got 0' });
}

/** Moodle's edit form rule: some answer must give full marks (a missing `fraction` means 1). */
function needsFullMarks(answers: readonly { fraction?: number | undefined }[], ctx: z.core.$RefinementCtx, path: (string | number)[]): void {
  if (!answers.some((a) => a.fraction === undefined || a.fraction === 1)) {
    ctx.addIssue({ code: 'custom', path, message: 'at least one answer must give full marks (fraction 1 or no fraction)' });
  }
}

/** One option list question: exactly one correct option. */
export const SingleChoiceSchema = z
  .strictObject({ ...common, type: z.literal('single-choice'), options: choiceOptions })
  .superRefine((q, ctx) => checkChoices(q.options, ctx, true));

/** Select all that apply: one or more correct options. */
export const MultipleChoiceSchema = z
  .strictObject({ ...common, type: z.literal('multiple-choice'), options: choiceOptions })
  .superRefine((q, ctx) => checkChoices(q.options, ctx, false));

/** A statement that is true or false. */
export const TrueFalseSchema = z.strictObject({
  ...common,
  type: z.literal('true-false'),
  answer: z.boolean(),
  feedbackTrue: Text.optional(),
  feedbackFalse: Text.optional(),
});

/** A numeric answer with tolerance, ranges and optional units. */
export const NumericSchema = z
  .strictObject({
    ...common,
    type: z.literal('numeric'),
    answers: z.array(NumericAnswerSchema).min(1),
    unit: Text.optional(),
    units: z.array(NumericUnitSchema).optional(),
  })
  .superRefine((q, ctx) => needsFullMarks(q.answers, ctx, ['answers']));

/** A typed text answer matched against accepted answers. */
export const ShortAnswerSchema = z
  .strictObject({
    ...common,
    type: z.literal('short-answer'),
    answers: z.array(TextAnswerSchema).min(1),
    caseSensitive: z.boolean().optional(),
  })
  .superRefine((q, ctx) => needsFullMarks(q.answers, ctx, ['answers']));

/** One gap of a cloze question: graded as its own sub-type. */
export const ClozeGapSchema = z.discriminatedUnion('type', [
  z.strictObject({ id: Id, type: z.literal('short-answer'), answers: z.array(TextAnswerSchema).min(1), caseSensitive: z.boolean().optional(), weight: Points.optional() }),
  z.strictObject({ id: Id, type: z.literal('numeric'), answers: z.array(NumericAnswerSchema).min(1), weight: Points.optional() }),
  z
    .strictObject({ id: Id, type: z.literal('single-choice'), options: choiceOptions, weight: Points.optional() })
    .superRefine((g, ctx) => checkChoices(g.options, ctx, true)),
]);

/** The marker of a gap in cloze text: `{{gapId}}`. */
export const GAP_MARKER = /\{\{([A-Za-z0-9_-]{1,64})\}\}/g;

/** A text with several gaps, each with its own answer set. */
export const ClozeSchema = z
  .strictObject({ ...common, type: z.literal('cloze'), text: Text, gaps: z.array(ClozeGapSchema).min(1) })
  .superRefine((q, ctx) => {
    uniqueIds(q.gaps, ctx, 'gaps', 'gap');
    q.gaps.forEach((g, i) => {
      if (g.type !== 'single-choice') needsFullMarks(g.answers, ctx, ['gaps', i, 'answers']);
    });
    const markers = [...q.text.matchAll(GAP_MARKER)].map((m) => m[1] as string);
    const ids = new Set(q.gaps.map((g) => g.id));
    const seen = new Set<string>();
    for (const id of markers) {
      if (!ids.has(id)) ctx.addIssue({ code: 'custom', path: ['text'], message: `marker {{${id}}} has no gap with that id` });
      if (seen.has(id)) ctx.addIssue({ code: 'custom', path: ['text'], message: `marker {{${id}}} appears more than once` });
      seen.add(id);
    }
    q.gaps.forEach((g, i) => {
      if (!seen.has(g.id)) ctx.addIssue({ code: 'custom', path: ['gaps', i, 'id'], message: `gap "${g.id}" has no {{${g.id}}} marker in text` });
    });
  });

/** A left item and the right item it matches. */
export const MatchingPairSchema = z.strictObject({ id: Id, left: Text, right: Text });

/** Match each left item with a right item; extra right items are distractors. */
export const MatchingSchema = z
  .strictObject({
    ...common,
    type: z.literal('matching'),
    pairs: z.array(MatchingPairSchema).min(2),
    distractors: z.array(Text).optional(),
  })
  .superRefine((q, ctx) => {
    uniqueIds(q.pairs, ctx, 'pairs', 'pair');
    const rights = [...q.pairs.map((p) => ({ text: p.right })), ...(q.distractors ?? []).map((d) => ({ text: d }))];
    const seen = new Map<string, number>();
    rights.forEach((r, i) => {
      const norm = r.text.trim().replace(/\s+/g, ' ').toLowerCase();
      if (seen.has(norm)) {
        const path = i < q.pairs.length ? ['pairs', i, 'right'] : ['distractors', i - q.pairs.length];
        ctx.addIssue({ code: 'custom', path, message: `duplicate right-hand text "${r.text}"` });
      } else seen.set(norm, i);
    });
  });

/** One item to put in order. */
export const OrderingItemSchema = z.strictObject({ id: Id, text: Text });

/** Put the items in order; `items` is listed in the correct order. */
export const OrderingSchema = z
  .strictObject({
    ...common,
    type: z.literal('ordering'),
    items: z.array(OrderingItemSchema).min(2),
    gradingType: z.enum(ORDERING_GRADING_TYPES).optional(),
  })
  .superRefine((q, ctx) => {
    uniqueIds(q.items, ctx, 'items', 'item');
    duplicateTexts(q.items, ctx, 'items', 'item text');
  });

/** A front (the prompt) and a back; optional accepted answers for typed recall. */
export const FlashcardSchema = z.strictObject({
  ...common,
  type: z.literal('flashcard'),
  back: Text,
  answers: z.array(TextAnswerSchema).optional(),
});

/** One criterion of an essay rubric. */
export const RubricCriterionSchema = z.strictObject({ id: Id, criterion: Text, points: Points, description: Text.optional() });

/** A free-text answer graded by a person against a rubric. */
export const EssaySchema = z
  .strictObject({
    ...common,
    type: z.literal('essay'),
    rubric: z.array(RubricCriterionSchema).min(1),
    modelAnswer: Text.optional(),
    minWords: z.number().int().nonnegative().optional(),
    maxWords: z.number().int().positive().optional(),
  })
  .superRefine((q, ctx) => {
    uniqueIds(q.rubric, ctx, 'rubric', 'rubric criterion');
    if (q.minWords !== undefined && q.maxWords !== undefined && q.minWords > q.maxWords) {
      ctx.addIssue({ code: 'custom', path: ['maxWords'], message: 'maxWords must not be less than minWords' });
    }
  });

/** Any question: a discriminated union on `type`. */
export const QuestionSchema = z.discriminatedUnion('type', [
  SingleChoiceSchema,
  MultipleChoiceSchema,
  TrueFalseSchema,
  NumericSchema,
  ShortAnswerSchema,
  ClozeSchema,
  MatchingSchema,
  OrderingSchema,
  FlashcardSchema,
  EssaySchema,
]);

/** A verbatim quote from the source with its offsets in the cleaned source text. */
export type Evidence = z.infer<typeof EvidenceSchema>;
/** One option of a single- or multiple-choice question. */
export type ChoiceOption = z.infer<typeof ChoiceOptionSchema>;
/** An accepted numeric answer: a value with a tolerance, or a `min..max` range. */
export type NumericAnswer = z.infer<typeof NumericAnswerSchema>;
/** A unit accepted after a numeric answer, with its multiplier to the base unit. */
export type NumericUnit = z.infer<typeof NumericUnitSchema>;
/** An accepted text answer (`*` is a wildcard), with optional partial credit. */
export type TextAnswer = z.infer<typeof TextAnswerSchema>;
/** A question with one correct option. */
export type SingleChoiceQuestion = z.infer<typeof SingleChoiceSchema>;
/** A select-all-that-apply question. */
export type MultipleChoiceQuestion = z.infer<typeof MultipleChoiceSchema>;
/** A statement that is true or false. */
export type TrueFalseQuestion = z.infer<typeof TrueFalseSchema>;
/** A question answered with a number, graded with tolerances and ranges. */
export type NumericQuestion = z.infer<typeof NumericSchema>;
/** A question answered with a short typed text. */
export type ShortAnswerQuestion = z.infer<typeof ShortAnswerSchema>;
/** One gap of a cloze question, graded as its own sub-type. */
export type ClozeGap = z.infer<typeof ClozeGapSchema>;
/** A text with several gaps (`{{gapId}}` markers). */
export type ClozeQuestion = z.infer<typeof ClozeSchema>;
/** A left item and the right item it matches. */
export type MatchingPair = z.infer<typeof MatchingPairSchema>;
/** Match left items to right items; extra right items are distractors. */
export type MatchingQuestion = z.infer<typeof MatchingSchema>;
/** One item to put in order. */
export type OrderingItem = z.infer<typeof OrderingItemSchema>;
/** Put items in order; `items` lists the correct order. */
export type OrderingQuestion = z.infer<typeof OrderingSchema>;
/** One of Moodle qtype_ordering's grading types. */
export type OrderingGradingType = (typeof ORDERING_GRADING_TYPES)[number];
/** A flashcard: `prompt` is the front, `back` the answer. */
export type FlashcardQuestion = z.infer<typeof FlashcardSchema>;
/** One criterion of an essay rubric. */
export type RubricCriterion = z.infer<typeof RubricCriterionSchema>;
/** A free-text answer graded by a person against a rubric. */
export type EssayQuestion = z.infer<typeof EssaySchema>;
/** Any question. Narrow it with `q.type`. */
export type Question = z.infer<typeof QuestionSchema>;
/** The `type` of a question. */
export type QuestionType = Question['type'];
/** The question of a given type. */
export type QuestionOf<T extends QuestionType> = Extract<Question, { type: T }>;
/** A level of Bloom's taxonomy. */
export type BloomLevel = (typeof BLOOM_LEVELS)[number];
/** A difficulty label. */
export type Difficulty = (typeof DIFFICULTIES)[number];
