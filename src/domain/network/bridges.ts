/**
 * The bridges that would open a city most: missing ties between members of different communities whose creation
 * would lower Burt's constraint of both ends and the betweenness centralization the most. Introductions are the
 * app's lever, so the report names whom to introduce.
 */
import type { CompactGraph } from "./compact-graph";
import { hasEdge, toUndirected } from "./compact-graph";
import { betweenness, betweennessCentralization } from "./betweenness";
import type { NetworkStructure } from "./network-structure";
import type { StructuralHoles } from "./structural-holes";

export interface BridgeSuggestion {
  readonly a: number;
  readonly b: number;
  readonly communityA: number;
  readonly communityB: number;
  /** Sum over both ends of their constraint now minus with the new tie. */
  readonly constraintDrop: number;
  /** Centralization now minus with the new tie (same pivots); null when the graph was too big to re-evaluate. */
  readonly centralizationDrop: number | null;
}

export interface BridgeOptions {
  /** Suggestions returned (default 5). */
  count?: number;
  /** Largest communities considered (default 8). */
  communities?: number;
  /** Most constrained members per community tried as ends (default 5). */
  perCommunity?: number;
  /** Best candidates by constraint re-evaluated for centralization (default 6). */
  evaluate?: number;
  /** Re-evaluate centralization only up to this many arcs (default 4M: a 100k-member city). */
  maxArcs?: number;
  pivots?: number;
  seed?: number;
}

/** Unweighted constraint of `ego` once the tie a–b is added (only the rows of a and b change). */
function constraintWithTie(graph: CompactGraph, ego: number, a: number, b: number): number {
  const { offsets, targets } = graph;
  const extraOf = (x: number): number => (x === a ? b : x === b ? a : -1);
  const degree = (x: number): number => (offsets[x + 1] as number) - (offsets[x] as number) + (extraOf(x) >= 0 ? 1 : 0);
  const neighbours = (x: number): number[] => {
    const row = Array.from(targets.subarray(offsets[x] as number, offsets[x + 1] as number));
    const extra = extraOf(x);
    if (extra >= 0) row.push(extra);
    return row;
  };
  const egoNeighbours = neighbours(ego);
  const share = 1 / egoNeighbours.length;
  const isNeighbour = new Set(egoNeighbours);
  let c = 0;
  for (const j of egoNeighbours) {
    let indirect = 0;
    for (const q of neighbours(j)) if (q !== ego && isNeighbour.has(q)) indirect += share / degree(q);
    c += (share + indirect) ** 2;
  }
  return c;
}

/** A copy of the rows with the tie a–b added. */
function withTie(graph: CompactGraph, a: number, b: number): CompactGraph {
  const n = graph.nodeCount;
  const offsets = new Int32Array(n + 1);
  const targets = new Int32Array(graph.targets.length + 2);
  let write = 0;
  for (let i = 0; i < n; i++) {
    offsets[i] = write;
    const start = graph.offsets[i] as number;
    const end = graph.offsets[i + 1] as number;
    targets.set(graph.targets.subarray(start, end), write);
    write += end - start;
    if (i === a) targets[write++] = b;
    if (i === b) targets[write++] = a;
  }
  offsets[n] = write;
  return { ...graph, offsets, targets, weights: null, edgeCount: graph.edgeCount + 1 };
}

/** Ranks candidate bridges: constraint drop first (cheap, local), then centralization drop on the best few. */
export function suggestBridges(input: {
  graph: CompactGraph;
  structure: NetworkStructure;
  holes: StructuralHoles;
  options?: BridgeOptions;
}): BridgeSuggestion[] {
  const graph = toUndirected(input.graph);
  const options = input.options ?? {};
  const { membership, count } = input.structure.communities;
  const { constraint } = input.holes;
  // Communities are numbered by decreasing size; skip singletons and pairs.
  const sizes = new Int32Array(count);
  for (let i = 0; i < membership.length; i++)
    sizes[membership[i] as number] = (sizes[membership[i] as number] as number) + 1;
  const considered = Array.from({ length: Math.min(count, options.communities ?? 8) }, (_, c) => c).filter(
    (c) => (sizes[c] as number) >= 3,
  );
  const ends = new Map<number, number[]>();
  for (const c of considered) ends.set(c, []);
  const order = Array.from({ length: graph.nodeCount }, (_, i) => i)
    .filter((i) => Number.isFinite(constraint[i]) && ends.has(membership[i] as number))
    .sort((x, y) => (constraint[y] as number) - (constraint[x] as number) || x - y);
  for (const i of order) {
    const list = ends.get(membership[i] as number) as number[];
    if (list.length < (options.perCommunity ?? 5)) list.push(i);
  }
  const candidates: { a: number; b: number; constraintDrop: number }[] = [];
  for (let x = 0; x < considered.length; x++)
    for (let y = x + 1; y < considered.length; y++)
      for (const a of ends.get(considered[x] as number) ?? [])
        for (const b of ends.get(considered[y] as number) ?? []) {
          if (hasEdge(graph, a, b)) continue;
          const drop =
            (constraint[a] as number) -
            constraintWithTie(graph, a, a, b) +
            (constraint[b] as number) -
            constraintWithTie(graph, b, a, b);
          candidates.push({ a, b, constraintDrop: drop });
        }
  candidates.sort((x, y) => y.constraintDrop - x.constraintDrop || x.a - y.a || x.b - y.b);
  const evaluated = candidates.slice(0, Math.max(options.count ?? 5, options.evaluate ?? 6));
  const canEvaluate = graph.targets.length <= (options.maxArcs ?? 4_000_000);
  const pivots = options.pivots;
  const seed = options.seed ?? 1;
  const centralizationOf = (g: CompactGraph): number =>
    betweennessCentralization(betweenness(g, pivots === undefined ? { seed } : { seed, pivots }).normalized);
  const before = canEvaluate ? centralizationOf(graph) : 0;
  const scored = evaluated.map((candidate) => ({
    ...candidate,
    communityA: membership[candidate.a] as number,
    communityB: membership[candidate.b] as number,
    centralizationDrop: canEvaluate ? before - centralizationOf(withTie(graph, candidate.a, candidate.b)) : null,
  }));
  const maxConstraint = Math.max(1e-12, ...scored.map((s) => s.constraintDrop));
  const maxCentralization = Math.max(1e-12, ...scored.map((s) => s.centralizationDrop ?? 0));
  const value = (s: BridgeSuggestion): number =>
    s.constraintDrop / maxConstraint + Math.max(0, s.centralizationDrop ?? 0) / maxCentralization;
  return scored.sort((x, y) => value(y) - value(x) || x.a - y.a || x.b - y.b).slice(0, options.count ?? 5);
}
