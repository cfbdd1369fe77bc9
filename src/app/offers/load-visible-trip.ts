/** Loads a trip for a viewer who means to see or answer it; a trip outside the viewer's audience is not found. */
import type { Database } from "../../db/create-db";
import { findTripWithCity, loadAudienceFacts, type TripWithCity } from "../../db/repositories/offers.repository";
import { notFound } from "../../domain/errors";
import { canSeeTripForOffers } from "../../domain/offers/can-offer-on-trip";
import type { TripAvailability, TripStay } from "../../domain/offers/stay";

/** The trip if the viewer may see it; otherwise a 404 that does not tell a hidden trip from a missing one. */
export async function loadVisibleTrip(
  context: { db: Database; now: () => Date },
  tripId: number,
  viewerId: number,
): Promise<TripWithCity> {
  const found = await findTripWithCity(context.db, tripId);
  if (!found) throw notFound("Trip");
  const facts = await loadAudienceFacts(context.db, tripId, found.trip.memberId, viewerId);
  const visible = canSeeTripForOffers({
    ...facts,
    viewerId,
    travellerId: found.trip.memberId,
    audience: found.trip.audience,
    status: found.trip.status,
    visibleUntil: found.trip.visibleUntil,
    now: context.now(),
  });
  if (!visible) throw notFound("Trip");
  return found;
}

/** The trip's stay as the offer rules see it. */
export function toTripStay(found: TripWithCity): TripStay {
  const { trip, city } = found;
  return {
    kind: trip.kind === "move" ? "move" : "visit",
    timeZone: city.timeZone,
    arrivalDate: trip.arrivalDate,
    arrivalTime: trip.arrivalTime,
    departureDate: trip.departureDate,
    departureTime: trip.departureTime,
    visibleUntil: trip.visibleUntil,
    availability: trip.availability as TripAvailability,
  };
}
