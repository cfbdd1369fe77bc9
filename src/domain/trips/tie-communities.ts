/**
 * Communities of a city's tie graph when no cached city report holds them: one seeded Louvain pass with graphology
 * (small and medium cities; the analytics job caches the city-sized answer). Seeded, so the same ties give the same
 * communities and the same picks.
 */
import Graph from "graphology";
import louvain from "graphology-communities-louvain";
import { createRng } from "../random";

export interface WeightedTie {
  readonly a: string;
  readonly b: string;
  readonly weight: number;
}

/** Community label per member id; members without ties form their own community. */
export function detectTieCommunities(
  memberIds: readonly string[],
  ties: readonly WeightedTie[],
  seed = 1,
): Map<string, string> {
  const graph = new Graph({ type: "undirected", multi: false });
  for (const id of [...memberIds].sort()) graph.addNode(id);
  for (const tie of ties) {
    if (tie.a === tie.b || !graph.hasNode(tie.a) || !graph.hasNode(tie.b)) continue;
    if (graph.hasEdge(tie.a, tie.b)) continue;
    graph.addEdge(tie.a, tie.b, { weight: tie.weight });
  }
  const rng = createRng(seed);
  const membership = graph.size > 0 ? louvain(graph, { rng: () => rng.next(), getEdgeWeight: "weight" }) : {};
  const result = new Map<string, string>();
  for (const id of memberIds) {
    const community = membership[id];
    result.set(id, community === undefined ? `solo-${id}` : `c${community}`);
  }
  return result;
}
