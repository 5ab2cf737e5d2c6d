import { RecallKitError, describe } from '../core/errors';
import { createPrng, shuffle } from '../core/prng';
import type { Bank } from '../schema/bank';
import type { BloomLevel, Difficulty, Question, QuestionType } from '../schema/question';
import { buildForm, itemPoints } from './forms';
import type { AssembleOptions, Blueprint, BlueprintRule, Quiz } from './types';

/** The part of a bank a quiz needs. */
export type QuizBank = Pick<Bank, 'id' | 'title' | 'version' | 'questions'>;

const FORM_LABELS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
// Local copies of the schema enums: importing the schema module would pull zod into this bundle.
// The `satisfies` clauses fail to compile if the schema gains a value these lack.
const QUESTION_TYPES = ['single-choice', 'multiple-choice', 'true-false', 'numeric', 'short-answer', 'cloze', 'matching', 'ordering', 'flashcard', 'essay'] as const satisfies readonly QuestionType[];
const DIFFICULTIES = ['easy', 'medium', 'hard'] as const satisfies readonly Difficulty[];
const BLOOM_LEVELS = ['remember', 'understand', 'apply', 'analyze', 'evaluate'] as const satisfies readonly BloomLevel[];
const DIFFICULTY_RANK: Record<string, number> = { easy: 0, medium: 1, hard: 2 };
const BLOOM_RANK: Record<string, number> = { remember: 0, understand: 1, apply: 2, analyze: 3, evaluate: 4 };

function bad(message: string, path: string): RecallKitError {
  return new RecallKitError('RK_INVALID_OPTIONS', message, path);
}

function isCount(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 100_000;
}

function checkFilter(value: unknown, allowed: readonly string[] | null, path: string): void {
  if (value === undefined) return;
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0) throw bad('must not be an empty list', path);
  list.forEach((v, i) => {
    if (typeof v !== 'string') throw bad(`expected a string, got ${describe(v)}`, Array.isArray(value) ? `${path}[${i}]` : path);
    if (allowed && !allowed.includes(v)) throw bad(`expected one of ${allowed.join(', ')}, got ${describe(v)}`, Array.isArray(value) ? `${path}[${i}]` : path);
  });
}

/** Checks a blueprint that may come from JSON, so bad input gives a clear error and never a TypeError. */
function checkBlueprint(bp: unknown): asserts bp is Blueprint {
  if (bp === null || typeof bp !== 'object' || Array.isArray(bp)) throw bad(`expected a blueprint object, got ${describe(bp)}`, 'blueprint');
  const b = bp as Record<string, unknown>;
  if (b.title !== undefined && typeof b.title !== 'string') throw bad(`expected a string, got ${describe(b.title)}`, 'blueprint.title');
  if (b.total !== undefined && (!isCount(b.total) || b.total < 1)) throw bad(`expected a whole number >= 1, got ${describe(b.total)}`, 'blueprint.total');
  if (b.maxPoints !== undefined && (typeof b.maxPoints !== 'number' || !Number.isFinite(b.maxPoints) || b.maxPoints <= 0)) {
    throw bad(`expected a positive number, got ${describe(b.maxPoints)}`, 'blueprint.maxPoints');
  }
  for (const flag of ['shuffleItems', 'shuffleOptions'] as const) {
    if (b[flag] !== undefined && typeof b[flag] !== 'boolean') throw bad(`expected true or false, got ${describe(b[flag])}`, `blueprint.${flag}`);
  }
  if (b.exclude !== undefined) {
    if (!Array.isArray(b.exclude)) throw bad(`expected a list of question ids, got ${describe(b.exclude)}`, 'blueprint.exclude');
    b.exclude.forEach((id, i) => {
      if (typeof id !== 'string') throw bad(`expected a question id, got ${describe(id)}`, `blueprint.exclude[${i}]`);
    });
  }
  if (b.rules !== undefined) {
    if (!Array.isArray(b.rules)) throw bad(`expected a list of rules, got ${describe(b.rules)}`, 'blueprint.rules');
    b.rules.forEach((r: unknown, i) => {
      const path = `blueprint.rules[${i}]`;
      if (r === null || typeof r !== 'object' || Array.isArray(r)) throw bad(`expected a rule object, got ${describe(r)}`, path);
      const rule = r as Record<string, unknown>;
      for (const key of Object.keys(rule)) {
        if (!['count', 'topic', 'type', 'difficulty', 'bloom', 'tags'].includes(key)) throw bad(`unknown key "${key}"`, `${path}.${key}`);
      }
      if (!isCount(rule.count) || rule.count < 1) throw bad(`expected a whole number >= 1, got ${describe(rule.count)}`, `${path}.count`);
      checkFilter(rule.topic, null, `${path}.topic`);
      checkFilter(rule.type, QUESTION_TYPES, `${path}.type`);
      checkFilter(rule.difficulty, DIFFICULTIES, `${path}.difficulty`);
      checkFilter(rule.bloom, BLOOM_LEVELS, `${path}.bloom`);
      if (rule.tags !== undefined && !Array.isArray(rule.tags)) throw bad(`expected a list of tags, got ${describe(rule.tags)}`, `${path}.tags`);
      checkFilter(rule.tags === undefined || (rule.tags as unknown[]).length === 0 ? undefined : rule.tags, null, `${path}.tags`);
    });
  }
}

