/**
 * The compact graph every network metric runs on: compressed sparse rows (CSR) in typed arrays, so that a city of
 * a million members and ten million ties fits in a few hundred megabytes and loops stay close to C speed.
 * Node ids are dense integers 0..nodeCount-1; `NodeIndex` maps the app's string ids to them.
 */

export interface CompactGraph {
  readonly nodeCount: number;
  readonly directed: boolean;
  /** Distinct edges: unordered pairs when undirected, arcs when directed. Self-loops are dropped. */
  readonly edgeCount: number;
  /** Row starts into `targets` (length nodeCount + 1): out-neighbours, or all neighbours when undirected. */
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
  /** Weight of each entry of `targets`; null when every edge weighs 1 (saves 8 bytes an entry). */
  readonly weights: Float64Array | null;
  /** In-neighbours of a directed graph (same layout as offsets/targets); null when undirected. */
  readonly inOffsets: Int32Array | null;
  readonly inTargets: Int32Array | null;
  readonly inWeights: Float64Array | null;
}

/** Edges as parallel arrays of node numbers, the cheapest form to produce from rows or generators. */
export interface EdgeArrays {
  readonly sources: ArrayLike<number>;
  readonly targets: ArrayLike<number>;
  /** Optional weights; parallel edges are merged by summing them. */
  readonly weights?: ArrayLike<number> | null;
}

interface Rows {
  offsets: Int32Array;
  targets: Int32Array;
  weights: Float64Array | null;
}

/**
 * Builds rows from arcs by counting sort, then merges repeated neighbours in place (one pass with a marker array).
 * Linear time and no per-edge objects: the only way to build a 10M-edge graph in seconds.
 */
function buildRows(
  nodeCount: number,
  from: ArrayLike<number>,
  to: ArrayLike<number>,
  weights: ArrayLike<number> | null,
  symmetric: boolean,
): Rows {
  const edgeInputCount = from.length;
  const counts = new Int32Array(nodeCount + 1);
  for (let e = 0; e < edgeInputCount; e++) {
    const a = from[e] as number;
    const b = to[e] as number;
    if (a === b) continue;
    counts[a + 1] = (counts[a + 1] as number) + 1;
    if (symmetric) counts[b + 1] = (counts[b + 1] as number) + 1;
  }
  for (let i = 0; i < nodeCount; i++) counts[i + 1] = (counts[i + 1] as number) + (counts[i] as number);
  const total = counts[nodeCount] as number;
  const cursor = counts.slice(0, nodeCount);
  const targets = new Int32Array(total);
  const rowWeights = weights ? new Float64Array(total) : null;
  for (let e = 0; e < edgeInputCount; e++) {
    const a = from[e] as number;
    const b = to[e] as number;
    if (a === b) continue;
    const w = weights ? (weights[e] as number) : 1;
    let position = cursor[a] as number;
    cursor[a] = position + 1;
    targets[position] = b;
    if (rowWeights) rowWeights[position] = w;
    if (symmetric) {
      position = cursor[b] as number;
      cursor[b] = position + 1;
      targets[position] = a;
      if (rowWeights) rowWeights[position] = w;
    }
  }
  // Merge repeated neighbours: seen[target] holds the position where that target was kept in the current row.
  const seen = new Int32Array(nodeCount).fill(-1);
  const offsets = new Int32Array(nodeCount + 1);
  let write = 0;
  for (let i = 0; i < nodeCount; i++) {
    const start = counts[i] as number;
    const end = counts[i + 1] as number;
    const rowStart = write;
    offsets[i] = rowStart;
    for (let p = start; p < end; p++) {
      const t = targets[p] as number;
      const kept = seen[t] as number;
      if (kept >= rowStart) {
        if (rowWeights) rowWeights[kept] = (rowWeights[kept] as number) + (rowWeights[p] as number);
        continue;
      }
      seen[t] = write;
      targets[write] = t;
      if (rowWeights) rowWeights[write] = rowWeights[p] as number;
      write++;
    }
  }
  offsets[nodeCount] = write;
  return {
    offsets,
    targets: write === total ? targets : targets.slice(0, write),
    weights: rowWeights ? (write === total ? rowWeights : rowWeights.slice(0, write)) : null,
  };
}

