/**
 * The structural measures the openness index is built from, computed once per graph and reused by the city report:
 * communities, betweenness and its centralization, how concentrated gatekeeping is, and the rich club.
 */
import type { CompactGraph } from "./compact-graph";
import { degrees, toUndirected } from "./compact-graph";
import { detectCommunities } from "./louvain";
import type { Communities } from "./louvain";
import { betweenness, betweennessCentralization } from "./betweenness";
import type { Betweenness } from "./betweenness";
import { eliteDegree, richClubCoefficient } from "./rich-club";

export interface StructureOptions {
  seed?: number;
  /** Louvain runs, best kept (default 3 up to 5,000 nodes, 2 up to 50,000, then 1). */
  louvainRuns?: number;
  /** Betweenness pivots (default: exact up to 1,000 nodes, else a work budget of about 10⁷ arc visits, ≥ 32). */
  pivots?: number;
  /** Share of nodes with the most cross-community ties whose share of those ties measures gatekeeping (default 0.05). */
  gatekeeperShare?: number;
  /** Share of best-connected nodes forming the elite of the rich club (default 0.1). */
  eliteShare?: number;
  /** Called as each heavy step ends, with its name (the bench times the steps; the report job can log them). */
  progress?: (step: string) => void;
}

export interface NetworkStructure {
  readonly communities: Communities;
  readonly betweenness: Betweenness;
  readonly centralization: number;
  /** Share of cross-community tie ends held by the top gatekeepers; null without cross-community ties. */
  readonly gatekeeping: number | null;
  /** Cross-community ties of each node. */
  readonly boundaryTies: Int32Array;
  /** Elite degree threshold and φ(k); null when the elite has fewer than 5 members. */
  readonly richClub: {
    readonly k: number;
    readonly members: number;
    readonly observed: number;
  } | null;
}

/** Size-based defaults: exact work on small graphs, bounded work on city-sized ones. */
export function defaultPivots(graph: CompactGraph): number | undefined {
  return defaultPivotsFor(graph.nodeCount, graph.targets.length);
}

/** `defaultPivots` from the counts alone: n nodes and `arcs` row entries (2m when undirected). */
export function defaultPivotsFor(n: number, arcs: number): number | undefined {
  if (n <= 1000) return undefined;
  return Math.min(n, Math.max(32, Math.floor(1e7 / (n + arcs))));
}

/** Louvain runs by size: best-of-several is cheap insurance on small graphs, unaffordable on million-node ones. */
export function defaultLouvainRuns(graph: CompactGraph): number {
  return graph.nodeCount <= 5_000 ? 3 : graph.nodeCount <= 50_000 ? 2 : 1;
}

/** Cross-community ties per node, and the share of their ends held by the top `share` of (non-isolated) nodes. */
export function gatekeepingConcentration(
  graph: CompactGraph,
  membership: ArrayLike<number>,
  share = 0.05,
): { concentration: number | null; boundaryTies: Int32Array } {
  const undirected = toUndirected(graph);
  const boundaryTies = new Int32Array(undirected.nodeCount);
  let total = 0;
  let active = 0;
  for (let i = 0; i < undirected.nodeCount; i++) {
    const start = undirected.offsets[i] as number;
    const end = undirected.offsets[i + 1] as number;
    if (end > start) active++;
    let count = 0;
    for (let p = start; p < end; p++) if (membership[undirected.targets[p] as number] !== membership[i]) count++;
    boundaryTies[i] = count;
    total += count;
  }
  if (total === 0) return { concentration: null, boundaryTies };
  const top = Math.max(1, Math.ceil(share * active));
  // A typed (numeric, ascending) sort: a million boxed numbers with a comparator cost seconds.
  const sorted = boundaryTies.slice().sort();
  let held = 0;
  for (let t = 0; t < top; t++) held += sorted[sorted.length - 1 - t] as number;
  return { concentration: held / total, boundaryTies };
}

/** The elite threshold and its rich-club coefficient, or null when the elite is too small to mean anything. */
export function eliteRichClub(
  graph: CompactGraph,
  share = 0.1,
): { k: number; members: number; observed: number } | null {
  const k = eliteDegree(graph, share);
  let members = 0;
  for (const degree of degrees(toUndirected(graph))) if (degree > k) members++;
  const observed = members >= 5 ? richClubCoefficient(graph, k) : null;
  return observed === null ? null : { k, members, observed };
}

/**
 * Measures a tie graph once: unweighted Louvain (seeded, best of several runs), unweighted betweenness (exact or
 * sampled), Freeman centralization, gatekeeping concentration over the communities found, and the elite's φ(k).
 */
export function measureStructure(graph: CompactGraph, options: StructureOptions = {}): NetworkStructure {
  const undirected = toUndirected(graph);
  const seed = options.seed ?? 1;
  const communities = detectCommunities(undirected, {
    seed,
    runs: options.louvainRuns ?? defaultLouvainRuns(undirected),
  });
  options.progress?.("louvain");
  const pivots = options.pivots ?? defaultPivots(undirected);
  const between = betweenness(undirected, pivots === undefined ? { seed } : { seed, pivots });
  options.progress?.("betweenness");
  const { concentration, boundaryTies } = gatekeepingConcentration(
    undirected,
    communities.membership,
    options.gatekeeperShare,
  );
  const richClub = eliteRichClub(undirected, options.eliteShare);
  options.progress?.("gatekeeping and rich club");
  return {
    communities,
    betweenness: between,
    centralization: betweennessCentralization(between.normalized),
    gatekeeping: concentration,
    boundaryTies,
    richClub,
  };
}
