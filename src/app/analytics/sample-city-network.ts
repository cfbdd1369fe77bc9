/**
 * The graph behind the network view, bounded for a browser: every member up to `maxNodes`; beyond that a sample
 * stratified by community (each community keeps its share of the shown nodes, its best-connected members first)
 * that always keeps the gatekeepers and the ends of suggested bridges, with the ties among the shown members.
 * The links between communities always count every tie, so the aggregate picture stays exact.
 */

/** Nodes the view shows at most: the demo cities (2,000 members) are shown whole. */
export const maxNetworkNodes = 2_500;
/** Ties the view shows at most, the strongest first. */
export const maxNetworkEdges = 30_000;

export interface NetworkSample {
  totalMembers: number;
  totalTies: number;
  /** How the shown graph was reduced; null when every member and tie is shown. */
  sampling: { method: string; shownMembers: number; shownTies: number } | null;
  /** Columns, one entry per shown node. */
  nodes: { memberId: number[]; community: number[]; degree: number[] };
  /** Flat pairs of positions into `nodes`: [a0, b0, a1, b1, …]. */
  edges: number[];
  /** Ties between (a < b) and inside (a = b) communities, over every tie of the city. */
  communityLinks: { a: number; b: number; ties: number }[];
}

/** Samples the city graph; ties are columns of positions into `memberIds` and `membership`. */
export function sampleCityNetwork(input: {
  memberIds: readonly number[];
  membership: ArrayLike<number>;
  ties: { a: ArrayLike<number>; b: ArrayLike<number>; strength?: ArrayLike<number> };
  /** Positions that must be shown (gatekeepers, bridge ends). */
  keep: readonly number[];
  maxNodes?: number;
  maxEdges?: number;
}): NetworkSample {
  const n = input.memberIds.length;
  const tieCount = input.ties.a.length;
  const maxNodes = input.maxNodes ?? maxNetworkNodes;
  const maxEdges = input.maxEdges ?? maxNetworkEdges;
  const degree = new Int32Array(n);
  // Keyed by low · n + high (a number: ten million string keys would cost seconds).
  const links = new Map<number, { a: number; b: number; ties: number }>();
  for (let k = 0; k < tieCount; k++) {
    const x = input.ties.a[k] as number;
    const y = input.ties.b[k] as number;
    degree[x] = (degree[x] as number) + 1;
    degree[y] = (degree[y] as number) + 1;
    const cx = input.membership[x] as number;
    const cy = input.membership[y] as number;
    const key = cx <= cy ? cx * n + cy : cy * n + cx;
    const link = links.get(key) ?? { a: Math.min(cx, cy), b: Math.max(cx, cy), ties: 0 };
    link.ties++;
    links.set(key, link);
  }

  let shown: number[];
  if (n <= maxNodes) shown = Array.from({ length: n }, (_, i) => i);
  else {
    const chosen = new Set(input.keep.filter((i) => i >= 0 && i < n));
    const byCommunity = new Map<number, number[]>();
    for (let i = 0; i < n; i++) {
      const c = input.membership[i] as number;
      const list = byCommunity.get(c) ?? [];
      list.push(i);
      byCommunity.set(c, list);
    }
    const room = Math.max(0, maxNodes - chosen.size);
    for (const list of byCommunity.values()) {
      list.sort((x, y) => (degree[y] as number) - (degree[x] as number) || x - y);
      const quota = Math.max(1, Math.round((room * list.length) / n));
      for (const i of list.slice(0, quota)) if (chosen.size < maxNodes) chosen.add(i);
    }
    shown = [...chosen].sort((x, y) => x - y);
  }

  const place = new Map(shown.map((i, p) => [i, p]));
  let kept: number[] = [];
  for (let k = 0; k < tieCount; k++)
    if (place.has(input.ties.a[k] as number) && place.has(input.ties.b[k] as number)) kept.push(k);
  const edgesCut = kept.length > maxEdges;
  if (edgesCut) {
    const strength = input.ties.strength;
    const weight = (k: number): number => (strength ? (strength[k] as number) : 1);
    kept = kept.sort((x, y) => weight(y) - weight(x) || x - y).slice(0, maxEdges);
  }
  const edges: number[] = [];
  for (const k of kept)
    edges.push(place.get(input.ties.a[k] as number) as number, place.get(input.ties.b[k] as number) as number);

  const isSampled = shown.length < n || edgesCut;
  return {
    totalMembers: n,
    totalTies: tieCount,
    sampling: isSampled
      ? {
          method:
            `stratified by community: the best-connected members of each community in proportion to its size, ` +
            `plus the gatekeepers and bridge ends (at most ${maxNodes} members), and the ties among them` +
            (edgesCut ? ` (the ${maxEdges} strongest)` : ""),
          shownMembers: shown.length,
          shownTies: kept.length,
        }
      : null,
    nodes: {
      memberId: shown.map((i) => input.memberIds[i] as number),
      community: shown.map((i) => input.membership[i] as number),
      degree: shown.map((i) => degree[i] as number),
    },
    edges,
    communityLinks: [...links.values()].sort((x, y) => x.a - y.a || x.b - y.b),
  };
}
