/**
 * Turns a ranked candidate list into alerts that open the network: no community takes more than its share (40 %)
 * while other communities still hold candidates, and young founders who have given get at least their share.
 * The rules and the reasons for them are in docs/matching.md.
 */

/** The candidates as the selection sees them, best first: community number and young-giver flag per position. */
export interface SelectableCandidates {
  readonly communities: Int32Array;
  readonly isYoungGiver: Uint8Array;
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
 * Young givers are taken first up to their floor (within the caps), then the best of the rest.
 */
export function selectDiverse(candidates: SelectableCandidates, limit: number, maxShare: number): number[] {
  const { communities, isYoungGiver } = candidates;
  const total = communities.length;
  if (total <= limit) return Array.from({ length: total }, (_, i) => i);
  let communityCount = 0;
  for (let i = 0; i < total; i++) communityCount = Math.max(communityCount, (communities[i] as number) + 1);
  const sizes = new Int32Array(communityCount);
  let youngCount = 0;
  for (let i = 0; i < total; i++) {
    sizes[communities[i] as number]! += 1;
    youngCount += isYoungGiver[i] as number;
  }
  const { n, cap, dominant } = plan(sizes, total, limit, maxShare);
  const floor = youngFounderFloor(youngCount, n, total);
  const taken = new Uint8Array(total);
  const perCommunity = new Int32Array(communityCount);
  let count = 0;
  let young = 0;
  // The dominant community (if any) fills what the others cannot; everyone else stays within the cap.
  const dominantLimit = dominant < 0 ? cap : n - (total - (sizes[dominant] as number));
  const hasRoom = (i: number) => {
    const c = communities[i] as number;
    return (perCommunity[c] as number) < (c === dominant ? dominantLimit : cap);
  };
  const take = (i: number) => {
    taken[i] = 1;
    count++;
    young += isYoungGiver[i] as number;
    perCommunity[communities[i] as number]! += 1;
  };
  for (let i = 0; i < total && young < floor && count < n; i++) {
    if (isYoungGiver[i] === 1 && hasRoom(i)) take(i);
  }
  for (let i = 0; i < total && count < n; i++) {
    if (taken[i] === 0 && hasRoom(i)) take(i);
  }
  const out: number[] = [];
  for (let i = 0; i < total; i++) if (taken[i] === 1) out.push(i);
  return out;
}
