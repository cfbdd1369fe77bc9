import { beforeAll, describe, expect, it } from "vitest";
import { generateDemoWorld } from "./generate-demo-world";
import { measureCityContrast } from "./contrast-metrics";
import type { CityContrast } from "./contrast-metrics";
import type { CityKey, DemoMember, DemoWorld } from "./types";

// The designed contrast, measured on the default size (2,000 members per city) with graphology: seeded Louvain
// (best of three runs) and exact, unweighted betweenness.
describe("demo world: Miami is open, Toulouse is clannish", () => {
  let world: DemoWorld;
  let miami: CityContrast;
  let toulouse: CityContrast;

  /** Mean number of ties of a city's members that pass `filter`. */
  function meanDegree(cityKey: CityKey, filter: (member: DemoMember) => boolean): number {
    const degree = new Int32Array(world.members.length);
    for (let t = 0; t < world.ties.count; t++) {
      degree[world.ties.a[t] ?? 0]! += 1;
      degree[world.ties.b[t] ?? 0]! += 1;
    }
    let sum = 0;
    let count = 0;
    world.members.forEach((member, index) => {
      if (member.cityKey !== cityKey || !filter(member)) return;
      sum += degree[index] ?? 0;
      count++;
    });
    return count === 0 ? 0 : sum / count;
  }

  beforeAll(() => {
    world = generateDemoWorld({ seed: 1, now: "2026-11-26T12:00:00Z" });
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

  it("integrates Miami's newcomers and young founders far better than Toulouse's", () => {
    const isYoung = (member: DemoMember): boolean =>
      member.careerStage === "student" || member.careerStage === "first_time_founder";
    expect(meanDegree("miami", (member) => member.isNewcomer)).toBeGreaterThanOrEqual(
      3 * meanDegree("toulouse", (member) => member.isNewcomer),
    );
    expect(meanDegree("miami", isYoung)).toBeGreaterThanOrEqual(1.5 * meanDegree("toulouse", isYoung));
  });

  it("gives Toulouse's gatekeepers many times the ties of an ordinary member", () => {
    expect(meanDegree("toulouse", (member) => member.isGatekeeper)).toBeGreaterThanOrEqual(
      5 * meanDegree("toulouse", () => true),
    );
  });

  it("records more giving per member in Miami", () => {
    const giftsPerMember = (cityKey: CityKey): number =>
      world.gifts.filter((gift) => gift.cityKey === cityKey).length / world.membersPerCity;
    expect(giftsPerMember("miami")).toBeGreaterThanOrEqual(2 * giftsPerMember("toulouse"));
  });
});
