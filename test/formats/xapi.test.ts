import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { xapiAnswered, xapiAttempt, xapiInteraction, xapiResponse } from '../../src/formats/xapi';
import { correctResponse, grade } from '../../src/scoring/index';
import type { Question } from '../../src/schema/question';
import type { Response } from '../../src/schema/response';
import { fixtureBank } from '../fixtures/formats/bank';
import { SHARED, banks } from './helpers';

/** The Rustici TinCan 1.0.1 statement schema (draft-04) with its regex formats, set up as the README in shared/schemas says. */
function statementValidator() {
  const dir = `${SHARED}/xapi`;
  const joined = JSON.parse(readFileSync(`${dir}/tincan-1.0.1.joined.schema.json`, 'utf8'));
  const formats = JSON.parse(readFileSync(`${dir}/tincan-1.0.1/formats/formats.json`, 'utf8')) as Record<string, string>;
  const ajv = new Ajv({ schemaId: 'id', allErrors: true });
  ajv.addMetaSchema(JSON.parse(readFileSync(require.resolve('ajv/lib/refs/json-schema-draft-04.json'), 'utf8')));
  const id = 'https://example.invalid/tcapi/1.0.1';
  ajv.addSchema({ ...joined, id });
  for (const [name, pattern] of Object.entries(formats)) ajv.addFormat(name, new RegExp(pattern));
  const validate = ajv.compile({ $ref: `${id}#statement` });
  return (s: unknown): string[] => (validate(s) ? [] : (validate.errors ?? []).map((e) => `${e.dataPath} ${e.message}`));
}

const check = statementValidator();
const ctx = { actor: { objectType: 'Agent', name: 'Ann <script>', mbox: 'mailto:ann@example.org' }, activityBase: 'https://school.example/recallkit', registration: '6fbd600f-d17c-4c74-801a-2ec2e53231c9', timestamp: Date.UTC(2026, 10, 25, 9, 30) };

/** A wrong or empty answer of the question's type. */
function wrongResponse(q: Question): Response {
  switch (q.type) {
    case 'single-choice':
      return { type: q.type, optionId: q.options.find((o) => !o.correct)?.id ?? null };
    case 'multiple-choice':
      return { type: q.type, optionIds: [] };
    case 'true-false':
      return { type: q.type, value: !q.answer };
    case 'numeric':
      return { type: q.type, value: 'not a number' };
    case 'short-answer':
      return { type: q.type, text: 'zzz <script>' };
    case 'cloze':
      return { type: q.type, gaps: {} };
    case 'matching':
      return { type: q.type, matches: Object.fromEntries(q.pairs.map((p, i) => [p.id, q.pairs[(i + 1) % q.pairs.length]?.right ?? ''])) };
    case 'ordering':
      return { type: q.type, order: [...q.items].reverse().map((it) => it.id) };
    case 'flashcard':
      return { type: q.type, rating: 1 };
    case 'essay':
      return { type: q.type, text: 'Too short.' };
  }
}

