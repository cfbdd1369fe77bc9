import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildMatchingIndex } from "../matching/build-index";
import { pickLocals } from "../matching/pick-locals";
import { generateRandomCity, generateTrips } from "../matching/random-city";
import type { EpochMs, MatchingState, MatchingTrip, MemberId } from "../matching/types";
import { createRng } from "../random";
import { isWithinShare, pickLocalsAroundGatekeepers } from "./pick-locals-around-gatekeepers";

const now = Date.UTC(2026, 10, 26, 12) as EpochMs;

/** Relevant candidates of a trip, and how many of them are in `flagged`: the engine's count with them paused. */
function relevantShare(state: MatchingState, trip: MatchingTrip, flagged: Set<MemberId>) {
  const all = pickLocals(buildMatchingIndex(state), trip, { now }).relevantCount;
  const paused = {
    ...state,
    members: state.members.map((m) => (flagged.has(m.id) ? { ...m, isPaused: true } : m)),
  };
  return { all, flagged: all - pickLocals(buildMatchingIndex(paused), trip, { now }).relevantCount };
}

describe("picking around the gatekeepers", () => {
  it("gives the gatekeepers no larger a share of a trip's alerts than of its relevant candidates (generated cities)", () => {
    let bitten = 0;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 2, max: 12 }), (seed, flagCount) => {
        const rng = createRng(seed);
        const state = generateRandomCity(rng, { members: 250, ties: 900, follows: 300, communities: 6, now });
        const [trip] = generateTrips(rng, state, 1);
        if (!trip) return;
        // Flag, as gatekeepers, the locals the engine alone would pick first: the rule has work to do.
        const alone = pickLocals(buildMatchingIndex(state), trip, { now }).picks;
        const gatekeepers = alone.slice(0, flagCount).map((pick) => pick.memberId);
        const flagged = new Set(gatekeepers);
        const result = pickLocalsAroundGatekeepers(state, trip, { now, gatekeepers });
        const share = relevantShare(state, trip, flagged);
        const picked = result.picks.filter((pick) => flagged.has(pick.memberId)).length;
        if (!isWithinShare(alone.filter((p) => flagged.has(p.memberId)).length, alone.length, share.flagged, share.all))
          bitten += 1;
        expect(isWithinShare(picked, result.picks.length, share.flagged, share.all)).toBe(true);
        expect(result.relevantCount).toBe(share.all);
        // The blocks stay absolute and nobody is picked twice.
        const blocked = new Set(
          (state.blocks ?? []).flatMap((b) =>
            b.blockerId === trip.travellerId ? [b.blockedId] : b.blockedId === trip.travellerId ? [b.blockerId] : [],
          ),
        );
        expect(result.picks.some((pick) => blocked.has(pick.memberId))).toBe(false);
        expect(new Set(result.picks.map((pick) => pick.memberId)).size).toBe(result.picks.length);
      }),
      { numRuns: 40, seed: 7 },
    );
    // Without the rule, the flagged locals would have been over their share in most cities.
    expect(bitten).toBeGreaterThan(20);
  });

  it("picks exactly as the engine does when the report names no gatekeeper", () => {
    const rng = createRng(11);
    const state = generateRandomCity(rng, { members: 200, ties: 600, follows: 200, communities: 5, now });
    for (const trip of generateTrips(rng, state, 5)) {
      const plain = pickLocals(buildMatchingIndex(state), trip, { now });
      expect(pickLocalsAroundGatekeepers(state, trip, { now, gatekeepers: [] }).picks).toEqual(plain.picks);
    }
  });
});
