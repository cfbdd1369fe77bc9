/**
 * Small hand-made states for the matching tests: a factory with overrides, so each test states only what it varies.
 */
import type { CityId, EpochMs, MatchingMember, MatchingState, MatchingTrip, MemberId } from "./types";

export const toulouse = "toulouse" as CityId;
export const paris = "paris" as CityId;
export const fixedNow = Date.UTC(2026, 10, 26, 12) as EpochMs;
export const dayMs = 24 * 60 * 60 * 1000;

/** A local of Toulouse in fintech who gives and seeks nothing the default trip cares about. */
export function makeMember(id: string, overrides: Partial<MatchingMember> = {}): MatchingMember {
  return {
    id: id as MemberId,
    homeCityId: toulouse,
    sectors: ["fintech"],
    tags: [],
    seeks: "gardening tools",
    gives: "cooking lessons",
    communityId: "c1",
    isYoungFounder: false,
    givingRecord: { giftsGiven: 0, offersAnswered: 0, usefulMeetings: 0 },
    ...overrides,
  };
}

/** The traveller of the default trip: lives in Paris, seeks investors, gives marketing advice. */
export const traveller = makeMember("traveller", {
  homeCityId: paris,
  seeks: "investors for a payments startup",
  gives: "marketing advice",
});

export const trip: MatchingTrip = {
  travellerId: traveller.id,
  cityId: toulouse,
  seeks: traveller.seeks,
  gives: traveller.gives,
  sectors: ["fintech"],
  tags: ["open-banking"],
};

/** A state with the traveller, the given locals and a few unrelated filler members (so IDF has a corpus). */
export function makeState(locals: readonly MatchingMember[], extra: Partial<MatchingState> = {}): MatchingState {
  const filler = ["music", "sailing", "pottery", "chess", "running", "painting"].map((hobby, i) =>
    makeMember(`filler-${i}`, {
      homeCityId: paris,
      sectors: ["arts"],
      seeks: `${hobby} partners`,
      gives: `${hobby} club`,
    }),
  );
  return { members: [traveller, ...locals, ...filler], ties: [], follows: [], ...extra };
}
