import { describe, expect, it } from 'vitest';
import { errorOf, flashcard } from '../../test/fixtures/scoring/questions';
import { grade } from './grade';
import { NO_ANSWER } from './outcome';

const card = flashcard({ back: 'Abu Bakr al-Baghdadi' });
const typed = flashcard({ back: 'The leader of ISIS', answers: [{ text: 'al-Baghdadi' }, { text: '*Baghdadi', fraction: 0.5 }] });

describe('flashcard', () => {
  it('maps self-ratings Again/Hard/Good/Easy to 0, 0.5, 1, 1', () => {
    expect([1, 2, 3, 4].map((rating) => grade(card, { type: 'flashcard', rating: rating as 1 }).fraction)).toEqual([0, 0.5, 1, 1]);
  });

  it('lets the caller change the self-rating credit', () => {
    expect(grade(card, { type: 'flashcard', rating: 2 }, { selfRatingCredit: [0, 0.8, 1, 1] }).fraction).toBe(0.8);
  });

  it('compares a typed answer like a short answer, with the back when there are no answers', () => {
    expect(grade(card, { type: 'flashcard', text: 'abu bakr al-baghdadi' }).fraction).toBe(1);
    expect(grade(typed, { type: 'flashcard', text: 'AL-BAGHDADI' }).fraction).toBe(1);
    expect(grade(typed, { type: 'flashcard', text: 'Abu Bakr Baghdadi' }).fraction).toBe(0.5);
    expect(grade(typed, { type: 'flashcard', text: 'al-Bagdadi' }, { typoTolerance: 1 }).fraction).toBe(1);
  });

  it('uses the rating when the typed text is empty, and scores nothing as unanswered', () => {
    expect(grade(card, { type: 'flashcard', text: '', rating: 3 }).fraction).toBe(1);
    expect(grade(card, { type: 'flashcard' }).feedback).toEqual([NO_ANSWER]);
  });

  it('rejects a rating outside 1..4', () => {
    expect(errorOf(() => grade(card, { type: 'flashcard', rating: 5 } as never))).toMatchObject({ code: 'RK_INVALID_RESPONSE', path: 'rating' });
    expect(errorOf(() => grade(card, { type: 'flashcard', rating: Number.NaN } as never))).toMatchObject({ path: 'rating' });
  });
});
