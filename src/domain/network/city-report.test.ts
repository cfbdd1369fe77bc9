import { describe, expect, it } from "vitest";
import { buildCityReport, opennessTrend } from "./city-report";
import type { CityMember } from "./city-input";
import { clannishNetwork } from "../../../test/fixtures/network/planted-partition";
import { dayMilliseconds } from "./newcomer-integration";

const now = Date.UTC(2026, 10, 26);

describe("city report", () => {
  const network = clannishNetwork({ clans: 6, size: 30, inside: 0.35, brokers: 1, across: 0.8, seed: 4 });
  const members: CityMember[] = network.clan.map((clan, i) => ({
    id: `m${i}`,
    origin: clan % 2 === 0 ? "local" : "expat",
    careerStage: i % 3 === 0 ? "student" : "executive",
    newcomer: i % 10 === 5,
    arrivedAt: i % 10 === 5 ? now - (40 + i) * dayMilliseconds : null,
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
        firstMetAt.push(now - ((x * 7 + y * 13) % 400) * dayMilliseconds);
      }
    }
  const input = { members, ties: { a, b, firstMetAt }, now };
  const report = buildCityReport(input, { randomizations: 2, seed: 3 });

  it("finds the planted clans and names the brokers as gatekeepers", () => {
    expect(report.communities.count).toBe(6);
    expect(report.openness.status).toBe("ok");
    const brokers = new Set(members.filter((_, i) => network.broker[i]).map((member) => member.id));
    const topSix = report.gatekeepers.slice(0, 6).map((gatekeeper) => gatekeeper.id);
    expect(topSix.every((id) => brokers.has(id))).toBe(true);
    expect(report.gatekeepers[0]?.gatekeeperPaths).toBeGreaterThan(0);
    expect(report.mixing.community?.ei?.ei).toBeLessThan(-0.8);
  });

  it("suggests missing ties across communities that lower constraint and centralization", () => {
    expect(report.bridges.length).toBe(5);
    for (const bridge of report.bridges) {
      expect(bridge.communityA).not.toBe(bridge.communityB);
      expect(bridge.constraintDrop).toBeGreaterThan(0);
      expect(bridge.centralizationDrop).not.toBeNull();
    }
    expect(Math.max(...report.bridges.map((bridge) => bridge.centralizationDrop ?? 0))).toBeGreaterThan(0);
  });

  it("reports newcomer integration from dated ties", () => {
    expect(report.newcomers?.eligible).toBe(18);
    expect(report.newcomers?.share).not.toBeNull();
  });

  it("computes the index per window of the past", () => {
    const windows = [0, 1, 2].map((q) => ({
      label: `Q${q}`,
      start: now - (3 - q) * 90 * dayMilliseconds,
      end: now - (2 - q) * 90 * dayMilliseconds,
    }));
    const trend = opennessTrend(input, windows, { randomizations: 1, seed: 3 });
    expect(trend.map((point) => point.window.label)).toEqual(["Q0", "Q1", "Q2"]);
    for (const point of trend) expect(point.openness.index).not.toBeNull();
    const onlyInside = opennessTrend(input, windows.slice(0, 1), { randomizations: 1, cumulative: false });
    expect(onlyInside[0]?.openness.status).toBeDefined();
  });
});
