import { describe, expect, it } from 'vitest';
import { RecallKitError } from '../core/errors';
import { parseBank, parseQuestion, parseResponse, safeParseBank, safeParseQuestion } from './parse';

const base = {
  id: 'q1',
  prompt: 'Who spoke?',
  explanation: 'The report says so.',
  evidence: [{ quote: 'x', start: 0, end: 1 }],
  topic: 'people',
  tags: ['a-tag'],
  difficulty: 'easy',
  bloom: 'remember',
};
const single = {
  ...base,
  type: 'single-choice',
  options: [
    { id: 'a', text: 'Hughes', correct: true },
    { id: 'b', text: 'Comey', correct: false },
  ],
};
const bank = { id: 'b', title: 'T', version: '1.0.0', source: { title: 'S', publisher: 'P' }, questions: [single] };

/** Runs a parser expected to fail and returns its error. */
function failure(fn: () => unknown): RecallKitError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(RecallKitError);
    return e as RecallKitError;
  }
  throw new Error('expected a RecallKitError');
}

describe('parseQuestion', () => {
  it('accepts every valid question type', () => {
    const valid = [
      single,
      { ...base, type: 'multiple-choice', options: [{ id: 'a', text: 'A', correct: true }, { id: 'b', text: 'B', correct: true }, { id: 'c', text: 'C', correct: false }] },
      { ...base, type: 'true-false', answer: false },
      { ...base, type: 'numeric', answers: [{ value: 3700, tolerance: 0 }, { min: 4000, max: 8000, fraction: 0.5 }], unit: 'people' },
      { ...base, type: 'short-answer', answers: [{ text: 'Julian King' }, { text: 'King' }] },
      { ...base, type: 'cloze', text: 'About {{g1}} or {{g2}}', gaps: [{ id: 'g1', type: 'short-answer', answers: [{ text: 'one-fifth' }] }, { id: 'g2', type: 'numeric', answers: [{ value: 3700 }] }] },
      { ...base, type: 'matching', pairs: [{ id: 'p1', left: 'Comey', right: 'FBI' }, { id: 'p2', left: 'King', right: 'EU' }], distractors: ['NATO'] },
      { ...base, type: 'ordering', items: [{ id: 's1', text: 'Mosul' }, { id: 's2', text: 'Tal Afar' }] },
      { ...base, type: 'flashcard', back: 'Julian King' },
      { ...base, type: 'essay', rubric: [{ id: 'r1', criterion: 'Uses evidence', points: 2 }] },
    ];
    for (const q of valid) expect(parseQuestion(q).type).toBe(q.type);
  });

  it('returns a new value and never mutates or keeps the input', () => {
    const input = structuredClone(single);
    Object.freeze(input);
    const out = parseQuestion(input);
    expect(out).toEqual(single);
    expect(out).not.toBe(input);
  });

  it('rejects unknown keys, naming them', () => {
    const e = failure(() => parseQuestion({ ...single, colour: 'red' }));
    expect(e.code).toBe('RK_INVALID_QUESTION');
    expect(e.issues).toContainEqual({ path: 'colour', message: 'unknown key "colour"' });
  });

  it.each(['__proto__', 'constructor', 'prototype'])('rejects a %s key anywhere in the input', (key) => {
    const json = JSON.parse(JSON.stringify(single).replace('"text":"Hughes"', `"text":"Hughes","${key}":{"polluted":true}`));
    const e = failure(() => parseQuestion(json));
    expect(e.path).toBe(`options[0].${key}`);
    expect(e.message).toMatch(/prototype pollution/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['-Infinity', Number.NEGATIVE_INFINITY],
  ])('rejects %s in numbers', (_, value) => {
    const e = failure(() => parseQuestion({ ...base, type: 'numeric', answers: [{ value }] }));
    expect(e.path).toBe('answers[0].value');
  });

  it('rejects empty or blank text where text is required', () => {
    const e = failure(() => parseQuestion({ ...single, prompt: '   ', explanation: '' }));
    expect(e.issues.map((i) => i.path).sort()).toEqual(['explanation', 'prompt']);
    expect(e.issues[0]?.message).toMatch(/must not be empty/);
  });

  it('rejects duplicate option ids', () => {
    const e = failure(() => parseQuestion({ ...single, options: [...single.options, { id: 'a', text: 'King', correct: false }] }));
    expect(e.issues).toContainEqual({ path: 'options[2].id', message: 'duplicate option id "a" (first used at options[0])' });
  });

  it.each([
    [0, [false, false]],
    [2, [true, true]],
  ])('rejects a single-choice with %i keys', (keys, flags) => {
    const options = single.options.map((o, i) => ({ ...o, correct: flags[i] }));
    const e = failure(() => parseQuestion({ ...single, options }));
    expect(e.issues).toContainEqual({ path: 'options', message: `a single-choice question needs exactly one correct option, got ${keys}` });
  });

  it('lists every problem at once, each with its path', () => {
    const e = failure(() => parseQuestion({ ...single, difficulty: 'trivial', tags: ['Not Kebab'], options: [{ id: 'a', text: '', correct: true }] }));
    const paths = e.issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['difficulty', 'tags[0]', 'options[0].text', 'options']));
    expect(e.message).toMatch(/invalid question \(\d+ issues\)/);
  });

  it('checks cloze markers against gaps both ways', () => {
    const r = safeParseQuestion({ ...base, type: 'cloze', text: 'a {{g1}} {{g9}}', gaps: [{ id: 'g1', type: 'numeric', answers: [{ value: 1 }] }, { id: 'g2', type: 'numeric', answers: [{ value: 2 }] }] });
    expect(r.success).toBe(false);
    if (!r.success) {
      expect(r.error.issues.map((i) => i.message)).toEqual(expect.arrayContaining(['marker {{g9}} has no gap with that id', 'gap "g2" has no {{g2}} marker in text']));
    }
  });

  it('rejects a numeric range with min > max and an unknown type', () => {
    expect(failure(() => parseQuestion({ ...base, type: 'numeric', answers: [{ min: 9, max: 1 }] })).path).toBe('answers[0].max');
    expect(failure(() => parseQuestion({ ...base, type: 'riddle' })).path).toBe('type');
  });

  it('does not hang on deeply nested input', () => {
    let deep: unknown = {};
    for (let i = 0; i < 10_000; i++) deep = { x: deep };
    expect(failure(() => parseQuestion(deep)).message).toMatch(/nesting deeper than 64/);
  });
});

