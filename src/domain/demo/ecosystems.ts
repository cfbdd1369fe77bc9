import type { CityKey, Role } from "./types";
import type { NameOrigin } from "./names";

/**
 * The knobs that make the two ecosystems contrast. Everything the generator does differently between Miami and
 * Toulouse is read from here, so that the contrast can be tuned in one place.
 */
export interface EcosystemParameters {
  /** Mean size of a planted community. */
  communitySize: number;
  /** Mean number of ties of an ordinary member before the role factors below. */
  meanDegree: number;
  /** Share of an ordinary member's ties drawn inside their own community (planted partition p_in / (p_in + p_out)). */
  inCommunityShare: number;
  /** The same share for active givers, who deliberately reach across communities. */
  activeGiverInCommunityShare: number;
  newcomerShare: number;
  /** Degree multiplier of newcomers (how well a newcomer is integrated after a few months). */
  newcomerDegreeFactor: number;
  /** Degree multiplier of students and first-time founders. */
  youngFounderDegreeFactor: number;
  /** Share of a newcomer's ties that go to active givers (the locals who reach out). */
  newcomerToGiverShare: number;
  activeGiverShare: number;
  activeGiverDegreeFactor: number;
  /** Gatekeepers for a number of communities; 0 means none (cross ties are spread over everyone). */
  gatekeeperCount: (communityCount: number) => number;
  gatekeeperDegreeFactor: number;
  /** Share of a gatekeeper's ties to other gatekeepers (the barons' club). */
  gatekeeperClubShare: number;
  /** Mean number of meetings on a tie inside a community and across communities. */
  strengthInside: number;
  strengthAcross: number;
  /** Follows per member, and the share of them that go to people in the other city (following work elsewhere). */
  followsPerMember: number;
  followsElsewhereShare: number;
  /** Share of hosted upcoming events that are invitation-only. */
  inviteOnlyEventShare: number;
  /** Past meetings (each with its "meeting" gift) per member over the last six months. */
  meetingsPerMember: number;
  /** Share of meetings the guest found useful. */
  usefulMeetingShare: number;
  /** Other gifts per member over the last year. */
  introductionsPerMember: number;
  adviceGiftsPerMember: number;
  eventInvitationsPerMember: number;
  /** Share of gifts given by active givers (Miami) or gatekeepers (Toulouse), who hold the keys. */
  giftsByKeyHoldersShare: number;
  nameOrigins: readonly (readonly [NameOrigin, number])[];
  roles: readonly (readonly [Role, number])[];
  /** Places people who moved in from the same country come from. */
  domesticHomes: readonly string[];
}

export const ecosystemParameters: Record<CityKey, EcosystemParameters> = {
  miami: {
    communitySize: 100,
    meanDegree: 20,
    inCommunityShare: 0.5,
    activeGiverInCommunityShare: 0.25,
    newcomerShare: 0.12,
    newcomerDegreeFactor: 0.8,
    youngFounderDegreeFactor: 1,
    newcomerToGiverShare: 0.35,
    activeGiverShare: 0.12,
    activeGiverDegreeFactor: 2.5,
    gatekeeperCount: () => 0,
    gatekeeperDegreeFactor: 1,
    gatekeeperClubShare: 0,
    strengthInside: 3,
    strengthAcross: 2.5,
    followsPerMember: 4,
    followsElsewhereShare: 0.15,
    inviteOnlyEventShare: 0.1,
    meetingsPerMember: 0.6,
    usefulMeetingShare: 0.85,
    introductionsPerMember: 0.25,
    adviceGiftsPerMember: 0.2,
    eventInvitationsPerMember: 0.1,
    giftsByKeyHoldersShare: 0.7,
    nameOrigins: [
      ["american", 44],
      ["hispanic", 36],
      ["french", 7],
      ["brazilian", 5],
      ["british", 3],
      ["italian", 3],
      ["german", 2],
    ],
    roles: [
      ["founder", 34],
      ["investor", 14],
      ["executive", 22],
      ["freelancer", 16],
      ["student", 14],
    ],
    domesticHomes: ["New York", "Chicago", "San Francisco", "Boston", "Atlanta", "Austin"],
  },
  toulouse: {
    communitySize: 100,
    meanDegree: 30,
    inCommunityShare: 0.985,
    activeGiverInCommunityShare: 0.97,
    newcomerShare: 0.08,
    newcomerDegreeFactor: 0.15,
    youngFounderDegreeFactor: 0.45,
    newcomerToGiverShare: 0,
    activeGiverShare: 0.03,
    activeGiverDegreeFactor: 1.5,
    gatekeeperCount: (communityCount) => Math.max(3, Math.min(12, Math.round(communityCount / 4))),
    gatekeeperDegreeFactor: 9,
    gatekeeperClubShare: 0.08,
    strengthInside: 6,
    strengthAcross: 2,
    followsPerMember: 3,
    followsElsewhereShare: 0.02,
    inviteOnlyEventShare: 0.7,
    meetingsPerMember: 0.3,
    usefulMeetingShare: 0.7,
    introductionsPerMember: 0.06,
    adviceGiftsPerMember: 0.06,
    eventInvitationsPerMember: 0.05,
    giftsByKeyHoldersShare: 0.7,
    nameOrigins: [
      ["french", 88],
      ["hispanic", 4],
      ["british", 3],
      ["german", 3],
      ["italian", 2],
    ],
    roles: [
      ["founder", 22],
      ["investor", 6],
      ["executive", 36],
      ["freelancer", 16],
      ["student", 20],
    ],
    domesticHomes: ["Paris", "Lyon", "Bordeaux", "Marseille", "Montpellier", "Nantes"],
  },
};

/** Picks an item by weight. */
export function pickWeighted<T>(next: () => number, items: readonly (readonly [T, number])[]): T {
  let total = 0;
  for (const [, weight] of items) total += weight;
  let draw = next() * total;
  for (const [item, weight] of items) {
    draw -= weight;
    if (draw < 0) return item;
  }
  const last = items[items.length - 1];
  if (last === undefined) throw new RangeError("pickWeighted from an empty list");
  return last[0];
}
