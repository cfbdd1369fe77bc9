/** Marks every notification of mine read. */
import { countUnreadNotifications, markAllNotificationsRead } from "../../db/repositories/notifications.repository";
import type { AppContext } from "../context";

export async function markAllMyNotificationsRead(
  context: Pick<AppContext, "db" | "now">,
  options: { memberId: number },
): Promise<{ unread: number }> {
  await markAllNotificationsRead(context.db, options.memberId, context.now());
  return { unread: await countUnreadNotifications(context.db, options.memberId) };
}
