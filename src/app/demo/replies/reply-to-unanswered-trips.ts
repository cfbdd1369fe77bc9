/**
 * The safety net of the demo replies: trips of real members that no demo local answered (the announcement did not
 * queue the job, or the job was lost) get their answer once the reply delay has passed.
 */
import { listUnansweredRealTrips } from "../../../db/repositories/demo-replies.repository";
import { readSetting } from "../../../db/repositories/settings.repository";
import type { AppContext } from "../../context";
import { demoPersonasKey, type DemoPersona } from "../demo-personas";
import { replyAsDemoLocals } from "../reply-as-demo-locals";

/** Answers the unanswered trips announced in the last two days; returns the offers written. */
export async function replyToUnansweredTrips(context: AppContext): Promise<number> {
  if (!context.settings.demo) return 0;
  const now = context.now().getTime();
  const trips = await listUnansweredRealTrips(
    context.db,
    new Date(now - 2 * 24 * 3600_000),
    new Date(now - context.settings.demoReplyDelayMs),
    ((await readSetting<DemoPersona[]>(context.db, demoPersonasKey)) ?? []).map((persona) => persona.memberId),
  );
  let written = 0;
  for (const tripId of trips) written += await replyAsDemoLocals(context, tripId);
  return written;
}
