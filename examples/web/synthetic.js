// A synthetic review history for the optimizer demo. It is made up, not anyone's real
// reviews: a simulated learner whose memory follows FSRS-6 with weights that differ from
// the defaults (TRUE_WEIGHTS) studies `cards` cards for `days` days. The cards are scheduled
// by the default FSRS-6 scheduler (with interval fuzz), the learner reviews a little late
// at times, and recall is drawn from the simulated memory, so the optimizer has something
// to find: weights closer to TRUE_WEIGHTS than the defaults are.
import { createFsrs } from '../../dist/scheduler/index.js';

/** The simulated learner's weights (FSRS-6 defaults moved by a typical user-to-user spread). */
export const TRUE_WEIGHTS = Object.freeze([0.4, 1.0, 3.2, 10.5, 6.0, 0.95, 2.6, 0.02, 1.6, 0.22, 0.9, 1.7, 0.08, 0.32, 1.9, 0.5, 2.2, 0.6, 0.15, 0.12, 0.25]);

const DAY_MS = 86_400_000;

/** mulberry32: a small seeded PRNG, so the same seed gives the same history. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Draws a synthetic review history.
 *
 * Hint: it yields to the event loop every 50 cards, so the page stays responsive while it runs.
 *
 * @param {{ cards?: number, days?: number, seed?: number, now?: number }} [options] Cards, length of the period in days, seed, and the end of the period (epoch ms).
 * @returns {Promise<import('../../dist/scheduler/index.js').ReviewLog[]>} RecallKit review logs, oldest first, each with a `cardId`.
 */
export async function syntheticHistory(options = {}) {
  const cards = options.cards ?? 2000;
  const days = options.days ?? 365;
  const end = options.now ?? Date.now();
  const start = end - days * DAY_MS;
  const rnd = prng(options.seed ?? 1);
  const pick = (p) => {
    let u = rnd();
    for (let i = 0; i < p.length; i++) {
      u -= p[i];
      if (u < 0) return i + 1;
    }
    return p.length;
  };
  const scheduler = createFsrs({ fuzz: true });
  const memory = createFsrs({ weights: TRUE_WEIGHTS });
  const logs = [];
  for (let c = 0; c < cards; c++) {
    if (c > 0 && c % 50 === 0) await new Promise((resolve) => setTimeout(resolve, 0));
    const id = `synthetic-${c}`;
    // Cards are introduced over the first two thirds of the period, during the day (8:00-18:00 UTC).
    let t = start + Math.floor(rnd() * days * 0.66) * DAY_MS + (8 * 60 + Math.floor(rnd() * 600)) * 60_000;
    let card = scheduler.newCard(t, { id });
    let mind = memory.newCard(t, { id });
    for (let k = 0; k < 40 && t < end; k++) {
      let rating;
      if (card.state === 'new') rating = pick([0.25, 0.1, 0.55, 0.1]);
      else rating = rnd() < memory.retrievability(mind, t) ? [2, 3, 4][pick([0.15, 0.75, 0.1]) - 1] : 1;
      const result = scheduler.review(card, rating, t);
      logs.push(result.log);
      card = result.card;
      mind = memory.review(mind, rating, t).card;
      // Same-day steps are done on time (within a few minutes); reviews are often a day or two late.
      t = card.due - t < DAY_MS / 2 ? card.due + Math.floor(rnd() * 5 * 60_000) : card.due + (rnd() < 0.6 ? 0 : Math.floor(rnd() * 3)) * DAY_MS + Math.floor((rnd() - 0.5) * 4 * 3_600_000);
    }
  }
  return logs.sort((a, b) => a.reviewedAt - b.reviewedAt);
}
