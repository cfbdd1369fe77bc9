/**
 * Gould & Fernandez (1989) brokerage roles: in every open two-path a → b → c (no arc a → c), b brokers, and the
 * groups of a, b and c name the role. Gatekeepers let outsiders into their group; representatives speak for it.
 */
import type { CompactGraph } from "./compact-graph";
import type { NodeGroups } from "./mixing";

export const brokerageRoles = ["coordinator", "itinerant", "gatekeeper", "representative", "liaison"] as const;
export type BrokerageRole = (typeof brokerageRoles)[number];

/** Counts per role, one array per role indexed by node. */
export type BrokerageCounts = Record<BrokerageRole, Float64Array>;

/**
 * Role of b in a → b → c by groups: coordinator (all one group), itinerant (a and c share a group b is not in),
 * gatekeeper (b and c share a group, a comes from outside), representative (a and b share a group, c is outside),
 * liaison (three groups). Nodes with an unknown group take part in no role. `brokers` limits the count to some nodes
 * (the others stay 0), which keeps big graphs cheap when only the top gatekeepers are shown.
 */
export function brokerage(
  graph: CompactGraph,
  groups: NodeGroups,
  options: { brokers?: ArrayLike<number> } = {},
): BrokerageCounts {
  if (!graph.directed || !graph.inOffsets || !graph.inTargets)
    throw new RangeError("brokerage roles need a directed graph");
  const n = graph.nodeCount;
  const codes = new Int32Array(n).fill(-1);
  const labels = new Map<string | number, number>();
  for (let i = 0; i < n; i++) {
    const label = groups[i];
    if (label === null || label === undefined) continue;
    if (!labels.has(label)) labels.set(label, labels.size);
    codes[i] = labels.get(label) as number;
  }
  const counts: BrokerageCounts = {
    coordinator: new Float64Array(n),
    itinerant: new Float64Array(n),
    gatekeeper: new Float64Array(n),
    representative: new Float64Array(n),
    liaison: new Float64Array(n),
  };
  const { offsets, targets, inOffsets, inTargets } = graph;
  // marked[c] === a + 1 while a's out-neighbours are marked, so no clearing pass is needed.
  const marked = new Int32Array(n);
  const brokers = options.brokers ?? null;
  const brokerCount = brokers ? brokers.length : n;
  for (let t = 0; t < brokerCount; t++) {
    const b = brokers ? (brokers[t] as number) : t;
    const gb = codes[b] as number;
    if (gb < 0) continue;
    for (let r = inOffsets[b] as number; r < (inOffsets[b + 1] as number); r++) {
      const a = inTargets[r] as number;
      const ga = codes[a] as number;
      if (ga < 0) continue;
      for (let p = offsets[a] as number; p < (offsets[a + 1] as number); p++) marked[targets[p] as number] = a + 1;
      for (let p = offsets[b] as number; p < (offsets[b + 1] as number); p++) {
        const c = targets[p] as number;
        if (c === a || marked[c] === a + 1) continue;
        const gc = codes[c] as number;
        if (gc < 0) continue;
        const role: BrokerageRole =
          ga === gb
            ? gb === gc
              ? "coordinator"
              : "representative"
            : gb === gc
              ? "gatekeeper"
              : ga === gc
                ? "itinerant"
                : "liaison";
        const row = counts[role];
        row[b] = (row[b] as number) + 1;
      }
    }
  }
  return counts;
}
