/** Marks one of my notifications read; anyone else's answers 404 like a missing one. */
import { countUnreadNotifications, markNotificationRead } from "../../db/repositories/notifications.repository";
import { notFound } from "../../domain/errors";
import type { AppContext } from "../context";

export async function markMyNotificationRead(
  context: Pick<AppContext, "db" | "now">,
  options: { memberId: number; notificationId: number },
): Promise<{ unread: number }> {
  const found = await markNotificationRead(context.db, options.memberId, options.notificationId, context.now());
  if (!found) throw notFound("Notification");
  return { unread: await countUnreadNotifications(context.db, options.memberId) };
}