describe('parseBank', () => {
  it('parses a bank and rejects duplicate question ids across the bank', () => {
    expect(parseBank(bank).questions).toHaveLength(1);
    const e = failure(() => parseBank({ ...bank, questions: [single, single] }));
    expect(e.code).toBe('RK_INVALID_BANK');
    expect(e.path).toBe('questions[1].id');
  });

  it('reports the path into nested questions', () => {
    const r = safeParseBank({ ...bank, questions: [{ ...single, bloom: 'create' }] });
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.path).toBe('questions[0].bloom');
  });
});

describe('parseResponse', () => {
  it('accepts an empty answer (a learner can send it) and rejects a wrong shape', () => {
    expect(parseResponse({ type: 'short-answer', text: '' })).toEqual({ type: 'short-answer', text: '' });
    expect(failure(() => parseResponse({ type: 'single-choice', optionIds: ['a'] })).code).toBe('RK_INVALID_RESPONSE');
    expect(failure(() => parseResponse({ type: 'short-answer', text: 'x'.repeat(1_000_001) })).path).toBe('text');
  });
});

describe('full-marks rule', () => {
  it('rejects numeric, short-answer and cloze gaps whose answers all give partial credit', () => {
    expect(failure(() => parseQuestion({ ...base, type: 'numeric', answers: [{ value: 1, fraction: 0.5 }] })).issues).toContainEqual({
      path: 'answers',
      message: 'at least one answer must give full marks (fraction 1 or no fraction)',
    });
    expect(failure(() => parseQuestion({ ...base, type: 'short-answer', answers: [{ text: 'x', fraction: 0.9 }] })).path).toBe('answers');
    const cloze = { ...base, type: 'cloze', text: '{{g1}}', gaps: [{ id: 'g1', type: 'short-answer', answers: [{ text: 'x', fraction: 0.2 }] }] };
    expect(failure(() => parseQuestion(cloze)).path).toBe('gaps[0].answers');
  });
});

describe('ids', () => {
  it('rejects ids that name Object.prototype members, which record lookups would find', () => {
    for (const id of ['toString', 'constructor', 'hasOwnProperty']) {
      const e = failure(() => parseQuestion({ ...single, id }));
      expect(e.path).toBe('id');
      expect(e.message).toMatch(/Object\.prototype/);
    }
    expect(failure(() => parseResponse({ type: 'cloze', gaps: { valueOf: 'x' } })).code).toBe('RK_INVALID_RESPONSE');
  });
});
