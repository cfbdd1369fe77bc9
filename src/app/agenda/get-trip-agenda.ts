/**
 * The traveller's agenda of one trip; for anyone else, not found. The latest stored plan answers when it still holds
 * (or, while the solver is busy, marked `updating`), as the JSON text it is stored as, with an ETag (see `ViewCache`):
 * the page asks for it every few seconds, and a week of 250 offers is about 100 KB of JSON that need not be read,
 * parsed and serialized again. Otherwise the agenda is solved again (`resolveTripAgenda`).
 */
import { findAgendaViewJson, findAgendaViewState } from "../../db/repositories/agenda.repository";
import { notFound } from "../../domain/errors";
import type { AppContext } from "../context";
import type { ViewerInfo } from "../get-viewer";
import { polledView, viewEtag, type PolledView } from "../view-cache";
import { requireTraveller } from "./require-traveller";
import { agendaInputsKey, resolveTripAgenda, type ResolvedAgenda } from "./resolve-trip-agenda";

/** The agenda view: the stored plan (its JSON text with `updating`, or not modified), or a plan just resolved. */
export type TripAgendaView = PolledView | { resolved: ResolvedAgenda };

export async function getTripAgenda(
  context: AppContext,
  options: { viewer: ViewerInfo; tripId: number; ifNoneMatch?: string | undefined },
): Promise<TripAgendaView> {
  const { tripId } = options;
  const trip = await requireTraveller(context, tripId, options.viewer.memberId);
  const state = await findAgendaViewState(context.db, tripId);
  const { version } = state;
  if (version !== null && state.hasView) {
    const upToDate = state.inputsKey === agendaInputsKey(trip, trip.revision);
    if (upToDate || context.agendaSolver.pending() > 0) {
      // A stored version never changes: its text is keyed by its number (and whether it is being updated).
      const etag = viewEtag("agenda", tripId, version, upToDate ? "current" : "updating", context.settings.release);
      const view = await polledView(context.viewCache, etag, options.ifNoneMatch, async () => {
        const json = await findAgendaViewJson(context.db, tripId, version);
        // Plans are only ever added: the version just read is gone only with its trip.
        if (json === null) throw notFound("Trip");
        // The stored text is one JSON object: `updating` joins it before its closing brace.
        return `${json.slice(0, json.lastIndexOf("}"))},"updating":${!upToDate}}`;
      });
      return view;
    }
  }
  return {
    resolved: await resolveTripAgenda(context, tripId, trip, { whenSolverBusy: "last-plan" }),
  };
}
