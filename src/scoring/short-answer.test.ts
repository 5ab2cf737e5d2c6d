import { describe, expect, it } from 'vitest';
import { errorOf, shortAnswer } from '../../test/fixtures/scoring/questions';
import { grade } from './grade';
import { NO_ANSWER } from './outcome';
import { TYPO_ACCEPTED, matchText, normalizeText, withinEdits } from './short-answer';

const r = (text: string) => ({ type: 'short-answer' as const, text });

describe('matchText (Moodle qtype_shortanswer::compare_string_with_wildcard)', () => {
  it('matches the whole text, ignoring case by default', () => {
    expect(matchText('Mosul', 'mosul')).toBe(true);
    expect(matchText('Mosul city', 'mosul')).toBe(false);
    expect(matchText('Mosul', 'mosul', { caseSensitive: true })).toBe(false);
  });

  it('treats * as any run of characters, and \\* as a literal star', () => {
    expect(matchText('Abu Bakr al-Baghdadi', 'abu * baghdadi')).toBe(false);
    expect(matchText('Abu Bakr al-Baghdadi', 'abu *baghdadi')).toBe(true);
    expect(matchText('Baghdadi', '*baghdadi*')).toBe(true);
    expect(matchText('xyz', '*')).toBe(true);
    expect(matchText('new york', 'new *')).toBe(true);
    expect(matchText('newyork', 'new *')).toBe(false);
    expect(matchText('a*b', 'a\\*b')).toBe(true);
    expect(matchText('axxb', 'a\\*b')).toBe(false);
    expect(matchText('abcabc', 'a*c*c')).toBe(true);
    expect(matchText('abc', 'a*bc*c')).toBe(false);
  });

  it('trims and collapses whitespace; punctuation and accents only on request', () => {
    expect(matchText('  Islamic   State ', 'islamic state')).toBe(true);
    expect(matchText('Mosul.', 'Mosul')).toBe(false);
    expect(matchText('Mosul.', 'Mosul', { ignorePunctuation: true })).toBe(true);
    expect(matchText('U.S.', 'US', { ignorePunctuation: true })).toBe(true);
    expect(matchText('Bruxelles', 'Brüxelles')).toBe(false);
    expect(matchText('Bruxelles', 'Brüxelles', { ignoreDiacritics: true })).toBe(true);
    expect(normalizeText(' Émile  Zola! ', { ignoreDiacritics: true, ignorePunctuation: true })).toBe('emile zola');
  });

  it('accepts typos within the edit bound only when asked, and never with wildcards', () => {
    expect(matchText('Bagdadi', 'Baghdadi')).toBe(false);
    expect(matchText('Bagdadi', 'Baghdadi', { typoTolerance: 1 })).toBe(true);
    expect(matchText('Bagdad', 'Baghdadi', { typoTolerance: 1 })).toBe(false);
    expect(matchText('Bagdad', 'Baghdadi', { typoTolerance: 2 })).toBe(true);
    expect(matchText('Bagdadi x', 'Baghdadi*', { typoTolerance: 1 })).toBe(false);
  });

  it('runs in linear time on adversarial input (no RegExp from user text)', () => {
    const text = 'a'.repeat(100_000);
    const t = performance.now();
    expect(matchText(text, '*a*a*a*a*a*b')).toBe(false);
    expect(matchText(text, '*a*a*a*a*a*')).toBe(true);
    expect(matchText(`${text}b`, '*a*a*a*a*a*b')).toBe(true);
    expect(matchText(text, 'a*'.repeat(5_000) + 'b')).toBe(false);
    expect(matchText(text, '(a+)+$')).toBe(false);
    // Typo tolerance is bounded: answers over 1,000 characters must match exactly.
    expect(matchText(text, 'a'.repeat(99_999), { typoTolerance: 2 })).toBe(false);
    expect(matchText('a'.repeat(999), 'a'.repeat(1000), { typoTolerance: 2 })).toBe(true);
    expect(performance.now() - t).toBeLessThan(500);
  });
});

describe('withinEdits (Levenshtein, hand-computed)', () => {
  it.each([
    ['kitten', 'sitting', 3],
    ['flaw', 'lawn', 2],
    ['', 'abc', 3],
    ['abc', 'abc', 0],
  ])('%s / %s are %d apart', (a, b, d) => {
    expect(withinEdits(a, b, d)).toBe(true);
    if (d > 0) expect(withinEdits(a, b, d - 1)).toBe(false);
  });
});

describe('short-answer grading', () => {
  const q = shortAnswer({
    answers: [
      { text: 'Abu Bakr al-Baghdadi', feedback: 'Full name.' },
      { text: '*Baghdadi', fraction: 0.5 },
      { text: '*', fraction: 0.1, feedback: 'Anything else.' },
    ],
  });

  it('gives the first matching answer its fraction (Moodle get_matching_answer)', () => {
    expect(grade(q, r('abu bakr al-baghdadi'))).toMatchObject({ fraction: 1, feedback: ['Full name.'] });
    expect(grade(q, r('al-Baghdadi')).fraction).toBe(0.5);
    expect(grade(q, r('someone')).fraction).toBe(0.1);
  });

  it('prefers an exact match on a later answer over a typo match on an earlier one', () => {
    const t = shortAnswer({ answers: [{ text: 'Raqqa' }, { text: 'Raqa', fraction: 0.5 }] });
    expect(grade(t, r('Raqa'), { typoTolerance: 1 }).fraction).toBe(0.5);
    expect(grade(t, r('Rqqa'), { typoTolerance: 1 })).toMatchObject({ fraction: 1, feedback: [TYPO_ACCEPTED] });
  });

  it('honours the question case flag', () => {
    const cs = shortAnswer({ answers: [{ text: 'ISIS' }], caseSensitive: true });
    expect(grade(cs, r('isis')).fraction).toBe(0);
    expect(grade(cs, r('ISIS')).fraction).toBe(1);
  });

  it('scores an empty answer as zero even when * is accepted', () => {
    expect(grade(q, r('   '))).toMatchObject({ score: 0, feedback: [NO_ANSWER] });
  });

  it('rejects non-strings and text over 100,000 characters', () => {
    expect(errorOf(() => grade(q, r('x'.repeat(1_000_000))))).toMatchObject({ code: 'RK_INVALID_RESPONSE', path: 'text' });
    expect(errorOf(() => grade(q, { type: 'short-answer', text: 5 } as never))).toMatchObject({ path: 'text' });
  });
});
