/**
 * Queues the `agenda.resolve` job of a trip: called by the use cases that change what the agenda is made of (an
 * offer arrives, is accepted, declined, withdrawn, starred or re-timed; the trip or its busy times change). One job
 * per trip waits at a time; the job is idempotent, so a duplicate costs one solve.
 */
import type { AppContext } from "../context";

export const agendaResolveJob = "agenda.resolve";

/** Queues the re-solve after the cause is committed; a queue failure is logged, not thrown (GET solves anyway). */
export async function queueAgendaResolve(context: Pick<AppContext, "jobs" | "logger">, tripId: number): Promise<void> {
  try {
    await context.jobs.send(agendaResolveJob, { tripId }, { singletonKey: `${agendaResolveJob}:${tripId}` });
  } catch (error) {
    context.logger.error({ err: error, tripId }, "could not queue the agenda re-solve");
  }
}
