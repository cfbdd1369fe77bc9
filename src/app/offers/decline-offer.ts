/** The traveller declines an offer, optionally with a kind word for the sender; a scheduled meeting is cancelled. */
import type { AppContext } from "../context";
import type { ViewerInfo } from "../get-viewer";
import { changeOffer } from "./change-offer";
import type { OfferView } from "./offer-view";

/** Declines an open or accepted offer. */
export async function declineOffer(
  context: AppContext,
  options: { viewer: ViewerInfo; offerId: number; note?: string },
): Promise<OfferView> {
  return changeOffer(context, {
    viewer: options.viewer,
    offerId: options.offerId,
    by: "traveller",
    fromStatuses: ["open", "accepted"],
    changes: { status: "declined", declineNote: options.note?.trim() || null },
    notify: "offer_declined",
    cancelMeeting: true,
  });
}
