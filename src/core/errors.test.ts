import { describe, expect, it } from 'vitest';
import { RecallKitError, describe as describeValue, joinPath } from './errors';

describe('RecallKitError', () => {
  it('names the code, the reason and the path', () => {
    const e = new RecallKitError('RK_INVALID_RATING', 'rating must be 1-4 (Again..Easy), got 7', 'reviews[3].rating');
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('RecallKitError');
    expect(e.message).toBe('RK_INVALID_RATING: rating must be 1-4 (Again..Easy), got 7 at reviews[3].rating');
    expect(e.issues).toEqual([{ path: 'reviews[3].rating', message: 'rating must be 1-4 (Again..Easy), got 7' }]);
  });

  it('lists every issue when there are several', () => {
    const e = new RecallKitError('RK_INVALID_BANK', 'invalid bank', 'a', [
      { path: 'a', message: 'x' },
      { path: '', message: 'y' },
    ]);
    expect(e.message).toBe('RK_INVALID_BANK: invalid bank (2 issues)\n  - a: x\n  - (root): y');
  });

  it('describes values briefly and never throws', () => {
    expect(describeValue('x'.repeat(100))).toBe(`"${'x'.repeat(40)}…"`);
    expect(describeValue(Number.NaN)).toBe('NaN');
    expect(describeValue([1, 2])).toBe('an array of 2');
    expect(describeValue(Object.create(null))).toBe('an object');
    expect(joinPath(joinPath('a', 3), 'b')).toBe('a[3].b');
  });
});
