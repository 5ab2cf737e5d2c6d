import * as z from 'zod';
import { Slug, Text } from './common';
import { QuestionSchema } from './question';

/** Where a bank's content comes from: the citation shipped with every bank. */
export const SourceSchema = z.strictObject({
  title: Text,
  publisher: Text,
  url: z.url().optional(),
  /** When the source was published (ISO date or partial date, e.g. `2016-10`). */
  published: Text.optional(),
  /** When the source was retrieved (ISO date). */
  retrieved: Text.optional(),
  /** A note on the nature of the source, e.g. that it is reported speech. */
  note: Text.optional(),
});

/** A question bank: metadata, citation and questions. */
export const BankSchema = z
  .strictObject({
    id: Slug,
    title: Text,
    version: z.string().regex(/^\d+\.\d+\.\d+$/, { error: 'must be a semantic version like 1.0.0' }),
    language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/).optional(),
    source: SourceSchema,
    questions: z.array(QuestionSchema),
  })
  .superRefine((bank, ctx) => {
    const seen = new Map<string, number>();
    bank.questions.forEach((q, i) => {
      const first = seen.get(q.id);
      if (first !== undefined) ctx.addIssue({ code: 'custom', path: ['questions', i, 'id'], message: `duplicate question id "${q.id}" (first used at questions[${first}])` });
      else seen.set(q.id, i);
    });
  });

/** The citation of the document a bank was built from. */
export type Source = z.infer<typeof SourceSchema>;
/** A question bank. */
export type Bank = z.infer<typeof BankSchema>;
