import { describe, expect, it } from "vitest";
import { buildCityReport } from "./city-report";
import type { CityMember } from "./city-input";
import { clannishNetwork } from "../../../test/fixtures/network/planted-partition";

const now = Date.UTC(2026, 10, 26);

/** `topByBetweenness`: the members ranked by betweenness for the alerts' top 5 %, beyond the ten gatekeepers listed. */
describe("city report: top members by betweenness", () => {
  const network = clannishNetwork({ clans: 6, size: 30, inside: 0.35, brokers: 1, across: 0.8, seed: 4 });
  const members: CityMember[] = network.clan.map((_, i) => ({
    id: `m${i}`,
    origin: "local",
    careerStage: "executive",
    newcomer: false,
    arrivedAt: null,
  }));
  const a: number[] = [];
  const b: number[] = [];
  const firstMetAt: number[] = [];
  for (let x = 0; x < network.graph.nodeCount; x++)
    for (let p = network.graph.offsets[x] as number; p < (network.graph.offsets[x + 1] as number); p++) {
      const y = network.graph.targets[p] as number;
      if (x < y) {
        a.push(x);
        b.push(y);
        firstMetAt.push(now - 30 * 86_400_000);
      }
    }
  const input = { members, ties: { a, b, firstMetAt }, now };

  it("is empty unless asked", () => {
    expect(buildCityReport(input, { randomizations: 1, seed: 3 }).topByBetweenness).toEqual([]);
  });

  it("ranks as the gatekeepers do, for small counts and for the sorted path above 64 alike", () => {
    for (const count of [9, 100]) {
      const report = buildCityReport(input, { randomizations: 1, seed: 3, gatekeepers: count, betweennessTop: count });
      expect(report.topByBetweenness).toHaveLength(count);
      expect(report.topByBetweenness.map((position) => `m${position}`)).toEqual(
        report.gatekeepers.map((gatekeeper) => gatekeeper.id),
      );
      const scores = report.gatekeepers.map((gatekeeper) => gatekeeper.betweenness);
      expect(scores).toEqual([...scores].sort((x, y) => y - x));
    }
  });
});
