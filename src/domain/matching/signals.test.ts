import { describe, expect, it } from "vitest";
import { buildMatchingIndex } from "./build-index";
import { fixedNow, makeMember, makeState, paris, traveller, trip } from "./fixtures";
import { pickLocals } from "./pick-locals";
import type { MatchingMember, MatchingState, MatchingTie, MemberId } from "./types";

const now = fixedNow;

/** Picks for the default trip and returns member ids best first. */
function ranking(state: MatchingState): string[] {
  return pickLocals(buildMatchingIndex(state), trip, { now }).picks.map((p) => p.memberId);
}

/** "b" differs from "a" by one signal only; "b" must rank first whatever the id order. */
function expectSignalLifts(base: Partial<MatchingMember>, lifted: Partial<MatchingMember>, extra = {}) {
  // Ids chosen so that, without the signal, "a-…" would come first on the id tie-break.
  const a = makeMember("a-plain", base);
  const b = makeMember("b-lifted", { ...base, ...lifted });
  expect(ranking(makeState([a, b], extra))).toEqual(["b-lifted", "a-plain"]);
}

describe("each signal moves the ranking the right way, all else equal", () => {
  it("knowing the traveller's work (following them)", () => {
    expectSignalLifts({}, {}, { follows: [{ followerId: "b-lifted" as MemberId, followedId: traveller.id }] });
  });

  it("following in the other direction is not the signal", () => {
    const a = makeMember("a-plain");
    const b = makeMember("b-followed");
    const state = makeState([a, b], { follows: [{ followerId: traveller.id, followedId: b.id }] });
    expect(ranking(state)).toEqual(["a-plain", "b-followed"]);
  });

  it("more shared sectors", () => {
    const twoSectors = { ...trip, sectors: ["fintech", "health"] };
    const a = makeMember("a-plain");
    const b = makeMember("b-lifted", { sectors: ["fintech", "health"] });
    const picks = pickLocals(buildMatchingIndex(makeState([a, b])), twoSectors, { now }).picks;
    expect(picks.map((p) => p.memberId)).toEqual(["b-lifted", "a-plain"]);
  });

  it("a shared tag", () => {
    expectSignalLifts({}, { tags: ["open-banking"] });
  });

  it("text: the local gives what the traveller seeks (French text against English)", () => {
    expectSignalLifts({}, { gives: "je présente des investisseurs" });
  });

  it("text: the local seeks what the traveller gives", () => {
    expectSignalLifts({}, { seeks: "advice on marketing" });
  });

  it("giving record: gifts given, offers answered, useful meetings", () => {
    const none = { givingRecord: { giftsGiven: 0, offersAnswered: 0, usefulMeetings: 0 } };
    expectSignalLifts(none, { givingRecord: { giftsGiven: 2, offersAnswered: 0, usefulMeetings: 0 } });
    expectSignalLifts(none, { givingRecord: { giftsGiven: 0, offersAnswered: 2, usefulMeetings: 0 } });
    expectSignalLifts(none, { givingRecord: { giftsGiven: 0, offersAnswered: 0, usefulMeetings: 1 } });
  });

  it("feedback 'useful' weighs more than an answered offer", () => {
    const a = makeMember("a-answers", { givingRecord: { giftsGiven: 0, offersAnswered: 1, usefulMeetings: 0 } });
    const b = makeMember("b-useful", { givingRecord: { giftsGiven: 0, offersAnswered: 0, usefulMeetings: 1 } });
    expect(ranking(makeState([a, b]))).toEqual(["b-useful", "a-answers"]);
  });

  it("an extra signal (organisers' bridges) lifts, a negative one (gatekeeper) lowers", () => {
    const a = makeMember("a-plain");
    const b = makeMember("b-bridge");
    const bridges = { code: "organiser_bridge", points: [{ memberId: b.id, points: 8 }] };
    expect(ranking(makeState([a, b], { extraSignals: [bridges] }))).toEqual(["b-bridge", "a-plain"]);
    const gate = { code: "gatekeeper", points: [{ memberId: a.id, points: -8 }] };
    const c = makeMember("c-plain");
    expect(ranking(makeState([a, c], { extraSignals: [gate] }))).toEqual(["c-plain", "a-plain"]);
  });
});

it("ranks correctly when extra points make the score range too wide for the counting sort", () => {
  const locals = ["a", "b", "c", "d"].map((id) => makeMember(id));
  const huge = {
    code: "organiser_bridge",
    points: [
      { memberId: "c" as MemberId, points: 5_000_000 },
      { memberId: "a" as MemberId, points: -5_000_000 },
    ],
  };
  expect(ranking(makeState(locals, { extraSignals: [huge] }))).toEqual(["c", "b", "d", "a"]);
});

describe("network distance is an inverted U", () => {
  // Friends of the traveller live in Paris: they make mutual connections without being candidates.
  const friends = Array.from({ length: 14 }, (_, i) => makeMember(`friend-${i}`, { homeCityId: paris }));
  const tie = (a: string, b: string, meetings = 1): MatchingTie => ({
    a: a as MemberId,
    b: b as MemberId,
    meetings,
  });
  const friendTies = friends.map((f) => tie(traveller.id, f.id));

  it("a few mutual connections beat a stranger, many mutual, and someone already close", () => {
    // Ids put the expected winner last in id order, so the tie-break cannot explain the result.
    const stranger = makeMember("a-stranger");
    const close = makeMember("b-close");
    const many = makeMember("c-many");
    const few = makeMember("z-few");
    const ties = [
      ...friendTies,
      ...friends.slice(0, 3).map((f) => tie(f.id, few.id)),
      ...friends.slice(0, 3).map((f) => tie(f.id, close.id)),
      tie(traveller.id, close.id, 6),
      ...friends.slice(0, 12).map((f) => tie(f.id, many.id)),
    ];
    const state = makeState([stranger, close, many, few], {
      members: [traveller, stranger, close, many, few, ...friends],
      ties,
    });
    const order = ranking(state);
    expect(order[0]).toBe("z-few");
    expect(order.indexOf("a-stranger")).toBeLessThan(order.indexOf("b-close"));
    expect(order.indexOf("c-many")).toBeLessThan(order.indexOf("a-stranger") + 1);
    const picks = pickLocals(buildMatchingIndex(state), trip, { now }).picks;
    expect(picks.find((p) => p.memberId === "z-few")?.reasons).toContainEqual({ code: "mutual_connections", count: 3 });
  });

  it("someone met once or twice (a weak tie) still ranks below a friend of friends", () => {
    const weak = makeMember("a-weak");
    const few = makeMember("z-few");
    const ties = [
      ...friendTies,
      tie(friends[0]!.id, few.id),
      tie(friends[0]!.id, weak.id),
      tie(traveller.id, weak.id, 1),
    ];
    const state = makeState([weak, few], { members: [traveller, weak, few, ...friends], ties });
    expect(ranking(state)).toEqual(["z-few", "a-weak"]);
  });
});
