/**
 * Shortest-path betweenness (Brandes 2001) on compact graphs, unweighted (hop counts): exact on small graphs, and
 * estimated from seeded random pivots on large ones (Brandes & Pich 2007) with a Hoeffding bound on the error.
 */
import type { CompactGraph } from "./compact-graph";
import { relabelBreadthFirst } from "./compact-graph";
import { createRng } from "../random";

export interface BetweennessOptions {
  /** Number of source pivots; omitted or ≥ nodeCount means exact. */
  pivots?: number;
  seed?: number;
  /** Confidence level of the stated error bound (default 0.95). */
  confidence?: number;
}

export interface Betweenness {
  /** Raw betweenness: pairs (unordered when undirected) whose shortest paths pass through the node, shared by σ. */
  readonly raw: Float64Array;
  /** Raw divided by the number of pairs not involving the node: (n−1)(n−2)/2 undirected, (n−1)(n−2) directed. */
  readonly normalized: Float64Array;
  readonly exact: boolean;
  readonly pivots: number;
  /**
   * With probability `confidence`, every node's normalized estimate is within this distance of the truth
   * (0 when exact). Hoeffding with a union bound over the n nodes: ε = (n/(n−1))·√(ln(2n/δ) / 2k).
   */
  readonly errorBound: number;
  readonly confidence: number;
}

/**
 * Accumulates dependencies of one source into `into` (Brandes' algorithm). The forward BFS records the arcs of the
 * shortest-path DAG in visiting order; the backward pass walks only those arcs in reverse, which is a fraction of all
 * arcs and avoids re-reading distances (the backward pass was most of the time).
 */
function accumulateFrom(graph: CompactGraph, source: number, into: Float64Array, work: Workspace): void {
  const { offsets, targets } = graph;
  const { distance, paths, dependency, order } = work;
  let dagFrom = work.dagFrom;
  let dagTo = work.dagTo;
  let dagCount = 0;
  let head = 0;
  let tail = 0;
  order[tail++] = source;
  distance[source] = 0;
  paths[source] = 1;
  while (head < tail) {
    const v = order[head++] as number;
    const next = (distance[v] as number) + 1;
    const pathsV = paths[v] as number;
    const end = offsets[v + 1] as number;
    for (let p = offsets[v] as number; p < end; p++) {
      const w = targets[p] as number;
      const dw = distance[w] as number;
      if (dw < 0) {
        distance[w] = next;
        paths[w] = pathsV;
        order[tail++] = w;
      } else if (dw === next) {
        paths[w] = (paths[w] as number) + pathsV;
      } else continue;
      if (dagCount === dagFrom.length) {
        const grownFrom = new Int32Array(dagFrom.length * 2);
        grownFrom.set(dagFrom);
        const grownTo = new Int32Array(dagTo.length * 2);
        grownTo.set(dagTo);
        dagFrom = work.dagFrom = grownFrom;
        dagTo = work.dagTo = grownTo;
      }
      dagFrom[dagCount] = v;
      dagTo[dagCount] = w;
      dagCount++;
    }
  }
  for (let k = dagCount - 1; k >= 0; k--) {
    const v = dagFrom[k] as number;
    const w = dagTo[k] as number;
    dependency[v] =
      (dependency[v] as number) + ((paths[v] as number) / (paths[w] as number)) * (1 + (dependency[w] as number));
  }
  for (let o = 0; o < tail; o++) {
    const v = order[o] as number;
    if (v !== source) into[v] = (into[v] as number) + (dependency[v] as number);
    distance[v] = -1;
    paths[v] = 0;
    dependency[v] = 0;
  }
}

interface Workspace {
  distance: Int32Array;
  paths: Float64Array;
  dependency: Float64Array;
  order: Int32Array;
  /** Arcs of the shortest-path DAG (grown on demand). */
  dagFrom: Int32Array;
  dagTo: Int32Array;
}

function workspace(n: number): Workspace {
  return {
    distance: new Int32Array(n).fill(-1),
    paths: new Float64Array(n),
    dependency: new Float64Array(n),
    order: new Int32Array(n),
    dagFrom: new Int32Array(Math.max(16, 2 * n)),
    dagTo: new Int32Array(Math.max(16, 2 * n)),
  };
}

/** Pivots without replacement: a seeded partial Fisher–Yates shuffle. */
function choosePivots(n: number, k: number, seed: number): Int32Array {
  const rng = createRng(seed);
  const all = new Int32Array(n);
  for (let i = 0; i < n; i++) all[i] = i;
  for (let i = 0; i < k; i++) {
    const j = i + rng.int(n - i);
    const t = all[i] as number;
    all[i] = all[j] as number;
    all[j] = t;
  }
  return all.slice(0, k);
}

/** The additive error bound on normalized betweenness from k pivots (see `Betweenness.errorBound`). */
export function betweennessErrorBound(nodeCount: number, pivots: number, confidence = 0.95): number {
  if (pivots >= nodeCount || nodeCount < 3) return 0;
  const delta = 1 - confidence;
  return (nodeCount / (nodeCount - 1)) * Math.sqrt(Math.log((2 * nodeCount) / delta) / (2 * pivots));
}

/**
 * Betweenness of every node, ignoring weights (a tie is a tie). Directed graphs follow arcs. Exact when `pivots` is
 * omitted; otherwise the sum over pivots is scaled by n/k, an unbiased estimate.
 */
export function betweenness(graph: CompactGraph, options: BetweennessOptions = {}): Betweenness {
  const n = graph.nodeCount;
  const exact = options.pivots === undefined || options.pivots >= n;
  const k = exact ? n : Math.max(1, Math.floor(options.pivots ?? n));
  const confidence = options.confidence ?? 0.95;
  let raw = new Float64Array(n);
  const work = workspace(n);
  if (exact) for (let s = 0; s < n; s++) accumulateFrom(graph, s, raw, work);
  else if (n >= 50_000 && k >= 8) {
    // Big sparse graphs: renumber in breadth-first order first (same pivots, same result, fewer cache misses).
    const relabelled = relabelBreadthFirst(graph);
    const local = new Float64Array(n);
    for (const s of choosePivots(n, k, options.seed ?? 1))
      accumulateFrom(relabelled.graph, relabelled.rank[s] as number, local, work);
    raw = Float64Array.from(relabelled.rank, (position) => local[position] as number);
  } else for (const s of choosePivots(n, k, options.seed ?? 1)) accumulateFrom(graph, s, raw, work);
  const scale = (exact ? 1 : n / k) * (graph.directed ? 1 : 0.5);
  const pairs = graph.directed ? (n - 1) * (n - 2) : ((n - 1) * (n - 2)) / 2;
  const normalized = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    raw[i] = (raw[i] as number) * scale;
    normalized[i] = pairs > 0 ? (raw[i] as number) / pairs : 0;
  }
  return {
    raw,
    normalized,
    exact,
    pivots: k,
    errorBound: exact ? 0 : betweennessErrorBound(n, k, confidence),
    confidence,
  };
}

/**
 * Freeman's betweenness centralization: Σ (max − b_i) over the largest possible sum, reached by a star.
 * With normalized betweenness that maximum is n − 1. 1 = one baron holds every path, 0 = all equal.
 */
export function betweennessCentralization(normalized: ArrayLike<number>): number {
  const n = normalized.length;
  if (n < 3) return 0;
  let max = 0;
  for (let i = 0; i < n; i++) max = Math.max(max, normalized[i] as number);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += max - (normalized[i] as number);
  return sum / (n - 1);
}
