import { describe, expect, it } from 'vitest';
import { errorOf, essay } from '../../test/fixtures/scoring/questions';
import { AWAITING_REVIEW } from './essay';
import { grade } from './grade';

const q = essay({
  rubric: [
    { id: 'thesis', criterion: 'Clear thesis', points: 4 },
    { id: 'evidence', criterion: 'Uses the source', points: 6 },
  ],
  points: 5,
});

describe('essay', () => {
  it('needs review until a person marks it', () => {
    expect(grade(q, { type: 'essay', text: 'My essay.' })).toEqual({
      score: 0, maxScore: 5, fraction: 0, correct: false, partial: false, feedback: [AWAITING_REVIEW], needsReview: true,
    });
  });

  it('scores a full rubric as earned over total points', () => {
    const o = grade(q, { type: 'essay', text: 'x', rubricScores: { thesis: 4, evidence: 3 } });
    expect(o).toMatchObject({ fraction: 0.7, score: 3.5, partial: true });
    expect(o.needsReview).toBeUndefined();
  });

  it('keeps needsReview while some criteria are unmarked', () => {
    expect(grade(q, { type: 'essay', text: 'x', rubricScores: { thesis: 4 } })).toMatchObject({ fraction: 0.4, needsReview: true });
  });

  it('rejects unknown criteria and scores outside 0..points', () => {
    expect(errorOf(() => grade(q, { type: 'essay', text: 'x', rubricScores: { style: 1 } }))).toMatchObject({
      code: 'RK_INVALID_RESPONSE',
      path: 'rubricScores.style',
    });
    expect(errorOf(() => grade(q, { type: 'essay', text: 'x', rubricScores: { thesis: 5 } }))).toMatchObject({ path: 'rubricScores.thesis' });
    expect(errorOf(() => grade(q, { type: 'essay', text: 'x', rubricScores: { thesis: Number.NaN } }))).toMatchObject({ path: 'rubricScores.thesis' });
  });
});

describe('essay rubric scores', () => {
  it('counts own criteria only, never ones inherited through the prototype', () => {
    const inherited = Object.create({ thesis: 4, evidence: 6 }) as Record<string, number>;
    expect(grade(q, { type: 'essay', text: 'x', rubricScores: inherited })).toMatchObject({ fraction: 0, needsReview: true });
    const mixed = Object.assign(Object.create({ evidence: 6 }) as Record<string, number>, { thesis: 4 });
    expect(grade(q, { type: 'essay', text: 'x', rubricScores: mixed })).toMatchObject({ fraction: 0.4, needsReview: true });
  });
});
