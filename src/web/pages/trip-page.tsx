/** A trip: for the traveller, the offers, the week calendar and the plan; for a picked local, why and how to help. */
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { api } from "../api-client";
import type { Agenda, Offer, Trip } from "../api-types";
import { AgendaPanel } from "../components/agenda-panel";
import { OfferCard } from "../components/offer-card";
import { OfferForm } from "../components/offer-form";
import { Empty, ErrorMessage, QueryView } from "../components/query-state";
import { ReasonList } from "../components/reason-list";
import { RequireViewer } from "../components/require-viewer";
import { WeekCalendar, type CalendarItem } from "../components/week-calendar";
import { formatDateRange, localParts } from "../lib/time";

export function TripPage() {
  const { id } = useParams();
  const trip = useQuery({ queryKey: ["trip", id], queryFn: () => api<Trip>(`/api/trips/${id}`) });
  return (
    <RequireViewer>
      {() => (
        <QueryView query={trip}>
          {(data) => (data.isMine ? <TravellerView trip={data} /> : <LocalView trip={data} />)}
        </QueryView>
      )}
    </RequireViewer>
  );
}

function TripHeader({ trip }: { trip: Trip }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <h1>{t(trip.kind === "move" ? "trips.moveTo" : "trips.tripTo", { city: trip.city.name })}</h1>
      <p className="lead">
        {trip.isMine ? null : <>{trip.traveller.name} · </>}
        {formatDateRange(trip.arrivalDate, trip.departureDate, i18n.language)} · {t(`trips.status.${trip.status}`)}
      </p>
      {trip.seeks ? (
        <p>
          <span className="label">{t("arrivals.seeks")}</span> {trip.seeks}
        </p>
      ) : null}
    </>
  );
}

/** Accepted offers placed on the week; the solved agenda will add its planned items here. */
export function calendarItemsOf(offers: Offer[], kindName: (kind: string) => string): CalendarItem[] {
  return offers.flatMap((offer) => {
    const slot = offer.slots.find((candidate) => candidate.id === offer.acceptedSlotId);
    if (offer.status !== "accepted" || !slot) return [];
    return [
      {
        id: `offer-${offer.id}`,
        title: `${kindName(offer.kind)} · ${offer.sender.name}`,
        startsAt: slot.startsAt,
        endsAt: slot.endsAt,
        tone: "accepted" as const,
        kind: offer.kind === "event_invitation" ? "event" : offer.kind,
      },
    ];
  });
}

function TravellerView({ trip }: { trip: Trip }) {
  const { t } = useTranslation();
  const offers = useQuery({
    queryKey: ["offers", trip.id],
    queryFn: async () => (await api<{ offers: Offer[] }>(`/api/trips/${trip.id}/offers`)).offers,
    refetchInterval: 4000,
  });
  const agenda = useQuery({
    queryKey: ["agenda", trip.id],
    queryFn: () => api<Agenda>(`/api/trips/${trip.id}/agenda`),
    retry: false,
    // A plan marked updating is being solved again: ask soon for the new one.
    refetchInterval: (query) => (query.state.data?.updating ? 2_000 : 15_000),
  });
  const planned = (agenda.data?.chosen ?? [])
    .filter((item) => !(offers.data ?? []).some((offer) => offer.id === item.offerId && offer.status === "accepted"))
    .map((item) => ({
      id: item.id,
      title: `${t(`offerKinds.${item.offerKind}`, { defaultValue: item.offerKind })} · ${item.counterpart.name}`,
      startsAt: item.start,
      endsAt: item.end,
      tone: "planned" as const,
      kind: item.kind,
    }));
  const items = [...calendarItemsOf(offers.data ?? [], (kind) => t(`offerKinds.${kind}`)), ...planned];
  // Open on the week of the first accepted meeting, or of the arrival.
  const firstItem = [...items].sort((a, b) => a.startsAt.localeCompare(b.startsAt))[0];
  const startDate = firstItem ? localParts(firstItem.startsAt, trip.city.timeZone).date : trip.arrivalDate;
  return (
    <>
      <TripHeader trip={trip} />
      <p className="muted">
        {t(`audiences.${trip.audience ?? "connections_and_picked"}.title`)}
        {trip.alertedCount !== undefined ? ` · ${t("trips.alerted", { count: trip.alertedCount })}` : ""}
      </p>
      <section aria-labelledby="offers-title">
        <h2 id="offers-title">{t("offers.title")}</h2>
        <QueryView query={offers}>
          {(list) =>
            list.length === 0 ? (
              <Empty>{t("offers.none")}</Empty>
            ) : (
              <ul className="cards offers">
                {list.map((offer) => (
                  <OfferCard key={offer.id} offer={offer} timeZone={trip.city.timeZone} />
                ))}
              </ul>
            )
          }
        </QueryView>
      </section>
      <section aria-labelledby="agenda-title">
        <h2 id="agenda-title">{t("agenda.title")}</h2>
        <p className="hint">{t("agenda.intro", { zone: trip.city.timeZone })}</p>
        <WeekCalendar
          key={startDate}
          items={items}
          timeZone={trip.city.timeZone}
          startDate={startDate}
          highlight={{ from: trip.arrivalDate, to: trip.departureDate }}
        />
        {agenda.isError ? <ErrorMessage error={agenda.error} onRetry={() => void agenda.refetch()} /> : null}
        <AgendaPanel tripId={trip.id} agenda={agenda.data} />
      </section>
    </>
  );
}

function LocalView({ trip }: { trip: Trip }) {
  const { t } = useTranslation();
  return (
    <>
      <TripHeader trip={trip} />
      {trip.alert ? (
        <section aria-labelledby="why-title">
          <h2 id="why-title">{t("arrivals.why")}</h2>
          <ReasonList reasons={trip.alert.reasons} travellerName={trip.traveller.name} />
        </section>
      ) : null}
      <section aria-labelledby="help-title" className="narrow">
        <h2 id="help-title">{t("arrivals.howCanIHelp")}</h2>
        <OfferForm trip={trip} />
      </section>
    </>
  );
}
