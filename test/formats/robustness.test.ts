import { describe, expect, it } from 'vitest';
import { deepFreeze } from '../../src/core/freeze';
import { RecallKitError } from '../../src/core/errors';
import { exportApkg } from '../../src/formats/apkg';
import { exportAiken, exportAnkiText, exportGift, exportMoodleXml, exportQtiPackage, exportQuizlet, importAiken, importGift, parseGift, quizToHtml, quizToMarkdown } from '../../src/formats/index';
import { assembleQuiz } from '../../src/quiz/index';
import { fixtureBank } from '../fixtures/formats/bank';

const exporters: [string, (input: never) => unknown][] = [
  ['exportGift', exportGift],
  ['exportMoodleXml', exportMoodleXml],
  ['exportQtiPackage', exportQtiPackage],
  ['exportAiken', exportAiken],
  ['exportAnkiText', exportAnkiText],
  ['exportQuizlet', exportQuizlet],
];

describe('every format', () => {
  it('leaves its input unchanged (the bank is deeply frozen)', async () => {
    const frozen = deepFreeze(structuredClone(fixtureBank));
    const before = JSON.stringify(frozen);
    for (const [, fn] of exporters) fn(frozen as never);
    await exportApkg(frozen);
    const quiz = deepFreeze(assembleQuiz(frozen, {}, { seed: 1, forms: 2 }));
    quizToHtml(quiz);
    quizToMarkdown(quiz);
    expect(JSON.stringify(frozen)).toBe(before);
  });

  it('answers bad input with RecallKitError, never a TypeError', async () => {
    for (const bad of [null, undefined, 42, 'text', {}, { questions: 'x' }, [null], [{ id: 'x' }]]) {
      for (const [name, fn] of exporters) {
        let error: unknown;
        try {
          fn(bad as never);
        } catch (e) {
          error = e;
        }
        expect(error, `${name}(${JSON.stringify(bad)})`).toBeInstanceOf(RecallKitError);
      }
    }
    await expect(exportApkg(null as never)).rejects.toBeInstanceOf(RecallKitError);
    expect(() => quizToHtml(null as never)).toThrow(RecallKitError);
    expect(() => quizToMarkdown({} as never)).toThrow(RecallKitError);
    expect(() => parseGift(5 as never)).toThrow(RecallKitError);
    expect(() => importGift(null as never)).toThrow(RecallKitError);
    expect(() => importAiken([] as never)).toThrow(RecallKitError);
  });

  it('imports junk without hanging or throwing', () => {
    const junk = ['', '{', '}}}}', '::::', '::a::{', '{#..}', '{=->}', '$CATEGORY:', '\u0000\u0001', '{'.repeat(5000), `${'~'.repeat(10000)}{=a}`];
    for (const j of junk) {
      const g = importGift(j);
      expect(Array.isArray(g.questions)).toBe(true);
      const a = importAiken(j);
      expect(Array.isArray(a.questions)).toBe(true);
    }
  });
});
