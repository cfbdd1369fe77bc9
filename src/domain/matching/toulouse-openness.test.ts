/**
 * On the demo world's Toulouse (clannish by design), newcomers with 1–3 ties: the engine's alerts must open the
 * network compared with a "people you may know" ranking, and must not route through the gatekeepers.
 */
import louvain from "graphology-communities-louvain";
import betweennessCentrality from "graphology-metrics/centrality/betweenness";
import { beforeAll, describe, expect, it } from "vitest";
import { buildMatchingIndex, type MatchingIndex } from "./build-index";
import { collectCandidates, prepareTrip, releaseCandidates } from "./candidates";
import { rankByMutualFriends } from "./mutual-friends";
import { pickLocals } from "./pick-locals";
import type { CityId, EpochMs, MatchingMember, MatchingTrip, MemberId } from "./types";
import { buildCityGraph } from "../demo/contrast-metrics";
import { generateDemoWorld } from "../demo/generate-demo-world";
import type { DemoWorld } from "../demo/types";
import { createRng } from "../random";

const now = Date.UTC(2026, 10, 26, 12) as EpochMs;
const idOf = (index: number) => `d${String(index).padStart(6, "0")}` as MemberId;

/** Points the gatekeeper flag (an extra signal, as the analytics will pass it) costs a local. */
const gatekeeperPoints = -10;

interface Fixture {
  index: MatchingIndex;
  /** The same state without the gatekeeper signal, to report what the engine does on its own. */
  indexWithoutGatekeeperSignal: MatchingIndex;
  trips: MatchingTrip[];
  gatekeepers: Set<string>;
}

/** The demo world as matching input: Louvain communities (seeded) per city, giving record from the ledger. */
function toMatching(world: DemoWorld): Fixture {
  const communityOf = new Map<number, string>();
  const gatekeepers = new Set<string>();
  for (const city of ["miami", "toulouse"] as const) {
    const graph = buildCityGraph(world, city);
    const { communities } = louvain.detailed(graph, { rng: createRng(`louvain-${city}`).next, getEdgeWeight: null });
    for (const [node, community] of Object.entries(communities)) communityOf.set(Number(node), `${city}-${community}`);
    if (city === "toulouse") {
      const scores = Object.entries(betweennessCentrality(graph, { getEdgeWeight: null, normalized: false }));
      scores.sort((a, b) => b[1] - a[1] || Number(a[0]) - Number(b[0]));
      for (const [node] of scores.slice(0, Math.ceil(scores.length * 0.05))) gatekeepers.add(idOf(Number(node)));
    }
  }
  const gifts = new Int32Array(world.members.length);
  for (const gift of world.gifts) gifts[gift.giverIndex]! += 1;
  const hosted = new Int32Array(world.members.length);
  const useful = new Int32Array(world.members.length);
  for (const meeting of world.meetings) {
    hosted[meeting.hostIndex]! += 1;
    if (meeting.wasUseful) useful[meeting.hostIndex]! += 1;
  }
  const members: MatchingMember[] = world.members.map((m, i) => ({
    id: idOf(i),
    homeCityId: m.cityKey as CityId,
    sectors: m.sectors,
    tags: [...new Set([...m.giveTags, ...m.seekTags])],
    seeks: m.seeks,
    gives: m.gives,
    communityId: communityOf.get(i) ?? `${m.cityKey}-alone-${i}`,
    isYoungFounder: m.careerStage === "student" || m.careerStage === "first_time_founder",
    givingRecord: { giftsGiven: gifts[i] ?? 0, offersAnswered: hosted[i] ?? 0, usefulMeetings: useful[i] ?? 0 },
  }));
  const ties = Array.from({ length: world.ties.count }, (_, k) => ({
    a: idOf(world.ties.a[k]!),
    b: idOf(world.ties.b[k]!),
    meetings: world.ties.strength[k]!,
  }));
  const follows = Array.from({ length: world.follows.count }, (_, k) => ({
    followerId: idOf(world.follows.follower[k]!),
    followedId: idOf(world.follows.followed[k]!),
  }));
  const degree = new Int32Array(world.members.length);
  for (let k = 0; k < world.ties.count; k++) {
    degree[world.ties.a[k]!]! += 1;
    degree[world.ties.b[k]!]! += 1;
  }
  const trips = world.members.flatMap((m, i) =>
    m.cityKey === "toulouse" && m.isNewcomer && (degree[i] ?? 0) >= 1 && (degree[i] ?? 0) <= 3
      ? [{ travellerId: idOf(i), cityId: "toulouse" as CityId, seeks: m.seeks, gives: m.gives }]
      : [],
  );
  const gatekeeperSignal = {
    code: "gatekeeper",
    points: [...gatekeepers].map((memberId) => ({ memberId: memberId as MemberId, points: gatekeeperPoints })),
  };
  return {
    index: buildMatchingIndex({ members, ties, follows, extraSignals: [gatekeeperSignal] }),
    indexWithoutGatekeeperSignal: buildMatchingIndex({ members, ties, follows }),
    trips,
    gatekeepers,
  };
}

