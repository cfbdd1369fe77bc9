/** The traveller stars an offer (a priority for the agenda solver) or takes the star back. */
import type { AppContext } from "../context";
import type { ViewerInfo } from "../get-viewer";
import { changeOffer } from "./change-offer";
import type { OfferView } from "./offer-view";

/** Sets the star of an open or accepted offer; the sender is not told. */
export async function starOffer(
  context: AppContext,
  options: { viewer: ViewerInfo; offerId: number; starred: boolean },
): Promise<OfferView> {
  return changeOffer(context, {
    viewer: options.viewer,
    offerId: options.offerId,
    by: "traveller",
    fromStatuses: ["open", "accepted"],
    changes: { starred: options.starred },
  });
}
