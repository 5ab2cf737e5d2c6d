import { describe, expect, it } from 'vitest';
import { errorOf, matching } from '../../test/fixtures/scoring/questions';
import { grade } from './grade';
import { NO_ANSWER } from './outcome';

// Moodle qtype_match: fraction = pairs right / number of stems; distractors are extra choices.
const q = matching({
  pairs: [
    { id: 'p1', left: 'Mosul', right: 'Iraq' },
    { id: 'p2', left: 'Raqqa', right: 'Syria' },
    { id: 'p3', left: 'Brussels', right: 'Belgium' },
    { id: 'p4', left: 'Paris', right: 'France' },
  ],
  distractors: ['Turkey'],
});
const r = (matches: Record<string, string>) => ({ type: 'matching' as const, matches });

describe('matching', () => {
  it('gives credit per right pair', () => {
    expect(grade(q, r({ p1: 'Iraq', p2: 'Syria', p3: 'Belgium', p4: 'France' })).fraction).toBe(1);
    expect(grade(q, r({ p1: 'Iraq', p2: 'Iraq', p3: 'Belgium', p4: 'Turkey' })).fraction).toBe(0.5);
    expect(grade(q, r({ p1: 'Syria', p2: 'Iraq' })).fraction).toBe(0);
  });

  it('reports one part per pair, in question points', () => {
    const o = grade(q, r({ p1: 'Iraq', p2: 'Turkey' }), { points: 2 });
    expect(o.score).toBe(0.5);
    expect(o.parts?.map((p) => [p.id, p.score, p.correct])).toEqual([
      ['p1', 0.5, true],
      ['p2', 0, false],
      ['p3', 0, false],
      ['p4', 0, false],
    ]);
  });

  it('scores nothing chosen as unanswered', () => {
    expect(grade(q, r({})).feedback).toEqual([NO_ANSWER]);
    expect(grade(q, r({ p1: '' })).feedback).toEqual([NO_ANSWER]);
  });

  it('rejects unknown pair ids and texts no UI offers', () => {
    expect(errorOf(() => grade(q, r({ p9: 'Iraq' })))).toMatchObject({ code: 'RK_INVALID_RESPONSE', path: 'matches.p9' });
    expect(errorOf(() => grade(q, r({ p1: 'Narnia' })))).toMatchObject({ path: 'matches.p1' });
    expect(errorOf(() => grade(q, { type: 'matching', matches: [] } as never))).toMatchObject({ path: 'matches' });
    expect(errorOf(() => grade(q, r({ p1: 7 as never })))).toMatchObject({ path: 'matches.p1' });
  });

  it('does not read inherited keys such as __proto__', () => {
    const tricky = matching({ pairs: [{ id: '__proto__', left: 'a', right: 'b' }, { id: 'constructor', left: 'c', right: 'd' }] });
    expect(grade(tricky, r({})).fraction).toBe(0);
  });
});
