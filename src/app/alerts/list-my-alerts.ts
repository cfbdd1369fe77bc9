/** My alerts on trips I may still see, newest first, each with its trip and why I was picked, in my language. */
import { listAlertsOfMember, type AlertRow } from "../../db/repositories/alerts.repository";
import { findTripWithContext } from "../../db/repositories/trips.repository";
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
  const result: AlertDetails[] = [];
  for (const alert of rows) {
    const found = await findTripWithContext(context.db, alert.tripId);
    if (!found) continue;
    const [trip] = await describeTrips(context.db, [found], viewer);
    if (trip?.alert) result.push({ alert, text: trip.alert.text, trip });
  }
  return result;
}
