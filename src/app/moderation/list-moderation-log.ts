/** The record of moderation actions in the moderator's scope, and the members suspended there. */
import {
  listModerationLog as listLog,
  listSuspendedMembers,
  type ActionLogItem,
} from "../../db/repositories/reports.repository";
import type { AppContext } from "../context";
import { loadModeratorScope } from "./load-moderator-scope";

export async function listModerationLog(
  context: Pick<AppContext, "db">,
  options: { moderatorId: number },
): Promise<{ actions: ActionLogItem[]; suspended: { id: number; name: string; suspendedAt: Date }[] }> {
  const scope = await loadModeratorScope(context, options.moderatorId);
  const [actions, suspended] = await Promise.all([
    listLog(context.db, { ...scope, limit: 200 }),
    listSuspendedMembers(context.db, scope),
  ]);
  return { actions, suspended };
}
