/** The offers a member has sent, newest first. */
import type { AppContext } from "../context";
import type { ViewerInfo } from "../get-viewer";
import { loadOfferViews, type OfferView } from "./offer-view";

/** Lists the viewer's own offers, whatever their status. */
export async function listMyOffers(context: AppContext, options: { viewer: ViewerInfo }): Promise<OfferView[]> {
  return loadOfferViews(context.db, { senderId: options.viewer.memberId });
}
