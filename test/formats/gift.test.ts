import { readFileSync, readdirSync } from 'node:fs';
import { parse as pegParse } from 'gift-pegjs';
import { describe, expect, it } from 'vitest';
import { exportGift, parseGift } from '../../src/formats/gift';
import { importGift } from '../../src/formats/gift-import';
import { moodleGrade, numericBounds, optionFractions } from '../../src/formats/text';
import type { Question } from '../../src/schema/question';
import { fixtureBank } from '../fixtures/formats/bank';
import { SHARED, banks, expText } from './helpers';

// gift-pegjs 1.0.2 returns escaped characters in the right-hand side of a match as "&&NNN;"
// placeholders (its PlainText rule skips the decoding the other rules do); Moodle decodes them.
function decodePegPlaceholders(s: string): string {
  return s.replace(/&&(\d{3});?/g, (_, code: string) => String.fromCharCode(Number(code)));
}

type Peg = ReturnType<typeof pegParse>[number];

/** Text inside the answer braces: "->" is written "- >" (GIFT has no escape for it). */
const inBrace = (s: string): string => expText(s.replace(/->/g, '- >'));

const weightOf = (f: number): number | null => (moodleGrade(f) === 1 ? null : Math.round(moodleGrade(f) * 100 * 100000) / 100000);

/** Checks that what gift-pegjs read back is the source item. */
function expectAgreement(q: Question, p: Peg): void {
  expect(p.type).not.toBe('Category');
  if (p.type === 'Category') return;
  expect(p.id).toBe(q.id);
  expect(p.tags).toEqual(q.tags.length ? q.tags : null);
  if (p.type === 'Description') throw new Error(`${q.id} read as a description`);
  expect(p.title).toBe(q.id);
  const gf = 'globalFeedback' in p ? p.globalFeedback?.text : undefined;
  if (q.type !== 'cloze') expect(p.stem).toEqual({ format: 'plain', text: expText(q.prompt) });
  switch (q.type) {
    case 'single-choice':
    case 'multiple-choice': {
      if (p.type !== 'MC') throw new Error(`${q.id}: got ${p.type}`);
      const fr = optionFractions(q.options, q.type === 'single-choice');
      expect(p.choices.map((c) => c.text)).toEqual(q.options.map((o) => ({ format: 'plain', text: inBrace(o.text) })));
      expect(p.choices.map((c) => c.isCorrect)).toEqual(q.options.map((o) => q.type === 'single-choice' && o.correct));
      expect(p.choices.map((c) => c.weight)).toEqual(q.options.map((o, i) => (q.type === 'single-choice' && o.correct) || moodleGrade(fr[i] ?? 0) === 0 ? null : weightOf(fr[i] ?? 0)));
      expect(p.choices.map((c) => c.feedback?.text ?? null)).toEqual(q.options.map((o) => (o.feedback ? inBrace(o.feedback) : null)));
      expect(gf).toBe(expText(q.explanation));
      return;
    }
    case 'true-false': {
      if (p.type !== 'TF') throw new Error(`${q.id}: got ${p.type}`);
      expect(p.isTrue).toBe(q.answer);
      // gift-pegjs calls the first feedback "trueFeedback"; Moodle shows it for a wrong answer.
      const wrong = q.answer ? q.feedbackFalse : q.feedbackTrue;
      const right = q.answer ? q.feedbackTrue : q.feedbackFalse;
      expect(p.trueFeedback?.text ?? null).toBe(wrong ? inBrace(wrong) : null);
      expect(p.falseFeedback?.text ?? null).toBe(right ? inBrace(right) : null);
      expect(gf).toBe(expText(q.explanation));
      return;
    }
    case 'numeric': {
      if (p.type !== 'Numerical' || !Array.isArray(p.choices)) throw new Error(`${q.id}: got ${p.type}`);
      const choices = p.choices;
      expect(choices).toHaveLength(q.answers.length);
      q.answers.forEach((a, i) => {
        const c = choices[i] as (typeof choices)[number];
        const b = numericBounds(a);
        expect(c.isCorrect).toBe(true);
        expect(c.weight).toBe(weightOf(a.fraction ?? 1));
        if (b.isRange) {
          expect(c.text.type).toBe('high-low');
          expect(c.text.numberLow).toBeCloseTo(b.min, 9);
          expect(c.text.numberHigh).toBeCloseTo(b.max, 9);
        } else {
          expect(c.text.type).toBe('range');
          expect(c.text.number).toBe(b.value);
          expect(c.text.range).toBeCloseTo(b.tolerance, 9);
        }
        expect(c.feedback?.text ?? null).toBe(a.feedback ? inBrace(a.feedback) : null);
      });
      expect(gf).toBe(expText(q.explanation));
      return;
    }
    case 'short-answer': {
      if (p.type !== 'Short') throw new Error(`${q.id}: got ${p.type}`);
      expect(p.choices.map((c) => [c.text.text, c.weight, c.feedback?.text ?? null])).toEqual(q.answers.map((a) => [inBrace(a.text), weightOf(a.fraction ?? 1), a.feedback ? inBrace(a.feedback) : null]));
      expect(gf).toBe(expText(q.explanation));
      return;
    }
    case 'matching':
    case 'ordering': {
      if (p.type !== 'Matching') throw new Error(`${q.id}: got ${p.type}`);
      const pairs = p.matchPairs.map((m) => [m.subquestion.text, expText(decodePegPlaceholders(m.subanswer))]);
      const want =
        q.type === 'matching'
          ? [...q.pairs.map((x) => [inBrace(x.left), expText(x.right)]), ...(q.distractors ?? []).map((d) => ['', expText(d)])]
          : q.items.map((x, i) => [inBrace(x.text), String(i + 1)]);
      expect(pairs).toEqual(want);
      expect(gf).toBe(expText(q.explanation));
      return;
    }
    case 'flashcard':
      if (q.answers?.length) {
        if (p.type !== 'Short') throw new Error(`${q.id}: got ${p.type}`);
        expect(p.choices.map((c) => c.text.text)).toEqual(q.answers.map((a) => inBrace(a.text)));
      } else expect(p.type).toBe('Essay');
      expect(gf).toBe(expText(q.back));
      return;
    case 'essay':
      expect(p.type).toBe('Essay');
      expect(gf).toBe(expText(q.explanation));
      return;
    case 'cloze': {
      expect(p.hasEmbeddedAnswers).toBe(true);
      const m = /\{\{[A-Za-z0-9_-]+\}\}/.exec(q.text) as RegExpExecArray;
      const before = expText(`${q.prompt}\n${q.text.slice(0, m.index)}`);
      expect(p.stem.text).toBe(`${before} _____ ${expText(q.text.slice(m.index + m[0].length))}`);
      const gap = q.gaps[0];
      if (gap?.type === 'short-answer' && p.type === 'Short') expect(p.choices.map((c) => c.text.text)).toEqual(gap.answers.map((a) => inBrace(a.text)));
      else if (gap?.type === 'single-choice' && p.type === 'MC') expect(p.choices.map((c) => c.isCorrect)).toEqual(gap.options.map((o) => o.correct));
      else if (gap?.type === 'numeric') expect(p.type).toBe('Numerical');
      else throw new Error(`${q.id}: gap read as ${p.type}`);
    }
  }
}

