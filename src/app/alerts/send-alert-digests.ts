/**
 * The `alerts.digest` job: one email per member on the daily digest, with the alerts of one UTC day. Its Message-ID
 * names the member and the day, so a re-run queues nothing twice. Alerts of trips no longer shown are left out.
 */
import { listAlertRecipients, listDigestAlerts } from "../../db/repositories/alerts.repository";
import { insertEmail } from "../../db/repositories/outbox.repository";
import { findTripWithContext, loadViewerRelation } from "../../db/repositories/trips.repository";
import type { MatchReason } from "../../domain/matching/types";
import { canSeeTrip, type TripAudience, type TripStatus } from "../../domain/trips/can-see-trip";
import type { AppContext } from "../context";
import { alertEmail, alertText, asLocale } from "./alert-email";
import { alertLinks } from "./fan-out-alerts";

/** Queues the digests of the UTC day `day` ("YYYY-MM-DD", default: yesterday); returns how many emails. */
export async function sendAlertDigests(
  context: AppContext,
  options: { secret: string; day?: string },
): Promise<number> {
  const now = context.now();
  const day = options.day ?? new Date(now.getTime() - 86_400_000).toISOString().slice(0, 10);
  const from = new Date(`${day}T00:00:00Z`);
  const alerts = await listDigestAlerts(context.db, from, new Date(from.getTime() + 86_400_000));
  const byMember = new Map<number, typeof alerts>();
  for (const alert of alerts) byMember.set(alert.memberId, [...(byMember.get(alert.memberId) ?? []), alert]);
  const recipients = await listAlertRecipients(context.db, [...byMember.keys()]);
  const host = new URL(context.settings.baseUrl).hostname;
  let queued = 0;
  for (const recipient of recipients) {
    if (!recipient.email) continue;
    const locale = asLocale(recipient.locale);
    const items: { text: string; tripUrl: string }[] = [];
    for (const alert of byMember.get(recipient.memberId) ?? []) {
      const found = await findTripWithContext(context.db, alert.tripId);
      if (!found) continue;
      const relation = await loadViewerRelation(context.db, found.trip, recipient.memberId);
      const trip = {
        travellerId: found.trip.memberId,
        audience: found.trip.audience as TripAudience,
        status: found.trip.status as TripStatus,
        visibleUntil: found.trip.visibleUntil,
      };
      if (!canSeeTrip(trip, relation, now)) continue;
      const text = alertText(
        {
          tripId: found.trip.id,
          kind: found.trip.kind === "move" ? "move" : "visit",
          arrivalDate: found.trip.arrivalDate,
          departureDate: found.trip.departureDate,
          travellerName: found.traveller.name,
          cityName: found.city.name,
          cityNameFr: found.city.nameFr,
        },
        alert.reasons as MatchReason[],
        locale,
      );
      items.push({
        text,
        tripUrl: alertLinks(context.settings.baseUrl, found.trip.id, recipient.memberId, options.secret).tripUrl,
      });
    }
    if (items.length === 0) continue;
    const { unsubscribeUrl } = alertLinks(context.settings.baseUrl, 0, recipient.memberId, options.secret);
    await insertEmail(context.db, {
      memberId: recipient.memberId,
      toAddress: recipient.email,
      kind: "alert_digest",
      messageId: `<digest-${recipient.memberId}-${day}@${host}>`,
      ...alertEmail(items, { locale, unsubscribeUrl }),
    });
    queued += 1;
  }
  if (queued > 0) await context.jobs.send("outbox.deliver", {}, { singletonKey: "outbox" });
  return queued;
}