describe('xAPI statements, validated by the TinCan 1.0.1 JSON Schema (ajv 6, draft-04)', async () => {
  const list = await banks();

  it('the validator rejects what it should (upstream bad examples and a score over 1)', () => {
    const good = JSON.parse(readFileSync(`${SHARED}/xapi/examples/000-good-basic_1.json`, 'utf8'));
    expect(check(good)).toEqual([]);
    expect(check(JSON.parse(readFileSync(`${SHARED}/xapi/examples/013-bad-missing_verb.json`, 'utf8')))).not.toEqual([]);
    const s = xapiAnswered({ ...ctx, question: fixtureBank.questions[0] as Question, response: correctResponse(fixtureBank.questions[0] as Question) });
    expect(check({ ...s, result: { ...(s.result as object), score: { scaled: 1.5 } } })).not.toEqual([]);
  });

  for (const bank of list) {
    it(`"answered" is valid for a right and a wrong answer to every item of ${bank.id}`, () => {
      for (const q of bank.questions) {
        for (const response of [correctResponse(q), wrongResponse(q)]) {
          const s = xapiAnswered({ ...ctx, question: q, response, quizId: `${bank.id} quiz`, language: 'en-GB' });
          expect(check(s), `${q.id}: ${JSON.stringify(s.result)}`).toEqual([]);
        }
      }
    });
  }

  it('completed / passed / failed carry the total score and are valid', () => {
    const outcomes = fixtureBank.questions.filter((q) => q.type !== 'essay').map((q) => grade(q, correctResponse(q)));
    const [completed, passed] = xapiAttempt({ ...ctx, id: '0e2c3f1a-3b5d-4e8f-9a1b-2c3d4e5f6a7b', quiz: { id: 'unit 3', title: 'Unit 3 <b>' }, outcomes, durationMs: 754_321 });
    expect(check(completed)).toEqual([]);
    expect(check(passed)).toEqual([]);
    expect(completed.verb).toEqual({ id: 'http://adlnet.gov/expapi/verbs/completed', display: { 'en-US': 'completed' } });
    expect(passed.verb).toMatchObject({ id: 'http://adlnet.gov/expapi/verbs/passed' });
    expect(completed.result).toEqual({ score: { scaled: 1, raw: 15, min: 0, max: 15 }, completion: true, duration: 'PT754.32S' });
    expect((completed.object as { id: string }).id).toBe('https://school.example/recallkit/quizzes/unit%203');
    expect(passed.id).toBeUndefined();
    const wrong = fixtureBank.questions.map((q) => grade(q, wrongResponse(q)));
    const [, failed] = xapiAttempt({ ...ctx, quiz: { id: 'unit-3', title: 'Unit 3' }, outcomes: wrong, passingScore: 0.8 });
    expect(check(failed)).toEqual([]);
    expect(failed.verb).toMatchObject({ id: 'http://adlnet.gov/expapi/verbs/failed' });
    expect(failed.result).toMatchObject({ success: false });
  });

  it('writes each response in its cmi.interaction format', () => {
    const q = (id: string) => fixtureBank.questions.find((x) => x.id === id) as Question;
    expect(xapiResponse(q('mc-1'), { type: 'multiple-choice', optionIds: ['a', 'c'] })).toBe('a[,]c');
    expect(xapiResponse(q('tf-1'), { type: 'true-false', value: false })).toBe('false');
    expect(xapiResponse(q('num-1'), { type: 'numeric', value: 3650 })).toBe('3650');
    expect(xapiResponse(q('match-1'), { type: 'matching', matches: { p1: 'GWU', p2: 'FBI' } })).toBe('p1[.]t-p1[,]p2[.]d-1');
    expect(xapiResponse(q('order-1'), { type: 'ordering', order: ['i2', 'i1', 'i3', 'i4'] })).toBe('i2[,]i1[,]i3[,]i4');
    expect(xapiResponse(q('cloze-1'), { type: 'cloze', gaps: { city: 'Mosul', year: '2016', kind: 'x' } })).toBe('Mosul[,]2016[,]military');
    expect(xapiInteraction(q('num-1')).correctResponsesPattern).toEqual(['3650[:]3750']);
    expect(xapiInteraction(q('sa-1')).correctResponsesPattern).toEqual(['{case_matters=false}Mosul']);
    const essay = xapiAnswered({ ...ctx, question: q('essay-1'), response: { type: 'essay', text: 'My essay' } });
    expect(essay.result).toEqual({ response: 'My essay', completion: true });
  });

  it('rejects bad context with RecallKitError, not a TypeError', () => {
    const q = fixtureBank.questions[0] as Question;
    const r = correctResponse(q);
    expect(() => xapiAnswered({ ...ctx, activityBase: 'not an iri', question: q, response: r })).toThrow(/RK_INVALID_OPTIONS/);
    expect(() => xapiAnswered({ ...ctx, registration: 'nope', question: q, response: r })).toThrow(/RK_INVALID_OPTIONS/);
    expect(() => xapiAnswered({ ...ctx, actor: null as never, question: q, response: r })).toThrow(/RK_INVALID_OPTIONS/);
    expect(() => xapiAnswered({ ...ctx, timestamp: 'yesterday', question: q, response: r })).toThrow(/RK_INVALID_TIME/);
    expect(() => xapiAttempt({ ...ctx, quiz: { id: 'x', title: 'x' }, outcomes: [], passingScore: 2 })).toThrow(/RK_INVALID_OPTIONS/);
    expect(() => xapiResponse(q, { type: 'true-false', value: true })).toThrow(/RK_INVALID_RESPONSE/);
  });
});

describe('xAPI responses: ids that name Object.prototype members, empty matches, tiny numbers', () => {
  const base = { explanation: 'x', evidence: [{ quote: 'x', start: 0, end: 1 }], topic: 't', tags: [], difficulty: 'easy' as const, bloom: 'remember' as const };

  it('reads own keys only: a gap or pair id such as constructor or toString is not Object.prototype', () => {
    const cloze: Question = {
      ...base,
      id: 'proto-cloze',
      type: 'cloze',
      prompt: 'Fill in.',
      text: '{{constructor}} and {{toString}}',
      gaps: [
        { id: 'constructor', type: 'short-answer', answers: [{ text: 'a' }] },
        { id: 'toString', type: 'short-answer', answers: [{ text: 'b' }] },
      ],
    };
    expect(xapiResponse(cloze, { type: 'cloze', gaps: {} })).toBe('[,]');
    expect(xapiResponse(cloze, { type: 'cloze', gaps: { toString: 'b' } })).toBe('[,]b');
    const matching: Question = {
      ...base,
      id: 'proto-match',
      type: 'matching',
      prompt: 'Match.',
      pairs: [
        { id: 'constructor', left: 'L1', right: 'R1' },
        { id: 'toString', left: 'L2', right: 'R2' },
        { id: 'p3', left: 'L3', right: 'R3' },
      ],
    };
    expect(xapiResponse(matching, { type: 'matching', matches: {} })).toBe('');
    expect(xapiResponse(matching, { type: 'matching', matches: { toString: 'R2' } })).toBe('toString[.]t-toString');
    const s = xapiAnswered({ ...ctx, question: cloze, response: { type: 'cloze', gaps: {} } });
    expect(check(s)).toEqual([]);
  });

  it('leaves out a pair with an empty selection instead of writing "p2[.]"', () => {
    const q = fixtureBank.questions.find((x) => x.id === 'match-1') as Question;
    expect(xapiResponse(q, { type: 'matching', matches: { p1: 'GWU', p2: '' } })).toBe('p1[.]t-p1');
  });

  it('writes numeric correct-response ranges without an exponent', () => {
    const q: Question = { ...base, id: 'tiny', type: 'numeric', prompt: 'How small?', answers: [{ value: 1e-7, tolerance: 1e-9 }] };
    const [pattern] = xapiInteraction(q).correctResponsesPattern ?? [];
    expect(pattern).not.toMatch(/e/i);
    const [min, max] = (pattern as string).split('[:]').map(Number);
    expect(min).toBeCloseTo(1e-7 - 1e-9, 20);
    expect(max).toBeCloseTo(1e-7 + 1e-9, 20);
    expect(pattern).toMatch(/^0\.0000000\d+\[:\]0\.000000\d+$/);
  });
});
