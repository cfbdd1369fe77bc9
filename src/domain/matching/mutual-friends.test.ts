import { describe, expect, it } from "vitest";
import { buildMatchingIndex } from "./build-index";
import { fixedNow, makeMember, makeState, paris, traveller, trip } from "./fixtures";
import { rankByMutualFriends } from "./mutual-friends";
import type { MatchingTie, MemberId } from "./types";

describe("rankByMutualFriends (the LinkedIn-style baseline)", () => {
  it("ranks the relevant locals by mutual connections, then by degree", () => {
    const friends = Array.from({ length: 4 }, (_, i) => makeMember(`friend-${i}`, { homeCityId: paris }));
    const tie = (a: string, b: string, meetings = 1): MatchingTie => ({ a: a as MemberId, b: b as MemberId, meetings });
    const [one, two, hub, close] = ["one", "two", "hub", "close"].map((id) => makeMember(id));
    const ties = [
      ...friends.map((f) => tie(traveller.id, f.id)),
      tie(friends[0]!.id, one!.id),
      tie(friends[0]!.id, two!.id),
      tie(friends[1]!.id, two!.id),
      tie(friends[0]!.id, hub!.id),
      tie(hub!.id, friends[2]!.id, 1),
      tie(hub!.id, "filler-0", 1),
      ...friends.map((f) => tie(f.id, close!.id)),
      tie(traveller.id, close!.id, 9),
    ];
    const state = makeState([one!, two!, hub!, close!], {
      members: [traveller, one!, two!, hub!, close!, ...friends, ...makeState([]).members.slice(1)],
      ties,
    });
    const ranked = rankByMutualFriends(buildMatchingIndex(state), trip, { now: fixedNow });
    // close: 4 mutual; hub: 2 mutual, degree 3; two: 2 mutual, degree 2; one: 1.
    expect(ranked).toEqual(["close", "hub", "two", "one"]);
  });
});
