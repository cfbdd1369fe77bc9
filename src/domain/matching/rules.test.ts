import { describe, expect, it } from "vitest";
import { buildMatchingIndex } from "./build-index";
import { dayMs, fixedNow, makeMember, makeState, paris, toulouse, traveller, trip } from "./fixtures";
import { pickLocals } from "./pick-locals";
import type { EpochMs, MatchingState, MemberId } from "./types";
import { createRng } from "../random";
import { generateRandomCity, generateTrips } from "./random-city";

const now = fixedNow;
const ago = (days: number) => (now - days * dayMs) as EpochMs;
const picked = (state: MatchingState, options = {}) =>
  pickLocals(buildMatchingIndex(state), trip, { now, ...options }).picks.map((p) => p.memberId as string);

describe("who may be picked", () => {
  it("only locals of the trip's city (living there or there now), never the traveller", () => {
    const local = makeMember("local");
    const visitor = makeMember("visitor", { homeCityId: paris, currentCityId: toulouse });
    const away = makeMember("away", { homeCityId: paris });
    const state = makeState([local, visitor, away]);
    expect(picked(state).sort()).toEqual(["local", "visitor"]);
    const travellerInCity = {
      ...state,
      members: state.members.map((m) => (m.id === traveller.id ? { ...m, homeCityId: toulouse } : m)),
    };
    expect(picked(travellerInCity)).not.toContain(traveller.id);
  });

  it("only relevant locals: nothing shared, no text match, no pick", () => {
    const unrelated = makeMember("unrelated", { sectors: ["arts"] });
    expect(picked(makeState([unrelated]))).toEqual([]);
  });

  it("nobody who blocked or was blocked by the traveller, even when they follow them", () => {
    const blocker = makeMember("blocker");
    const blocked = makeMember("blocked");
    const free = makeMember("free");
    const state = makeState([blocker, blocked, free], {
      blocks: [
        { blockerId: blocker.id, blockedId: traveller.id },
        { blockerId: traveller.id, blockedId: blocked.id },
      ],
      follows: [{ followerId: blocker.id, followedId: traveller.id }],
    });
    expect(picked(state)).toEqual(["free"]);
  });

  it("respects pauses: paused, or paused until a later instant", () => {
    const paused = makeMember("paused", { isPaused: true });
    const until = makeMember("until-tomorrow", { pausedUntil: (now + dayMs) as EpochMs });
    const over = makeMember("pause-over", { pausedUntil: ago(1) });
    expect(picked(makeState([paused, until, over]))).toEqual(["pause-over"]);
  });

  it("respects the cap: 3 alerts in any rolling 7 days by default, or the local's own cap", () => {
    const full = makeMember("full", { recentAlertTimes: [ago(1), ago(3), ago(6.9)] });
    const oldOne = makeMember("old-one", { recentAlertTimes: [ago(1), ago(3), ago(7.1)] });
    const ownCapOne = makeMember("own-cap-1", { recentAlertTimes: [ago(1.5)], alertCap: 1 });
    const ownCapFive = makeMember("own-cap-5", { recentAlertTimes: [ago(1), ago(2), ago(3)], alertCap: 5 });
    const state = makeState([full, oldOne, ownCapOne, ownCapFive]);
    expect(picked(state).sort()).toEqual(["old-one", "own-cap-5"]);
    expect(picked(state, { defaultAlertCap: 4 }).sort()).toEqual(["full", "old-one", "own-cap-5"]);
    expect(picked(state, { capWindowMs: 2 * dayMs }).sort()).toEqual(["full", "old-one", "own-cap-5"]);
  });

  it("picks at most the limit, 25 by default", () => {
    const locals = Array.from({ length: 40 }, (_, i) =>
      makeMember(`l${String(i).padStart(2, "0")}`, { communityId: `c${i % 5}` }),
    );
    expect(picked(makeState(locals))).toHaveLength(25);
    expect(picked(makeState(locals), { limit: 7 })).toHaveLength(7);
  });
});

describe("determinism", () => {
  const state = generateRandomCity(createRng(7), { members: 300, ties: 1500, follows: 300, communities: 6, now });
  const trips = generateTrips(createRng(8), state, 10);

  it("same state and trip, same picks, scores and reasons, whatever the input order", () => {
    const rng = createRng(9);
    const shuffled: MatchingState = {
      members: rng.shuffle(state.members),
      ties: rng.shuffle(state.ties).map((t) => ({ a: t.b, b: t.a, meetings: t.meetings })),
      follows: rng.shuffle(state.follows),
      blocks: rng.shuffle(state.blocks ?? []),
    };
    const first = buildMatchingIndex(state);
    const second = buildMatchingIndex(shuffled);
    for (const t of trips) {
      const a = pickLocals(first, t, { now });
      expect(pickLocals(first, t, { now })).toEqual(a);
      expect(pickLocals(second, t, { now })).toEqual(a);
    }
  });

  it("never modifies its inputs", () => {
    const before = JSON.stringify(state);
    const index = buildMatchingIndex(state);
    for (const t of trips) pickLocals(index, t, { now });
    expect(JSON.stringify(state)).toBe(before);
  });

  it("a repeated tie is one tie for mutual connections", () => {
    const friend = makeMember("friend", { homeCityId: paris });
    const local = makeMember("local");
    const tie = (a: string, b: string) => ({ a: a as MemberId, b: b as MemberId, meetings: 1 });
    const ties = [tie(traveller.id, friend.id), tie(friend.id, local.id), tie(local.id, friend.id)];
    const result = pickLocals(buildMatchingIndex(makeState([local, friend], { ties })), trip, { now });
    expect(result.picks[0]?.reasons).toContainEqual({ code: "mutual_connections", count: 1 });
  });
});
