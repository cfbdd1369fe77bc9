/**
 * The traveller's agenda of one trip; for anyone else, not found. The latest stored plan answers when it still holds
 * (or, while the solver is busy, marked `updating`), as the JSON text it is stored as: the page asks for it every
 * few seconds, and a week of 250 offers is about 100 KB of JSON that need not be parsed and serialized again.
 * Otherwise the agenda is solved again (`resolveTripAgenda`).
 */
import { findAgendaViewState } from "../../db/repositories/agenda.repository";
import type { AppContext } from "../context";
import type { ViewerInfo } from "../get-viewer";
import { requireTraveller } from "./require-traveller";
import { agendaInputsKey, resolveTripAgenda, type ResolvedAgenda } from "./resolve-trip-agenda";

/** The agenda view: the stored plan's JSON text with `updating`, or a plan just resolved. */
export type TripAgendaView = { json: string } | { resolved: ResolvedAgenda };

export async function getTripAgenda(
  context: AppContext,
  options: { viewer: ViewerInfo; tripId: number },
): Promise<TripAgendaView> {
  const trip = await requireTraveller(context, options.tripId, options.viewer.memberId);
  const state = await findAgendaViewState(context.db, options.tripId);
  if (state.viewJson !== null) {
    const upToDate = state.inputsKey === agendaInputsKey(trip, state.revision);
    if (upToDate || context.agendaSolver.pending() > 0)
      // The stored text is one JSON object: `updating` joins it before its closing brace.
      return { json: `${state.viewJson.slice(0, state.viewJson.lastIndexOf("}"))},"updating":${!upToDate}}` };
  }
  return {
    resolved: await resolveTripAgenda(context, options.tripId, trip, {
      whenSolverBusy: "last-plan",
      revision: state.revision,
    }),
  };
}
