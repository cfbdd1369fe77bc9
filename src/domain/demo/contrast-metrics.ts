import Graph from "graphology";
import louvain from "graphology-communities-louvain";
import betweennessCentrality from "graphology-metrics/centrality/betweenness";
import { createRng } from "../random";
import type { CityKey, DemoWorld } from "./types";

/**
 * The openness figures the demo is designed to contrast, measured with graphology (independently of the project's own
 * network kernels) for the tests and for tuning `ecosystems.ts`. Fine for a few thousand members; exact betweenness is
 * quadratic, so do not call it on a benchmark-size city.
 */

/** The figures for one city. */
export interface CityContrast {
  members: number;
  ties: number;
  /** Best modularity of a few seeded Louvain runs. */
  modularity: number;
  communities: number;
  /** Share of ties whose ends Louvain put in different communities. */
  crossCommunityShare: number;
  /** Freeman betweenness centralization of the unweighted tie graph, in [0, 1]. */
  betweennessCentralization: number;
}

/** The undirected, unweighted graph of one city's ties, nodes keyed by member index. */
export function buildCityGraph(world: DemoWorld, cityKey: CityKey): Graph {
  const graph = new Graph({ type: "undirected", multi: false });
  world.members.forEach((member, index) => {
    if (member.cityKey === cityKey) graph.addNode(String(index));
  });
  for (let k = 0; k < world.ties.count; k++) {
    const a = String(world.ties.a[k]);
    const b = String(world.ties.b[k]);
    if (graph.hasNode(a) && graph.hasNode(b)) graph.addEdge(a, b);
  }
  return graph;
}

/**
 * Freeman's betweenness centralization: Σ (max − c_i) over its largest possible value, reached by a star. Betweenness
 * is exact (Brandes, graphology-metrics), unweighted and unnormalized, so a star's centre scores (n − 1)(n − 2)/2 for
 * an undirected graph and the denominator is (n − 1) times that.
 */
export function betweennessCentralization(graph: Graph): number {
  const n = graph.order;
  if (n < 3) return 0;
  const scores = Object.values(betweennessCentrality(graph, { getEdgeWeight: null, normalized: false }));
  const max = Math.max(...scores);
  let sum = 0;
  for (const score of scores) sum += max - score;
  return sum / ((n - 1) * (((n - 1) * (n - 2)) / 2));
}

/** Measures modularity, cross-community share and betweenness centralization of a city, seeded. */
export function measureCityContrast(world: DemoWorld, cityKey: CityKey, runs = 3): CityContrast {
  const graph = buildCityGraph(world, cityKey);
  let best: { modularity: number; communities: Record<string, number> } | undefined;
  for (let run = 0; run < runs; run++) {
    const rng = createRng(`louvain-${run}`);
    const result = louvain.detailed(graph, { rng: rng.next, getEdgeWeight: null });
    if (best === undefined || result.modularity > best.modularity) best = result;
  }
  const communities = best?.communities ?? {};
  let cross = 0;
  graph.forEachEdge((_edge, _attributes, source, target) => {
    if (communities[source] !== communities[target]) cross++;
  });
  return {
    members: graph.order,
    ties: graph.size,
    modularity: best?.modularity ?? 0,
    communities: new Set(Object.values(communities)).size,
    crossCommunityShare: graph.size === 0 ? 0 : cross / graph.size,
    betweennessCentralization: betweennessCentralization(graph),
  };
}
