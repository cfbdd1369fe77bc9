import { describe, expect, it } from "vitest";
import { buildMatchingIndex } from "./build-index";
import { candidateAt, collectCandidates, isAlertable, prepareTrip, releaseCandidates } from "./candidates";
import { generateRandomCity, generateTrips } from "./random-city";
import { distancePoints, givingPoints, scoringWeights, sharedPoints, textPoints } from "./scoring";
import type { EpochMs } from "./types";
import { createRng } from "../random";

const now = Date.UTC(2026, 10, 26) as EpochMs;

describe("the scan's inlined score", () => {
  it("equals the sum of the documented scoring functions, for every candidate", () => {
    const state = generateRandomCity(createRng(11), { members: 800, ties: 4000, follows: 1500, communities: 6, now });
    const bridges = {
      code: "organiser_bridge",
      points: state.members.slice(0, 50).map((m, i) => ({ memberId: m.id, points: (i % 7) - 3 })),
    };
    const index = buildMatchingIndex({ ...state, extraSignals: [bridges] });
    let checked = 0;
    for (const trip of generateTrips(createRng(12), state, 20)) {
      const set = collectCandidates(index, prepareTrip(index, trip), { now });
      for (let position = 0; position < set.count; position++) {
        const c = candidateAt(set, position);
        const m = c.member;
        const expected =
          (c.followsTraveller ? scoringWeights.followsYourWork : 0) +
          sharedPoints(c.sharedSectors, c.sharedTags) +
          textPoints(c.seeksGivesDot) +
          textPoints(c.givesSeeksDot) +
          givingPoints(index.giftsGiven[m]!, index.offersAnswered[m]!, index.usefulMeetings[m]!) +
          distancePoints(c.mutualCount, c.tieMeetings) +
          index.extraSignals[0]!.points[m]!;
        expect(c.score).toBe(expected);
        expect(isAlertable(index, m, { now })).toBe(true);
        if (position > 0) expect(set.scores[position - 1]!).toBeGreaterThanOrEqual(c.score);
        checked++;
      }
      releaseCandidates(index, set);
    }
    expect(checked).toBeGreaterThan(1000);
  });
});
