/** Only the traveller sees a trip's agenda and calendars; anyone else gets the same 404 as for a missing trip. */
import { findTripWithCity, type TripWithCity } from "../../db/repositories/offers.repository";
import { notFound } from "../../domain/errors";
import type { AppContext } from "../context";

export async function requireTraveller(
  context: Pick<AppContext, "db">,
  tripId: number,
  memberId: number,
): Promise<TripWithCity> {
  const found = await findTripWithCity(context.db, tripId);
  if (!found || found.trip.memberId !== memberId) throw notFound("Trip");
  return found;
}