/**
 * Builds a compact graph from edge arrays over nodes 0..nodeCount-1. Self-loops are dropped and parallel edges merged
 * (weights summed), because every metric here is defined on simple graphs. The inputs are not modified.
 */
export function buildCompactGraph(
  nodeCount: number,
  edges: EdgeArrays,
  options: { directed?: boolean } = {},
): CompactGraph {
  const directed = options.directed ?? false;
  if (edges.sources.length !== edges.targets.length) throw new RangeError("sources and targets differ in length");
  for (let e = 0; e < edges.sources.length; e++) {
    const a = edges.sources[e] as number;
    const b = edges.targets[e] as number;
    if (!(a >= 0 && a < nodeCount && b >= 0 && b < nodeCount) || !Number.isInteger(a) || !Number.isInteger(b)) {
      throw new RangeError(`edge ${e} has an endpoint outside 0..${nodeCount - 1}`);
    }
  }
  const weights = edges.weights ?? null;
  const out = buildRows(nodeCount, edges.sources, edges.targets, weights, !directed);
  const incoming = directed ? buildRows(nodeCount, edges.targets, edges.sources, weights, false) : null;
  return {
    nodeCount,
    directed,
    edgeCount: directed ? out.targets.length : out.targets.length / 2,
    offsets: out.offsets,
    targets: out.targets,
    weights: out.weights,
    inOffsets: incoming ? incoming.offsets : null,
    inTargets: incoming ? incoming.targets : null,
    inWeights: incoming ? incoming.weights : null,
  };
}

/** The undirected graph of a directed one (an edge wherever an arc exists in either direction), weights summed. */
export function toUndirected(graph: CompactGraph): CompactGraph {
  if (!graph.directed) return graph;
  const sources = new Int32Array(graph.targets.length);
  for (let i = 0; i < graph.nodeCount; i++) sources.fill(i, graph.offsets[i], graph.offsets[i + 1]);
  return buildCompactGraph(
    graph.nodeCount,
    { sources, targets: graph.targets, weights: graph.weights },
    { directed: false },
  );
}

/**
 * An undirected graph seen as a directed one with each tie as two arcs, without a copy: its rows already hold both
 * arcs of each tie, so they serve as out- and in-rows alike.
 */
export function asBothArcs(graph: CompactGraph): CompactGraph {
  if (graph.directed) throw new RangeError("asBothArcs takes an undirected graph");
  return {
    ...graph,
    directed: true,
    edgeCount: graph.targets.length,
    inOffsets: graph.offsets,
    inTargets: graph.targets,
    inWeights: graph.weights,
  };
}

/** Number of neighbours (out-neighbours when directed). */
export function degreeOf(graph: CompactGraph, node: number): number {
  return (graph.offsets[node + 1] as number) - (graph.offsets[node] as number);
}

/** Degrees of all nodes: out-degree when directed. */
export function degrees(graph: CompactGraph): Int32Array {
  const out = new Int32Array(graph.nodeCount);
  for (let i = 0; i < graph.nodeCount; i++) out[i] = degreeOf(graph, i);
  return out;
}

/** In-degrees of a directed graph (degrees when undirected). */
export function inDegrees(graph: CompactGraph): Int32Array {
  if (!graph.inOffsets) return degrees(graph);
  const out = new Int32Array(graph.nodeCount);
  for (let i = 0; i < graph.nodeCount; i++)
    out[i] = (graph.inOffsets[i + 1] as number) - (graph.inOffsets[i] as number);
  return out;
}

/** Weighted degree (strength) of every node; equals the degree when the graph is unweighted. */
export function strengths(graph: CompactGraph): Float64Array {
  const out = new Float64Array(graph.nodeCount);
  for (let i = 0; i < graph.nodeCount; i++) {
    if (!graph.weights) {
      out[i] = degreeOf(graph, i);
      continue;
    }
    let sum = 0;
    for (let p = graph.offsets[i] as number; p < (graph.offsets[i + 1] as number); p++)
      sum += graph.weights[p] as number;
    out[i] = sum;
  }
  return out;
}

