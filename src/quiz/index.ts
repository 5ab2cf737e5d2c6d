// recallkit/quiz: assemble classroom quizzes from a bank (blueprints, seeded parallel forms, answer keys).
// Printing (Markdown, HTML) lives in recallkit/formats, which sits above this layer.
export { assembleQuiz } from './assemble';
export type { QuizBank } from './assemble';
export { buildForm, formatNumericAnswer, gapOrder, itemPoints, letter } from './forms';
export type { FormOptions } from './forms';
export type { AnswerKeyEntry, AssembleOptions, Blueprint, BlueprintRule, Quiz, QuizForm, QuizItem } from './types';
