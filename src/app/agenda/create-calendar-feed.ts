/** Creates a calendar subscription for the traveller's agenda; the URL (with its secret) is returned only now. */
import { insertCalendarFeed } from "../../db/repositories/agenda.repository";
import type { AppContext } from "../context";
import type { ViewerInfo } from "../get-viewer";
import { hashFeedSecret, newFeedSecret } from "./calendar-feed-secret";
import { requireTraveller } from "./require-traveller";

export async function createCalendarFeed(
  context: AppContext,
  options: { viewer: ViewerInfo; tripId: number },
): Promise<{ id: number; url: string }> {
  await requireTraveller(context, options.tripId, options.viewer.memberId);
  const secret = newFeedSecret();
  const id = await insertCalendarFeed(context.db, {
    memberId: options.viewer.memberId,
    tripId: options.tripId,
    secretHash: hashFeedSecret(secret),
  });
  return { id, url: new URL(`/api/calendar/${secret}.ics`, context.settings.baseUrl).toString() };
}
