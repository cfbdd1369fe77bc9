/**
 * The traveller's agenda of one trip (solved again only when its inputs changed; while the solver is busy, the last
 * plan marked `updating`); for anyone else, not found.
 */
import type { AppContext } from "../context";
import type { ViewerInfo } from "../get-viewer";
import { requireTraveller } from "./require-traveller";
import { resolveTripAgenda, type ResolvedAgenda } from "./resolve-trip-agenda";

export async function getTripAgenda(
  context: AppContext,
  options: { viewer: ViewerInfo; tripId: number },
): Promise<ResolvedAgenda> {
  const trip = await requireTraveller(context, options.tripId, options.viewer.memberId);
  return resolveTripAgenda(context, options.tripId, trip, { whenSolverBusy: "last-plan" });
}
