/**
 * Cancelling a stay: it disappears for everyone but the traveller, and the alerted locals get an in-app notice in
 * the same transaction. Cancelling twice is harmless.
 */
import { listAlertedMemberIds } from "../../db/repositories/alerts.repository";
import { addNotifications } from "../notifications/notify-member";
import { updateTrip } from "../../db/repositories/trips.repository";
import type { AppContext } from "../context";
import { findOwnTrip } from "./find-visible-trip";
import { getTrip } from "./get-trip";
import type { TripDetails } from "./trip-details";

export async function cancelTrip(
  context: AppContext,
  viewer: { memberId: number; locale: string },
  tripId: number,
): Promise<TripDetails> {
  const { trip } = await findOwnTrip(context.db, tripId, viewer.memberId);
  if (trip.status === "active") {
    const now = context.now();
    await context.db.transaction(async (tx) => {
      await updateTrip(tx, trip.id, { status: "cancelled" }, now);
      const alerted = await listAlertedMemberIds(tx, trip.id);
      await addNotifications(
        tx,
        alerted.map((memberId) => ({ memberId, kind: "trip_cancelled", payload: { tripId: trip.id } })),
        now,
      );
    });
  }
  return getTrip(context, viewer, trip.id);
}
