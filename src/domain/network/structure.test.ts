import { describe, expect, it } from "vitest";
import { buildCompactGraph, degrees } from "./compact-graph";
import { density, reciprocity } from "./cohesion";
import { attributeAssortativity, eiIndex } from "./mixing";
import { structuralHoles } from "./structural-holes";
import { brokerage } from "./brokerage";
import { rewireDegreePreserving } from "./rewire";
import { richClubCoefficient, normalizedRichClub } from "./rich-club";
import { createRng } from "../random";
import { karateClubNetwork } from "../../../test/fixtures/network/classic-networks";

const edges = (pairs: [number, number][]) => ({
  sources: pairs.map((p) => p[0]),
  targets: pairs.map((p) => p[1]),
});

describe("density and reciprocity", () => {
  it("counts isolated nodes in the density", () => {
    expect(
      density(
        buildCompactGraph(
          4,
          edges([
            [0, 1],
            [1, 2],
            [2, 0],
          ]),
        ),
      ),
    ).toBeCloseTo(3 / 6, 12);
    expect(density(karateClubNetwork().graph)).toBeCloseTo(78 / 561, 12);
  });
  it("measures the share of arcs returned", () => {
    const graph = buildCompactGraph(
      3,
      edges([
        [0, 1],
        [1, 0],
        [1, 2],
        [2, 0],
      ]),
      { directed: true },
    );
    expect(reciprocity(graph)).toBeCloseTo(0.5, 12);
    expect(density(graph)).toBeCloseTo(4 / 6, 12);
    expect(reciprocity(buildCompactGraph(2, edges([[0, 1]])))).toBeNull();
  });
});

describe("mixing", () => {
  it("gives −1 / assortativity 1 to perfectly separated groups and matches random expectation when mixed", () => {
    const clans = buildCompactGraph(
      6,
      edges([
        [0, 1],
        [1, 2],
        [2, 0],
        [3, 4],
        [4, 5],
        [5, 3],
      ]),
    );
    const groups = ["x", "x", "x", "y", "y", "y"];
    const result = eiIndex(clans, groups);
    expect(result?.ei).toBe(-1);
    expect(result?.expected).toBeCloseTo(0, 12);
    expect(attributeAssortativity(clans, groups)).toBeCloseTo(1, 12);
    // A complete bipartite graph between the groups: all ties across.
    const across = buildCompactGraph(
      6,
      edges([
        [0, 3],
        [0, 4],
        [0, 5],
        [1, 3],
        [1, 4],
        [1, 5],
        [2, 3],
        [2, 4],
        [2, 5],
      ]),
    );
    expect(eiIndex(across, groups)?.ei).toBe(1);
    expect(attributeAssortativity(across, groups)).toBeCloseTo(-1, 12);
  });
  it("leaves out nodes of unknown group and returns null when nothing is left", () => {
    const graph = buildCompactGraph(
      3,
      edges([
        [0, 1],
        [1, 2],
      ]),
    );
    expect(eiIndex(graph, ["a", null, "b"])).toBeNull();
    expect(attributeAssortativity(graph, ["a", "a", "a"])).toBeNull();
  });
});

describe("Burt's structural holes", () => {
  it("matches hand-computed values on a star and a triangle", () => {
    const star = structuralHoles(
      buildCompactGraph(
        5,
        edges([
          [0, 1],
          [0, 2],
          [0, 3],
          [0, 4],
        ]),
      ),
    );
    expect(star.constraint[0]).toBeCloseTo(0.25, 12);
    expect(star.constraint[1]).toBeCloseTo(1, 12);
    expect(star.effectiveSize[0]).toBeCloseTo(4, 12);
    const triangle = structuralHoles(
      buildCompactGraph(
        4,
        edges([
          [0, 1],
          [1, 2],
          [2, 0],
        ]),
      ),
    );
    expect(triangle.constraint[0]).toBeCloseTo(1.125, 12);
    expect(triangle.effectiveSize[0]).toBeCloseTo(1, 12);
    expect(Number.isNaN(triangle.constraint[3])).toBe(true);
  });
  it("gives unweighted effective size n − 2t/n on the karate club", () => {
    const { graph } = karateClubNetwork();
    const { effectiveSize } = structuralHoles(graph);
    const degree = degrees(graph);
    for (let i = 0; i < graph.nodeCount; i++) {
      const neighbours = new Set(Array.from(graph.targets.subarray(graph.offsets[i], graph.offsets[i + 1])));
      let ties = 0;
      for (const j of neighbours)
        for (const q of graph.targets.subarray(graph.offsets[j], graph.offsets[j + 1])) if (neighbours.has(q)) ties++;
      const n = degree[i] as number;
      expect(effectiveSize[i]).toBeCloseTo(n - ties / n, 10); // ties counts each neighbour tie twice: 2t/n
    }
  });
});

