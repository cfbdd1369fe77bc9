/**
 * The baseline the openness tests compare against: "people you may know", LinkedIn-style. Among the same relevant,
 * alertable locals, most mutual connections first, then highest degree, then id. It feeds the traveller's clan.
 */
import type { MatchingIndex } from "./build-index";
import { collectCandidates, defaultPickOptions, prepareTrip, releaseCandidates, signalOf } from "./candidates";
import { slot } from "./scan-kernels";
import type { MatchingTrip, MemberId, PickOptions } from "./types";

/** The baseline's top `limit` member ids for a trip. */
export function rankByMutualFriends(index: MatchingIndex, trip: MatchingTrip, options: PickOptions): MemberId[] {
  const set = collectCandidates(index, prepareTrip(index, trip), options);
  const mutual = (m: number) => signalOf(set, m, slot.mutual);
  const degree = (m: number) => (index.ties.offsets[m + 1] as number) - (index.ties.offsets[m] as number);
  const ranked = [...set.members]
    .sort((a, b) => mutual(b) - mutual(a) || degree(b) - degree(a) || a - b)
    .slice(0, options.limit ?? defaultPickOptions.limit)
    .map((m) => index.memberIds[m]!);
  releaseCandidates(index, set);
  return ranked;
}
