/** The sender withdraws an offer; a meeting it became is cancelled and the traveller is told. */
import type { AppContext } from "../context";
import type { ViewerInfo } from "../get-viewer";
import { changeOffer } from "./change-offer";
import type { OfferView } from "./offer-view";

/** Withdraws an open or accepted offer. */
export async function withdrawOffer(
  context: AppContext,
  options: { viewer: ViewerInfo; offerId: number },
): Promise<OfferView> {
  return changeOffer(context, {
    viewer: options.viewer,
    offerId: options.offerId,
    by: "sender",
    fromStatuses: ["open", "accepted"],
    changes: { status: "withdrawn" },
    notify: "offer_withdrawn",
    cancelMeeting: true,
  });
}
