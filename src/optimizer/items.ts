/**
 * Builds fsrs-rs-style training items from a dataset and packs them for the model.
 *
 * An item (fsrs-rs `FSRSItem`) is one review with at least one elapsed day, plus the card's reviews
 * before it. Items are weighted by recency (fsrs-rs `recency_weighted_fsrs_items`): the i-th of N items
 * in time order weighs `0.25 + 0.75 (i / (N - 1))^3`, so recent behaviour counts up to 4x more.
 */
import type { ReviewDataset } from './dataset';
import type { PackedReviews } from './model';
import { findOutliers } from './pretrain';
import type { FirstLongTerm } from './pretrain';

/** Items ready for training or evaluation. */
export interface ItemSet {
  /**
   * Packed histories of every card that has an item; `weight` holds each training item's recency weight
   * (0 for reviews that are not items, for cards dropped as outliers and for items over `maxSeqLen`).
   */
  readonly packed: PackedReviews;
  /** Recency weights over all items, unfiltered: what the evaluator (fsrs-rs `evaluate`) uses. */
  readonly evalWeight: Float64Array;
  /** Scored reviews (items) per packed card. */
  readonly itemsPerCard: Int32Array;
  /** Number of items N (the loss normaliser). */
  readonly total: number;
  /** Share of items that were passed (rating > 1). */
  readonly averageRecall: number;
  /** First long-term review of each kept card, after the outlier filter (pretraining input). */
  readonly firstLongTerm: readonly FirstLongTerm[];
  /** Cards dropped by the outlier filter. */
  readonly outlierCards: number;
  /** Items whose history exceeds `maxSeqLen` (dropped from the loss). */
  readonly tooLong: number;
}

/** How to build the item set. */
export interface ItemOptions {
  /** Drop cards in rare (first rating, first interval) groups, as fsrs-rs does before training. */
  readonly filterOutliers: boolean;
  /** Longest item (history + current review) kept; fsrs-rs's default is 256. */
  readonly maxSeqLen: number;
}

/**
 * Builds the items of a dataset.
 *
 * @param dataset The dataset.
 * @param options Outlier filter and length cap.
 * @returns The item set.
 */
export function buildItems(dataset: ReviewDataset, options: ItemOptions): ItemSet {
  const cards = dataset.cards;
  const firsts: FirstLongTerm[] = [];
  const firstOwner: number[] = [];
  cards.forEach((card, c) => {
    for (let k = 1; k < card.ratings.length; k++) {
      if ((card.deltaTs[k] as number) > 0) {
        firsts.push({ firstRating: card.ratings[0] as number, deltaT: card.deltaTs[k] as number, passed: (card.ratings[k] as number) > 1 });
        firstOwner.push(c);
        break;
      }
    }
  });
  const keepCard = new Uint8Array(cards.length);
  let firstLongTerm: FirstLongTerm[] = firsts;
  let outlierCards = 0;
  if (options.filterOutliers) {
    const { removed, kept } = findOutliers(firsts);
    firstLongTerm = kept.map((i) => firsts[i] as FirstLongTerm);
    for (let j = 0; j < firsts.length; j++) {
      const f = firsts[j] as FirstLongTerm;
      const c = firstOwner[j] as number;
      if ((removed[f.firstRating] as Set<number>).has(f.deltaT)) outlierCards++;
      else keepCard[c] = 1;
    }
  } else {
    for (const c of firstOwner) keepCard[c] = 1;
  }

  // Every item; the training items are those of kept cards. Recency ranks are by time, ties broken by
  // card order, then review order: once over all items (evaluation), once over the kept ones (training).
  let count = 0;
  for (let c = 0; c < cards.length; c++) {
    const deltaTs = (cards[c] as (typeof cards)[number]).deltaTs;
    for (let k = 1; k < deltaTs.length; k++) if ((deltaTs[k] as number) > 0) count++;
  }
  const itemCard = new Int32Array(count);
  const itemIdx = new Int32Array(count);
  const itemTime = new Float64Array(count);
  const lastItem = new Int32Array(cards.length).fill(-1);
  let kept = 0;
  let passed = 0;
  let n = 0;
  for (let c = 0; c < cards.length; c++) {
    const { ratings, deltaTs, times } = cards[c] as (typeof cards)[number];
    for (let k = 1; k < ratings.length; k++) {
      if ((deltaTs[k] as number) <= 0) continue;
      itemCard[n] = c;
      itemIdx[n] = k;
      itemTime[n] = times[k] as number;
      lastItem[c] = k;
      if (keepCard[c]) {
        kept++;
        if ((ratings[k] as number) > 1) passed++;
      }
      n++;
    }
  }
  const allWeight = recencyWeights(itemTime);
  let keptWeight = allWeight;
  if (kept < count) {
    const keptTime = new Float64Array(kept);
    let j = 0;
    for (let i = 0; i < count; i++) if (keepCard[itemCard[i] as number]) keptTime[j++] = itemTime[i] as number;
    keptWeight = recencyWeights(keptTime);
  }

  // Pack every card that has an item, up to its last item.
  let packedCount = 0;
  let totalReviews = 0;
  for (let c = 0; c < cards.length; c++) {
    if ((lastItem[c] as number) >= 1) {
      packedCount++;
      totalReviews += (lastItem[c] as number) + 1;
    }
  }
  const cardStart = new Int32Array(packedCount + 1);
  const rating = new Uint8Array(totalReviews);
  const deltaT = new Float64Array(totalReviews);
  const weight = new Float64Array(totalReviews);
  const evalWeight = new Float64Array(totalReviews);
  const offset = new Int32Array(cards.length);
  const packedIndex = new Int32Array(cards.length);
  let pos = 0;
  let j = 0;
  for (let c = 0; c < cards.length; c++) {
    const len = (lastItem[c] as number) + 1;
    if (len < 2) continue;
    const { ratings, deltaTs } = cards[c] as (typeof cards)[number];
    cardStart[j] = pos;
    offset[c] = pos;
    packedIndex[c] = j;
    for (let k = 0; k < len; k++) {
      rating[pos + k] = ratings[k] as number;
      deltaT[pos + k] = deltaTs[k] as number;
    }
    pos += len;
    j++;
  }
  cardStart[packedCount] = pos;
  let tooLong = 0;
  const itemsPerCard = new Int32Array(packedCount);
  let ki = 0;
  for (let i = 0; i < count; i++) {
    const c = itemCard[i] as number;
    const k = itemIdx[i] as number;
    const at = (offset[c] as number) + k;
    evalWeight[at] = allWeight[i] as number;
    if (!keepCard[c]) continue;
    const wt = keptWeight[ki++] as number;
    if (k + 1 > options.maxSeqLen) {
      tooLong++;
      continue;
    }
    weight[at] = wt;
    const p = packedIndex[c] as number;
    itemsPerCard[p] = (itemsPerCard[p] as number) + 1;
  }
  return {
    packed: { cardStart, rating, deltaT, weight },
    evalWeight,
    itemsPerCard,
    total: kept - tooLong,
    averageRecall: kept > 0 ? passed / kept : 0,
    firstLongTerm,
    outlierCards,
    tooLong,
  };
}

