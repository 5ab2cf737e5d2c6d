import { describe, expect, it } from 'vitest';
import { cloze, errorOf, options } from '../../test/fixtures/scoring/questions';
import { correctResponse } from './correct-response';
import { grade } from './grade';
import { NO_ANSWER } from './outcome';

// Moodle qtype_multianswer: each gap is graded as its own sub-question; the question fraction
// is the sum of gap marks over the total (default mark 1 per gap).
const q = cloze({
  text: 'Mosul is in {{country}}; it fell in {{year}}; the group is {{group}}.',
  gaps: [
    { id: 'country', type: 'short-answer', answers: [{ text: 'Iraq' }] },
    { id: 'year', type: 'numeric', answers: [{ value: 2014 }, { value: 2015, fraction: 0.5 }], weight: 2 },
    { id: 'group', type: 'single-choice', options: options('b', {}, 3) },
  ],
});
const r = (gaps: Record<string, string>) => ({ type: 'cloze' as const, gaps });

describe('cloze', () => {
  it('grades each gap as its sub-type and weights them', () => {
    expect(grade(q, r({ country: 'iraq', year: '2014', group: 'b' })).fraction).toBe(1);
    // (1×1 + 2×0.5 + 1×0) / 4
    expect(grade(q, r({ country: 'Iraq', year: '2015', group: 'a' })).fraction).toBe(0.5);
    // (0 + 2×1 + 1) / 4
    expect(grade(q, r({ country: 'Syria', year: '2,014', group: 'b' })).fraction).toBe(0.75);
  });

  it('reports parts with their share of the points', () => {
    const o = grade(q, r({ country: 'Iraq', year: '2015' }), { points: 8 });
    expect(o.score).toBe(4);
    expect(o.parts?.map((p) => [p.id, p.score, p.maxScore, p.fraction])).toEqual([
      ['country', 2, 2, 1],
      ['year', 2, 4, 0.5],
      ['group', 0, 2, 0],
    ]);
  });

  it('counts missing gaps as unanswered', () => {
    expect(grade(q, r({}))).toMatchObject({ score: 0, feedback: [NO_ANSWER] });
    expect(grade(q, r({ country: 'Iraq' })).fraction).toBe(0.25);
  });

  it('rejects unknown gaps, unknown option ids and non-strings', () => {
    expect(errorOf(() => grade(q, r({ nope: 'x' })))).toMatchObject({ code: 'RK_INVALID_RESPONSE', path: 'gaps.nope' });
    expect(errorOf(() => grade(q, r({ group: 'zz' })))).toMatchObject({ path: 'gaps.group.optionId' });
    expect(errorOf(() => grade(q, r({ year: 2014 as never })))).toMatchObject({ path: 'gaps.year' });
  });
});

describe('cloze correctResponse with a fixed decimal separator', () => {
  it("writes numeric gaps with decimal: ',' and without an exponent, so they grade full marks", () => {
    const c = cloze({
      text: '{{a}} and {{b}}',
      gaps: [
        { id: 'a', type: 'numeric', answers: [{ value: 2.5 }] },
        { id: 'b', type: 'numeric', answers: [{ value: 1.5e-7 }] },
      ],
    });
    const o = { decimal: ',' as const };
    expect(correctResponse(c, o)).toEqual({ type: 'cloze', gaps: { a: '2,5', b: '0,00000015' } });
    expect(grade(c, correctResponse(c, o), o).fraction).toBe(1);
  });
});
