import { describe, expect, it } from "vitest";
import Graph, { UndirectedGraph } from "graphology";
import louvain from "graphology-communities-louvain";
import graphologyModularity from "graphology-metrics/graph/modularity";
import { karateClub } from "graphology-generators/social";
import { detectCommunities, modularity } from "./louvain";
import { buildCompactGraph } from "./compact-graph";
import { karateClubNetwork, miserablesNetwork } from "../../../test/fixtures/network/classic-networks";

describe("Louvain communities", () => {
  it("finds the karate club's best known partition: Q ≈ 0.4198 with 4 communities", () => {
    const { graph } = karateClubNetwork();
    const result = detectCommunities(graph, { seed: 7, runs: 10 });
    expect(result.count).toBe(4);
    expect(result.modularity).toBeCloseTo(0.4198, 4);
    expect(modularity(graph, result.membership)).toBeCloseTo(result.modularity, 12);
  });

  it("computes the same modularity as graphology-metrics for a given partition", () => {
    const reference = karateClub(UndirectedGraph);
    const communities = louvain(reference, {
      getEdgeWeight: null,
      rng: mulberry(3),
    });
    const { graph, index } = karateClubNetwork();
    const membership = index.ids.map((id) => communities[id] as number);
    expect(modularity(graph, membership)).toBeCloseTo(
      graphologyModularity(reference, {
        getNodeCommunity: (node) => communities[node] as number,
        getEdgeWeight: null,
      }),
      10,
    );
  });

  it("is at least as good as graphology's Louvain on Les Misérables, weighted and unweighted", () => {
    const { graph, edges } = miserablesNetwork();
    const reference = new Graph({ type: "undirected" });
    for (const edge of edges) reference.mergeEdge(edge.source, edge.target, { weight: edge.weight });
    for (const weighted of [false, true]) {
      const ours = detectCommunities(graph, { seed: 1, runs: 10, weighted });
      const theirs = louvain.detailed(reference, {
        getEdgeWeight: weighted ? "weight" : null,
        rng: mulberry(1),
      }).modularity;
      expect(ours.modularity).toBeGreaterThanOrEqual(theirs - 1e-9);
      // Published optimum of the unweighted graph is 0.5600 (Aloise et al. 2010); Louvain gets within a hair of it.
      if (!weighted) expect(ours.modularity).toBeGreaterThan(0.555);
    }
  });

  it("is reproducible from its seed and recovers planted communities", () => {
    const graph = plantedPartition(10, 30, 0.5, 0.005, 99);
    const first = detectCommunities(graph, { seed: 5 });
    const second = detectCommunities(graph, { seed: 5 });
    expect(Array.from(first.membership)).toEqual(Array.from(second.membership));
    expect(first.count).toBe(10);
    for (let block = 0; block < 10; block++) {
      const labels = new Set(Array.from(first.membership.subarray(block * 30, block * 30 + 30)));
      expect(labels.size).toBe(1);
    }
  });

  it("gives isolated nodes their own community and an empty graph modularity 0", () => {
    const graph = buildCompactGraph(3, { sources: [], targets: [] });
    const result = detectCommunities(graph);
    expect(result.count).toBe(3);
    expect(result.modularity).toBe(0);
  });
});

function mulberry(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function plantedPartition(blocks: number, size: number, inside: number, outside: number, seed: number) {
  const random = mulberry(seed);
  const sources: number[] = [];
  const targets: number[] = [];
  const n = blocks * size;
  for (let a = 0; a < n; a++)
    for (let b = a + 1; b < n; b++)
      if (random() < (Math.floor(a / size) === Math.floor(b / size) ? inside : outside)) {
        sources.push(a);
        targets.push(b);
      }
  return buildCompactGraph(n, { sources, targets });
}
