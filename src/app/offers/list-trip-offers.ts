/** The offers of a trip: all of them for the traveller; for anyone else who may see the trip, only their own. */
import type { AppContext } from "../context";
import type { ViewerInfo } from "../get-viewer";
import { loadVisibleTrip } from "./load-visible-trip";
import { loadOfferViews, type OfferView } from "./offer-view";

/** Lists a trip's offers with slots, venue, sender and status; starred offers first for the traveller. */
export async function listTripOffers(
  context: AppContext,
  options: { viewer: ViewerInfo; tripId: number },
): Promise<OfferView[]> {
  const trip = await loadVisibleTrip(context, options.tripId, options.viewer.memberId);
  const travellerId = trip.trip.memberId;
  const ofTrip = { tripId: options.tripId, travellerId };
  if (travellerId !== options.viewer.memberId)
    return loadOfferViews(context.db, { ...ofTrip, senderId: options.viewer.memberId });
  const views = await loadOfferViews(context.db, ofTrip);
  return [...views].sort((a, b) => Number(b.starred) - Number(a.starred));
}
