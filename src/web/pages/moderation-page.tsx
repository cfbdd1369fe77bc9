/**
 * The moderation queue (moderators and admins; the API answers 404 to anyone else): open reports with their context,
 * each with dismiss, warn or suspend and a note; the reports handled; the record of actions; suspended members.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api } from "../api-client";
import type { ModerationLog, QueueReport } from "../api-types";
import { TextArea } from "../components/form-field";
import { Empty, ErrorMessage, QueryView } from "../components/query-state";
import { RequireViewer } from "../components/require-viewer";

export function ModerationPage() {
  return <RequireViewer>{() => <ModerationQueue />}</RequireViewer>;
}

function ModerationQueue() {
  const { t, i18n } = useTranslation();
  const open = useQuery({
    queryKey: ["moderation", "open"],
    queryFn: async () => (await api<{ reports: QueueReport[] }>("/api/moderation/reports?status=open")).reports,
  });
  const handled = useQuery({
    queryKey: ["moderation", "handled"],
    queryFn: async () => (await api<{ reports: QueueReport[] }>("/api/moderation/reports?status=handled")).reports,
  });
  const log = useQuery({
    queryKey: ["moderation", "log"],
    queryFn: () => api<ModerationLog>("/api/moderation/actions"),
  });
  const when = (iso: string) =>
    new Date(iso).toLocaleString(i18n.language, { dateStyle: "medium", timeStyle: "short" });
  return (
    <section>
      <h1>{t("moderation.title")}</h1>
      <h2>{t("moderation.openTitle")}</h2>
      <QueryView query={open}>
        {(reports) =>
          reports.length === 0 ? (
            <Empty>{t("moderation.none")}</Empty>
          ) : (
            <ul className="cards" aria-label={t("moderation.openTitle")}>
              {reports.map((report) => (
                <OpenReport key={report.id} report={report} when={when} />
              ))}
            </ul>
          )
        }
      </QueryView>
      <h2>{t("moderation.suspendedTitle")}</h2>
      <QueryView query={log}>{(data) => <Suspended log={data} when={when} />}</QueryView>
      <h2>{t("moderation.handledTitle")}</h2>
      <QueryView query={handled}>
        {(reports) =>
          reports.length === 0 ? (
            <Empty>{t("moderation.noneHandled")}</Empty>
          ) : (
            <ul className="cards" aria-label={t("moderation.handledTitle")}>
              {reports.map((report) => (
                <li key={report.id} className="card">
                  {t("moderation.handledLine", {
                    subject: report.subject.name,
                    reason: t(`safety.reasons.${report.reason}`),
                    status: t(`moderation.statuses.${report.status}`),
                    when: report.handledAt ? when(report.handledAt) : "",
                  })}
                </li>
              ))}
            </ul>
          )
        }
      </QueryView>
      <h2>{t("moderation.logTitle")}</h2>
      <QueryView query={log}>
        {(data) =>
          data.actions.length === 0 ? (
            <Empty>{t("moderation.noActions")}</Empty>
          ) : (
            <ul className="cards" aria-label={t("moderation.logTitle")}>
              {data.actions.map((action) => (
                <li key={action.id} className="card" data-action={action.action}>
                  {t("moderation.logLine", {
                    moderator: action.moderator?.name ?? t("notifications.someone"),
                    action: t(`moderation.actions.${action.action}`),
                    subject: action.subject.name,
                    when: when(action.createdAt),
                  })}
                  {action.note ? <span className="muted"> — {action.note}</span> : null}
                </li>
              ))}
            </ul>
          )
        }
      </QueryView>
    </section>
  );
}

function OpenReport({ report, when }: { report: QueueReport; when: (iso: string) => string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [note, setNote] = useState("");
  const act = useMutation({
    mutationFn: (action: "dismiss" | "warn" | "suspend") =>
      api(`/api/moderation/reports/${report.id}/actions`, { method: "POST", body: { action, note } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["moderation"] }),
  });
  return (
    <li className="card" data-report={report.id}>
      <h3 className="card-title">
        {t("moderation.reportLine", {
          reporter: report.reporter.name,
          subject: report.subject.name,
          reason: t(`safety.reasons.${report.reason}`),
        })}
      </h3>
      <p className="muted">
        {t(`moderation.targets.${report.targetKind}`)}
        {report.city ? ` · ${report.city}` : ""} · {when(report.createdAt)} ·{" "}
        {t("moderation.reportsOnSubject", { count: report.reportsOnSubject })}
        {report.subject.suspended ? ` · ${t("moderation.alreadySuspended")}` : ""}
      </p>
      {report.details ? <blockquote>{report.details}</blockquote> : null}
      {report.excerpt ? (
        <p>
          <span className="label">{t("moderation.excerpt")}</span> {report.excerpt}
        </p>
      ) : null}
      <p>
        <Link to={`/members/${report.subject.id}`}>{t("moderation.profile", { name: report.subject.name })}</Link>
      </p>
      <TextArea
        label={t("moderation.note")}
        hint={t("moderation.noteHint")}
        value={note}
        maxLength={2000}
        onChange={(event) => setNote(event.target.value)}
      />
      {act.isError ? <ErrorMessage error={act.error} /> : null}
      <p className="actions">
        <button type="button" className="secondary" disabled={act.isPending} onClick={() => act.mutate("dismiss")}>
          {t("moderation.actions.dismiss")}
        </button>
        <button type="button" className="secondary" disabled={act.isPending} onClick={() => act.mutate("warn")}>
          {t("moderation.actions.warn")}
        </button>
        <button type="button" className="danger" disabled={act.isPending} onClick={() => act.mutate("suspend")}>
          {t("moderation.actions.suspend")}
        </button>
      </p>
    </li>
  );
}

function Suspended({ log, when }: { log: ModerationLog; when: (iso: string) => string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const lift = useMutation({
    mutationFn: (memberId: number) =>
      api(`/api/moderation/members/${memberId}/unsuspend`, { method: "POST", body: {} }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["moderation"] }),
  });
  if (log.suspended.length === 0) return <Empty>{t("moderation.noneSuspended")}</Empty>;
  return (
    <>
      {lift.isError ? <ErrorMessage error={lift.error} /> : null}
      <ul className="cards" aria-label={t("moderation.suspendedTitle")}>
        {log.suspended.map((member) => (
          <li key={member.id} className="card">
            {member.name} <span className="muted">({when(member.suspendedAt)})</span>{" "}
            <button
              type="button"
              className="secondary"
              disabled={lift.isPending}
              onClick={() => lift.mutate(member.id)}
            >
              {t("moderation.unsuspend", { name: member.name })}
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
