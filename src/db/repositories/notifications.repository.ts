/** In-app notifications: written by every feature through src/app/notifications, read and marked read by their member. */
import { and, count, desc, eq, isNull, lt } from "drizzle-orm";
import type { Database } from "../create-db";
import { notifications } from "../schema/system";

export type NotificationRow = typeof notifications.$inferSelect;
export interface NewNotification {
  memberId: number;
  kind: string;
  payload: Record<string, unknown>;
}

/** Writes notifications (in the caller's transaction when given one); `createdAt` defaults to the database's clock. */
export async function insertNotifications(
  db: Database,
  rows: readonly NewNotification[],
  createdAt?: Date,
): Promise<void> {
  if (rows.length === 0) return;
  await db.insert(notifications).values(rows.map((row) => ({ ...row, ...(createdAt ? { createdAt } : {}) })));
}

/** A member's notifications, newest first, before the id `before` when given (keyset paging). */
export async function listNotifications(
  db: Database,
  memberId: number,
  page: { before?: number | undefined; limit: number },
): Promise<NotificationRow[]> {
  return db
    .select()
    .from(notifications)
    .where(
      and(
        eq(notifications.memberId, memberId),
        page.before !== undefined ? lt(notifications.id, page.before) : undefined,
      ),
    )
    .orderBy(desc(notifications.id))
    .limit(page.limit);
}

export async function countUnreadNotifications(db: Database, memberId: number): Promise<number> {
  const [row] = await db
    .select({ unread: count() })
    .from(notifications)
    .where(and(eq(notifications.memberId, memberId), isNull(notifications.readAt)));
  return row?.unread ?? 0;
}

/** Marks one of a member's notifications read; false when the member has no such notification. */
export async function markNotificationRead(db: Database, memberId: number, id: number, readAt: Date): Promise<boolean> {
  const [existing] = await db
    .select({ id: notifications.id, readAt: notifications.readAt })
    .from(notifications)
    .where(and(eq(notifications.id, id), eq(notifications.memberId, memberId)));
  if (!existing) return false;
  if (existing.readAt === null)
    await db
      .update(notifications)
      .set({ readAt })
      .where(and(eq(notifications.id, id), isNull(notifications.readAt)));
  return true;
}

/** Marks every unread notification of a member read; returns how many changed. */
export async function markAllNotificationsRead(db: Database, memberId: number, readAt: Date): Promise<number> {
  const changed = await db
    .update(notifications)
    .set({ readAt })
    .where(and(eq(notifications.memberId, memberId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return changed.length;
}
