/**
 * The report `analyze FILE` prints for any outside network, in the documented JSON shape (snake_case keys, because
 * other tools read it): whole-graph figures, mixing per attribute, and per-node measures.
 */
import { buildLabelledGraph, degrees, inDegrees, toUndirected } from "./compact-graph";
import { density, reciprocity } from "./cohesion";
import { attributeAssortativity, eiIndex } from "./mixing";
import { structuralHoles } from "./structural-holes";
import { brokerage, brokerageRoles } from "./brokerage";
import type { BrokerageRole } from "./brokerage";
import { betweenness, betweennessCentralization } from "./betweenness";
import { measureStructure } from "./network-structure";
import type { StructureOptions } from "./network-structure";
import { opennessIndex } from "./openness-index";
import type { OpennessIndex } from "./openness-index";
import type { NetworkFile } from "./network-file";

export interface NodeReport {
  degree: number;
  betweenness: number;
  betweenness_raw: number;
  constraint: number | null;
  effective_size: number | null;
  community: number;
  brokerage: Record<BrokerageRole, number> | null;
}

export interface FileReport {
  nodes: number;
  edges: number;
  directed: boolean;
  density: number;
  reciprocity: number | null;
  modularity: number;
  communities: number;
  betweenness_centralization: number;
  /** Sampling figures when betweenness was estimated; absent when exact. */
  betweenness_sampling?: { pivots: number; error_bound: number; confidence: number };
  openness_index: number | null;
  ei: Record<string, number | null>;
  assortativity: Record<string, number | null>;
  node: Record<string, NodeReport>;
  /** Not part of the JSON output: the full index with its components, for the readable summary. */
  openness: OpennessIndex;
  /** Brokerage attribute used, or null for undirected graphs. */
  brokerage_attribute: string | null;
}

const finiteOrNull = (value: number | undefined): number | null =>
  value === undefined || !Number.isFinite(value) ? null : value;

/**
 * Measures a network read from files. Communities, constraint and mixing use the undirected view; betweenness and
 * brokerage follow arcs when directed. Brokerage groups are the first node attribute, or the communities found.
 */
export function analyzeNetwork(
  file: NetworkFile,
  options: StructureOptions & { randomizations?: number } = {},
): FileReport {
  const { graph, index } = buildLabelledGraph(file.nodeIds, file.edges, {
    directed: file.directed,
    weighted: file.weighted,
  });
  const undirected = toUndirected(graph);
  const structure = measureStructure(undirected, options);
  // Directed betweenness follows arcs; the undirected one is already in `structure`.
  const between = graph.directed
    ? betweenness(
        graph,
        structure.betweenness.exact
          ? { seed: options.seed ?? 1 }
          : { seed: options.seed ?? 1, pivots: structure.betweenness.pivots },
      )
    : structure.betweenness;
  const holes = structuralHoles(graph);
  const membership = structure.communities.membership;
  const groups: Record<string, ArrayLike<string | number | null>> = { community: membership, ...file.attributes };
  const ei: Record<string, number | null> = {};
  const assortativity: Record<string, number | null> = {};
  for (const [name, values] of Object.entries(groups)) {
    ei[name] = eiIndex(graph, values)?.ei ?? null;
    assortativity[name] = attributeAssortativity(graph, values);
  }
  const firstAttribute = Object.keys(file.attributes)[0];
  const brokerageAttribute = graph.directed ? (firstAttribute ?? "community") : null;
  const roles =
    brokerageAttribute === null
      ? null
      : brokerage(graph, groups[brokerageAttribute] as ArrayLike<string | number | null>);
  const outDegree = degrees(graph);
  const inDegree = graph.directed ? inDegrees(graph) : null;
  const openness = opennessIndex({ graph: undirected, attributes: file.attributes, structure, options });
  const node: Record<string, NodeReport> = {};
  index.ids.forEach((id, i) => {
    node[id] = {
      degree: (outDegree[i] as number) + (inDegree ? (inDegree[i] as number) : 0),
      betweenness: between.normalized[i] as number,
      betweenness_raw: between.raw[i] as number,
      constraint: finiteOrNull(holes.constraint[i]),
      effective_size: finiteOrNull(holes.effectiveSize[i]),
      community: membership[i] as number,
      brokerage: roles
        ? (Object.fromEntries(brokerageRoles.map((role) => [role, roles[role][i] as number])) as Record<
            BrokerageRole,
            number
          >)
        : null,
    };
  });
  return {
    nodes: graph.nodeCount,
    edges: graph.edgeCount,
    directed: graph.directed,
    density: density(graph),
    reciprocity: reciprocity(graph),
    modularity: structure.communities.modularity,
    communities: structure.communities.count,
    betweenness_centralization: betweennessCentralization(between.normalized),
    ...(between.exact
      ? {}
      : {
          betweenness_sampling: {
            pivots: between.pivots,
            error_bound: between.errorBound,
            confidence: between.confidence,
          },
        }),
    openness_index: openness.index,
    ei,
    assortativity,
    node,
    openness,
    brokerage_attribute: brokerageAttribute,
  };
}
