/**
 * The matching engine's entry point: for one trip, the locals to alert, each with a score and reasons. Pure and
 * deterministic: the same index, trip and options always give the same picks.
 */
import type { MatchingIndex } from "./build-index";
import { candidateAt, collectCandidates, releaseCandidates, defaultPickOptions, prepareTrip } from "./candidates";
import { reasonsFor } from "./reasons";
import { selectDiverse } from "./select-diverse";
import type { MatchingTrip, PickOptions, PickResult } from "./types";

/**
 * Ranks the relevant locals of the trip's city (living there or there now), drops the blocked, paused and capped,
 * then picks up to `limit` (25) under the openness rules: no community above 40 % while others hold candidates,
 * young founders who have given at least at their share.
 */
export function pickLocals(index: MatchingIndex, trip: MatchingTrip, options: PickOptions): PickResult {
  const prepared = prepareTrip(index, trip);
  const candidates = collectCandidates(index, prepared, options);
  const chosen = selectDiverse(
    candidates,
    candidates.scores,
    options.limit ?? defaultPickOptions.limit,
    options.maxCommunityShare ?? defaultPickOptions.maxCommunityShare,
    options.communityPenalty ?? defaultPickOptions.communityPenalty,
  );
  const picks = chosen.map((position) => {
    const candidate = candidateAt(candidates, position);
    return {
      memberId: index.memberIds[candidate.member]!,
      score: candidate.score,
      communityId: index.communityNames[candidate.community]!,
      reasons: reasonsFor(index, prepared, candidate),
    };
  });
  let youngGivers = 0;
  for (let i = 0; i < candidates.count; i++) youngGivers += candidates.isYoungGiver[i] as number;
  releaseCandidates(index, candidates);
  return { picks, relevantCount: candidates.count, relevantYoungFounderCount: youngGivers };
}
