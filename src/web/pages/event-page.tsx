/** An event: details, RSVP (with the waitlist), and for its host the newcomers in town to invite. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { api } from "../api-client";
import type { EventView, RsvpResult, Traveller } from "../api-types";
import { Empty, ErrorMessage, QueryView } from "../components/query-state";
import { useViewer } from "../lib/session";
import { formatDateRange, formatDateTime, formatTime } from "../lib/time";
import { eventTitle } from "./events-page";
import { ReportToggle } from "../components/member-safety-actions";

export function EventPage() {
  const { id } = useParams();
  const event = useQuery({ queryKey: ["event", id], queryFn: () => api<EventView>(`/api/events/${id}`) });
  return <QueryView query={event}>{(data) => <EventDetails event={data} />}</QueryView>;
}

function EventDetails({ event }: { event: EventView }) {
  const { t, i18n } = useTranslation();
  const viewer = useViewer();
  const client = useQueryClient();
  const rsvp = useMutation({
    mutationFn: (status: "going" | "maybe" | "not_going") =>
      api<RsvpResult>(`/api/events/${event.id}/rsvp`, { method: "POST", body: { status } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["event", String(event.id)] }),
  });
  const description = i18n.language === "fr" && event.descriptionFr ? event.descriptionFr : event.description;
  const isHost = viewer.data?.memberId === event.host.memberId;
  return (
    <article>
      <h1>{eventTitle(event, i18n.language)}</h1>
      <p className="lead">
        {formatDateTime(event.startsAt, i18n.language, event.timeZone)}–
        {formatTime(event.endsAt, i18n.language, event.timeZone)} <span className="muted">({event.timeZone})</span>
      </p>
      {event.status === "cancelled" ? <p className="notice">{t("events.cancelled")}</p> : null}
      <p className="muted">
        {t("events.hostedBy", { name: event.host.name })} ·{" "}
        {t("events.seats", { taken: event.seatsTaken, capacity: event.capacity })} ·{" "}
        {t(`eventAudiences.${event.audience}`)}
      </p>
      {description ? <p className="description">{description}</p> : null}
      {viewer.data && event.status === "scheduled" ? (
        <section aria-labelledby="rsvp-title">
          <h2 id="rsvp-title">{t("rsvp.title")}</h2>
          {event.myRsvp ? (
            <p role="status">
              {t(`rsvp.${event.myRsvp}`)}
              {event.waitlistPosition ? ` · ${t("rsvp.position", { position: event.waitlistPosition })}` : ""}
            </p>
          ) : null}
          <div className="actions">
            {(["going", "maybe", "not_going"] as const).map((status) => (
              <button
                key={status}
                type="button"
                className={event.myRsvp === status ? "" : "secondary"}
                aria-pressed={event.myRsvp === status}
                onClick={() => rsvp.mutate(status)}
                disabled={rsvp.isPending}
              >
                {t(`rsvp.answer.${status}`)}
              </button>
            ))}
          </div>
          {rsvp.isError ? <ErrorMessage error={rsvp.error} /> : null}
        </section>
      ) : null}
      {!viewer.data ? (
        <p>
          <Link to={`/sign-in?next=/events/${event.id}`}>{t("events.signInToRsvp")}</Link>
        </p>
      ) : null}
      <p>
        <a href={`/api/events/${event.id}/calendar.ics`}>{t("events.downloadIcs")}</a>
      </p>
      {isHost && event.status === "scheduled" ? (
        <p>
          <Link className="button secondary" to={`/events/${event.id}/edit`}>
            {t("events.edit")}
          </Link>
        </p>
      ) : null}
      {isHost ? <Newcomers eventId={event.id} /> : null}
      {viewer.data && !isHost ? (
        <p>
          <ReportToggle targetKind="event" targetId={event.id} label={t("safety.reportEvent")} />
        </p>
      ) : null}
    </article>
  );
}

function Newcomers({ eventId }: { eventId: number }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const newcomers = useQuery({
    queryKey: ["newcomers", eventId],
    queryFn: async () => (await api<{ travellers: Traveller[] }>(`/api/events/${eventId}/newcomers`)).travellers,
  });
  const invite = useMutation({
    mutationFn: (tripId: number) =>
      api(`/api/events/${eventId}/newcomers/${tripId}/invite`, { method: "POST", body: {} }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["newcomers", eventId] }),
  });
  return (
    <section aria-labelledby="newcomers-title">
      <h2 id="newcomers-title">{t("events.newcomersTitle")}</h2>
      <QueryView query={newcomers}>
        {(list) =>
          list.length === 0 ? (
            <Empty>{t("events.noNewcomers")}</Empty>
          ) : (
            <ul className="cards">
              {list.map((traveller) => (
                <li key={traveller.tripId} className="card">
                  <h3>
                    <Link to={`/members/${traveller.memberId}`}>{traveller.name}</Link>
                  </h3>
                  <p className="muted">{traveller.headline}</p>
                  <p>{formatDateRange(traveller.arrivalDate, traveller.departureDate, i18n.language)}</p>
                  {traveller.shared.length > 0 ? <p className="tags">{traveller.shared.join(" · ")}</p> : null}
                  {traveller.invited ? (
                    <p role="status">{t("events.invited")}</p>
                  ) : (
                    <button type="button" onClick={() => invite.mutate(traveller.tripId)} disabled={invite.isPending}>
                      {t("events.invite", { name: traveller.name })}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )
        }
      </QueryView>
      {invite.isError ? <ErrorMessage error={invite.error} /> : null}
    </section>
  );
}
