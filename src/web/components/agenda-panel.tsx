/**
 * The solved plan of a trip: what changed since the last plan, what was left out and why (with a one-click proposal
 * of the planner's alternative time to the local), the .ics download and a calendar subscription link.
 */
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Agenda, CalendarFeed } from "../api-types";
import { api } from "../api-client";
import { formatDateTime } from "../lib/time";
import { ErrorMessage } from "./query-state";

type LeftOut = Agenda["unscheduled"][number];

export function AgendaPanel({ tripId, agenda }: { tripId: number; agenda: Agenda | undefined }) {
  const { t } = useTranslation();
  const feed = useMutation({
    mutationFn: () => api<CalendarFeed>(`/api/trips/${tripId}/calendar-feeds`, { method: "POST", body: {} }),
  });
  const changed = agenda
    ? agenda.changes.added.length + agenda.changes.removed.length + agenda.changes.moved.length
    : 0;
  return (
    <div className="plan-placeholder">
      <h3>{t("agenda.planTitle")}</h3>
      {agenda ? <p>{t("agenda.planCount", { count: agenda.chosen.length })}</p> : <p>{t("agenda.planPending")}</p>}
      {agenda?.updating ? (
        <p className="hint" role="status">
          {t("agenda.updating")}
        </p>
      ) : null}
      {agenda && agenda.version > 1 && changed > 0 ? (
        <p className="hint">
          {t("agenda.changedSince", {
            added: agenda.changes.added.length,
            removed: agenda.changes.removed.length,
            moved: agenda.changes.moved.length,
          })}
        </p>
      ) : null}
      <h3>{t("agenda.leftOutTitle")}</h3>
      {agenda && agenda.unscheduled.length > 0 ? (
        <ul>
          {agenda.unscheduled.map((item) => (
            <li key={item.id}>
              <strong>{item.counterpart.name}</strong> — {item.reason}
              {item.alternative ? <ProposeAlternative item={item} timeZone={agenda.timeZone} /> : null}
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

/** One click proposes the planner's alternative start to the local; the local accepts it from the offer's thread. */
function ProposeAlternative({ item, timeZone }: { item: LeftOut; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const [sent, setSent] = useState(false);
  const propose = useMutation({
    mutationFn: (startsAt: string) =>
      api<unknown>(`/api/offers/${item.offerId}/propose-time`, { method: "POST", body: { startsAt } }),
    onSuccess: () => setSent(true),
  });
  const alternative = item.alternative;
  if (!alternative) return null;
  const when = formatDateTime(alternative.start, i18n.language, timeZone);
  return (
    <>
      {" "}
      {sent ? (
        <span role="status">{t("agenda.alternativeProposed", { name: item.counterpart.name, when })}</span>
      ) : (
        <button
          type="button"
          className="secondary"
          onClick={() => propose.mutate(alternative.start)}
          disabled={propose.isPending}
        >
          {t("agenda.proposeAlternative", { when })}
        </button>
      )}
      {propose.isError ? <ErrorMessage error={propose.error} /> : null}
    </>
  );
}
