/** The moderation queue: thin handlers over src/app/moderation (404 for anyone who moderates nothing). */
import {
  actOnReportRoute,
  listQueueRoute,
  moderationLogRoute,
  unsuspendRoute,
  type ModerationLogBody,
  type QueueReportBody,
} from "../../api/moderation";
import { actOnReport } from "../../app/moderation/act-on-report";
import { listModerationLog } from "../../app/moderation/list-moderation-log";
import { listReportQueue } from "../../app/moderation/list-report-queue";
import { unsuspendMember } from "../../app/moderation/unsuspend-member";
import type { QueueItem } from "../../db/repositories/reports.repository";
import { moderationActionKinds, reportReasons, reportTargetKinds } from "../../domain/moderation/report-rules";
import { requireViewer, type RouteRegistrar } from "../http";

const statuses = ["open", "warned", "suspended", "dismissed"] as const;

const presentReport = (item: QueueItem): QueueReportBody => ({
  id: item.report.id,
  status: statuses.find((status) => status === item.report.status) ?? "open",
  targetKind: reportTargetKinds.find((kind) => kind === item.report.targetKind) ?? "member",
  targetId: item.report.targetId,
  reason: reportReasons.find((reason) => reason === item.report.reason) ?? "other",
  details: item.report.details,
  reporter: { id: item.report.reporterId, name: item.reporterName },
  subject: { id: item.report.subjectId, name: item.subjectName, suspended: item.subjectSuspendedAt !== null },
  city: item.cityName,
  excerpt: item.excerpt,
  reportsOnSubject: item.reportsOnSubject,
  createdAt: item.report.createdAt.toISOString(),
  handledAt: item.report.handledAt?.toISOString() ?? null,
  handledBy: item.report.handledBy,
});

export const registerModerationRoutes: RouteRegistrar = (router, context) => {
  router.openapi(listQueueRoute, async (c) => {
    const viewer = requireViewer(c);
    const items = await listReportQueue(context, { moderatorId: viewer.memberId, status: c.req.valid("query").status });
    return c.json({ reports: items.map(presentReport) }, 200);
  });

  router.openapi(actOnReportRoute, async (c) => {
    const viewer = requireViewer(c);
    const { action, note } = c.req.valid("json");
    const report = await actOnReport(context, {
      moderatorId: viewer.memberId,
      reportId: c.req.valid("param").id,
      action,
      note,
    });
    return c.json({ id: report.id, status: report.status }, 200);
  });

  router.openapi(unsuspendRoute, async (c) => {
    const viewer = requireViewer(c);
    const result = await unsuspendMember(context, {
      moderatorId: viewer.memberId,
      memberId: c.req.valid("param").id,
      note: c.req.valid("json").note,
    });
    return c.json(result, 200);
  });

  router.openapi(moderationLogRoute, async (c) => {
    const viewer = requireViewer(c);
    const log = await listModerationLog(context, { moderatorId: viewer.memberId });
    const body: ModerationLogBody = {
      actions: log.actions.map(({ action, subjectName, moderatorName }) => ({
        id: action.id,
        action: moderationActionKinds.find((kind) => kind === action.action) ?? "dismiss",
        reportId: action.reportId,
        subject: { id: action.subjectId, name: subjectName },
        moderator: action.moderatorId === null ? null : { id: action.moderatorId, name: moderatorName ?? "" },
        note: action.note,
        createdAt: action.createdAt.toISOString(),
      })),
      suspended: log.suspended.map((member) => ({
        id: member.id,
        name: member.name,
        suspendedAt: member.suspendedAt.toISOString(),
      })),
    };
    return c.json(body, 200);
  });
};
