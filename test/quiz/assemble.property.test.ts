import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RecallKitError } from '../../src/core/errors';
import { deepFreeze } from '../../src/core/freeze';
import { type Blueprint, type BlueprintRule, assembleQuiz, itemPoints } from '../../src/quiz/index';
import type { Question } from '../../src/schema/question';
import { syntheticBank } from './synthetic';

const bank = deepFreeze(syntheticBank());

const rule: fc.Arbitrary<BlueprintRule> = fc.record(
  {
    count: fc.integer({ min: 1, max: 6 }),
    topic: fc.constantFrom('people', 'places', 'figures'),
    difficulty: fc.subarray(['easy', 'medium', 'hard'] as const, { minLength: 1 }),
    bloom: fc.constantFrom('remember', 'analyze'),
    tags: fc.constantFrom(['even'], ['odd']),
  },
  { requiredKeys: ['count'] },
);

const input = fc.record({
  blueprint: fc.record(
    {
      rules: fc.array(rule, { maxLength: 3 }),
      total: fc.integer({ min: 1, max: 20 }),
      maxPoints: fc.integer({ min: 1, max: 30 }),
      exclude: fc.subarray(bank.questions.map((q) => q.id), { maxLength: 5 }),
    },
    { requiredKeys: [] },
  ),
  seed: fc.string({ maxLength: 8 }),
  forms: fc.integer({ min: 1, max: 3 }),
  distinctForms: fc.boolean(),
});

const matches = (r: BlueprintRule, q: Question): boolean =>
  (r.topic === undefined || r.topic === q.topic) &&
  (r.difficulty === undefined || (r.difficulty as readonly string[]).includes(q.difficulty)) &&
  (r.bloom === undefined || r.bloom === q.bloom) &&
  (r.tags ?? []).every((t) => q.tags.includes(t));

describe('assembleQuiz properties (fast-check, seed 20261125)', () => {
  it('meets every rule, the total, the exclusions and the points cap, or says it cannot; and is deterministic', () => {
    let built = 0;
    fc.assert(
      fc.property(input, ({ blueprint, seed, forms, distinctForms }) => {
        const bp = blueprint as Blueprint;
        let quiz: ReturnType<typeof assembleQuiz>;
        try {
          quiz = assembleQuiz(bank, bp, { seed, forms, distinctForms });
        } catch (e) {
          expect(e).toBeInstanceOf(RecallKitError);
          expect((e as RecallKitError).code).toBe('RK_UNSATISFIABLE_BLUEPRINT');
          expect((e as RecallKitError).message).toMatch(/short by \d+|over by \d+|empty/);
          return;
        }
        built++;
        const rules = bp.rules ?? [];
        const ruleSum = rules.reduce((s, r) => s + r.count, 0);
        const expected = bp.total ?? (rules.length ? ruleSum : bank.questions.length - (bp.exclude?.length ?? 0));
        const seen = new Set<string>();
        for (const form of quiz.forms) {
          const qs = form.items.map((it) => it.question);
          expect(qs).toHaveLength(expected);
          expect(new Set(qs.map((q) => q.id)).size).toBe(qs.length);
          for (const q of qs) expect(bp.exclude ?? []).not.toContain(q.id);
          for (const r of rules) expect(qs.filter((q) => matches(r, q)).length).toBeGreaterThanOrEqual(r.count);
          if (bp.maxPoints !== undefined) expect(qs.reduce((s, q) => s + itemPoints(q), 0)).toBeLessThanOrEqual(bp.maxPoints);
          if (distinctForms && forms > 1) for (const q of qs) expect(seen.has(q.id)).toBe(false);
          for (const q of qs) seen.add(q.id);
          expect(form.key).toHaveLength(qs.length);
        }
        expect(JSON.stringify(assembleQuiz(bank, bp, { seed, forms, distinctForms }))).toBe(JSON.stringify(quiz));
      }),
      { seed: 20261125, numRuns: 300 },
    );
    // The generator must reach both outcomes, or the property says little.
    expect(built).toBeGreaterThan(30);
  });
});
