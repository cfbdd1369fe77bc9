/**
 * Burt's (1992) structural-hole measures: constraint (how much a member's contacts are tied to each other, so that
 * the member bridges nothing) and effective size (non-redundant contacts). Low constraint marks a broker.
 */
import type { CompactGraph } from "./compact-graph";
import { toUndirected } from "./compact-graph";

export interface StructuralHoles {
  /** Burt's constraint per node; NaN for isolated nodes, where it is undefined. */
  readonly constraint: Float64Array;
  /** Burt's effective size per node; NaN for isolated nodes. */
  readonly effectiveSize: Float64Array;
}

/**
 * Constraint c_i = Σ_j (p_ij + Σ_q p_iq p_qj)² and effective size Σ_j (1 − Σ_q p_iq m_jq) over i's contacts j,
 * with p_ij = (a_ij + a_ji) / Σ_k (a_ik + a_ki) and m_jq = (a_jq + a_qj) / max_k (a_jk + a_kj). Directed ties are
 * summed both ways as Burt does. Unweighted unless asked (then p_ij = 1 / degree). With `nodes`, only those egos are
 * measured (the others are NaN): each ego costs the sum of its contacts' degrees, so a million-member city's report
 * measures the few members it shows rather than everyone.
 */
export function structuralHoles(
  graph: CompactGraph,
  options: { weighted?: boolean; nodes?: ArrayLike<number> } = {},
): StructuralHoles {
  const undirected = toUndirected(graph);
  const { offsets, targets } = undirected;
  const weights = options.weighted ? undirected.weights : null;
  const n = undirected.nodeCount;
  const strength = new Float64Array(n);
  const strongest = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    let max = 0;
    for (let p = offsets[i] as number; p < (offsets[i + 1] as number); p++) {
      const w = weights ? (weights[p] as number) : 1;
      sum += w;
      if (w > max) max = w;
    }
    strength[i] = sum;
    strongest[i] = max;
  }
  const share = new Float64Array(n); // p_iq of the current ego, 0 elsewhere
  const constraint = new Float64Array(n);
  const effectiveSize = new Float64Array(n);
  const egos = options.nodes ?? null;
  if (egos) {
    constraint.fill(Number.NaN);
    effectiveSize.fill(Number.NaN);
  }
  const egoCount = egos ? egos.length : n;
  for (let e = 0; e < egoCount; e++) {
    const i = egos ? (egos[e] as number) : e;
    const start = offsets[i] as number;
    const end = offsets[i + 1] as number;
    if (start === end || (strength[i] as number) === 0) {
      constraint[i] = Number.NaN;
      effectiveSize[i] = Number.NaN;
      continue;
    }
    for (let p = start; p < end; p++)
      share[targets[p] as number] = (weights ? (weights[p] as number) : 1) / (strength[i] as number);
    let c = 0;
    let size = 0;
    for (let p = start; p < end; p++) {
      const j = targets[p] as number;
      let indirect = 0;
      let redundancy = 0;
      for (let r = offsets[j] as number; r < (offsets[j + 1] as number); r++) {
        const q = targets[r] as number;
        const piq = share[q] as number;
        if (piq === 0) continue;
        const wjq = weights ? (weights[r] as number) : 1;
        // p_qj = a_qj / strength_q; the graph is symmetric so a_qj = a_jq.
        indirect += (piq * wjq) / (strength[q] as number);
        redundancy += (piq * wjq) / (strongest[j] as number);
      }
      c += ((share[j] as number) + indirect) ** 2;
      size += 1 - redundancy;
    }
    for (let p = start; p < end; p++) share[targets[p] as number] = 0;
    constraint[i] = c;
    effectiveSize[i] = size;
  }
  return { constraint, effectiveSize };
}
