/**
 * Turns a ranked candidate list into alerts that open the network: no community takes more than its share (40 %)
 * while other communities still hold candidates, and young founders who have given get at least their share.
 * The rules and the reasons for them are in docs/matching.md.
 */

/** The candidates as the selection sees them, best first: community number and young-giver flag per position. */
export interface SelectableCandidates {
  readonly communities: Int32Array;
  readonly isYoungGiver: Uint8Array;
  /** An upper bound of the community numbers plus one, when known (saves a pass). */
  readonly communityCount?: number;
}

/** The per-community ceiling for n alerts; at least 1, so that tiny picks still spread across communities. */
export function communityCap(n: number, maxShare: number): number {
  return Math.max(1, Math.floor(maxShare * n + 1e-9));
}

/** At least the young givers' share of the relevant candidates, rounded up. */
export function youngFounderFloor(youngCount: number, n: number, relevantCount: number): number {
  return relevantCount === 0 ? 0 : Math.ceil((youngCount * n) / relevantCount - 1e-9);
}

type Plan = { readonly n: number; readonly cap: number; readonly dominant: number };

/**
 * The largest alert count n ≤ limit that the community rule allows, and how: either every community within the cap
 * (dominant -1), or one community above it while every other community is alerted in full. Sending fewer alerts is
 * preferred to letting one clan take the pick.
 */
function plan(sizes: Int32Array, total: number, limit: number, maxShare: number): Plan {
  for (let n = limit; n >= 1; n--) {
    const cap = communityCap(n, maxShare);
    let room = 0;
    let largest = -1;
    let aboveCap = 0;
    for (let c = 0; c < sizes.length; c++) {
      const size = sizes[c] as number;
      room += Math.min(size, cap);
      if (size > cap) aboveCap++;
      if (largest < 0 || size > (sizes[largest] as number)) largest = c;
    }
    if (room >= n) return { n, cap, dominant: -1 };
    // Only one community may be above the cap: every other one is alerted in full, so must fit under it.
    if (aboveCap === 1 && largest >= 0) {
      const need = n - (total - (sizes[largest] as number));
      if (need > cap && need <= (sizes[largest] as number)) return { n, cap, dominant: largest };
    }
  }
  return { n: 0, cap: 0, dominant: -1 };
}

/**
 * Chooses which candidates get alerts; returns their positions in the list, ascending (so, best first).
 * Greedy on an effective score: each alert already given to a community costs its next candidate `communityPenalty`
 * points, so the pick spreads across communities unless a clan's candidates are far better. Young givers are taken
 * first up to their floor, then the rest; always within the community caps.
 */
export function selectDiverse(
  candidates: SelectableCandidates,
  scores: Int32Array,
  limit: number,
  maxShare: number,
  communityPenalty: number,
): number[] {
  const { communities, isYoungGiver } = candidates;
  const total = communities.length;
  if (total <= limit) return Array.from({ length: total }, (_, i) => i);
  let communityCount = candidates.communityCount ?? 0;
  if (candidates.communityCount === undefined) {
    for (let i = 0; i < total; i++) communityCount = Math.max(communityCount, (communities[i] as number) + 1);
  }
  // Positions grouped by community, each group best first (CSR by community).
  const sizes = new Int32Array(communityCount);
  let youngCount = 0;
  for (let i = 0; i < total; i++) {
    sizes[communities[i] as number]! += 1;
    youngCount += isYoungGiver[i] as number;
  }
  const starts = new Int32Array(communityCount + 1);
  for (let c = 0; c < communityCount; c++) starts[c + 1] = (starts[c] as number) + (sizes[c] as number);
  const { byCommunity, taken } = buffersFor(total);
  const fill = starts.slice(0, communityCount);
  for (let i = 0; i < total; i++) byCommunity[fill[communities[i] as number]!++] = i;

  const { n, cap, dominant } = plan(sizes, total, limit, maxShare);
  const floor = youngFounderFloor(youngCount, n, total);
  const dominantLimit = dominant < 0 ? cap : n - (total - (sizes[dominant] as number));
  const perCommunity = new Int32Array(communityCount);
  // Next untaken (young) candidate of each community, as an index into byCommunity.
  const next = starts.slice(0, communityCount);
  const nextYoung = starts.slice(0, communityCount);
  let count = 0;
  let young = 0;

  /** The best untaken candidate by effective score whose community has room, or -1. */
  const best = (pointers: Int32Array, youngOnly: boolean): number => {
    let chosen = -1;
    let chosenValue = 0;
    for (let c = 0; c < communityCount; c++) {
      if ((perCommunity[c] as number) >= (c === dominant ? dominantLimit : cap)) continue;
      let k = pointers[c] as number;
      const end = starts[c + 1] as number;
      while (
        k < end &&
        (taken[byCommunity[k] as number] === 1 || (youngOnly && isYoungGiver[byCommunity[k] as number] === 0))
      )
        k++;
      pointers[c] = k;
      if (k === end) continue;
      const position = byCommunity[k] as number;
      const value = (scores[position] as number) - communityPenalty * (perCommunity[c] as number);
      if (chosen < 0 || value > chosenValue || (value === chosenValue && position < chosen)) {
        chosen = position;
        chosenValue = value;
      }
    }
    return chosen;
  };
  const out: number[] = [];
  const take = (position: number) => {
    out.push(position);
    taken[position] = 1;
    count++;
    young += isYoungGiver[position] as number;
    perCommunity[communities[position] as number]! += 1;
  };
  while (young < floor && count < n) {
    const position = best(nextYoung, true);
    if (position < 0) break;
    take(position);
  }
  while (count < n) {
    const position = best(next, false);
    if (position < 0) break;
    take(position);
  }
  for (const position of out) taken[position] = 0;
  return out.sort((a, b) => a - b);
}

/**
 * Work arrays of the size of the candidate list, reused from one call to the next (a city-sized trip has tens of
 * thousands of candidates: allocating them per pick fed the garbage collector, whose pauses landed in the slowest
 * picks). An internal cache: `taken` is all zeros between calls and no result depends on what it held.
 */
let pooled = { byCommunity: new Int32Array(0), taken: new Uint8Array(0) };

function buffersFor(total: number): { byCommunity: Int32Array; taken: Uint8Array } {
  if (pooled.byCommunity.length < total) {
    const size = Math.max(total, 2 * pooled.byCommunity.length);
    pooled = { byCommunity: new Int32Array(size), taken: new Uint8Array(size) };
  }
  return pooled;
}
