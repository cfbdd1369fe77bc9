/**
 * A moderator acts on an open report in their scope: dismiss it, warn the member (an in-app notification and an
 * email), or suspend them (no more sign-in, every session ended, hidden everywhere). The action, the report's new
 * status and its effects are written in one transaction, and the action is recorded: who, on whom, when.
 */
import {
  closeReport,
  deleteSessionsOfMember,
  findRecipient,
  findReportForUpdate,
  insertModerationAction,
  setMemberSuspension,
  type ReportRow,
} from "../../db/repositories/reports.repository";
import { AppError, notFound } from "../../domain/errors";
import { reportStatusAfter, scopeCovers } from "../../domain/moderation/report-rules";
import type { AppContext } from "../context";
import { mailHost, notifyMember } from "../notifications/notify-member";
import { loadModeratorScope } from "./load-moderator-scope";
import { moderationNotice } from "./moderation-notices";

export async function actOnReport(
  context: Pick<AppContext, "db" | "now" | "settings">,
  options: { moderatorId: number; reportId: number; action: "dismiss" | "warn" | "suspend"; note: string },
): Promise<ReportRow> {
  const scope = await loadModeratorScope(context, options.moderatorId);
  const now = context.now();
  return context.db.transaction(async (tx) => {
    const report = await findReportForUpdate(tx, options.reportId);
    if (!report || !scopeCovers(scope, report.cityId)) throw notFound("Report");
    if (report.status !== "open") throw new AppError("conflict", `This report was already handled (${report.status})`);
    if (report.subjectId === options.moderatorId)
      throw new AppError("forbidden", "Another moderator acts on reports about you");
    const recorded = await insertModerationAction(tx, {
      reportId: report.id,
      subjectId: report.subjectId,
      moderatorId: options.moderatorId,
      action: options.action,
      note: options.note,
      createdAt: now,
    });
    if (options.action === "suspend") {
      await setMemberSuspension(tx, report.subjectId, now);
      await deleteSessionsOfMember(tx, report.subjectId);
    }
    if (options.action !== "dismiss") {
      const recipient = await findRecipient(tx, report.subjectId);
      if (recipient)
        await notifyMember(
          tx,
          recipient,
          moderationNotice(options.action, {
            actionId: recorded.id,
            note: options.note,
            host: mailHost(context.settings.baseUrl),
          }),
        );
    }
    return closeReport(tx, report.id, {
      status: reportStatusAfter(options.action),
      handledBy: options.moderatorId,
      handledAt: now,
    });
  });
}
