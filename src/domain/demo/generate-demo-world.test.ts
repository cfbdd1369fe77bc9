import { describe, expect, it } from "vitest";
import { epochDayOf } from "./dates";
import fc from "fast-check";
import { findIntegrityProblems } from "./find-integrity-problems";
import { generateDemoWorld, minimumMembersPerCity } from "./generate-demo-world";
import type { DemoWorld } from "./types";

const now = "2026-11-26T12:00:00Z";
const nowDay = epochDayOf(Date.parse(now));
const small = generateDemoWorld({ seed: 7, membersPerCity: 300, now });
const standard = generateDemoWorld({ seed: 1, now });

function cityOf(world: DemoWorld, index: number): string | undefined {
  return world.members[index]?.cityKey;
}

function dayOf(isoDate: string): number {
  return epochDayOf(Date.parse(`${isoDate}T00:00:00Z`));
}

describe("generateDemoWorld: determinism", () => {
  it("gives the same world for the same seed and now", () => {
    const again = generateDemoWorld({ seed: 7, membersPerCity: 300, now: Date.parse(now) });
    expect(again).toEqual(small);
  });

  it("gives another world for another seed", () => {
    const other = generateDemoWorld({ seed: 8, membersPerCity: 300, now });
    expect(other.members.map((member) => member.email)).not.toEqual(small.members.map((member) => member.email));
    expect(other.ties.a).not.toEqual(small.ties.a);
  });

  it("dates everything relative to now", () => {
    const later = generateDemoWorld({ seed: 7, membersPerCity: 300, now: "2027-03-01T12:00:00Z" });
    expect(later.trips[0]?.arrivesOn).not.toEqual(small.trips[0]?.arrivesOn);
    expect(later.ties.count).toBe(small.ties.count);
  });

  it("refuses a city too small for the story", () => {
    expect(() => generateDemoWorld({ seed: 1, membersPerCity: 5, now })).toThrow(RangeError);
  });
});

describe("generateDemoWorld: sizes", () => {
  it("builds 2,000 members per city by default with about ten ties each", () => {
    expect(standard.membersPerCity).toBe(2_000);
    expect(standard.members).toHaveLength(4_000);
    expect(standard.members.slice(0, 2_000).every((member) => member.cityKey === "miami")).toBe(true);
    expect(standard.members.slice(2_000).every((member) => member.cityKey === "toulouse")).toBe(true);
    expect(standard.ties.count).toBeGreaterThan(30_000);
    expect(standard.ties.count).toBeLessThan(50_000);
    expect(standard.follows.count).toBeGreaterThan(8_000);
    expect(standard.meetings.length).toBeGreaterThan(1_000);
    expect(standard.gifts.length).toBeGreaterThan(standard.meetings.length);
    expect(standard.events.length).toBeGreaterThanOrEqual(80);
    expect(standard.trips.length).toBeGreaterThanOrEqual(5);
    expect(standard.venues.filter((venue) => venue.cityKey === "miami").length).toBeGreaterThanOrEqual(8);
    expect(standard.venues.filter((venue) => venue.cityKey === "toulouse").length).toBeGreaterThanOrEqual(8);
  });
});

describe("generateDemoWorld: referential integrity", () => {
  it.each([
    ["small", small],
    ["standard", standard],
  ])("holds in the %s world", (_name, world) => {
    expect(findIntegrityProblems(world)).toEqual([]);
  });

  it("holds for any seed, size and time of day", () => {
    const nows = ["2026-11-26", "2026-11-26T23:59:00Z", "2027-03-29T01:30:00+02:00", Date.UTC(2026, 5, 30, 4)];
    fc.assert(
      fc.property(
        fc.integer({ min: minimumMembersPerCity, max: 400 }),
        fc.string({ maxLength: 8 }),
        fc.constantFrom(...nows),
        (size, seed, someNow) => {
          const world = generateDemoWorld({ seed, membersPerCity: size, now: someNow });
          expect(findIntegrityProblems(world)).toEqual([]);
          expect(world.members).toHaveLength(2 * size);
        },
      ),
      { numRuns: 16, seed: 42 },
    );
  });

  it("finds the problems it is meant to find", () => {
    const broken = generateDemoWorld({ seed: 7, membersPerCity: 60, now });
    broken.ties.b[0] = broken.ties.a[0] ?? 0;
    broken.follows.followed[0] = 10_000;
    const first = broken.meetings[0];
    if (first !== undefined) first.venueIndex = 999;
    const problems = findIntegrityProblems(broken);
    expect(problems.some((problem) => problem.startsWith("tie 0"))).toBe(true);
    expect(problems.some((problem) => problem.startsWith("follow 0"))).toBe(true);
    expect(problems.some((problem) => problem.includes("venue"))).toBe(true);
  });
});

