/** The traveller asks the sender for another time, optionally saying which, in the offer's thread. */
import type { AppContext } from "../context";
import type { ViewerInfo } from "../get-viewer";
import { changeOffer } from "./change-offer";
import type { OfferView } from "./offer-view";

/** Flags an open offer as needing another time and tells the sender. */
export async function askAnotherTime(
  context: AppContext,
  options: { viewer: ViewerInfo; offerId: number; message?: string },
): Promise<OfferView> {
  const message = options.message?.trim();
  return changeOffer(context, {
    viewer: options.viewer,
    offerId: options.offerId,
    by: "traveller",
    fromStatuses: ["open"],
    changes: { anotherTimeRequested: true },
    notify: "offer_another_time",
    ...(message ? { threadMessage: message } : {}),
  });
}
