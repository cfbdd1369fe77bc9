/**
 * One offer and its thread: the traveller and the local exchange messages on it. The traveller can ask for another
 * time with a word on which times suit; the sender sees the request in the thread. A start the traveller proposed
 * (e.g. the agenda's alternative for an offer left out) shows here in the destination's time zone: the sender accepts
 * it in one click and it becomes one of the offer's times. Both reach it from the trip page (traveller) or from
 * "Offers I made" (local).
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { api } from "../api-client";
import type { Offer, Trip } from "../api-types";
import { MessageThread } from "../components/message-thread";
import { AnotherTimeForm } from "../components/offer-card";
import { ErrorMessage, QueryView } from "../components/query-state";
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
      <ProposedTimes offer={offer} isSender={isSender} zone={zone} travellerName={other} />
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

/** The traveller's pending proposals: the sender accepts one in a click; the traveller sees what waits for an answer. */
function ProposedTimes({
  offer,
  isSender,
  zone,
  travellerName,
}: {
  offer: Offer;
  isSender: boolean;
  zone: string;
  travellerName: string;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const accept = useMutation({
    mutationFn: (proposalId: number) =>
      api<Offer>(`/api/offers/${offer.id}/proposals/${proposalId}/accept`, { method: "POST" }),
    onSuccess: (updated) => {
      queryClient.setQueryData(["offer", String(offer.id)], updated);
      void queryClient.invalidateQueries({ queryKey: ["offer", String(offer.id)] });
    },
  });
  const pending = offer.proposals.filter((proposal) => proposal.status === "pending");
  if (pending.length === 0) return null;
  const canAccept = isSender && offer.status === "open";
  return (
    <section aria-labelledby="proposals-title">
      <h2 id="proposals-title">
        {isSender ? t("offerPage.proposedBy", { name: travellerName, zone }) : t("offerPage.youProposed", { zone })}
      </h2>
      <ul>
        {pending.map((proposal) => {
          const when = formatDateTime(proposal.startsAt, i18n.language, zone);
          return (
            <li key={proposal.id}>
              {when} · {t("offerPage.minutes", { count: proposal.durationMinutes })}{" "}
              {canAccept ? (
                <button
                  type="button"
                  onClick={() => accept.mutate(proposal.id)}
                  disabled={accept.isPending}
                  aria-label={t("offerPage.acceptTimeAt", { when })}
                >
                  {t("offerPage.acceptTime")}
                </button>
              ) : isSender ? null : (
                <span>{t("offerPage.waitingFor", { name: offer.sender.name })}</span>
              )}
            </li>
          );
        })}
      </ul>
      {accept.isError ? <ErrorMessage error={accept.error} /> : null}
    </section>
  );
}
