/**
 * A member reports abuse by another member, or by one of their trips, offers, events or messages. In one
 * transaction, under the reporter's row lock: count their reports of the last 24 hours (fail closed), refuse a
 * second open report on the same target, write the report.
 */
import {
  countOpenReportsOnTarget,
  insertReport,
  listReportTimesSince,
  lockReporter,
  type ReportRow,
} from "../../db/repositories/reports.repository";
import { AppError, invalid } from "../../domain/errors";
import {
  checkReportLimit,
  reportWindowStart,
  type ReportReason,
  type ReportTargetKind,
} from "../../domain/moderation/report-rules";
import type { AppContext } from "../context";
import { resolveReportTarget } from "./resolve-report-target";

export interface FileReportInput {
  targetKind: ReportTargetKind;
  targetId: number;
  reason: ReportReason;
  details: string;
}

export async function fileReport(
  context: Pick<AppContext, "db" | "now">,
  options: { reporterId: number; input: FileReportInput },
): Promise<ReportRow> {
  const { reporterId, input } = options;
  const target = await resolveReportTarget(context, reporterId, { kind: input.targetKind, id: input.targetId });
  if (target.subjectId === reporterId) throw invalid("targetId", "targetId: you cannot report yourself");
  const now = context.now();
  return context.db.transaction(async (tx) => {
    await lockReporter(tx, reporterId);
    const verdict = checkReportLimit({
      now,
      reportedInLastDay: await listReportTimesSince(tx, reporterId, reportWindowStart(now)),
      openOnSameTarget: await countOpenReportsOnTarget(tx, {
        reporterId,
        subjectId: target.subjectId,
        targetKind: input.targetKind,
        targetId: target.targetId,
      }),
    });
    if (!verdict.allowed) {
      if (verdict.reason === "already_reported") throw new AppError("conflict", verdict.message);
      throw new AppError("rate_limited", verdict.message, { retryAfterSeconds: verdict.retryAfterSeconds });
    }
    return insertReport(tx, {
      reporterId,
      subjectId: target.subjectId,
      targetKind: input.targetKind,
      targetId: target.targetId,
      cityId: target.cityId,
      reason: input.reason,
      details: input.details,
      createdAt: now,
    });
  });
}
