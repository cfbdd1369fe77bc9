/**
 * Who may see a trip and answer it with an offer (DESIGN.md §6). A stand-in for the trips module's `canSeeTrip` until it
 * lands: same facts, same answer.
 */
export interface TripAudienceFacts {
  viewerId: number;
  travellerId: number;
  audience: string;
  status: string;
  visibleUntil: Date;
  now: Date;
  /** The traveller follows the viewer's work. */
  travellerFollowsViewer: boolean;
  /** The two have met (a tie). */
  haveMet: boolean;
  /** The viewer was picked for an alert on this trip. */
  wasPicked: boolean;
  /** A block between the two, either way. */
  isBlocked: boolean;
}

/** Whether the viewer may see the trip at all; blocks are absolute, and past or cancelled trips are hidden from others. */
export function canSeeTripForOffers(facts: TripAudienceFacts): boolean {
  if (facts.viewerId === facts.travellerId) return true;
  if (facts.isBlocked) return false;
  if (facts.status !== "active" || facts.visibleUntil.getTime() < facts.now.getTime()) return false;
  switch (facts.audience) {
    case "members":
      return true;
    case "connections":
      return facts.travellerFollowsViewer || facts.haveMet;
    case "connections_and_picked":
      return facts.travellerFollowsViewer || facts.haveMet || facts.wasPicked;
    default:
      return false;
  }
}
