import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { buildCompactGraph, buildLabelledGraph, degrees, hasEdge, inDegrees, toUndirected } from "./compact-graph";

describe("compact graph", () => {
  it("merges parallel edges, drops self-loops and keeps isolated nodes", () => {
    const { graph, index } = buildLabelledGraph(
      ["lonely"],
      [
        { source: "a", target: "b", weight: 2 },
        { source: "b", target: "a", weight: 3 },
        { source: "a", target: "a", weight: 9 },
        { source: "b", target: "c" },
      ],
    );
    expect(graph.nodeCount).toBe(4);
    expect(graph.edgeCount).toBe(2);
    expect(index.ids).toEqual(["lonely", "a", "b", "c"]);
    expect(Array.from(degrees(graph))).toEqual([0, 1, 2, 1]);
    const a = index.get("a") as number;
    expect(graph.weights?.[graph.offsets[a] as number]).toBe(5);
  });

  it("keeps both directions of a directed graph apart", () => {
    const graph = buildCompactGraph(3, { sources: [0, 0, 1], targets: [1, 2, 0] }, { directed: true });
    expect(graph.edgeCount).toBe(3);
    expect(Array.from(degrees(graph))).toEqual([2, 1, 0]);
    expect(Array.from(inDegrees(graph))).toEqual([1, 1, 1]);
    expect(hasEdge(graph, 2, 0)).toBe(false);
    expect(toUndirected(graph).edgeCount).toBe(2);
  });

  it("rejects endpoints outside the node range", () => {
    expect(() => buildCompactGraph(2, { sources: [0], targets: [2] })).toThrow(RangeError);
  });

  it("has symmetric rows and degree sums of twice the edge count for any undirected input", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(19), fc.nat(19)), { maxLength: 80 }), (pairs) => {
        const graph = buildCompactGraph(20, {
          sources: pairs.map((p) => p[0]),
          targets: pairs.map((p) => p[1]),
        });
        const distinct = new Set(
          pairs.filter(([a, b]) => a !== b).map(([a, b]) => (a < b ? `${a}-${b}` : `${b}-${a}`)),
        );
        expect(graph.edgeCount).toBe(distinct.size);
        for (let a = 0; a < 20; a++)
          for (let p = graph.offsets[a] as number; p < (graph.offsets[a + 1] as number); p++)
            expect(hasEdge(graph, graph.targets[p] as number, a)).toBe(true);
      }),
    );
  });
});
