/** The reports and members a moderator may act on; anyone else is told the queue does not exist (404). */
import { listModerationRoles } from "../../db/repositories/reports.repository";
import { notFound } from "../../domain/errors";
import { moderatorScope, type ModeratorScope } from "../../domain/moderation/report-rules";
import type { AppContext } from "../context";

export async function loadModeratorScope(context: Pick<AppContext, "db">, memberId: number): Promise<ModeratorScope> {
  const scope = moderatorScope(await listModerationRoles(context.db, memberId));
  if (!scope) throw notFound("Moderation queue");
  return scope;
}
