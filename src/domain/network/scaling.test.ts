import { describe, expect, it } from "vitest";
import { asBothArcs, buildCompactGraph } from "./compact-graph";
import { structuralHoles } from "./structural-holes";
import { brokerage, brokerageRoles } from "./brokerage";
import { attributeAssortativity, eiIndex } from "./mixing";
import { karateClubNetwork } from "../../../test/fixtures/network/classic-networks";

/** The shortcuts the city report takes on million-member graphs give the same figures as the plain computations. */
describe("city-report shortcuts for big graphs", () => {
  const { graph } = karateClubNetwork();
  const groups = Int32Array.from({ length: graph.nodeCount }, (_, i) => i % 5);

  it("measures constraint and effective size of chosen egos only, equal to the full computation", () => {
    const full = structuralHoles(graph);
    const egos = [0, 33, 5, 16];
    const some = structuralHoles(graph, { nodes: egos });
    for (let i = 0; i < graph.nodeCount; i++) {
      if (egos.includes(i)) {
        expect(some.constraint[i]).toBe(full.constraint[i]);
        expect(some.effectiveSize[i]).toBe(full.effectiveSize[i]);
      } else {
        expect(some.constraint[i]).toBeNaN();
        expect(some.effectiveSize[i]).toBeNaN();
      }
    }
  });

  it("reads brokerage on the tie rows as on an explicit graph of two arcs per tie", () => {
    const sources = new Int32Array(graph.targets.length);
    for (let i = 0; i < graph.nodeCount; i++) sources.fill(i, graph.offsets[i], graph.offsets[i + 1]);
    const explicit = buildCompactGraph(graph.nodeCount, { sources, targets: graph.targets }, { directed: true });
    const view = asBothArcs(graph);
    expect(view.inTargets).toBe(graph.targets);
    const brokers = [0, 33, 2, 31];
    const expected = brokerage(explicit, groups, { brokers });
    const actual = brokerage(view, groups, { brokers });
    for (const role of brokerageRoles) expect(Array.from(actual[role])).toEqual(Array.from(expected[role]));
    expect(expected.liaison[0]).toBeGreaterThan(0);
  });

  it("computes E-I and assortativity from the mixing matrix's margins, as from the whole matrix", () => {
    // The whole g × g matrix of tie-end shares, computed naively.
    const count = 5;
    const e = new Float64Array(count * count);
    for (let i = 0; i < graph.nodeCount; i++)
      for (let p = graph.offsets[i] as number; p < (graph.offsets[i + 1] as number); p++) {
        const cell = (groups[i] as number) * count + (groups[graph.targets[p] as number] as number);
        e[cell] = (e[cell] as number) + 1 / graph.targets.length;
      }
    let trace = 0;
    let chance = 0;
    for (let g = 0; g < count; g++) {
      trace += e[g * count + g] as number;
      let row = 0;
      let column = 0;
      for (let h = 0; h < count; h++) {
        row += e[g * count + h] as number;
        column += e[h * count + g] as number;
      }
      chance += row * column;
    }
    expect(eiIndex(graph, groups)?.ei).toBeCloseTo(1 - 2 * trace, 12);
    expect(eiIndex(graph, groups)?.expected).toBeCloseTo(1 - 2 * chance, 12);
    expect(attributeAssortativity(graph, groups)).toBeCloseTo((trace - chance) / (1 - chance), 12);
  });
});
