/**
 * My alerts on trips I may still see, newest first, each with its trip and why I was picked, in my language. A
 * fixed number of queries whatever the number of alerts: the alerts, their trips, then the viewer's parts.
 */
import { listAlertsOfMember, type AlertRow } from "../../db/repositories/alerts.repository";
import { listTripsWithContext } from "../../db/repositories/trips.repository";
import type { AppContext } from "../context";
import { describeTrips, type TripDetails } from "../trips/trip-details";

export interface AlertDetails {
  alert: AlertRow;
  text: string;
  trip: TripDetails;
}

export async function listMyAlerts(
  context: AppContext,
  viewer: { memberId: number; locale: string },
): Promise<AlertDetails[]> {
  const rows = await listAlertsOfMember(context.db, viewer.memberId, context.now());
  const found = await listTripsWithContext(
    context.db,
    rows.map((alert) => alert.tripId),
  );
  const described = new Map(
    (await describeTrips(context.db, found, viewer)).map((details) => [details.trip.id, details]),
  );
  return rows.flatMap((alert) => {
    const trip = described.get(alert.tripId);
    return trip?.alert ? [{ alert, text: trip.alert.text, trip }] : [];
  });
}
