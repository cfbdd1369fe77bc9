/** Revokes one of the viewer's calendar subscriptions; someone else's or an unknown one is not found. */
import { revokeCalendarFeed as revokeFeed } from "../../db/repositories/agenda.repository";
import { notFound } from "../../domain/errors";
import type { AppContext } from "../context";
import type { ViewerInfo } from "../get-viewer";

export async function revokeCalendarFeed(
  context: AppContext,
  options: { viewer: ViewerInfo; feedId: number },
): Promise<void> {
  if (!(await revokeFeed(context.db, options.feedId, options.viewer.memberId, context.now())))
    throw notFound("Calendar feed");
}
