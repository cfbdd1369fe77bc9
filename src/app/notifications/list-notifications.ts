/** My notifications, newest first, a page at a time, with the count of unread ones. */
import {
  countUnreadNotifications,
  listNotifications as listNotificationRows,
} from "../../db/repositories/notifications.repository";
import type { AppContext } from "../context";

export interface NotificationView {
  id: number;
  kind: string;
  /** Where the notification leads in the app, when it concerns something with a page. */
  link: string | null;
  /** The name of the member who caused it, when the cause says so. */
  byName: string | null;
  createdAt: Date;
  readAt: Date | null;
}

const numberIn = (payload: Record<string, unknown>, key: string): number | null => {
  const value = payload[key];
  return typeof value === "number" && Number.isInteger(value) ? value : null;
};

/** The page a notification leads to, from the ids its cause recorded. */
export function notificationLink(payload: Record<string, unknown>): string | null {
  const tripId = numberIn(payload, "tripId");
  const eventId = numberIn(payload, "eventId");
  if (eventId !== null) return `/events/${eventId}`;
  if (numberIn(payload, "introductionId") !== null) return "/introductions";
  if (tripId !== null) return `/trips/${tripId}`;
  return null;
}

export async function listMyNotifications(
  context: Pick<AppContext, "db">,
  options: { memberId: number; before?: number | undefined; limit: number },
): Promise<{ notifications: NotificationView[]; unread: number; nextBefore: number | null }> {
  const rows = await listNotificationRows(context.db, options.memberId, {
    before: options.before,
    limit: options.limit + 1,
  });
  const page = rows.slice(0, options.limit);
  const unread = await countUnreadNotifications(context.db, options.memberId);
  return {
    notifications: page.map((row) => {
      const byName = row.payload.byName ?? row.payload.senderName ?? row.payload.travellerName ?? null;
      return {
        id: row.id,
        kind: row.kind,
        link: notificationLink(row.payload),
        byName: typeof byName === "string" ? byName : null,
        createdAt: row.createdAt,
        readAt: row.readAt,
      };
    }),
    unread,
    nextBefore: rows.length > options.limit ? (page.at(-1)?.id ?? null) : null,
  };
}
