import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { buildCompactGraph, degrees } from "./compact-graph";
import { betweenness, betweennessCentralization } from "./betweenness";
import { detectCommunities, modularity } from "./louvain";
import { attributeAssortativity, eiIndex } from "./mixing";
import { rewireDegreePreserving } from "./rewire";
import { createRng } from "../random";

const arbitraryGraph = fc
  .record({ n: fc.integer({ min: 3, max: 25 }), pairs: fc.array(fc.tuple(fc.nat(24), fc.nat(24)), { maxLength: 60 }) })
  .map(({ n, pairs }) => {
    const kept = pairs.filter(([a, b]) => a < n && b < n);
    return { n, sources: kept.map((p) => p[0]), targets: kept.map((p) => p[1]) };
  });

describe("metric properties on random small graphs", () => {
  it("keep inputs untouched, bounds and identities", () => {
    fc.assert(
      fc.property(arbitraryGraph, fc.boolean(), ({ n, sources, targets }, directed) => {
        const sourcesCopy = sources.slice();
        const graph = buildCompactGraph(n, { sources, targets }, { directed });
        expect(sources).toEqual(sourcesCopy);
        const targetsCopy = graph.targets.slice();
        const exact = betweenness(graph);
        const allPivots = betweenness(graph, { pivots: n, seed: 9 });
        for (let i = 0; i < n; i++) {
          expect(exact.normalized[i]).toBeGreaterThanOrEqual(0);
          expect(exact.normalized[i]).toBeLessThanOrEqual(1 + 1e-12);
          expect(allPivots.raw[i]).toBeCloseTo(exact.raw[i] as number, 9);
        }
        const centralization = betweennessCentralization(exact.normalized);
        expect(centralization).toBeGreaterThanOrEqual(0);
        expect(centralization).toBeLessThanOrEqual(1 + 1e-12);
        const communities = detectCommunities(graph, { seed: 1, runs: 2 });
        expect(communities.modularity).toBeGreaterThanOrEqual(-0.5);
        expect(communities.modularity).toBeLessThanOrEqual(1);
        expect(modularity(graph, communities.membership)).toBeCloseTo(communities.modularity, 10);
        // Louvain never does worse than leaving every node alone.
        expect(communities.modularity).toBeGreaterThanOrEqual(
          modularity(
            graph,
            Array.from({ length: n }, (_, i) => i),
          ) - 1e-12,
        );
        const groups = Array.from({ length: n }, (_, i) => (i % 3 === 0 ? "x" : "y"));
        const ei = eiIndex(graph, groups);
        const r = attributeAssortativity(graph, groups);
        if (ei && r !== null) {
          // Both come from the same mixing matrix: r = (EI_rand − EI) / (1 + EI_rand).
          expect(r).toBeCloseTo((ei.expected - ei.ei) / (1 + ei.expected), 9);
        }
        if (!directed) {
          const rewired = rewireDegreePreserving(graph, createRng(1));
          expect(Array.from(degrees(rewired))).toEqual(Array.from(degrees(graph)));
        }
        expect(graph.targets).toEqual(targetsCopy);
      }),
      { numRuns: 150 },
    );
  });
});
