/** The moderation queue: open reports (oldest first) or handled ones (latest first), in the moderator's scope. */
import { listQueue, type QueueItem } from "../../db/repositories/reports.repository";
import type { AppContext } from "../context";
import { loadModeratorScope } from "./load-moderator-scope";

export async function listReportQueue(
  context: Pick<AppContext, "db">,
  options: { moderatorId: number; status: "open" | "handled" },
): Promise<QueueItem[]> {
  const scope = await loadModeratorScope(context, options.moderatorId);
  return listQueue(context.db, { ...scope, status: options.status, limit: 200 });
}
