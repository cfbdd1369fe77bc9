import { describe, expect, it } from "vitest";
import { opennessIndex } from "./openness-index";
import { rewireDegreePreserving } from "./rewire";
import { buildCompactGraph } from "./compact-graph";
import { createRng } from "../random";
import { clannishNetwork, randomNetwork } from "../../../test/fixtures/network/planted-partition";

const budget = { randomizations: 3, seed: 2 };

describe("openness index", () => {
  const clannish = clannishNetwork({
    clans: 8,
    size: 40,
    inside: 0.3,
    brokers: 2,
    across: 0.4,
    seed: 1,
  });
  const origin = {
    origin: clannish.clan.map((clan) => (clan < 4 ? "local" : "expat")),
  };
  const closed = opennessIndex({
    graph: clannish.graph,
    attributes: origin,
    options: budget,
  });

  it("scores tight clans joined through a few brokers far below a well-mixed graph of the same size", () => {
    const open = opennessIndex({
      graph: randomNetwork({
        nodes: 320,
        edges: clannish.graph.edgeCount,
        seed: 3,
      }),
      attributes: origin,
      options: budget,
    });
    expect(closed.status).toBe("ok");
    expect(closed.index).not.toBeNull();
    expect(open.index as number).toBeGreaterThan((closed.index as number) + 40);
    // Each structural component sees the clans.
    expect(closed.components.bridging?.score).toBeLessThan(0.4);
    expect(closed.components.noBarons?.score).toBeLessThan(0.6);
    expect(closed.components.mixing?.score).toBeLessThan(0.3);
    expect(open.components.bridging?.score).toBeGreaterThan(0.9);
  });

  it("rises when the clannish graph is rewired at random keeping every degree", () => {
    const rewired = opennessIndex({
      graph: rewireDegreePreserving(clannish.graph, createRng(9)),
      attributes: origin,
      options: budget,
    });
    expect(rewired.index as number).toBeGreaterThan((closed.index as number) + 40);
  });

  it("does not drift with network size: random graphs ten times apart score alike", () => {
    const small = opennessIndex({
      graph: randomNetwork({ nodes: 300, edges: 1800, seed: 5 }),
      options: budget,
    });
    const large = opennessIndex({
      graph: randomNetwork({ nodes: 3000, edges: 18000, seed: 5 }),
      options: { ...budget, pivots: 150 },
    });
    expect(Math.abs((small.index as number) - (large.index as number))).toBeLessThan(10);
    expect(large.index as number).toBeGreaterThan(85);
  });

  it("says insufficient data below the minimum counts", () => {
    const tiny = opennessIndex({
      graph: buildCompactGraph(10, { sources: [0, 1], targets: [1, 2] }),
    });
    expect(tiny.status).toBe("insufficient-data");
    expect(tiny.index).toBeNull();
    expect(tiny.reasons.length).toBeGreaterThan(0);
  });

  it("averages in newcomer integration and giving when there is enough data", () => {
    const withPeople = opennessIndex({
      graph: clannish.graph,
      options: budget,
      newcomers: {
        eligible: 20,
        integrated: 5,
        share: 0.25,
        medianDaysToFirstTie: 12,
        firstTieObserved: 18,
        firstTieCensored: 2,
        survival: [],
      },
      giving: {
        eligibleTrips: 30,
        answeredTrips: 27,
        answeredShare: 0.9,
        receivers: 5,
        receiversWhoGave: 1,
        payForwardShare: 0.2,
      },
    });
    expect(withPeople.components.newcomerIntegration?.score).toBe(0.25);
    // Too few receivers: only the trips share counts.
    expect(withPeople.components.giving?.score).toBe(0.9);
  });
});
