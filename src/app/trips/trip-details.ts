/**
 * A trip as one viewer may see it: the trip with its city and traveller, plus what depends on the viewer (the alert
 * and its reasons in their language when they were picked; the audience and alert count for the traveller).
 */
import { listAlertsOfMemberOnTrips, type AlertRow } from "../../db/repositories/alerts.repository";
import { countAlertsByTrip, type TripWithContext } from "../../db/repositories/trips.repository";
import type { MatchReason } from "../../domain/matching/types";
import type { Database } from "../../db/create-db";
import { alertText, asLocale } from "../alerts/alert-email";

export interface TripDetails extends TripWithContext {
  isMine: boolean;
  alertedCount?: number;
  alert?: { row: AlertRow; text: string };
}

/** Words of an alert for its reader. */
export function renderAlert(found: TripWithContext, alert: Pick<AlertRow, "reasons">, locale: string): string {
  return alertText(
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
    asLocale(locale),
  );
}

/** Adds the viewer-dependent parts to trips the viewer may already see, in two queries whatever their number. */
export async function describeTrips(
  db: Database,
  found: readonly TripWithContext[],
  viewer: { memberId: number; locale: string },
): Promise<TripDetails[]> {
  const mine = found.filter((entry) => entry.trip.memberId === viewer.memberId).map((entry) => entry.trip.id);
  const counts = await countAlertsByTrip(db, mine);
  const others = found.filter((entry) => entry.trip.memberId !== viewer.memberId).map((entry) => entry.trip.id);
  const alertsByTrip = await listAlertsOfMemberOnTrips(db, viewer.memberId, others);
  const details: TripDetails[] = [];
  for (const entry of found) {
    if (entry.trip.memberId === viewer.memberId) {
      details.push({ ...entry, isMine: true, alertedCount: counts.get(entry.trip.id) ?? 0 });
      continue;
    }
    const alert = alertsByTrip.get(entry.trip.id);
    details.push({
      ...entry,
      isMine: false,
      ...(alert ? { alert: { row: alert, text: renderAlert(entry, alert, viewer.locale) } } : {}),
    });
  }
  return details;
}