describe("Gould–Fernandez brokerage", () => {
  it("names each role of the middle node of an open two-path", () => {
    // a → b → c for each role; groups chosen per case.
    const cases: [string[], string][] = [
      [["x", "x", "x"], "coordinator"],
      [["x", "y", "x"], "itinerant"],
      [["x", "y", "y"], "gatekeeper"],
      [["x", "x", "y"], "representative"],
      [["x", "y", "z"], "liaison"],
    ];
    for (const [groups, role] of cases) {
      const counts = brokerage(
        buildCompactGraph(
          3,
          edges([
            [0, 1],
            [1, 2],
          ]),
          { directed: true },
        ),
        groups,
      );
      for (const [name, values] of Object.entries(counts)) expect(values[1]).toBe(name === role ? 1 : 0);
    }
    // Closing the path (a → c) removes the brokerage.
    const closed = brokerage(
      buildCompactGraph(
        3,
        edges([
          [0, 1],
          [1, 2],
          [0, 2],
        ]),
        { directed: true },
      ),
      ["x", "y", "y"],
    );
    expect(closed.gatekeeper[1]).toBe(0);
  });
});

describe("degree-preserving rewiring and the rich club", () => {
  it("keeps every degree, makes no loops or duplicates and changes the ties", () => {
    const { graph } = karateClubNetwork();
    const rewired = rewireDegreePreserving(graph, createRng(4));
    expect(Array.from(degrees(rewired))).toEqual(Array.from(degrees(graph)));
    let changed = 0;
    for (let i = 0; i < graph.nodeCount; i++) {
      const row = Array.from(rewired.targets.subarray(rewired.offsets[i], rewired.offsets[i + 1]));
      expect(new Set(row).size).toBe(row.length);
      expect(row).not.toContain(i);
      for (const j of row) if (!graph.targets.subarray(graph.offsets[i], graph.offsets[i + 1]).includes(j)) changed++;
      for (const j of row) expect(rewired.targets.subarray(rewired.offsets[j], rewired.offsets[j + 1])).toContain(i);
    }
    expect(changed).toBeGreaterThan(40);
  });
  it("finds a closed elite: hubs all tied together score above random", () => {
    // 100 members tied at random (p = 0.08), plus 8 hubs tied to each other and to 16 random members each.
    const rng = createRng(11);
    const pairs: [number, number][] = [];
    for (let a = 8; a < 108; a++) for (let b = a + 1; b < 108; b++) if (rng.next() < 0.08) pairs.push([a, b]);
    for (let a = 0; a < 8; a++) {
      for (let b = a + 1; b < 8; b++) pairs.push([a, b]);
      for (let t = 0; t < 16; t++) pairs.push([a, 8 + rng.int(100)]);
    }
    const graph = buildCompactGraph(108, edges(pairs));
    const k = 18;
    expect(richClubCoefficient(graph, k)).toBeGreaterThan(0.9);
    const result = normalizedRichClub(graph, k, createRng(1), {
      randomizations: 10,
    });
    expect(result?.normalized).toBeGreaterThan(1.5);
    // The same degrees at random have no such elite.
    const random = normalizedRichClub(rewireDegreePreserving(graph, createRng(2)), k, createRng(1), {
      randomizations: 10,
    });
    expect(random?.normalized).toBeLessThan(1.3);
  });
});
