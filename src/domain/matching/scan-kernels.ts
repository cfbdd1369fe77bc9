/**
 * The typed-array loops of a pick, kept apart and small so that V8 optimises each once: postings accumulation, the
 * 2-hop scan over ties, and the counting sort of scores.
 */
import type { Csr } from "./csr";
import type { TermVector } from "../text/tfidf";

/**
 * A pick's per-member signals are interleaved, `signalSlots` Int32 values per member (member m at m × signalSlots),
 * so that scoring a local reads one cache line instead of one per signal array: the scan is bound by memory traffic.
 */
export const signalSlots = 8;
export const slot = {
  sectors: 0,
  tags: 1,
  /** Traveller's seeks · local's gives. */
  seeksGives: 2,
  /** Local's seeks · traveller's gives. */
  givesSeeks: 3,
  mutual: 4,
  meetings: 5,
  follows: 6,
} as const;

/** Counts, for each member, how many of the given labels (sectors or tags) they hold; marks them as touched. */
export function accumulateLabels(
  labels: readonly number[],
  rows: Csr,
  signals: Int32Array,
  at: number,
  status: Uint8Array,
): void {
  const { offsets, targets } = rows;
  for (let l = 0; l < labels.length; l++) {
    const label = labels[l] as number;
    const end = offsets[label + 1] as number;
    for (let k = offsets[label] as number; k < end; k++) {
      const m = targets[k] as number;
      const i = m * signalSlots + at;
      signals[i] = (signals[i] as number) + 1;
      status[m] = 1;
    }
  }
}

/** Adds a trip vector's dot product with every member vector in the postings; marks them as touched. */
export function accumulateDots(
  vector: TermVector,
  postings: Csr,
  signals: Int32Array,
  at: number,
  status: Uint8Array,
): void {
  const { offsets, targets, values } = postings;
  for (let v = 0; v < vector.termIds.length; v++) {
    const term = vector.termIds[v] as number;
    const weight = vector.weights[v] as number;
    const end = offsets[term + 1] as number;
    for (let k = offsets[term] as number; k < end; k++) {
      const m = targets[k] as number;
      const i = m * signalSlots + at;
      signals[i] = (signals[i] as number) + weight * (values[k] as number);
      status[m] = 1;
    }
  }
}

/** Counts mutual connections (2-hop paths over ties) and records direct tie meetings. */
export function accumulateNeighbourhood(ties: Csr, traveller: number, signals: Int32Array): void {
  const { offsets, targets, values } = ties;
  const end = offsets[traveller + 1] as number;
  for (let k = offsets[traveller] as number; k < end; k++) {
    const friend = targets[k] as number;
    signals[friend * signalSlots + slot.meetings] = values[k] as number;
    const friendEnd = offsets[friend + 1] as number;
    for (let j = offsets[friend] as number; j < friendEnd; j++) {
      const i = (targets[j] as number) * signalSlots + slot.mutual;
      signals[i] = (signals[i] as number) + 1;
    }
  }
}

/** Orders positions by score descending, then member ascending; a counting sort since scores are small integers. */
export function rankPositions(scores: Int32Array, count: number, order: Int32Array): Int32Array {
  let low = 0;
  let high = 0;
  for (let i = 0; i < count; i++) {
    const score = scores[i] as number;
    if (i === 0 || score < low) low = score;
    if (i === 0 || score > high) high = score;
  }
  if (high - low > 1 << 16) {
    // Extra signals with huge points: fall back to a comparison sort (positions are in member order already).
    const sorted = Array.from({ length: count }, (_, i) => i).sort(
      (a, b) => (scores[b] as number) - (scores[a] as number) || a - b,
    );
    order.set(sorted);
    return order;
  }
  const buckets = new Int32Array(high - low + 2);
  for (let i = 0; i < count; i++) buckets[high - (scores[i] as number) + 1]! += 1;
  for (let b = 1; b < buckets.length; b++) buckets[b]! += buckets[b - 1] as number;
  for (let i = 0; i < count; i++) order[buckets[high - (scores[i] as number)]!++] = i;
  return order;
}
