/** One trip, for a viewer in its audience. */
import type { AppContext } from "../context";
import { findVisibleTrip } from "./find-visible-trip";
import { describeTrips, type TripDetails } from "./trip-details";

export async function getTrip(
  context: AppContext,
  viewer: { memberId: number; locale: string },
  tripId: number,
): Promise<TripDetails> {
  const found = await findVisibleTrip(context.db, tripId, viewer.memberId, context.now());
  const [details] = await describeTrips(context.db, [found], viewer);
  if (!details) throw new Error("describeTrips lost the trip");
  return details;
}