function anyOf(value: string | readonly string[] | undefined, actual: string): boolean {
  if (value === undefined) return true;
  return typeof value === 'string' ? value === actual : value.includes(actual);
}

function matches(rule: BlueprintRule, q: Question): boolean {
  return (
    anyOf(rule.topic, q.topic) &&
    anyOf(rule.type, q.type) &&
    anyOf(rule.difficulty, q.difficulty) &&
    anyOf(rule.bloom, q.bloom) &&
    (rule.tags ?? []).every((t) => q.tags.includes(t))
  );
}

/** Describes a rule for an error message: `rules[1] (topic "people", difficulty "hard")`. */
function describeRule(rule: BlueprintRule, index: number): string {
  const parts: string[] = [];
  for (const key of ['topic', 'type', 'difficulty', 'bloom', 'tags'] as const) {
    const v = rule[key];
    if (v !== undefined) parts.push(`${key} ${typeof v === 'string' ? JSON.stringify(v) : JSON.stringify([...v])}`);
  }
  return `rules[${index}]${parts.length ? ` (${parts.join(', ')})` : ''}`;
}

function unsatisfiable(message: string, path: string): RecallKitError {
  return new RecallKitError('RK_UNSATISFIABLE_BLUEPRINT', message, path);
}

/** Sum of the `n` smallest point values among candidates: the least a pick of `n` can cost. */
function cheapest(candidates: readonly Question[], n: number): number {
  return candidates
    .map(itemPoints)
    .sort((a, b) => a - b)
    .slice(0, n)
    .reduce((s, p) => s + p, 0);
}

interface Demand {
  readonly label: string;
  readonly path: string;
  readonly need: number;
  readonly filter: (q: Question) => boolean;
}

/**
 * Picks `need` items per demand without replacement, most-constrained demand first, keeping
 * within the points budget: each pick leaves enough budget for the cheapest fill of the demands after it.
 */
