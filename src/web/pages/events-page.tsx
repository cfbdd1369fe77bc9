/** A city's upcoming events. */
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { api } from "../api-client";
import type { EventView } from "../api-types";
import { SelectField } from "../components/form-field";
import { Empty, QueryView } from "../components/query-state";
import { cityName, useCities } from "../lib/session";
import { formatDateTime } from "../lib/time";

export function eventTitle(event: Pick<EventView, "title" | "titleFr">, language: string): string {
  return language === "fr" && event.titleFr ? event.titleFr : event.title;
}

export function EventsPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const city = params.get("city") ?? "miami";
  const cities = useCities();
  const events = useQuery({
    queryKey: ["events", city],
    queryFn: async () => (await api<{ events: EventView[] }>(`/api/cities/${encodeURIComponent(city)}/events`)).events,
  });
  return (
    <section>
      <h1>{t("events.title")}</h1>
      <div className="toolbar">
        <SelectField
          label={t("events.city")}
          value={city}
          onChange={(event) => setParams({ city: event.target.value })}
          options={(cities.data ?? []).map((item) => ({ value: item.slug, label: cityName(item, i18n.language) }))}
        />
        <Link className="button" to={`/events/new?city=${city}`}>
          {t("events.create")}
        </Link>
        <a className="button secondary" href={`/api/cities/${encodeURIComponent(city)}/events.ics`}>
          {t("events.subscribe")}
        </a>
        <a className="button secondary" href={`/api/cities/${encodeURIComponent(city)}/events.rss`}>
          {t("events.rss")}
        </a>
      </div>
      <QueryView query={events}>
        {(list) =>
          list.length === 0 ? (
            <Empty>{t("events.none")}</Empty>
          ) : (
            <ul className="cards">
              {list.map((event) => (
                <li key={event.id} className="card">
                  <h2 className="card-title">
                    <Link to={`/events/${event.id}`}>{eventTitle(event, i18n.language)}</Link>
                  </h2>
                  <p>{formatDateTime(event.startsAt, i18n.language, event.timeZone)}</p>
                  <p className="muted">
                    {t("events.hostedBy", { name: event.host.name })} ·{" "}
                    {t("events.seats", { taken: event.seatsTaken, capacity: event.capacity })}
                    {event.myRsvp ? ` · ${t(`rsvp.${event.myRsvp}`)}` : ""}
                  </p>
                </li>
              ))}
            </ul>
          )
        }
      </QueryView>
    </section>
  );
}
