/**
 * The offers of a trip: all of them for the traveller; for anyone else who may see the trip, only their own. The page
 * polls them every few seconds: the answer is keyed by the trip's revision (see `ViewCache`), so an unchanged list
 * costs one short query (the trip, its visibility and revision) and no offer is read again.
 */
import type { AppContext } from "../context";
import type { ViewerInfo } from "../get-viewer";
import { polledView, viewEtag, type PolledView } from "../view-cache";
import { loadVisibleTrip } from "./load-visible-trip";
import { loadOfferViews } from "./offer-view";

/** The trip's offers as `{ offers }` JSON, with slots, venue, sender and status; starred first for the traveller. */
export async function listTripOffers(
  context: AppContext,
  options: { viewer: ViewerInfo; tripId: number; ifNoneMatch?: string | undefined },
): Promise<PolledView> {
  const { viewer, tripId } = options;
  // Visibility first, on every request: a cached list is never an answer to someone who may no longer see the trip.
  const trip = await loadVisibleTrip(context, tripId, viewer.memberId);
  const travellerId = trip.trip.memberId;
  const etag = viewEtag("offers", tripId, viewer.memberId, trip.revision, context.settings.release);
  return polledView(context.viewCache, etag, options.ifNoneMatch, async () => {
    const ofTrip = { tripId, travellerId };
    if (travellerId !== viewer.memberId)
      return JSON.stringify({ offers: await loadOfferViews(context.db, { ...ofTrip, senderId: viewer.memberId }) });
    const views = await loadOfferViews(context.db, ofTrip);
    return JSON.stringify({ offers: [...views].sort((a, b) => Number(b.starred) - Number(a.starred)) });
  });
}
