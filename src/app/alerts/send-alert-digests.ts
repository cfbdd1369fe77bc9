/**
 * The `alerts.digest` job: one email per member on the daily digest, listing what accumulated during one UTC day —
 * alerts on trips (those no longer shown to them are left out), offers on their own trips, and changes to their
 * agendas. Its Message-ID names the member and the day, so a re-run queues nothing twice.
 */
import { listDigestAgendaChanges } from "../../db/repositories/agenda.repository";
import { listAlertRecipients, listDigestAlerts } from "../../db/repositories/alerts.repository";
import { listDigestOffers } from "../../db/repositories/offers.repository";
import { insertEmail } from "../../db/repositories/outbox.repository";
import { listTripsWithContext, loadViewerRelation } from "../../db/repositories/trips.repository";
import type { OfferKind } from "../../domain/offers/offer-kinds";
import { canSeeTrip, type TripAudience, type TripStatus } from "../../domain/trips/can-see-trip";
import { agendaChangedSubject, agendaChangeLines, type DescribedChanges } from "../agenda/agenda-emails";
import type { AppContext } from "../context";
import { newOfferLine } from "../offers/offer-emails";
import { renderAlert } from "../trips/trip-details";
import { asLocale } from "./alert-email";
import { digestEmail, type DigestSections } from "./digest-email";
import { alertLinks } from "./fan-out-alerts";

const dayMs = 86_400_000;

/** Queues the digests of the UTC day `day` ("YYYY-MM-DD", default: yesterday); returns how many emails. */
export async function sendAlertDigests(
  context: AppContext,
  options: { secret: string; day?: string },
): Promise<number> {
  const now = context.now();
  const day = options.day ?? new Date(now.getTime() - dayMs).toISOString().slice(0, 10);
  const from = new Date(`${day}T00:00:00Z`);
  const to = new Date(from.getTime() + dayMs);
  const [alerts, offers, agendaChanges] = [
    await listDigestAlerts(context.db, from, to),
    await listDigestOffers(context.db, from, to),
    await listDigestAgendaChanges(context.db, from, to),
  ];
  const memberIds = new Set([
    ...alerts.map((alert) => alert.memberId),
    ...offers.map((offer) => offer.travellerId),
    ...agendaChanges.map((change) => change.memberId),
  ]);
  const recipients = await listAlertRecipients(context.db, [...memberIds]);
  const trips = new Map(
    (
      await listTripsWithContext(
        context.db,
        alerts.map((alert) => alert.tripId),
      )
    ).map((found) => [found.trip.id, found]),
  );
  const baseUrl = context.settings.baseUrl;
  const host = new URL(baseUrl).hostname;
  let queued = 0;
  for (const recipient of recipients) {
    if (!recipient.email || recipient.emailPreference !== "digest") continue;
    const locale = asLocale(recipient.locale);
    const sections: DigestSections = { alerts: [], offers: [], agenda: [] };
    for (const alert of alerts) {
      if (alert.memberId !== recipient.memberId) continue;
      const found = trips.get(alert.tripId);
      if (!found) continue;
      // Visibility is read now, not when the alert was made: a trip since hidden from them stays out.
      const relation = await loadViewerRelation(context.db, found.trip, recipient.memberId);
      const trip = {
        travellerId: found.trip.memberId,
        audience: found.trip.audience as TripAudience,
        status: found.trip.status as TripStatus,
        visibleUntil: found.trip.visibleUntil,
      };
      if (!canSeeTrip(trip, relation, now)) continue;
      sections.alerts.push({
        text: renderAlert(found, alert, locale),
        url: alertLinks(baseUrl, found.trip.id, recipient.memberId, options.secret).tripUrl,
      });
    }
    for (const offer of offers) {
      if (offer.travellerId !== recipient.memberId) continue;
      sections.offers.push({
        text: newOfferLine({ ...offer, kind: offer.kind as OfferKind, locale }),
        url: `${baseUrl}/trips/${offer.tripId}#offer-${offer.offerId}`,
      });
    }
    for (const change of agendaChanges) {
      if (change.memberId !== recipient.memberId) continue;
      const { tripId, cityName, described } = change.payload as {
        tripId: number;
        cityName?: string;
        described?: DescribedChanges;
      };
      const lines = described ? agendaChangeLines(described, locale) : [];
      sections.agenda.push({
        text: [agendaChangedSubject(cityName ?? "", locale), ...lines].join(" — "),
        url: `${baseUrl}/trips/${tripId}#agenda`,
      });
    }
    if (sections.alerts.length + sections.offers.length + sections.agenda.length === 0) continue;
    const { unsubscribeUrl } = alertLinks(baseUrl, 0, recipient.memberId, options.secret);
    await insertEmail(context.db, {
      memberId: recipient.memberId,
      toAddress: recipient.email,
      kind: "daily_digest",
      messageId: `<digest-${recipient.memberId}-${day}@${host}>`,
      ...digestEmail(sections, { locale, unsubscribeUrl }),
    });
    queued += 1;
  }
  if (queued > 0) await context.jobs.send("outbox.deliver", {}, { singletonKey: "outbox" });
  return queued;
}
