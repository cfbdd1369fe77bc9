/**
 * Picking the locals of a trip so that the gatekeepers (the members with the highest betweenness, from the city
 * report) get no larger a share of the alerts than their share of the relevant candidates: alerts should open new
 * paths, not route every newcomer through the same few brokers. Pure: state in, picks out.
 *
 * The gatekeeper flag is passed to the engine as a negative extra signal, first as a nudge; when the nudge leaves
 * them over their share, stronger penalties follow, and as a last resort they are left out of the pick. Their share
 * of the relevant candidates is read from the engine's own count, with the gatekeepers paused.
 */
import { buildMatchingIndex } from "../matching/build-index";
import { pickLocals } from "../matching/pick-locals";
import type { MatchingState, MatchingTrip, MemberId, PickOptions, PickResult } from "../matching/types";

/** Points the gatekeeper flag costs, tried in order: a nudge (as in the engine's openness test), then stronger. */
export const gatekeeperPenalties = [10, 40, 200, 1_000_000] as const;

export interface GatekeeperPick extends PickResult {
  /** Relevant candidates among the gatekeepers; null when no gatekeeper was picked (not counted). */
  readonly relevantGatekeeperCount: number | null;
  /** The penalty that was used; null when the gatekeepers had to be left out. */
  readonly gatekeeperPenalty: number | null;
}

/** Whether `picked` of `alerts` is no larger a share than `relevant` of `candidates`. */
export function isWithinShare(picked: number, alerts: number, relevant: number, candidates: number): boolean {
  return picked === 0 || picked * candidates <= relevant * alerts;
}

/** Picks the locals of a trip under the engine's rules plus the gatekeeper rule. */
export function pickLocalsAroundGatekeepers(
  state: MatchingState,
  trip: MatchingTrip,
  options: PickOptions & { gatekeepers: readonly MemberId[] },
): GatekeeperPick {
  const gatekeepers = new Set(options.gatekeepers);
  const withPenalty = (points: number): PickResult =>
    pickLocals(
      buildMatchingIndex({
        ...state,
        extraSignals: [
          ...(state.extraSignals ?? []),
          { code: "gatekeeper", points: [...gatekeepers].map((memberId) => ({ memberId, points: -points })) },
        ],
      }),
      trip,
      options,
    );
  if (gatekeepers.size === 0)
    return {
      ...pickLocals(buildMatchingIndex(state), trip, options),
      relevantGatekeeperCount: 0,
      gatekeeperPenalty: null,
    };

  const first = withPenalty(gatekeeperPenalties[0]);
  const countGatekeepers = (result: PickResult) => result.picks.filter((pick) => gatekeepers.has(pick.memberId)).length;
  if (countGatekeepers(first) === 0)
    return { ...first, relevantGatekeeperCount: null, gatekeeperPenalty: gatekeeperPenalties[0] };

  // The same pick with the gatekeepers paused: the engine's relevant count drops by the relevant gatekeepers.
  const without = pickLocals(
    buildMatchingIndex({
      ...state,
      members: state.members.map((member) => (gatekeepers.has(member.id) ? { ...member, isPaused: true } : member)),
    }),
    trip,
    options,
  );
  const relevantGatekeeperCount = first.relevantCount - without.relevantCount;
  for (const [i, penalty] of gatekeeperPenalties.entries()) {
    const result = i === 0 ? first : withPenalty(penalty);
    if (isWithinShare(countGatekeepers(result), result.picks.length, relevantGatekeeperCount, result.relevantCount))
      return { ...result, relevantGatekeeperCount, gatekeeperPenalty: penalty };
  }
  return { ...without, relevantCount: first.relevantCount, relevantGatekeeperCount, gatekeeperPenalty: null };
}
