/** The short thread of an offer, between its sender and its traveller only. */
import { listOfferMessages } from "../../db/repositories/offers.repository";
import type { AppContext } from "../context";
import type { ViewerInfo } from "../get-viewer";
import { loadOfferForParty } from "./load-offer-for-party";

export interface OfferMessageView {
  id: number;
  authorId: number;
  authorName: string;
  body: string;
  createdAt: string;
}

/** Lists the thread, oldest first. */
export async function listMessagesOfOffer(
  context: AppContext,
  options: { viewer: ViewerInfo; offerId: number },
): Promise<OfferMessageView[]> {
  await loadOfferForParty(context.db, options.offerId, options.viewer.memberId);
  const messages = await listOfferMessages(context.db, options.offerId);
  return messages.map((message) => ({ ...message, createdAt: message.createdAt.toISOString() }));
}
