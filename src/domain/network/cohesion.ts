/**
 * Whole-graph cohesion figures: density and the reciprocity of directed ties (follows).
 */
import type { CompactGraph } from "./compact-graph";
import { hasEdge } from "./compact-graph";

/**
 * Share of possible ties that exist: 2m / n(n−1) undirected, m / n(n−1) directed. Isolated nodes count in n,
 * so adding members who know nobody lowers density, as it should.
 */
export function density(graph: CompactGraph): number {
  const n = graph.nodeCount;
  if (n < 2) return 0;
  const possible = graph.directed ? n * (n - 1) : (n * (n - 1)) / 2;
  return graph.edgeCount / possible;
}

/**
 * Share of arcs whose reverse also exists (A follows B and B follows A), the usual "arc reciprocity".
 * Null for undirected graphs and for graphs without arcs, where it means nothing.
 */
export function reciprocity(graph: CompactGraph): number | null {
  if (!graph.directed || graph.edgeCount === 0) return null;
  let mutual = 0;
  for (let a = 0; a < graph.nodeCount; a++) {
    const end = graph.offsets[a + 1] as number;
    for (let p = graph.offsets[a] as number; p < end; p++) if (hasEdge(graph, graph.targets[p] as number, a)) mutual++;
  }
  return mutual / graph.edgeCount;
}
