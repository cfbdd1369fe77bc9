/** Abuse reports: thin handlers over src/app/reports. */
import { fileReportRoute, listMyReportsRoute, type MyReportBody } from "../../api/reports";
import { fileReport } from "../../app/reports/file-report";
import { listMyReports } from "../../app/reports/list-my-reports";
import type { ReportRow } from "../../db/repositories/reports.repository";
import { reportReasons, reportTargetKinds } from "../../domain/moderation/report-rules";
import { requireViewer, type RouteRegistrar } from "../http";

const present = (report: ReportRow): MyReportBody => ({
  id: report.id,
  targetKind: reportTargetKinds.find((kind) => kind === report.targetKind) ?? "member",
  // A report about a member points at the member.
  targetId: report.targetId ?? report.subjectId,
  subjectId: report.subjectId,
  reason: reportReasons.find((reason) => reason === report.reason) ?? "other",
  details: report.details,
  handled: report.status !== "open",
  createdAt: report.createdAt.toISOString(),
});

export const registerReportRoutes: RouteRegistrar = (router, context) => {
  router.openapi(fileReportRoute, async (c) => {
    const viewer = requireViewer(c);
    const report = await fileReport(context, { reporterId: viewer.memberId, input: c.req.valid("json") });
    return c.json(present(report), 201);
  });

  router.openapi(listMyReportsRoute, async (c) => {
    const viewer = requireViewer(c);
    return c.json({ reports: (await listMyReports(context, { memberId: viewer.memberId })).map(present) }, 200);
  });
};
