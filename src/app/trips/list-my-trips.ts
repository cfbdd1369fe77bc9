/** The traveller's own trips, soonest first; past and cancelled ones on request. */
import { listTripsOfMember } from "../../db/repositories/trips.repository";
import type { AppContext } from "../context";
import { describeTrips, type TripDetails } from "./trip-details";

export async function listMyTrips(
  context: AppContext,
  viewer: { memberId: number; locale: string },
  options: { includePast: boolean },
): Promise<TripDetails[]> {
  const found = await listTripsOfMember(context.db, viewer.memberId, {
    includePast: options.includePast,
    now: context.now(),
  });
  return describeTrips(context.db, found, viewer);
}
