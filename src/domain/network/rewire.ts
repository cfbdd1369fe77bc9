/**
 * Degree-preserving randomization by seeded double-edge swaps (Maslov & Sneppen 2002): the null model that the
 * openness index and the rich-club coefficient are normalized against, so they do not drift with network size.
 */
import type { CompactGraph } from "./compact-graph";
import { toUndirected } from "./compact-graph";
import type { Rng } from "../random";

/** The row (owner) of every arc position: one lookup per swap instead of a binary search over the offsets. */
function arcOwners(offsets: Int32Array, nodeCount: number, arcs: number): Int32Array {
  const owners = new Int32Array(arcs);
  for (let i = 0; i < nodeCount; i++) owners.fill(i, offsets[i], offsets[i + 1]);
  return owners;
}

/** Position of `target` in row `node`, or −1. */
function find(offsets: Int32Array, targets: Int32Array, node: number, target: number): number {
  for (let p = offsets[node] as number; p < (offsets[node + 1] as number); p++) if (targets[p] === target) return p;
  return -1;
}

/**
 * A randomized copy of an undirected graph with every node's degree kept: swaps a–b, c–d into a–d, c–b whenever that
 * makes no loop or duplicate. Works in place on a copy of the rows, whose lengths never change. Weights are dropped:
 * the null model is about who is tied to whom. `swapsPerEdge` attempts per edge (default 5 up to 100,000 edges, then
 * 2: the aggregate figures normalized against it settle after one or two swaps per edge, and each swap costs four
 * row scans).
 */
export function rewireDegreePreserving(
  graph: CompactGraph,
  rng: Rng,
  options: { swapsPerEdge?: number } = {},
): CompactGraph {
  const base = toUndirected(graph);
  const n = base.nodeCount;
  const offsets = base.offsets;
  const targets = base.targets.slice();
  const arcs = targets.length;
  if (arcs < 4) return { ...base, targets, weights: null };
  const attempts = Math.round((options.swapsPerEdge ?? (base.edgeCount <= 100_000 ? 5 : 2)) * base.edgeCount);
  const owners = arcOwners(offsets, n, arcs);
  for (let t = 0; t < attempts; t++) {
    const p1 = rng.int(arcs);
    const p2 = rng.int(arcs);
    const a = owners[p1] as number;
    const b = targets[p1] as number;
    const c = owners[p2] as number;
    const d = targets[p2] as number;
    if (a === c || a === d || b === c || b === d) continue;
    // Check the shorter row for the new ties a–d and c–b.
    const adExists =
      (offsets[a + 1] as number) - (offsets[a] as number) < (offsets[d + 1] as number) - (offsets[d] as number)
        ? find(offsets, targets, a, d) >= 0
        : find(offsets, targets, d, a) >= 0;
    if (adExists) continue;
    const cbExists =
      (offsets[c + 1] as number) - (offsets[c] as number) < (offsets[b + 1] as number) - (offsets[b] as number)
        ? find(offsets, targets, c, b) >= 0
        : find(offsets, targets, b, c) >= 0;
    if (cbExists) continue;
    targets[p1] = d;
    targets[find(offsets, targets, b, a)] = c;
    targets[p2] = b;
    targets[find(offsets, targets, d, c)] = a;
  }
  return {
    nodeCount: n,
    directed: false,
    edgeCount: base.edgeCount,
    offsets,
    targets,
    weights: null,
    inOffsets: null,
    inTargets: null,
    inWeights: null,
  };
}