describe("Toulouse demo: alerts for newcomers open the network", () => {
  let fixture: Fixture;
  beforeAll(() => {
    fixture = toMatching(generateDemoWorld({ seed: 1, now: "2026-11-26T12:00:00Z" }));
  });

  it("reaches ≥ 80 % of the communities holding a relevant candidate, ≥ 1.5× the mutual-friends baseline", () => {
    const { index, trips } = fixture;
    expect(trips.length).toBeGreaterThan(10);
    let coverage = 0;
    let engineCommunities = 0;
    let baselineCommunities = 0;
    const communityOf = (id: MemberId) => index.community[index.memberNumbers.get(id)!]!;
    for (const trip of trips) {
      const set = collectCandidates(index, prepareTrip(index, trip), { now });
      const holding = new Set(set.communities).size;
      releaseCandidates(index, set);
      const picks = pickLocals(index, trip, { now }).picks;
      const reached = new Set(picks.map((p) => communityOf(p.memberId))).size;
      coverage += holding === 0 ? 1 : reached / holding;
      engineCommunities += reached;
      baselineCommunities += new Set(rankByMutualFriends(index, trip, { now }).map(communityOf)).size;
    }
    console.info("Toulouse newcomers", {
      trips: trips.length,
      coverage: coverage / trips.length,
      engineCommunities: engineCommunities / trips.length,
      baselineCommunities: baselineCommunities / trips.length,
    });
    expect(coverage / trips.length).toBeGreaterThanOrEqual(0.8);
    expect(engineCommunities).toBeGreaterThanOrEqual(1.5 * baselineCommunities);
  });

  it("gives the gatekeepers (top 5 % by betweenness, passed as a signal) no larger a share of alerts than of relevant candidates", () => {
    const { trips, gatekeepers } = fixture;
    const shares = (index: MatchingIndex) => {
      let alerts = 0;
      let gatekeeperAlerts = 0;
      let relevant = 0;
      let gatekeeperRelevant = 0;
      for (const trip of trips) {
        const set = collectCandidates(index, prepareTrip(index, trip), { now });
        relevant += set.count;
        for (const m of set.members) if (gatekeepers.has(index.memberIds[m]!)) gatekeeperRelevant++;
        releaseCandidates(index, set);
        const picks = pickLocals(index, trip, { now }).picks;
        alerts += picks.length;
        gatekeeperAlerts += picks.filter((p) => gatekeepers.has(p.memberId)).length;
      }
      return { alertShare: gatekeeperAlerts / alerts, relevantShare: gatekeeperRelevant / relevant };
    };
    const withSignal = shares(fixture.index);
    console.info("Toulouse gatekeepers", { withSignal, withoutSignal: shares(fixture.indexWithoutGatekeeperSignal) });
    expect(withSignal.alertShare).toBeLessThanOrEqual(withSignal.relevantShare);
  });
});