/** Whether `a` has `b` among its (out-)neighbours; linear in a's degree. */
export function hasEdge(graph: CompactGraph, a: number, b: number): boolean {
  for (let p = graph.offsets[a] as number; p < (graph.offsets[a + 1] as number); p++)
    if (graph.targets[p] === b) return true;
  return false;
}

/**
 * The same graph renumbered in breadth-first order (each component from its lowest node), so that neighbours get
 * nearby numbers and traversals stay in cache on million-node graphs. `order[new] = old`, `rank[old] = new`.
 * Weights and in-rows are dropped: callers use it for unweighted traversals.
 */
export function relabelBreadthFirst(graph: CompactGraph): { graph: CompactGraph; order: Int32Array; rank: Int32Array } {
  const n = graph.nodeCount;
  const { offsets, targets } = graph;
  const order = new Int32Array(n);
  const rank = new Int32Array(n).fill(-1);
  let tail = 0;
  for (let root = 0; root < n; root++) {
    if ((rank[root] as number) >= 0) continue;
    let head = tail;
    rank[root] = tail;
    order[tail++] = root;
    while (head < tail) {
      const v = order[head++] as number;
      const end = offsets[v + 1] as number;
      for (let p = offsets[v] as number; p < end; p++) {
        const w = targets[p] as number;
        if ((rank[w] as number) < 0) {
          rank[w] = tail;
          order[tail++] = w;
        }
      }
    }
  }
  const newOffsets = new Int32Array(n + 1);
  const newTargets = new Int32Array(targets.length);
  let write = 0;
  for (let i = 0; i < n; i++) {
    newOffsets[i] = write;
    const v = order[i] as number;
    const end = offsets[v + 1] as number;
    for (let p = offsets[v] as number; p < end; p++) newTargets[write++] = rank[targets[p] as number] as number;
  }
  newOffsets[n] = write;
  return {
    graph: {
      ...graph,
      offsets: newOffsets,
      targets: newTargets,
      weights: null,
      inOffsets: null,
      inTargets: null,
      inWeights: null,
    },
    order,
    rank,
  };
}

/** Maps string ids to dense node numbers in first-seen order. */
export class NodeIndex {
  readonly ids: string[] = [];
  private readonly numbers = new Map<string, number>();

  /** The number of an id, adding it when new. */
  add(id: string): number {
    let number = this.numbers.get(id);
    if (number === undefined) {
      number = this.ids.length;
      this.ids.push(id);
      this.numbers.set(id, number);
    }
    return number;
  }

  /** The number of a known id, or undefined. */
  get(id: string): number | undefined {
    return this.numbers.get(id);
  }

  get size(): number {
    return this.ids.length;
  }
}

/** An edge with string endpoints, as the app and the file readers produce them. */
export interface LabelledEdge {
  readonly source: string;
  readonly target: string;
  readonly weight?: number;
}

/**
 * Builds a compact graph from string-labelled edges. `nodeIds` come first, in order, so isolated members keep their
 * place and count in every normalization; endpoints not listed are appended.
 */
export function buildLabelledGraph(
  nodeIds: readonly string[],
  edges: readonly LabelledEdge[],
  options: { directed?: boolean; weighted?: boolean } = {},
): { graph: CompactGraph; index: NodeIndex } {
  const index = new NodeIndex();
  for (const id of nodeIds) index.add(id);
  const sources = new Int32Array(edges.length);
  const targets = new Int32Array(edges.length);
  const weighted = options.weighted ?? edges.some((edge) => edge.weight !== undefined && edge.weight !== 1);
  const weights = weighted ? new Float64Array(edges.length) : null;
  edges.forEach((edge, e) => {
    sources[e] = index.add(edge.source);
    targets[e] = index.add(edge.target);
    if (weights) weights[e] = edge.weight ?? 1;
  });
  const graph = buildCompactGraph(index.size, { sources, targets, weights }, { directed: options.directed ?? false });
  return { graph, index };
}
