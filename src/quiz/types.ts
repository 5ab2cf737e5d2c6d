import type { BloomLevel, Difficulty, OrderingItem, Question, QuestionType } from '../schema/question';

/**
 * One line of a blueprint: how many items to pick among those that match every filter given.
 *
 * A filter left out matches everything; a list matches any of its values; `tags` needs every tag.
 */
export interface BlueprintRule {
  /** How many items this rule picks (a whole number >= 1). */
  readonly count: number;
  readonly topic?: string | readonly string[];
  readonly type?: QuestionType | readonly QuestionType[];
  readonly difficulty?: Difficulty | readonly Difficulty[];
  readonly bloom?: BloomLevel | readonly BloomLevel[];
  /** The item must carry every one of these tags. */
  readonly tags?: readonly string[];
}

/** What a quiz must contain. */
export interface Blueprint {
  /** The title printed on the quiz; defaults to the bank title. */
  readonly title?: string;
  /** Picks, filled most-constrained first; an item is never picked twice. */
  readonly rules?: readonly BlueprintRule[];
  /** Total items per form; the rules fill first and any eligible item tops up. Default: the rules' sum, or every eligible item when there are no rules. */
  readonly total?: number;
  /** Question ids never to pick. */
  readonly exclude?: readonly string[];
  /** The most points one form may carry (item `points`, default 1). */
  readonly maxPoints?: number;
  /** Shuffle the item order of each form (default true). */
  readonly shuffleItems?: boolean;
  /** Shuffle options, matching choices and ordering items (default true). */
  readonly shuffleOptions?: boolean;
}

/** Options of {@link assembleQuiz}. */
export interface AssembleOptions {
  /** The seed: the same bank, blueprint and seed give byte-identical quizzes on every machine. */
  readonly seed: string | number;
  /** How many parallel forms (A, B, C, ...); 1-26, default 1. */
  readonly forms?: number;
  /**
   * `false` (default): every form has the same items in its own order with its own option order.
   * `true`: each form gets its own items, dealt so that every form has the same difficulty mix.
   */
  readonly distinctForms?: boolean;
}

/** One numbered item of a form, as the learner sees it. */
export interface QuizItem {
  /** 1-based position on the form. */
  readonly number: number;
  /** The question with its options in display order (ids, keys and feedback move with their option). */
  readonly question: Question;
  readonly points: number;
  /** Matching only: the right-hand choices (answers and distractors) in display order. */
  readonly matchChoices?: readonly string[];
  /** Ordering only: the items in display order (the question keeps the correct order). */
  readonly orderDisplay?: readonly OrderingItem[];
}

/** The answer to one item of a form, in the form's letters. */
export interface AnswerKeyEntry {
  readonly number: number;
  readonly questionId: string;
  readonly type: QuestionType;
  /** A human-readable answer, e.g. `B`, `A, C`, `True`, `42 (±0.5)`, `1-C, 2-A`. */
  readonly answer: string;
  readonly points: number;
  /** True for items a person grades (essay, flashcard). */
  readonly manual: boolean;
}

/** One version (A, B, ...) of a quiz. */
export interface QuizForm {
  readonly label: string;
  readonly items: readonly QuizItem[];
  readonly key: readonly AnswerKeyEntry[];
  readonly totalPoints: number;
  /** How many items of each difficulty the form holds. */
  readonly difficulty: Readonly<Record<Difficulty, number>>;
}

/** An assembled quiz: one or more parallel forms with their answer keys. */
export interface Quiz {
  readonly title: string;
  readonly bankId: string;
  readonly bankVersion: string;
  readonly seed: string;
  readonly forms: readonly QuizForm[];
}
