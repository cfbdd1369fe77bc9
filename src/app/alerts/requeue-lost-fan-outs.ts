/**
 * The sweep behind the `trips.expire` job: a trip is stored before its `alerts.fanout` job is queued, so a failure
 * between the two (queue down, process killed) would leave the locals never told. Trips still shown whose fan-out
 * never ran, announced more than a grace period ago, get their job queued again; the fan-out is idempotent.
 */
import { listTripsAwaitingFanOut } from "../../db/repositories/trips.repository";
import type { AppContext } from "../context";

/** A fan-out queued normally runs within seconds; after this long without one, it counts as lost. */
export const fanOutGraceMs = 10 * 60 * 1000;
/** Trips re-queued per sweep, so that a long outage drains over a few runs. */
const batchSize = 500;

/** Queues the fan-out of every trip whose fan-out was lost; returns their ids. */
export async function requeueLostFanOuts(
  context: Pick<AppContext, "db" | "now" | "jobs" | "logger">,
): Promise<number[]> {
  const now = context.now();
  const tripIds = await listTripsAwaitingFanOut(context.db, {
    now,
    announcedBefore: new Date(now.getTime() - fanOutGraceMs),
    limit: batchSize,
  });
  for (const tripId of tripIds)
    await context.jobs.send("alerts.fanout", { tripId }, { singletonKey: `alerts.fanout:${tripId}` });
  if (tripIds.length > 0) context.logger.warn({ tripIds }, "re-queued lost alert fan-outs");
  return tripIds;
}
