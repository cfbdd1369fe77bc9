import { describe, expect, it } from "vitest";
import Graph from "graphology";
import graphologyBetweenness from "graphology-metrics/centrality/betweenness";
import { betweenness, betweennessCentralization } from "./betweenness";
import { buildCompactGraph, relabelBreadthFirst } from "./compact-graph";
import { fromGraphology } from "./graphology-bridge";
import {
  florentineNetwork,
  karateClubNetwork,
  miserablesNetwork,
} from "../../../test/fixtures/network/classic-networks";

describe("betweenness", () => {
  it("gives the Medici 0.522 among the 15 connected families and 0.452 when the isolated Pucci count", () => {
    const connected = florentineNetwork();
    const medici = connected.index.get("Medici") as number;
    expect(betweenness(connected.graph).normalized[medici]).toBeCloseTo(0.522, 3);
    const all = florentineNetwork({ withPucci: true });
    expect(all.graph.nodeCount).toBe(16);
    expect(betweenness(all.graph).normalized[all.index.get("Medici") as number]).toBeCloseTo(0.452, 3);
    expect(betweenness(all.graph).raw[all.index.get("Medici") as number]).toBeCloseTo(47.5, 6);
  });

  it("matches graphology-metrics on the karate club and Les Misérables (unweighted)", () => {
    for (const { graph, index } of [karateClubNetwork(), miserablesNetwork()]) {
      const reference = new Graph({ type: "undirected" });
      for (const id of index.ids) reference.addNode(id);
      for (let a = 0; a < graph.nodeCount; a++)
        for (let p = graph.offsets[a] as number; p < (graph.offsets[a + 1] as number); p++)
          reference.mergeEdge(index.ids[a] as string, index.ids[graph.targets[p] as number] as string);
      const expected = graphologyBetweenness(reference, {
        normalized: true,
        getEdgeWeight: null,
      });
      const ours = betweenness(graph);
      index.ids.forEach((id, i) => expect(ours.normalized[i]).toBeCloseTo(expected[id] as number, 9));
    }
    // A published value: Valjean's normalized betweenness in Les Misérables, 0.570.
    const miserables = miserablesNetwork();
    expect(betweenness(miserables.graph).normalized[miserables.index.get("Valjean") as number]).toBeCloseTo(0.57, 3);
  });

  it("follows arcs on directed graphs like graphology does", () => {
    const reference = new Graph({ type: "directed" });
    const arcs = [
      ["a", "b"],
      ["b", "c"],
      ["c", "a"],
      ["c", "d"],
      ["d", "e"],
      ["b", "e"],
      ["e", "f"],
    ] as const;
    for (const [from, to] of arcs) reference.mergeEdge(from, to);
    const { graph, index } = fromGraphology(reference);
    const expected = graphologyBetweenness(reference, {
      normalized: false,
      getEdgeWeight: null,
    });
    const ours = betweenness(graph);
    index.ids.forEach((id, i) => expect(ours.raw[i]).toBeCloseTo(expected[id] as number, 9));
  });

  it("estimates from pivots within the stated error bound", () => {
    const { graph } = miserablesNetwork();
    const exact = betweenness(graph);
    const sampled = betweenness(graph, { pivots: 40, seed: 3 });
    expect(sampled.exact).toBe(false);
    expect(sampled.errorBound).toBeGreaterThan(0);
    let worst = 0;
    for (let i = 0; i < graph.nodeCount; i++)
      worst = Math.max(worst, Math.abs((sampled.normalized[i] as number) - (exact.normalized[i] as number)));
    expect(worst).toBeLessThan(sampled.errorBound);
    expect(worst).toBeGreaterThan(0);
  });

  it("gives the same values on a graph renumbered breadth-first (as used for big sampled runs)", () => {
    const { graph } = miserablesNetwork();
    const relabelled = relabelBreadthFirst(graph);
    const original = betweenness(graph);
    const renumbered = betweenness(relabelled.graph);
    for (let i = 0; i < graph.nodeCount; i++)
      expect(renumbered.raw[relabelled.rank[i] as number]).toBeCloseTo(original.raw[i] as number, 9);
    expect(Array.from(relabelled.order).sort((a, b) => a - b)).toEqual(
      Array.from({ length: graph.nodeCount }, (_, i) => i),
    );
  });

  it("has centralization 1 for a star and 0 for a cycle", () => {
    const star = buildCompactGraph(6, {
      sources: [0, 0, 0, 0, 0],
      targets: [1, 2, 3, 4, 5],
    });
    expect(betweennessCentralization(betweenness(star).normalized)).toBeCloseTo(1, 12);
    const cycle = buildCompactGraph(6, {
      sources: [0, 1, 2, 3, 4, 5],
      targets: [1, 2, 3, 4, 5, 0],
    });
    expect(betweennessCentralization(betweenness(cycle).normalized)).toBeCloseTo(0, 12);
  });
});
