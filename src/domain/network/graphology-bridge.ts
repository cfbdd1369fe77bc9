/**
 * Converts a graphology graph (used for small graphs, the classic test networks and the browser view) into a
 * compact graph, so both worlds can be cross-checked on the same data.
 */
import type { AbstractGraph } from "graphology-types";
import { buildLabelledGraph } from "./compact-graph";
import type { CompactGraph, LabelledEdge, NodeIndex } from "./compact-graph";

/**
 * Reads nodes in graphology's order and edges with an optional weight attribute (unweighted when omitted).
 * Mixed graphs are not supported: the graph's type decides directedness.
 */
export function fromGraphology(
  source: AbstractGraph,
  options: { weightAttribute?: string } = {},
): { graph: CompactGraph; index: NodeIndex } {
  const edges: LabelledEdge[] = [];
  source.forEachEdge((_edge, attributes, from, to) => {
    const value =
      options.weightAttribute === undefined
        ? undefined
        : (attributes as Record<string, unknown>)[options.weightAttribute];
    edges.push(typeof value === "number" ? { source: from, target: to, weight: value } : { source: from, target: to });
  });
  return buildLabelledGraph(source.nodes(), edges, {
    directed: source.type === "directed",
    weighted: options.weightAttribute !== undefined,
  });
}
