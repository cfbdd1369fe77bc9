/** A moderator lifts a suspension of a member of their scope; the action is recorded like every other. */
import {
  findReportableMember,
  insertModerationAction,
  setMemberSuspension,
} from "../../db/repositories/reports.repository";
import { AppError, notFound } from "../../domain/errors";
import { scopeCovers } from "../../domain/moderation/report-rules";
import type { AppContext } from "../context";
import { loadModeratorScope } from "./load-moderator-scope";

export async function unsuspendMember(
  context: Pick<AppContext, "db" | "now">,
  options: { moderatorId: number; memberId: number; note: string },
): Promise<{ memberId: number }> {
  const scope = await loadModeratorScope(context, options.moderatorId);
  const now = context.now();
  return context.db.transaction(async (tx) => {
    const member = await findReportableMember(tx, options.memberId);
    if (!member || !member.hasAccount || !scopeCovers(scope, member.cityId)) throw notFound("Member");
    if (member.suspendedAt === null) throw new AppError("conflict", "This member is not suspended");
    await setMemberSuspension(tx, member.id, null);
    await insertModerationAction(tx, {
      subjectId: member.id,
      moderatorId: options.moderatorId,
      action: "unsuspend",
      note: options.note,
      createdAt: now,
    });
    return { memberId: member.id };
  });
}
