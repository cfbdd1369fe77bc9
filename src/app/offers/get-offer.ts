/** One offer, for its sender or its traveller. */
import { notFound } from "../../domain/errors";
import type { AppContext } from "../context";
import type { ViewerInfo } from "../get-viewer";
import { loadOfferForParty } from "./load-offer-for-party";
import { loadOfferViews, type OfferView } from "./offer-view";

/** Reads an offer; anyone but its two parties gets a 404. */
export async function getOffer(
  context: AppContext,
  options: { viewer: ViewerInfo; offerId: number },
): Promise<OfferView> {
  await loadOfferForParty(context.db, options.offerId, options.viewer.memberId);
  const [view] = await loadOfferViews(context.db, { offerId: options.offerId });
  if (!view) throw notFound("Offer");
  return view;
}