const exportable = (q: Question): boolean => q.type !== 'cloze' || q.gaps.length === 1;

describe('GIFT export, read back by gift-pegjs 1.0.2', async () => {
  for (const bank of await banks()) {
    it(`agrees with every item of ${bank.id}`, () => {
      const text = exportGift(bank);
      const parsed = pegParse(text);
      const questions = parsed.filter((p) => p.type !== 'Category');
      const kept = bank.questions.filter(exportable);
      expect(questions).toHaveLength(kept.length);
      kept.forEach((q, i) => {
        expectAgreement(q, questions[i] as Peg);
      });
      const topics = bank.questions.map((q) => q.topic).filter((t, i, all) => i === 0 || all[i - 1] !== t);
      expect(parsed.filter((p) => p.type === 'Category').map((c) => c.title)).toEqual(topics.map((t) => `$course$/top/${bank.id}/${t}`));
    });
  }

  it('leaves out a multi-gap cloze with a comment that names it', () => {
    const text = exportGift(fixtureBank);
    expect(text).toContain('// RecallKit: cloze-1 left out, a cloze with 3 gaps needs Moodle XML or QTI');
    expect(text).not.toMatch(/\{\{city\}\}/);
  });

  it('keeps hostile text on one line per answer and escapes every control character', () => {
    const text = exportGift(fixtureBank);
    expect(text).not.toMatch(/[\u0000-\u0008\u000B-\u001F]/);
    // Every raw "{", "}", "=", "~", "#" or ":" in item text is escaped; the hostile line has only escaped ones.
    const hostileLines = text.split('\n').filter((l) => l.includes('__pwned'));
    expect(hostileLines.length).toBeGreaterThan(10);
    for (const l of hostileLines) expect(l).toContain('window.__pwned\\=1</script> ]]> \\{ \\} \\~ \\= \\# \\: \\\\');
  });

  it('snaps weights Moodle would reject to its grade list', () => {
    const q = { ...fixtureBank.questions[2], options: [{ id: 'a', text: 'x', correct: true, fraction: 0.45 }, { id: 'b', text: 'y', correct: false }] } as Question;
    expect(exportGift([q])).toContain('~%50%[plain]x');
  });
});

