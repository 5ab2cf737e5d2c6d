import { expectTypeOf, test } from 'vitest';
import type { Grade } from '../scheduler/types';
import type { QuestionType } from '../schema/question';
import type { Outcome, Response } from '../schema/response';
import { correctResponse } from './correct-response';
import { grade } from './grade';
import { toRating } from './to-rating';
import type { Grader } from './types';

test('the grader table must cover every question type', () => {
  const withoutEssay = {} as { readonly [T in Exclude<QuestionType, 'essay'>]: Grader<T> };
  // @ts-expect-error a table without an essay grader does not satisfy the mapped type in grade.ts
  const table: { readonly [T in QuestionType]: Grader<T> } = withoutEssay;
  expectTypeOf(table).not.toBeAny();
});

test('public signatures', () => {
  expectTypeOf(grade).returns.toEqualTypeOf<Outcome>();
  expectTypeOf(correctResponse).returns.toEqualTypeOf<Response>();
  expectTypeOf(toRating).returns.toEqualTypeOf<Grade>();
});
