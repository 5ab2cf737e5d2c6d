import type { Question, QuestionOf, QuestionType } from '../schema/question';
import type { Outcome, Response, ResponseOf } from '../schema/response';

/** How a numeric string is read; see {@link parseNumber}. */
export interface ParseNumberOptions {
  /**
   * The decimal separator. `'auto'` (default) accepts both `.` and `,` and decides from the
   * shape: `1,5` is 1.5, `1,200` is 1200, `1.234,5` is 1234.5.
   */
  readonly decimal?: 'auto' | '.' | ',';
  /** Accept the suffixes `k` (10^3), `M` (10^6) and `G` (10^9), as in `3.7k`. Default `false`. */
  readonly suffixes?: boolean;
}

/** How text answers are normalised before comparison; see {@link matchText}. */
export interface TextMatchOptions {
  /** Compare letter case exactly. Default `false` (Moodle's short-answer default). */
  readonly caseSensitive?: boolean;
  /** Ignore punctuation (Unicode `P` and `S` categories except `*`). Default `false`. */
  readonly ignorePunctuation?: boolean;
  /** Ignore accents and other combining marks (`é` = `e`). Default `false`. */
  readonly ignoreDiacritics?: boolean;
  /**
   * Accept an answer within this many edits (Levenshtein distance) of an accepted answer
   * without a `*`. Default `0` (off).
   */
  readonly typoTolerance?: number;
}

/** Options for {@link grade}. Every field is optional; the defaults follow Moodle. */
export interface GradeOptions extends ParseNumberOptions, Omit<TextMatchOptions, 'caseSensitive'> {
  /** The marks the question is worth; defaults to `question.points`, then 1. */
  readonly points?: number;
  /** Where the response sits in a larger input, for error paths (e.g. `responses.q1`). */
  readonly path?: string;
  /**
   * Numeric units: `'optional'` (default; a unit may be given and converts the value; an
   * unknown unit makes the answer wrong) or `'required'` (a missing or unknown unit costs
   * `unitPenalty`, Moodle "the unit must be given, and will be graded").
   */
  readonly units?: 'optional' | 'required';
  /** Moodle's unit penalty, 0..1. Default 0.1. */
  readonly unitPenalty?: number;
  /**
   * Moodle's unit grading type: `'response'` (default; fraction × (1 − penalty),
   * UNITGRADEDOUTOFMARK) or `'question'` (fraction − penalty, UNITGRADEDOUTOFMAX).
   */
  readonly unitPenaltyOf?: 'response' | 'question';
  /** Credit of a flashcard self-rating 1..4 (Again..Easy). Default `[0, 0.5, 1, 1]`. */
  readonly selfRatingCredit?: readonly [number, number, number, number];
}

/** Grades one response of one question type; `points` is already resolved. */
export type Grader<T extends QuestionType> = (
  question: QuestionOf<T>,
  response: ResponseOf<T>,
  points: number,
  options: GradeOptions,
  path: string,
) => Outcome;

/** Builds the full-marks response of one question type. */
export type CorrectResponder<T extends QuestionType> = (question: QuestionOf<T>, options: GradeOptions) => ResponseOf<T>;

/** The minimal quiz that {@link scoreQuiz} and {@link analyzeResponses} need. */
export interface QuizLike {
  /** The questions, in order. */
  readonly questions: readonly Question[];
  /** Marks per question id; overrides `question.points` (default 1). */
  readonly points?: Readonly<Record<string, number>>;
  /** The pass mark as a fraction of the maximum, 0..1. */
  readonly passMark?: number;
  /** The time limit in milliseconds, counted from `startedAt`. */
  readonly timeLimitMs?: number;
}

/** One question's answer in a quiz attempt: one or more tries, and what the policy needs. */
export interface ItemAttempt {
  /** The tries, in the order they were submitted (at least one to count as answered). */
  readonly tries: readonly Response[];
  /** Certainty 1 (low) .. 3 (high), for certainty-based marking. */
  readonly certainty?: 1 | 2 | 3;
  /** When the final try was submitted (epoch ms), to honour the time limit. */
  readonly answeredAt?: number;
}

/** What a learner answered in a quiz: question id -> a response (one try) or an {@link ItemAttempt}. */
export type QuizResponses = Readonly<Record<string, Response | ItemAttempt | undefined>>;

/** A re-export of the schema types, so callers need only `recallkit/scoring`. */
export type { Outcome, Question, Response };
