/**
 * The traveller's agenda of one trip; for anyone else, not found. The latest stored plan answers when it still holds
 * as the JSON text it is stored as, with an ETag (see `ViewCache`): the page asks for it every few seconds, and a week
 * of 250 offers is about 100 KB of JSON that need not be read, parsed and serialized again. When the offers changed,
 * the agenda is solved again (`resolveTripAgenda`), but the page waits at most `agendaWaitMs` for it: while the solver
 * is busy or the solve takes longer, the stored plan answers, marked `updating`, and the page asks again shortly.
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
  if (version === null || !state.hasView)
    return { resolved: await resolveTripAgenda(context, tripId, trip, { whenSolverBusy: "last-plan" }) };
  /** The stored plan, as its JSON text, with `updating` (whether a newer one is being solved). */
  const storedPlan = (updating: boolean) => {
    // A stored version never changes: its text is kept under its number (and whether it is being updated).
    const etag = viewEtag("agenda", tripId, version, updating ? "updating" : "current", context.settings.release);
    return polledView(context.viewCache, etag, options.ifNoneMatch, async () => {
      const json = await findAgendaViewJson(context.db, tripId, version);
      // Plans are only ever added: the version just read is gone only with its trip.
      if (json === null) throw notFound("Trip");
      // The stored text is one JSON object: `updating` joins it before its closing brace.
      return `${json.slice(0, json.lastIndexOf("}"))},"updating":${updating}}`;
    });
  };
  if (state.inputsKey === agendaInputsKey(trip, trip.revision)) return storedPlan(false);
  if (context.agendaSolver.pending() > 0) return storedPlan(true);
  // The offers changed: solve, but answer within `agendaWaitMs`; a longer solve goes on and stores its plan.
  const resolving = resolveTripAgenda(context, tripId, trip, { whenSolverBusy: "last-plan" });
  const resolved = await within(resolving, context.settings.agendaWaitMs);
  if (resolved) return { resolved };
  resolving.catch((error: unknown) => context.logger.error({ err: error, tripId }, "agenda re-solve failed"));
  return storedPlan(true);
}

/** What `promise` gives if it settles within `ms`, else undefined (it goes on). */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => (timer = setTimeout(resolve, ms, undefined)));
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}
