/** Loads a trip for a viewer, or answers "not found" when it is missing or outside the viewer's audience alike. */
import {
  findTripWithContext,
  findTripWithContextFor,
  type TripWithContext,
} from "../../db/repositories/trips.repository";
import type { Database } from "../../db/create-db";
import { canSeeTrip, type TripAudience, type TripStatus } from "../../domain/trips/can-see-trip";
import { notFound } from "../../domain/errors";

/** The trip when `canSeeTrip` allows it; a 404-coded error otherwise, so that existence never leaks. */
export async function findVisibleTrip(
  db: Database,
  tripId: number,
  viewerId: number,
  now: Date,
): Promise<TripWithContext> {
  const loaded = await findTripWithContextFor(db, tripId, viewerId);
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
    now,
  );
  if (!visible) throw notFound("Trip");
  return found;
}

/** The viewer's own trip, or "not found" for anyone else's (even one they may see). */
export async function findOwnTrip(db: Database, tripId: number, viewerId: number): Promise<TripWithContext> {
  const found = await findTripWithContext(db, tripId);
  if (!found || found.trip.memberId !== viewerId) throw notFound("Trip");
  return found;
}
