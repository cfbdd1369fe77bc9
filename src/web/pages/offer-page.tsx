/**
 * One offer and its thread: the traveller and the local exchange messages on it. The traveller can ask for another
 * time with a word on which times suit; the sender sees the request in the thread. Both reach it from the trip page
 * (traveller) or from "Offers I made" (local).
 */
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { api } from "../api-client";
import type { Offer, Trip } from "../api-types";
import { MessageThread } from "../components/message-thread";
import { AnotherTimeForm } from "../components/offer-card";
import { QueryView } from "../components/query-state";
import { RequireViewer } from "../components/require-viewer";
import { formatDateTime } from "../lib/time";

export function OfferPage() {
  const { id } = useParams();
  const offer = useQuery({ queryKey: ["offer", id], queryFn: () => api<Offer>(`/api/offers/${id}`) });
  return (
    <RequireViewer>
      {(viewer) => (
        <QueryView query={offer}>{(data) => <OfferDetails offer={data} viewerId={viewer.memberId} />}</QueryView>
      )}
    </RequireViewer>
  );
}

function OfferDetails({ offer, viewerId }: { offer: Offer; viewerId: number }) {
  const { t, i18n } = useTranslation();
  // The trip gives the city's time zone; a sender may no longer see the trip (e.g. it was cancelled).
  const trip = useQuery({
    queryKey: ["trip", String(offer.tripId)],
    queryFn: () => api<Trip>(`/api/trips/${offer.tripId}`),
    retry: false,
  });
  const zone = trip.data?.city.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const isSender = offer.sender.memberId === viewerId;
  const other = isSender ? (trip.data?.traveller.name ?? t("offerPage.traveller")) : offer.sender.name;
  return (
    <article>
      <h1>
        {t("offerPage.title", { kind: t(`offerKinds.${offer.kind}`), name: offer.sender.name })}
        {offer.sender.isDemo ? <span className="badge">{t("common.demo")}</span> : null}
      </h1>
      <p className="lead">
        {trip.data ? (
          <Link to={`/trips/${offer.tripId}`}>
            {t(trip.data.kind === "move" ? "trips.moveTo" : "trips.tripTo", { city: trip.data.city.name })}
          </Link>
        ) : null}{" "}
        · {t(`offers.status.${offer.status}`)}
        {offer.anotherTimeRequested ? ` · ${t("offers.anotherTimeAsked")}` : ""}
      </p>
      {offer.message ? <p className="message">{offer.message}</p> : null}
      {offer.venue ? (
        <p>
          <span className="label">{t("offers.venue")}</span> {offer.venue.name}
          {offer.venue.address ? `, ${offer.venue.address}` : ""}
        </p>
      ) : null}
      {offer.slots.length > 0 ? (
        <section aria-labelledby="times-title">
          <h2 id="times-title">{t("offerPage.times", { zone })}</h2>
          <ul>
            {offer.slots.map((slot) => (
              <li key={slot.id}>
                {formatDateTime(slot.startsAt, i18n.language, zone)}
                {slot.id === offer.acceptedSlotId ? ` · ${t("offers.status.accepted")}` : ""}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {!isSender && offer.status === "open" && !offer.anotherTimeRequested ? <AnotherTimeForm offer={offer} /> : null}
      <section aria-labelledby="thread-title">
        <h2 id="thread-title">{t("offerPage.threadTitle")}</h2>
        <MessageThread
          path={`/api/offers/${offer.id}/messages`}
          label={t("offerPage.threadWith", { name: other })}
          empty={t("offerPage.noMessages", { name: other })}
          timeZone={zone}
        />
      </section>
    </article>
  );
}
