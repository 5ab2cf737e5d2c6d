import * as z from 'zod';
import { ID_PATTERN, RESERVED_IDS } from '../core/ids';

// Building blocks shared by the question, bank and response schemas.

/** Text a person must read: a string with at least one non-space character. */
export const Text = z.string().regex(/\S/, { error: 'must not be empty or only whitespace' });

/** A stable id: 1-64 characters of letters, digits, `_` and `-`. */
export const Id = z
  .string()
  .regex(ID_PATTERN, { error: 'must be 1-64 characters of A-Z, a-z, 0-9, _ or -' })
  .refine((id) => !RESERVED_IDS.has(id), { error: 'must not be a name of Object.prototype (toString, constructor, __proto__, ...)' });

/** A kebab-case label (topics, tags, bank ids). */
export const Slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'must be kebab-case (a-z, 0-9, -)' });

/** A finite number (zod 4 already rejects NaN and ±Infinity for `z.number()`). */
export const Finite = z.number();

/** A credit fraction for an option or answer: -1..1. */
export const Fraction = z.number().min(-1).max(1);

/** A positive score weight. */
export const Points = z.number().positive().max(1000);

/** Epoch milliseconds. */
export const EpochMs = z.number().int();

/**
 * Requires the `id`s in a list to be unique; adds an issue at the second occurrence.
 *
 * @param list The items.
 * @param ctx The refinement context.
 * @param what What the ids name, for the message.
 */
export function uniqueIds(list: readonly { id: string }[], ctx: z.core.$RefinementCtx, key: string, what: string): void {
  const seen = new Map<string, number>();
  list.forEach((item, i) => {
    const first = seen.get(item.id);
    if (first !== undefined) {
      ctx.addIssue({ code: 'custom', path: [key, i, 'id'], message: `duplicate ${what} id "${item.id}" (first used at ${key}[${first}])` });
    } else seen.set(item.id, i);
  });
}
