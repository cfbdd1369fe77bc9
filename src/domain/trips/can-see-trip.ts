/**
 * Who may see a trip. A trip reveals when someone is away or arriving, so only its audience sees it, and everyone
 * else must not be able to tell it exists (callers answer 404, never 403). Reused by offers, directory and events.
 */

export type TripAudience = "connections" | "connections_and_picked" | "members";
export type TripStatus = "active" | "cancelled" | "expired";

export const tripAudiences: readonly TripAudience[] = ["connections", "connections_and_picked", "members"];

/** The trip facts the rule reads. */
export interface TripForVisibility {
  readonly travellerId: number;
  readonly audience: TripAudience;
  readonly status: TripStatus;
  readonly visibleUntil: Date;
}

/** How the viewer stands towards the traveller and the trip; load all of it in one batch. */
export interface ViewerRelation {
  readonly viewerId: number;
  /** A block between the two, whoever blocked whom. */
  readonly isBlocked: boolean;
  /** The traveller follows the viewer's work. */
  readonly travellerFollowsViewer: boolean;
  /** The two have met (a tie). */
  readonly hasTie: boolean;
  /** The viewer was picked for this trip (has an alert). */
  readonly wasPicked: boolean;
}

/** Whether the trip is still shown to others: active and not past its `visibleUntil`. */
export function isTripCurrent(trip: Pick<TripForVisibility, "status" | "visibleUntil">, now: Date): boolean {
  return trip.status === "active" && trip.visibleUntil.getTime() > now.getTime();
}

/**
 * The one visibility rule: the traveller always sees their trip; anyone else only while it is current, never across
 * a block, and only within the audience: people the traveller follows or has met (`connections`), those plus the
 * picked locals (`connections_and_picked`), or every member (`members`).
 */
export function canSeeTrip(trip: TripForVisibility, viewer: ViewerRelation, now: Date): boolean {
  if (viewer.viewerId === trip.travellerId) return true;
  if (!isTripCurrent(trip, now) || viewer.isBlocked) return false;
  const isConnection = viewer.travellerFollowsViewer || viewer.hasTie;
  switch (trip.audience) {
    case "members":
      return true;
    case "connections_and_picked":
      return isConnection || viewer.wasPicked;
    case "connections":
      return isConnection;
  }
}