function pick(pool: readonly Question[], demands: readonly Demand[], budget: number, seed: string): Question[][] {
  const rng = createPrng(`${seed}:select`);
  const taken = new Set<string>();
  // Fewest candidates first, so a narrow rule is not starved by a broad one; ties keep blueprint order.
  const order = demands
    .map((d, i) => ({ d, i, n: pool.filter(d.filter).length }))
    .sort((a, b) => a.n - b.n || a.i - b.i);
  const out: Question[][] = demands.map(() => []);
  let spent = 0;
  order.forEach(({ d, i }, step) => {
    const all = pool.filter(d.filter);
    const free = all.filter((q) => !taken.has(q.id));
    if (free.length < d.need) {
      const used = all.length - free.length;
      throw unsatisfiable(
        `${d.label} needs ${d.need} items but the bank has ${free.length} (short by ${d.need - free.length}): ${all.length} match${used > 0 ? `, ${used} already picked by other rules` : ''}`,
        d.path,
      );
    }
    const later = order.slice(step + 1);
    const reserveFor = (extraTaken: ReadonlySet<string>): number =>
      later.reduce((s, l) => s + cheapest(pool.filter((q) => l.d.filter(q) && !taken.has(q.id) && !extraTaken.has(q.id)), l.d.need), 0);
    const chosen: Question[] = [];
    const chosenIds = new Set<string>();
    for (const q of shuffle(free, rng)) {
      if (chosen.length === d.need) break;
      const rest = free.filter((c) => !chosenIds.has(c.id) && c.id !== q.id);
      const after = spent + itemPoints(q) + cheapest(rest, d.need - chosen.length - 1);
      if (Number.isFinite(budget) && after + reserveFor(new Set([...chosenIds, q.id])) > budget) continue;
      chosen.push(q);
      chosenIds.add(q.id);
      spent += itemPoints(q);
    }
    if (chosen.length < d.need) {
      const least = spent + cheapest(free.filter((q) => !chosenIds.has(q.id)), d.need - chosen.length) + reserveFor(chosenIds);
      throw unsatisfiable(`maxPoints is ${budget} but ${d.label} cannot be filled with fewer than ${least} points in total (over by ${least - budget})`, 'blueprint.maxPoints');
    }
    for (const q of chosen) taken.add(q.id);
    out[i] = chosen;
  });
  return out;
}

/** Deals picked items to forms like a snake draft over difficulty, so each form gets the same mix. */
function deal(items: readonly Question[], forms: number): Question[][] {
  const sorted = items
    .map((q, i) => ({ q, i }))
    .sort((a, b) => (DIFFICULTY_RANK[a.q.difficulty] ?? 0) - (DIFFICULTY_RANK[b.q.difficulty] ?? 0) || (BLOOM_RANK[a.q.bloom] ?? 0) - (BLOOM_RANK[b.q.bloom] ?? 0) || a.i - b.i);
  const out: Question[][] = Array.from({ length: forms }, () => []);
  sorted.forEach(({ q }, k) => {
    const round = Math.floor(k / forms);
    const pos = k % forms;
    out[round % 2 === 0 ? pos : forms - 1 - pos]?.push(q);
  });
  return out;
}

/**
 * Assembles a quiz from a bank: picks items by the blueprint, then builds one or more seeded forms with answer keys.
 *
 * Hint: the output holds no timestamps, so the same bank, blueprint and seed give byte-identical JSON on every
 * machine; print it with `quizToMarkdown` / `quizToHtml` from `recallkit/formats`.
 *
 * @param bank The bank (validated; e.g. a shipped bank or the result of `parseBank`).
 * @param blueprint What to pick: rules by topic / type / difficulty / Bloom level / tags, total, exclusions, points cap.
 * @param options The seed, the number of forms and whether forms use distinct items.
 * @returns The quiz: its forms, each with numbered items and an answer key.
 * @throws RecallKitError `RK_UNSATISFIABLE_BLUEPRINT` naming the constraint and the shortfall; `RK_INVALID_OPTIONS` / `RK_INVALID_SEED` for malformed input.
 * @example
 * ```ts
 * const quiz = assembleQuiz(bank, { rules: [{ topic: 'figures', count: 3 }, { difficulty: 'hard', count: 2 }], total: 10 }, { seed: 'period-3', forms: 2 })
 * quiz.forms[1].key // the answer key of form B
 * ```
 */
