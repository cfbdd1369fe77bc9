/** The solved plan of a trip: what was left out and why, the .ics download and a calendar subscription link. */
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { Agenda, CalendarFeed } from "../api-types";
import { api } from "../api-client";
import { ErrorMessage } from "./query-state";

export function AgendaPanel({ tripId, agenda }: { tripId: number; agenda: Agenda | undefined }) {
  const { t } = useTranslation();
  const feed = useMutation({
    mutationFn: () => api<CalendarFeed>(`/api/trips/${tripId}/calendar-feeds`, { method: "POST", body: {} }),
  });
  return (
    <div className="plan-placeholder">
      <h3>{t("agenda.planTitle")}</h3>
      {agenda ? <p>{t("agenda.planCount", { count: agenda.chosen.length })}</p> : <p>{t("agenda.planPending")}</p>}
      <h3>{t("agenda.leftOutTitle")}</h3>
      {agenda && agenda.unscheduled.length > 0 ? (
        <ul>
          {agenda.unscheduled.map((item) => (
            <li key={item.id}>
              <strong>{item.counterpart.name}</strong> — {item.reason}
            </li>
          ))}
        </ul>
      ) : (
        <p>{agenda ? t("agenda.nothingLeftOut") : t("agenda.leftOutPending")}</p>
      )}
      <h3>{t("agenda.calendarTitle")}</h3>
      <p>
        <a href={`/api/trips/${tripId}/agenda.ics`} download>
          {t("agenda.downloadIcs")}
        </a>
      </p>
      {feed.data ? (
        <p>
          {t("agenda.feedReady")} <code className="email-body">{feed.data.url}</code>
        </p>
      ) : (
        <button type="button" className="secondary" onClick={() => feed.mutate()} disabled={feed.isPending}>
          {t("agenda.subscribe")}
        </button>
      )}
      {feed.isError ? <ErrorMessage error={feed.error} /> : null}
    </div>
  );
}
