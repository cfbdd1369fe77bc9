/**
 * Property tests on small random cities: the openness and safety rules hold for every trip. Relevance, blocks, pauses
 * and caps are recomputed here naively (sets and loops over the plain state), independently of the index.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildMatchingIndex, type MatchingIndex } from "./build-index";
import { pickLocals } from "./pick-locals";
import { generateRandomCity, generateTrips } from "./random-city";
import { TEXT_RELEVANCE_THRESHOLD } from "./scoring";
import { communityCap, youngFounderFloor } from "./select-diverse";
import type { EpochMs, MatchingMember, MatchingState, MatchingTrip } from "./types";
import { createRng } from "../random";
import { dot, vectorizeText } from "../text/tfidf";

const now = Date.UTC(2026, 10, 26) as EpochMs;
const weekMs = 7 * 24 * 60 * 60 * 1000;

/** The relevant, alertable locals of a trip, from the plain state. */
function naiveCandidates(state: MatchingState, index: MatchingIndex, trip: MatchingTrip): MatchingMember[] {
  const travellerMember = state.members.find((m) => m.id === trip.travellerId);
  const sectors = new Set(trip.sectors ?? travellerMember?.sectors ?? []);
  const tags = new Set(trip.tags ?? travellerMember?.tags ?? []);
  const blocked = new Set(
    (state.blocks ?? []).flatMap((b) =>
      b.blockerId === trip.travellerId ? [b.blockedId] : b.blockedId === trip.travellerId ? [b.blockerId] : [],
    ),
  );
  const seeks = vectorizeText(trip.seeks, index.vocabulary);
  const gives = vectorizeText(trip.gives, index.vocabulary);
  return state.members.filter((m) => {
    if (m.id === trip.travellerId || blocked.has(m.id)) return false;
    if (m.homeCityId !== trip.cityId && m.currentCityId !== trip.cityId) return false;
    if (m.isPaused || (m.pausedUntil ?? -Infinity) > now) return false;
    const recent = (m.recentAlertTimes ?? []).filter((t) => t > now - weekMs).length;
    if (recent >= (m.alertCap ?? 3)) return false;
    return (
      m.sectors.some((s) => sectors.has(s)) ||
      m.tags.some((t) => tags.has(t)) ||
      dot(seeks, vectorizeText(m.gives, index.vocabulary)) >= TEXT_RELEVANCE_THRESHOLD ||
      dot(gives, vectorizeText(m.seeks, index.vocabulary)) >= TEXT_RELEVANCE_THRESHOLD
    );
  });
}

const isYoungGiver = (m: MatchingMember) => m.isYoungFounder && m.givingRecord.giftsGiven >= 1;

describe("openness and safety rules on generated cities", () => {
  it("picks are relevant, alertable, unblocked; no community above 40 % while others hold candidates; young givers get their share", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.integer({ min: 60, max: 260 }),
        fc.integer({ min: 2, max: 9 }),
        fc.integer({ min: 3, max: 25 }),
        (seed, members, communities, limit) => {
          const rng = createRng(seed);
          const state = generateRandomCity(rng, {
            members,
            ties: members * 4,
            follows: members,
            communities,
            now,
            blocks: members / 5,
          });
          const index = buildMatchingIndex(state);
          for (const trip of generateTrips(rng, state, 4)) {
            const { picks, relevantCount, relevantYoungFounderCount } = pickLocals(index, trip, { now, limit });
            const candidates = naiveCandidates(state, index, trip);
            const byId = new Map(candidates.map((m) => [m.id as string, m]));
            expect(relevantCount).toBe(candidates.length);
            expect(relevantYoungFounderCount).toBe(candidates.filter(isYoungGiver).length);
            expect(new Set(picks.map((p) => p.memberId)).size).toBe(picks.length);
            // Relevant, in the city, not the traveller, not blocked either way, not paused, under the cap.
            for (const pick of picks) expect(byId.has(pick.memberId)).toBe(true);
            const n = picks.length;
            expect(n).toBeLessThanOrEqual(limit);
            if (candidates.length <= limit) expect(n).toBe(candidates.length);
            else expect(n).toBeGreaterThan(0);
            // Community rule.
            const cap = communityCap(n, 0.4);
            const pickedIds = new Set(picks.map((p) => p.memberId as string));
            const counts = new Map<string, number>();
            for (const pick of picks) counts.set(pick.communityId, (counts.get(pick.communityId) ?? 0) + 1);
            for (const [community, count] of counts) {
              if (count <= cap) continue;
              const othersLeft = candidates.filter((m) => m.communityId !== community && !pickedIds.has(m.id));
              expect(othersLeft).toEqual([]);
            }
            // Young-founder floor, whenever the community caps leave room for it.
            const young = candidates.filter(isYoungGiver);
            const floor = youngFounderFloor(young.length, n, candidates.length);
            const youngPerCommunity = new Map<string, number>();
            for (const m of young)
              youngPerCommunity.set(m.communityId, (youngPerCommunity.get(m.communityId) ?? 0) + 1);
            const room = [...youngPerCommunity.values()].reduce((sum, y) => sum + Math.min(y, cap), 0);
            const pickedYoung = picks.filter((p) => isYoungGiver(byId.get(p.memberId)!)).length;
            if (room >= floor) expect(pickedYoung).toBeGreaterThanOrEqual(floor);
            // Alerts come out best first.
            for (let i = 1; i < n; i++) expect(picks[i - 1]!.score).toBeGreaterThanOrEqual(picks[i]!.score);
          }
        },
      ),
      { numRuns: 60, seed: 20261126 },
    );
  });
});
