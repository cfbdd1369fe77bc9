/** Loads a trip for a viewer who means to see or answer it; a trip outside the viewer's audience is not found. */
import type { Database } from "../../db/create-db";
import { findTripWithCityFor, type TripWithCity } from "../../db/repositories/offers.repository";
import { notFound } from "../../domain/errors";
import { canSeeTrip, type TripAudience, type TripStatus } from "../../domain/trips/can-see-trip";
import type { TripAvailability, TripStay } from "../../domain/offers/stay";

/** The trip if the viewer may see it; otherwise a 404 that does not tell a hidden trip from a missing one. */
export async function loadVisibleTrip(
  context: { db: Database; now: () => Date },
  tripId: number,
  viewerId: number,
): Promise<TripWithCity> {
  const loaded = await findTripWithCityFor(context.db, tripId, viewerId);
  if (!loaded) throw notFound("Trip");
  const { found, relation } = loaded;
  const visible = canSeeTrip(
    {
      travellerId: found.trip.memberId,
      audience: found.trip.audience as TripAudience,
      status: found.trip.status as TripStatus,
      visibleUntil: found.trip.visibleUntil,
    },
    relation,
    context.now(),
  );
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
