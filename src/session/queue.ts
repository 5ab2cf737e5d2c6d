import { type DayRollover, dayNumber } from '../core/time';
import type { CardState, Scheduler } from '../scheduler/types';
import type { Question } from '../schema/question';
import type { QueueName, StudyItem } from './types';

/** The queues of due cards, each in the order it should be asked. */
export interface Queues {
  /** Review cards due today, most urgent (lowest recall probability) first. */
  readonly review: readonly StudyItem[];
  /** Learning and relearning cards due now, earliest first. */
  readonly learning: readonly StudyItem[];
  /** New cards allowed today, topics interleaved. */
  readonly new: readonly StudyItem[];
  /** Learning cards due within the learn-ahead limit (asked when nothing else is due). */
  readonly ahead: readonly StudyItem[];
}

/** Everything `buildQueues` reads. */
export interface QueueInput {
  /** The studyable questions, in bank order (new cards are taken in this order, topics interleaved). */
  readonly questions: readonly Question[];
  /** Saved card state per question id. */
  readonly cards: Readonly<Record<string, CardState>>;
  /** The scheduler (for new cards and retrievability). */
  readonly scheduler: Scheduler;
  /** The current time (epoch ms). */
  readonly now: number;
  /** Review cards still allowed today. */
  readonly reviewsLeft: number;
  /** New cards still allowed today. */
  readonly newLeft: number;
  /** Learn-ahead limit in milliseconds. */
  readonly learnAheadMs: number;
  /** When the learner's day starts. */
  readonly rollover: DayRollover;
}

/**
 * Reorders items so that consecutive items come from different topics where
 * possible: a round robin over topics, each topic keeping its own order.
 *
 * Hint: interleaving (mixing topics) improves transfer compared with blocked
 * practice; the first item of each topic keeps its priority rank.
 *
 * @param items The items in priority order.
 * @param topicOf Returns an item's topic.
 * @returns A new array with the same items.
 */
export function interleaveTopics<T>(items: readonly T[], topicOf: (item: T) => string): T[] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const topic = topicOf(item);
    const group = groups.get(topic);
    if (group) group.push(item);
    else groups.set(topic, [item]);
  }
  const out: T[] = [];
  const lists = [...groups.values()];
  for (let round = 0; out.length < items.length; round++) {
    for (const list of lists) if (round < list.length) out.push(list[round] as T);
  }
  return out;
}

function item(question: Question, card: CardState, queue: QueueName): StudyItem {
  return { question, card, queue };
}

/**
 * Builds the due queues: reviews by urgency, learning steps by due time, new
 * cards in bank order with topics interleaved, each capped by the daily limits.
 *
 * @param input The questions, cards, clock and limits.
 * @returns The queues; nothing in the input is changed.
 */
export function buildQueues(input: QueueInput): Queues {
  const { questions, cards, scheduler, now, rollover } = input;
  const today = dayNumber(now, rollover);
  const reviews: { entry: StudyItem; r: number }[] = [];
  const learning: StudyItem[] = [];
  const ahead: StudyItem[] = [];
  const fresh: StudyItem[] = [];
  // Interleave the whole bank once, so new cards keep a fixed order (alpha, beta,
  // gamma, alpha, ...) however many were already answered.
  const topic = (q: Question): string => q.topic;
  for (const question of interleaveTopics(questions, topic)) {
    // Own properties only: an id like `toString` must not read Object.prototype.
    const card = Object.hasOwn(cards, question.id) ? cards[question.id] : undefined;
    if (!card || card.state === 'new') {
      fresh.push(item(question, card ?? scheduler.newCard(now, { id: question.id }), 'new'));
    } else if (card.state === 'review') {
      // Review cards are due by learner day, as in Anki: a card due at 18:00 is shown in the morning.
      if (dayNumber(card.due, rollover) <= today) reviews.push({ entry: item(question, card, 'review'), r: scheduler.retrievability(card, now) });
    } else if (card.due <= now) {
      learning.push(item(question, card, 'learning'));
    } else if (card.due <= now + input.learnAheadMs) {
      ahead.push(item(question, card, 'learning'));
    }
  }
  const byDue = (a: StudyItem, b: StudyItem): number => a.card.due - b.card.due || (a.question.id < b.question.id ? -1 : 1);
  reviews.sort((a, b) => a.r - b.r || byDue(a.entry, b.entry));
  learning.sort(byDue);
  ahead.sort(byDue);
  return {
    review: reviews.slice(0, Math.max(0, input.reviewsLeft)).map((x) => x.entry),
    learning,
    new: fresh.slice(0, Math.max(0, input.newLeft)),
    ahead,
  };
}
