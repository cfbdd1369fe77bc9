/** Marks one of my alerts seen; someone else's alert is "not found". */
import { markAlertSeen as markAlertSeenRow } from "../../db/repositories/alerts.repository";
import { notFound } from "../../domain/errors";
import type { AppContext } from "../context";

export async function markAlertSeen(
  context: AppContext,
  viewer: { memberId: number },
  alertId: number,
): Promise<{ id: number; seenAt: Date }> {
  const row = await markAlertSeenRow(context.db, alertId, viewer.memberId, context.now());
  if (!row?.seenAt) throw notFound("Alert");
  return { id: row.id, seenAt: row.seenAt };
}