/**
 * Recency weights `0.25 + 0.75 (rank / (N - 1))^3` by time rank; equal times rank in input order.
 *
 * @param times Item times.
 * @returns One weight per item.
 */
export function recencyWeights(times: Float64Array): Float64Array {
  const count = times.length;
  const out = new Float64Array(count);
  const order = timeOrder(times);
  const denom = Math.max(count - 1, 1);
  for (let rank = 0; rank < count; rank++) out[order[rank] as number] = 0.25 + 0.75 * (rank / denom) ** 3;
  return out;
}

/**
 * Indices sorted by time, stably: an LSD radix sort on the IEEE-754 bits (skipping passes whose digit
 * never varies). Review times are skewed (a few cards reach decades ahead), which
 * defeats bucket sorts, and a comparator sort of 10^5 indices costs several times more.
 *
 * @param times Finite numbers.
 * @returns A permutation of `0..n-1`.
 */
export function timeOrder(times: Float64Array): Int32Array {
  const count = times.length;
  const words = new Uint32Array(times.buffer.slice(times.byteOffset, times.byteOffset + times.byteLength));
  // Map each double to an unsigned key whose order is the numeric order: flip the sign bit of
  // non-negative numbers, all bits of negative ones (little-endian: word 2i is low, 2i + 1 high).
  for (let i = 0; i < count; i++) {
    const hi = words[2 * i + 1] as number;
    if (hi & 0x80000000) {
      words[2 * i + 1] = ~hi >>> 0;
      words[2 * i] = ~(words[2 * i] as number) >>> 0;
    } else {
      words[2 * i + 1] = (hi | 0x80000000) >>> 0;
    }
  }
  let order = new Int32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  let next = new Int32Array(count);
  // 16-bit digits (4 passes) for large inputs; 8-bit digits (8 passes, a 256-entry table) for small ones,
  // where clearing and summing a 65,536-entry table would dominate.
  const bits = count > 50_000 ? 16 : 8;
  const radix = 1 << bits;
  const mask = radix - 1;
  const counts = new Int32Array(radix + 1);
  for (let pass = 0; pass < 64 / bits; pass++) {
    const word = pass < 32 / bits ? 0 : 1;
    const shift = (pass * bits) % 32;
    counts.fill(0);
    for (let i = 0; i < count; i++) {
      const digit = ((words[2 * i + word] as number) >>> shift) & mask;
      counts[digit + 1] = (counts[digit + 1] as number) + 1;
    }
    let varies = true;
    for (let d = 1; d <= radix; d++) {
      if (counts[d] === count) varies = false;
      counts[d] = (counts[d] as number) + (counts[d - 1] as number);
    }
    if (!varies) continue;
    for (let j = 0; j < count; j++) {
      const i = order[j] as number;
      const digit = ((words[2 * i + word] as number) >>> shift) & mask;
      const at = counts[digit] as number;
      next[at] = i;
      counts[digit] = at + 1;
    }
    const tmp = order;
    order = next;
    next = tmp;
  }
  return order;
}