describe("generateDemoWorld: the story and the profiles", () => {
  const { story, members, follows } = standard;

  it("has the Toulouse entrepreneur, with a blog, followed by Miami locals, moving to Miami", () => {
    const entrepreneur = members[story.entrepreneurIndex];
    expect(entrepreneur).toMatchObject({ firstName: "Julien", lastName: "Castaing", cityKey: "toulouse" });
    expect(entrepreneur?.websiteUrl).toMatch(/blog/);
    let miamiFollowers = 0;
    for (let f = 0; f < follows.count; f++) {
      if (follows.followed[f] === story.entrepreneurIndex && cityOf(standard, follows.follower[f] ?? -1) === "miami")
        miamiFollowers++;
    }
    expect(miamiFollowers).toBeGreaterThanOrEqual(10);
    expect(miamiFollowers).toBe(story.miamiFollowerIndices.length);
    const move = standard.trips[story.moveTripIndex];
    expect(move).toMatchObject({ memberIndex: story.entrepreneurIndex, cityKey: "miami", purpose: "move" });
    expect(dayOf(move?.arrivesOn ?? "1970-01-01")).toBeGreaterThan(nowDay);
  });

  it("flags a handful of demo locals per city who answer trips, some of them readers of the blog", () => {
    for (const cityKey of ["miami", "toulouse"] as const) {
      const locals = story.demoLocalIndices[cityKey];
      expect(locals.length).toBeGreaterThanOrEqual(3);
      expect(locals.length).toBeLessThanOrEqual(10);
      for (const index of locals) expect(members[index]).toMatchObject({ cityKey, isDemoLocal: true });
    }
    expect(members.filter((member) => member.isDemoLocal)).toHaveLength(
      story.demoLocalIndices.miami.length + story.demoLocalIndices.toulouse.length,
    );
    const readers = new Set(story.miamiFollowerIndices);
    expect(story.demoLocalIndices.miami.some((index) => readers.has(index))).toBe(true);
  });

  it("writes Miami mostly in English with Spanish and French speakers, Toulouse mostly in French", () => {
    const share = (cityKey: string, locale: string): number => {
      const city = members.filter((member) => member.cityKey === cityKey);
      return city.filter((member) => member.locale === locale).length / city.length;
    };
    expect(share("miami", "en")).toBeGreaterThan(0.6);
    expect(share("miami", "es")).toBeGreaterThan(0.05);
    expect(share("miami", "fr")).toBeGreaterThan(0.02);
    expect(share("toulouse", "fr")).toBeGreaterThan(0.85);
  });

  it("mixes roles, career stages, expats and newcomers with recent arrival dates", () => {
    for (const cityKey of ["miami", "toulouse"] as const) {
      const city = members.filter((member) => member.cityKey === cityKey);
      expect(new Set(city.map((member) => member.role)).size).toBe(5);
      expect(new Set(city.map((member) => member.careerStage)).size).toBeGreaterThanOrEqual(5);
      expect(city.some((member) => member.origin === "expat")).toBe(true);
      const newcomers = city.filter((member) => member.isNewcomer);
      expect(newcomers.length).toBeGreaterThan(city.length * 0.04);
      for (const newcomer of newcomers) {
        const arrived = dayOf(newcomer.arrivedOn ?? "1970-01-01");
        expect(arrived).toBeGreaterThan(nowDay - 190);
        expect(arrived).toBeLessThan(nowDay);
      }
      for (const member of city)
        expect(member.headline.length * member.bio.length * member.gives.length * member.seeks.length).toBeGreaterThan(
          0,
        );
    }
    expect(members.filter((member) => member.isGatekeeper).every((member) => member.cityKey === "toulouse")).toBe(true);
    expect(standard.story.toulouseGatekeeperIndices.length).toBeGreaterThanOrEqual(3);
  });
});
