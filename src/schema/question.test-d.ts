import { describe, expectTypeOf, it } from 'vitest';
import type { Bank } from './bank';
import type { Question, QuestionOf, QuestionType } from './question';
import type { ResponseOf } from './response';

describe('schema types', () => {
  it('narrows a question by its type', () => {
    const q = {} as Question;
    if (q.type === 'numeric') expectTypeOf(q.answers).toEqualTypeOf<QuestionOf<'numeric'>['answers']>();
    if (q.type === 'single-choice') expectTypeOf(q.options[0]!.correct).toEqualTypeOf<boolean>();
    expectTypeOf<QuestionType>().toEqualTypeOf<
      'single-choice' | 'multiple-choice' | 'true-false' | 'numeric' | 'short-answer' | 'cloze' | 'matching' | 'ordering' | 'flashcard' | 'essay'
    >();
  });

  it('pairs every question type with a response of the same type', () => {
    expectTypeOf<ResponseOf<'cloze'>['gaps']>().toEqualTypeOf<Record<string, string>>();
    expectTypeOf<ResponseOf<'single-choice'>['optionId']>().toEqualTypeOf<string | null>();
  });

  it('types a bank as a list of the question union', () => {
    expectTypeOf<Bank['questions'][number]>().toEqualTypeOf<Question>();
  });
});