export function assembleQuiz(bank: QuizBank, blueprint: Blueprint, options: AssembleOptions): Quiz {
  if (bank === null || typeof bank !== 'object' || !Array.isArray((bank as { questions?: unknown }).questions)) {
    throw new RecallKitError('RK_INVALID_BANK', `expected a bank with a questions list, got ${describe(bank)}`, 'bank');
  }
  checkBlueprint(blueprint);
  if (options === null || typeof options !== 'object') throw bad(`expected an options object with a seed, got ${describe(options)}`, 'options');
  const { seed } = options;
  if (!(typeof seed === 'string' || (typeof seed === 'number' && Number.isFinite(seed)))) {
    throw new RecallKitError('RK_INVALID_SEED', `expected a string or finite number, got ${describe(seed)}`, 'options.seed');
  }
  const formCount = options.forms ?? 1;
  if (!Number.isInteger(formCount) || formCount < 1 || formCount > FORM_LABELS.length) throw bad(`expected a whole number from 1 to 26, got ${describe(formCount)}`, 'options.forms');
  if (options.distinctForms !== undefined && typeof options.distinctForms !== 'boolean') throw bad(`expected true or false, got ${describe(options.distinctForms)}`, 'options.distinctForms');
  const distinct = options.distinctForms === true && formCount > 1;
  const seedText = String(seed);

  const excluded = new Set(blueprint.exclude ?? []);
  const pool = bank.questions.filter((q) => !excluded.has(q.id));
  const rules = blueprint.rules ?? [];
  const ruleSum = rules.reduce((s, r) => s + r.count, 0);
  const total = blueprint.total ?? (rules.length > 0 ? ruleSum : pool.length);
  if (total < ruleSum) throw unsatisfiable(`total is ${total} but the rules alone pick ${ruleSum} items (over by ${ruleSum - total})`, 'blueprint.total');
  if (total === 0) throw unsatisfiable('the quiz would be empty: the bank has no eligible items', 'blueprint');
  const copies = distinct ? formCount : 1;
  const demands: Demand[] = rules.map((r, i) => ({ label: describeRule(r, i) + (copies > 1 ? ` x ${copies} distinct forms` : ''), path: `blueprint.rules[${i}]`, need: r.count * copies, filter: (q) => matches(r, q) }));
  if (total > ruleSum) {
    demands.push({ label: `total ${total}${copies > 1 ? ` x ${copies} distinct forms` : ''} (beyond the rules)`, path: 'blueprint.total', need: (total - ruleSum) * copies, filter: () => true });
  }
  const budget = (blueprint.maxPoints ?? Number.POSITIVE_INFINITY) * copies;
  const picked = pick(pool, demands, budget, seedText);

  // Every demand is dealt on its own, so each form also meets every rule, not just the total.
  const perForm: Question[][] = Array.from({ length: formCount }, () => []);
  for (const group of picked) {
    const dealt = distinct ? deal(group, formCount) : Array.from({ length: formCount }, () => group);
    dealt.forEach((qs, f) => {
      perForm[f]?.push(...qs);
    });
  }
  if (blueprint.maxPoints !== undefined) {
    perForm.forEach((qs, f) => {
      const pts = qs.reduce((s, q) => s + itemPoints(q), 0);
      if (pts > (blueprint.maxPoints as number)) {
        throw unsatisfiable(`form ${FORM_LABELS[f]} carries ${pts} points but maxPoints is ${blueprint.maxPoints} (over by ${pts - (blueprint.maxPoints as number)}); use items with equal points or fewer distinct forms`, 'blueprint.maxPoints');
      }
    });
  }
  // Bank order first: it is the order kept when shuffleItems is false, and the input to the seeded shuffle otherwise.
  const bankIndex = new Map(bank.questions.map((q, i) => [q.id, i]));
  const forms = perForm.map((qs, f) =>
    buildForm(qs.slice().sort((a, b) => (bankIndex.get(a.id) ?? 0) - (bankIndex.get(b.id) ?? 0)), {
      label: FORM_LABELS[f] as string,
      seed: seedText,
      shuffleItems: blueprint.shuffleItems !== false,
      shuffleOptions: blueprint.shuffleOptions !== false,
    }),
  );
  return { title: blueprint.title ?? bank.title, bankId: bank.id, bankVersion: bank.version, seed: seedText, forms };
}