describe('GIFT import', () => {
  const dir = `${SHARED}/gift/gift-pegjs`;
  const files = readdirSync(dir).filter((f) => f.endsWith('.gift'));

  it('parses all 51 gift-pegjs fixtures exactly as their expected JSON says', () => {
    expect(files).toHaveLength(51);
    const strip = (x: unknown): unknown => JSON.parse(JSON.stringify(x, (k, v) => (k === 'line' ? undefined : v)));
    for (const f of files) {
      const expected = (JSON.parse(readFileSync(`${dir}/${f.replace(/\.gift$/, '.json')}`, 'utf8')) as Record<string, unknown>[]).map((q) =>
        q.type === 'Category' ? { type: q.type, title: q.title } : { id: null, tags: null, ...q },
      );
      const got = (strip(parseGift(readFileSync(`${dir}/${f}`, 'utf8'))) as Record<string, unknown>[]).map((q) => (q.type === 'Category' ? { type: q.type, title: q.title } : q));
      expect(got, f).toEqual(expected);
    }
  });

  it("reads Moodle's own GIFT fixtures, including the one gift-pegjs rejects", () => {
    const { questions, skipped } = importGift(readFileSync(`${SHARED}/gift/moodle/questions.gift.txt`, 'utf8'));
    expect(skipped).toEqual([]);
    const byId = Object.fromEntries(questions.map((q) => [q.id, q]));
    expect(Object.keys(byId)).toEqual(['q8', 'moodle-activities', 'q2', 'colours', 'q5', 'shortanswer', 'q1', '2-08-tsl', 'gift-9']);
    expect(byId.q8?.type).toBe('essay');
    expect(byId['moodle-activities']).toMatchObject({ type: 'matching', distractors: ['Chat'] });
    expect(byId.q2).toMatchObject({ type: 'single-choice', options: [{ text: 'yellow', correct: true, feedback: 'right; good!' }, { text: 'red', correct: false }, { text: 'blue', correct: false }] });
    expect(byId.colours).toMatchObject({ type: 'multiple-choice', options: [{ fraction: 0.5 }, { fraction: -1 }, { fraction: 0.5 }, { fraction: -1 }] });
    expect(byId.q5).toMatchObject({ type: 'cloze', gaps: [{ type: 'numeric', answers: [{ value: 3, tolerance: 2 }] }] });
    expect(byId.shortanswer).toMatchObject({ type: 'short-answer', answers: [{ text: 'Frog' }, { text: 'Cat', fraction: 0.5 }, { text: '*', fraction: 0 }] });
    expect(byId.q1).toMatchObject({ type: 'true-false', answer: false, feedbackTrue: '42 is the Ultimate Answer.', feedbackFalse: 'You gave the right answer.', explanation: 'This is, of course, a Hitchiker\'s Guide to the Galaxy reference.' });
    const cat = importGift(readFileSync(`${SHARED}/gift/moodle/questions_in_category.gift.txt`, 'utf8'));
    expect(cat.questions.map((q) => [q.id, q.type, q.topic])).toEqual([
      ['moodle-activities', 'matching', 'default-for-new-features'],
      ['greeting', 'single-choice', 'default-for-new-features'],
      ['moodle-user', 'short-answer', 'default-for-new-features'],
      ['moodle-acronym', 'true-false', 'default-for-new-features'],
    ]);
  });

  it('round-trips every bank through export and import', async () => {
    for (const bank of await banks()) {
    const { questions, skipped } = importGift(exportGift(bank));
    expect(skipped).toEqual([]);
    const byId = new Map(questions.map((q) => [q.id, q]));
    for (const src of bank.questions.filter(exportable)) {
      const back = byId.get(src.id);
      expect(back, src.id).toBeDefined();
      if (!back) continue;
      expect([back.topic, back.tags]).toEqual([src.topic, src.tags]);
      if (src.type === 'single-choice' || src.type === 'multiple-choice') {
        expect(back.type).toBe(src.type);
        if (back.type !== 'single-choice' && back.type !== 'multiple-choice') continue;
        expect(back.prompt).toBe(expText(src.prompt));
        expect(back.options.map((o) => [o.text, o.correct, o.feedback])).toEqual(src.options.map((o) => [inBrace(o.text), o.correct, o.feedback && inBrace(o.feedback)]));
        const fb = optionFractions(back.options, back.type === 'single-choice');
        expect(fb).toEqual(optionFractions(src.options, src.type === 'single-choice').map(moodleGrade));
      }
      if (src.type === 'true-false') expect(back).toMatchObject({ type: 'true-false', answer: src.answer, ...(src.feedbackTrue ? { feedbackTrue: inBrace(src.feedbackTrue) } : {}), ...(src.feedbackFalse ? { feedbackFalse: inBrace(src.feedbackFalse) } : {}) });
      if (src.type === 'short-answer') expect(back).toMatchObject({ type: 'short-answer', answers: src.answers.map((a) => ({ text: a.text, ...(a.fraction ? { fraction: a.fraction } : {}) })) });
      if (src.type === 'numeric' && back.type === 'numeric') {
        expect(back.answers.map((a) => numericBounds(a))).toEqual(src.answers.map((a) => numericBounds(a)).map((b) => ({ ...b, isRange: b.isRange })).map((b) => expect.objectContaining({ min: expect.closeTo(b.min, 9), max: expect.closeTo(b.max, 9) })));
      }
      if (src.type === 'matching') expect(back).toMatchObject({ type: 'matching', pairs: src.pairs.map((p) => ({ right: expText(p.right) })), ...(src.distractors ? { distractors: src.distractors } : {}) });
      if (src.type === 'essay') expect(back.type).toBe('essay');
      if (src.type === 'cloze') expect(back).toMatchObject({ type: 'cloze', text: expect.stringContaining('{{gap}}') });
      expect(back.explanation).toBe(src.type === 'flashcard' ? expText(src.back) : expText(src.explanation));
    }
    }
  });

  it("decides single vs multiple answer as Moodle's qformat_gift does: by an unescaped '='", () => {
    const mc = {
      ...(fixtureBank.questions.find((q) => q.type === 'multiple-choice') as Question),
      id: 'one-key',
      type: 'multiple-choice' as const,
      options: [
        { id: 'a', text: 'A', correct: true },
        { id: 'b', text: 'B', correct: false },
      ],
    };
    const gift = exportGift([mc as Question]);
    expect(gift).toMatch(/~%100%(\[plain\])?A\n\s*~%-100%(\[plain\])?B\n/);
    const [back] = importGift(gift).questions;
    expect(back).toMatchObject({ type: 'multiple-choice', options: [{ text: 'A', correct: true }, { text: 'B', correct: false, fraction: -1 }] });
    // '=' makes it single-answer, with partial credit on the other options kept; '\\=' in a text does not.
    const { questions } = importGift('::s:: Q {=A ~%50%B ~C}\n\n::m:: Q {~%100%x\\=y ~z}\n');
    expect(questions[0]).toMatchObject({ type: 'single-choice', options: [{ correct: true }, { correct: false, fraction: 0.5 }, { correct: false }] });
    expect(questions[1]).toMatchObject({ type: 'multiple-choice', options: [{ text: 'x=y', correct: true }, { correct: false }] });
  });

  it('reports unreadable questions with their line instead of throwing', () => {
    const { questions, skipped } = importGift('::a:: ok {T}\n\n::b:: broken {#12abc}\n\n::c:: no end {=x ~y\n\nJust a description.\n');
    expect(questions.map((q) => q.id)).toEqual(['a']);
    expect(skipped.map((s) => s.line)).toEqual([3, 5, 7]);
    expect(skipped[0]?.reason).toContain('RK_PARSE_ERROR');
    expect(() => parseGift('::x:: {=a ~b')).toThrow(/RK_PARSE_ERROR: GIFT: an answer block "\{" is not closed at line 1/);
  });
});
