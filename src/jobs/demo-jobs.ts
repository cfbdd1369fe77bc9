/** Job handlers of demo mode: the demo locals' answer to a new trip, and the sweep that catches unanswered trips. */
import type { AppContext } from "../app/context";
import { demoReplyJob, replyAsDemoLocals } from "../app/demo/reply-as-demo-locals";
import { replyToUnansweredTrips } from "../app/demo/replies/reply-to-unanswered-trips";
import type { JobHandler } from "./pg-boss-queue";

export const demoSweepJob = "demo.reply-sweep";

/** The handlers, reaching the context through a holder (the context exists once the queue has started). */
export function createDemoJobHandlers(holder: { context?: AppContext }): Record<string, JobHandler> {
  return {
    [demoReplyJob]: async (data) => {
      const tripId = Number(data.tripId);
      if (holder.context && Number.isInteger(tripId) && tripId > 0) await replyAsDemoLocals(holder.context, tripId);
    },
    [demoSweepJob]: async () => {
      if (holder.context) await replyToUnansweredTrips(holder.context);
    },
  };
}

/** The sweep runs every minute; it does nothing outside demo mode. */
export const demoJobSchedules: Record<string, string> = { [demoSweepJob]: "* * * * *" };
