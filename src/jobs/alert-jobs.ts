/**
 * Job handlers of trips and alerts: the fan-out after an announcement, the daily digest and the hourly sweep (expiry,
 * and the fan-outs that were never queued).
 * The composition root registers them with the queue; the instance secret signs unsubscribe links.
 */
import { fanOutAlerts } from "../app/alerts/fan-out-alerts";
import { requeueLostFanOuts } from "../app/alerts/requeue-lost-fan-outs";
import { sendAlertDigests } from "../app/alerts/send-alert-digests";
import type { AppContext } from "../app/context";
import { expireTrips } from "../app/trips/expire-trips";
import type { JobHandler } from "./pg-boss-queue";

/** When the scheduled jobs run (UTC): digests just after midnight for the day before, expiry hourly. */
export const alertSchedules: Record<string, string> = {
  "alerts.digest": "5 0 * * *",
  "trips.expire": "17 * * * *",
};

/** Handlers by job name; `context()` is read at run time, since the context holds the queue that runs them. */
export function createAlertJobHandlers(
  context: () => AppContext | undefined,
  secret: string,
): Record<string, JobHandler> {
  return {
    "alerts.fanout": async (data) => {
      const current = context();
      const tripId = Number(data.tripId);
      if (current && Number.isInteger(tripId) && tripId > 0) await fanOutAlerts(current, { tripId, secret });
    },
    "alerts.digest": async (data) => {
      const current = context();
      if (current)
        await sendAlertDigests(current, { secret, ...(typeof data.day === "string" ? { day: data.day } : {}) });
    },
    "trips.expire": async () => {
      const current = context();
      if (!current) return;
      await expireTrips(current);
      await requeueLostFanOuts(current);
    },
  };
}
