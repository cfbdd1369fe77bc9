/**
 * Mixing between groups of a node attribute (community, newcomer or incumbent, origin, career stage):
 * Krackhardt & Stern's E-I index, its value expected under random mixing, and Newman's attribute assortativity.
 * Nodes whose value is null are left out, with their ties.
 */
import type { CompactGraph } from "./compact-graph";

/** One group label per node (null = unknown). */
export type NodeGroups = ArrayLike<string | number | null>;

export interface EiIndex {
  /** (E − I) / (E + I) over ties with both ends known: −1 all inside groups, +1 all across. */
  readonly ei: number;
  /** The E-I index expected if ties were rewired at random keeping every node's degree (configuration model). */
  readonly expected: number;
  /** ei − expected: negative when groups keep to themselves more than chance. */
  readonly relative: number;
  readonly external: number;
  readonly internal: number;
}

/** Dense group numbers for labels, −1 for unknown. */
function groupNumbers(groups: NodeGroups, n: number): { codes: Int32Array; count: number } {
  const codes = new Int32Array(n).fill(-1);
  const seen = new Map<string | number, number>();
  for (let i = 0; i < n; i++) {
    const label = groups[i];
    if (label === null || label === undefined) continue;
    let code = seen.get(label);
    if (code === undefined) {
      code = seen.size;
      seen.set(label, code);
    }
    codes[i] = code;
  }
  return { codes, count: seen.size };
}

/**
 * What the E-I index and assortativity read of the mixing matrix e[g][h] (share of arcs from group g to group h,
 * both directions of each undirected tie): its diagonal, row sums a[g] and column sums b[g]. The full g × g matrix is
 * never built: with the communities of a million-member city as groups (about 9,000) it would take 650 MB.
 * Weights are ignored unless asked.
 */
function mixingMatrix(
  graph: CompactGraph,
  groups: NodeGroups,
  weighted: boolean,
): {
  diagonal: Float64Array;
  a: Float64Array;
  b: Float64Array;
  count: number;
  total: number;
} {
  const { codes, count } = groupNumbers(groups, graph.nodeCount);
  const diagonal = new Float64Array(count);
  const a = new Float64Array(count);
  const b = new Float64Array(count);
  let total = 0;
  for (let i = 0; i < graph.nodeCount; i++) {
    const g = codes[i] as number;
    if (g < 0) continue;
    const end = graph.offsets[i + 1] as number;
    for (let p = graph.offsets[i] as number; p < end; p++) {
      const h = codes[graph.targets[p] as number] as number;
      if (h < 0) continue;
      const w = weighted && graph.weights ? (graph.weights[p] as number) : 1;
      if (g === h) diagonal[g] = (diagonal[g] as number) + w;
      a[g] = (a[g] as number) + w;
      b[h] = (b[h] as number) + w;
      total += w;
    }
  }
  if (total > 0)
    for (let g = 0; g < count; g++) {
      diagonal[g] = (diagonal[g] as number) / total;
      a[g] = (a[g] as number) / total;
      b[g] = (b[g] as number) / total;
    }
  return { diagonal, a, b, count, total };
}

/**
 * The E-I index of a grouping, and how far it sits from random mixing (so a big group, which naturally has many
 * internal ties, is not mistaken for a clan). Null when no tie joins two known nodes.
 */
export function eiIndex(graph: CompactGraph, groups: NodeGroups, options: { weighted?: boolean } = {}): EiIndex | null {
  const { diagonal, a, b, count, total } = mixingMatrix(graph, groups, options.weighted ?? false);
  if (total === 0) return null;
  let inside = 0;
  let chance = 0;
  for (let g = 0; g < count; g++) {
    inside += diagonal[g] as number;
    chance += (a[g] as number) * (b[g] as number);
  }
  const ei = 1 - 2 * inside;
  const expected = 1 - 2 * chance;
  const edgeUnits = graph.directed ? total : total / 2;
  return {
    ei,
    expected,
    relative: ei - expected,
    internal: inside * edgeUnits,
    external: (1 - inside) * edgeUnits,
  };
}

/**
 * Newman's (2003) assortativity coefficient for a categorical attribute: r = (Σ e_gg − Σ a_g b_g) / (1 − Σ a_g b_g).
 * 1 = ties only within groups, 0 = random mixing, negative = ties mostly across. Null when undefined (one group).
 */
export function attributeAssortativity(
  graph: CompactGraph,
  groups: NodeGroups,
  options: { weighted?: boolean } = {},
): number | null {
  const { diagonal, a, b, count, total } = mixingMatrix(graph, groups, options.weighted ?? false);
  if (total === 0) return null;
  let trace = 0;
  let chance = 0;
  for (let g = 0; g < count; g++) {
    trace += diagonal[g] as number;
    chance += (a[g] as number) * (b[g] as number);
  }
  if (1 - chance < 1e-12) return null;
  return (trace - chance) / (1 - chance);
}
