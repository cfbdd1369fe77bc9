/** Job handlers of the agenda: the re-solve queued when a trip's offers change (`queueAgendaResolve`). */
import { agendaResolveJob } from "../app/agenda/queue-agenda-resolve";
import { reSolveTripAgenda } from "../app/agenda/re-solve-trip-agenda";
import type { AppContext } from "../app/context";
import type { JobHandler } from "./pg-boss-queue";

/** Handlers by job name; `context()` is read at run time, since the context holds the queue that runs them. */
export function createAgendaJobHandlers(context: () => AppContext | undefined): Record<string, JobHandler> {
  return {
    [agendaResolveJob]: async (data) => {
      const current = context();
      const tripId = Number(data.tripId);
      if (current && Number.isInteger(tripId) && tripId > 0) await reSolveTripAgenda(current, tripId);
    },
  };
}
