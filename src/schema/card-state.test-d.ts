import { expectTypeOf, test } from 'vitest';
import type * as z from 'zod';
import type { CardState, ReviewLog } from '../scheduler/types';
import type { CardStateSchema, ReviewLogSchema } from './card-state';

test('CardStateSchema infers exactly CardState', () => {
  expectTypeOf<z.infer<typeof CardStateSchema>>().toEqualTypeOf<CardState>();
});

test('ReviewLogSchema infers exactly ReviewLog', () => {
  expectTypeOf<z.infer<typeof ReviewLogSchema>>().toEqualTypeOf<ReviewLog>();
});

test('a field removed from CardState would be caught', () => {
  expectTypeOf<z.infer<typeof CardStateSchema>>().not.toEqualTypeOf<Omit<CardState, 'lapses'>>();
});
