import { beforeAll, describe, expect, it } from "vitest";
import { generateDemoWorld } from "./generate-demo-world";
import { measureCityContrast } from "./network-metrics";
import type { CityContrast } from "./network-metrics";

// The designed contrast, measured on the default size (2,000 members per city) with graphology: seeded Louvain
// (best of three runs) and exact, unweighted betweenness.
describe("demo world: Miami is open, Toulouse is clannish", () => {
  let miami: CityContrast;
  let toulouse: CityContrast;

  beforeAll(() => {
    const world = generateDemoWorld({ seed: 1, now: "2026-11-26T12:00:00Z" });
    miami = measureCityContrast(world, "miami");
    toulouse = measureCityContrast(world, "toulouse");
    console.info("contrast at 2,000 members per city", { miami, toulouse });
  });

  it("has a markedly more modular Toulouse", () => {
    expect(toulouse.modularity).toBeGreaterThanOrEqual(miami.modularity + 0.15);
  });

  it("has at least twice Toulouse's share of ties across communities in Miami", () => {
    expect(miami.crossCommunityShare).toBeGreaterThanOrEqual(2 * toulouse.crossCommunityShare);
  });

  it("routes Toulouse's paths through a few gatekeepers: at least twice Miami's betweenness centralization", () => {
    expect(toulouse.betweennessCentralization).toBeGreaterThanOrEqual(2 * miami.betweennessCentralization);
  });
});
