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
 * Ranks come from a bucket sort on time (linear for spread-out times; a small comparator sort inside a
 * crowded bucket): a comparator sort of 10^5 indices, or a binary search per item, costs several times more.
 *
 * @param times Item times.
 * @returns One weight per item.
 */
export function recencyWeights(times: Float64Array): Float64Array {
  const count = times.length;
  const out = new Float64Array(count);
  if (count === 0) return out;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < count; i++) {
    const t = times[i] as number;
    if (t < min) min = t;
    if (t > max) max = t;
  }
  const span = max - min;
  const bucketOf = new Int32Array(count);
  const start = new Int32Array(count + 1);
  for (let i = 0; i < count; i++) {
    const b = span > 0 ? Math.min(count - 1, Math.floor((((times[i] as number) - min) / span) * (count - 1))) : 0;
    bucketOf[i] = b;
    start[b + 1] = (start[b + 1] as number) + 1;
  }
  for (let b = 0; b < count; b++) start[b + 1] = (start[b + 1] as number) + (start[b] as number);
  const order = new Int32Array(count);
  const fill = start.slice(0, count);
  // Indices go into their bucket in index order, so the sort inside a bucket only needs to be by time, stably.
  for (let i = 0; i < count; i++) {
    const b = bucketOf[i] as number;
    order[fill[b] as number] = i;
    fill[b] = (fill[b] as number) + 1;
  }
  for (let b = 0; b < count; b++) {
    const lo = start[b] as number;
    const hi = start[b + 1] as number;
    if (hi - lo < 2) continue;
    if (hi - lo <= 16) {
      for (let i = lo + 1; i < hi; i++) {
        const item = order[i] as number;
        const t = times[item] as number;
        let j = i - 1;
        while (j >= lo && (times[order[j] as number] as number) > t) {
          order[j + 1] = order[j] as number;
          j--;
        }
        order[j + 1] = item;
      }
    } else {
      const slice = Array.from(order.subarray(lo, hi)).sort((x, y) => (times[x] as number) - (times[y] as number) || x - y);
      order.set(slice, lo);
    }
  }
  const denom = Math.max(count - 1, 1);
  for (let rank = 0; rank < count; rank++) out[order[rank] as number] = 0.25 + 0.75 * (rank / denom) ** 3;
  return out;
}
