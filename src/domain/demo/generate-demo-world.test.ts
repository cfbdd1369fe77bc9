import { describe, expect, it } from "vitest";
import { epochDayOf } from "./dates";
import { generateDemoWorld } from "./generate-demo-world";
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

describe.each([
  ["small", small],
  ["standard", standard],
])("generateDemoWorld: referential integrity (%s)", (_name, world) => {
  const memberCount = world.members.length;
  const inRange = (index: number, length: number): boolean => Number.isInteger(index) && index >= 0 && index < length;

  it("has unique, well-formed e-mails and every member labelled as demo", () => {
    const emails = new Set(world.members.map((member) => member.email));
    expect(emails.size).toBe(memberCount);
    world.members.forEach((member, index) => {
      expect(member.email).toMatch(new RegExp(`^[a-z]+\\.[a-z]+\\.${index}@demo\\.givefirst\\.test$`));
      expect(member.isDemo).toBe(true);
    });
  });

  it("has ties with both ends in range and in one city, a < b, sorted, no duplicates, plausible history", () => {
    const { ties } = world;
    for (const column of [ties.a, ties.b, ties.strength, ties.firstMetDay, ties.lastMetDay]) expect(column.length).toBe(ties.count);
    for (let t = 0; t < ties.count; t++) {
      const a = ties.a[t] ?? -1;
      const b = ties.b[t] ?? -1;
      if (!(inRange(a, memberCount) && inRange(b, memberCount) && a < b)) throw new Error(`bad tie ${t}: ${a}-${b}`);
      if (cityOf(world, a) !== cityOf(world, b)) throw new Error(`tie ${t} crosses cities`);
      if (t > 0) {
        const previousA = ties.a[t - 1] ?? -1;
        const previousB = ties.b[t - 1] ?? -1;
        if (!(previousA < a || (previousA === a && previousB < b))) throw new Error(`ties not sorted or duplicated at ${t}`);
      }
      const first = ties.firstMetDay[t] ?? 0;
      const last = ties.lastMetDay[t] ?? 0;
      if (!((ties.strength[t] ?? 0) >= 1 && first <= last && last < nowDay)) throw new Error(`bad history on tie ${t}`);
    }
  });

  it("has follows in range, without self-follows or duplicates", () => {
    const { follows } = world;
    const seen = new Set<number>();
    for (let f = 0; f < follows.count; f++) {
      const follower = follows.follower[f] ?? -1;
      const followed = follows.followed[f] ?? -1;
      if (!(inRange(follower, memberCount) && inRange(followed, memberCount) && follower !== followed)) {
        throw new Error(`bad follow ${f}`);
      }
      const key = follower * memberCount + followed;
      if (seen.has(key)) throw new Error(`duplicate follow ${f}`);
      seen.add(key);
      if ((follows.sinceDay[f] ?? nowDay + 1) > nowDay) throw new Error(`follow ${f} in the future`);
    }
  });

  it("has meetings on existing ties, at venues of their city, in the past, and a meeting gift for each", () => {
    const tieKeys = new Set<number>();
    for (let t = 0; t < world.ties.count; t++) tieKeys.add((world.ties.a[t] ?? 0) * memberCount + (world.ties.b[t] ?? 0));
    world.meetings.forEach((meeting) => {
      const low = Math.min(meeting.hostIndex, meeting.guestIndex);
      const high = Math.max(meeting.hostIndex, meeting.guestIndex);
      expect(tieKeys.has(low * memberCount + high)).toBe(true);
      expect(world.venues[meeting.venueIndex]?.cityKey).toBe(meeting.cityKey);
      expect(cityOf(world, meeting.hostIndex)).toBe(meeting.cityKey);
      expect(Date.parse(meeting.endsAt)).toBeGreaterThan(Date.parse(meeting.startsAt));
      expect(Date.parse(meeting.startsAt)).toBeLessThan(Date.parse(now));
    });
    const meetingGifts = world.gifts.filter((gift) => gift.kind === "meeting");
    expect(meetingGifts).toHaveLength(world.meetings.length);
  });

  it("has gifts between members of one city, with the references their kind needs", () => {
    world.gifts.forEach((gift) => {
      expect(inRange(gift.giverIndex, memberCount) && inRange(gift.receiverIndex, memberCount)).toBe(true);
      expect(gift.giverIndex).not.toBe(gift.receiverIndex);
      expect(cityOf(world, gift.giverIndex)).toBe(gift.cityKey);
      expect(cityOf(world, gift.receiverIndex)).toBe(gift.cityKey);
      expect(dayOf(gift.givenOn)).toBeLessThan(nowDay);
      if (gift.kind === "meeting") {
        const meeting = world.meetings[gift.meetingIndex ?? -1];
        expect(meeting?.hostIndex).toBe(gift.giverIndex);
        expect(meeting?.guestIndex).toBe(gift.receiverIndex);
      } else expect(gift.meetingIndex).toBeNull();
      if (gift.kind === "introduction") {
        expect(inRange(gift.introducedIndex ?? -1, memberCount)).toBe(true);
        expect(gift.introducedIndex).not.toBe(gift.receiverIndex);
      } else expect(gift.introducedIndex).toBeNull();
    });
  });

  it("has upcoming events at venues of their city, hosted and attended by its members", () => {
    const keys = new Set(world.events.map((event) => event.key));
    expect(keys.size).toBe(world.events.length);
    world.events.forEach((event) => {
      expect(world.venues[event.venueIndex]?.cityKey).toBe(event.cityKey);
      expect(cityOf(world, event.hostIndex)).toBe(event.cityKey);
      expect(Date.parse(event.startsAt)).toBeGreaterThan(Date.parse(now));
      expect(Date.parse(event.endsAt)).toBeGreaterThan(Date.parse(event.startsAt));
      const attendees = event.attendance.map((attendance) => attendance.memberIndex);
      expect(new Set(attendees).size).toBe(attendees.length);
      expect(attendees.length).toBeLessThanOrEqual(event.capacity + 1);
      for (const attendee of attendees) expect(cityOf(world, attendee)).toBe(event.cityKey);
    });
  });

  it("has upcoming trips of members to the other city", () => {
    world.trips.forEach((trip) => {
      expect(inRange(trip.memberIndex, memberCount)).toBe(true);
      expect(cityOf(world, trip.memberIndex)).not.toBe(trip.cityKey);
      expect(dayOf(trip.arrivesOn)).toBeGreaterThan(nowDay);
      expect(dayOf(trip.departsOn)).toBeGreaterThanOrEqual(dayOf(trip.arrivesOn));
    });
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
      if (follows.followed[f] === story.entrepreneurIndex && cityOf(standard, follows.follower[f] ?? -1) === "miami") miamiFollowers++;
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
      for (const member of city) expect(member.headline.length * member.bio.length * member.gives.length * member.seeks.length).toBeGreaterThan(0);
    }
    expect(members.filter((member) => member.isGatekeeper).every((member) => member.cityKey === "toulouse")).toBe(true);
    expect(standard.story.toulouseGatekeeperIndices.length).toBeGreaterThanOrEqual(3);
  });
});
