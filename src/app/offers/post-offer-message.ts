/** A message in an offer's thread, from its sender or its traveller, notified to the other. */
import { insertOfferMessage } from "../../db/repositories/offers.repository";
import { AppError } from "../../domain/errors";
import type { AppContext } from "../context";
import type { ViewerInfo } from "../get-viewer";
import { addNotification } from "../notifications/notify-member";
import { loadOfferForParty } from "./load-offer-for-party";
import type { OfferMessageView } from "./list-offer-messages";

/** Adds a message to the thread and notifies the other party. */
export async function postMessageOnOffer(
  context: AppContext,
  options: { viewer: ViewerInfo; offerId: number; body: string },
): Promise<OfferMessageView> {
  const { viewer, offerId } = options;
  if (!viewer.emailVerified) throw new AppError("email_not_verified", "Confirm your email address before writing");
  const party = await loadOfferForParty(context.db, offerId, viewer.memberId);
  const now = context.now();
  const saved = await context.db.transaction(async (tx) => {
    const message = await insertOfferMessage(tx, {
      offerId,
      authorId: viewer.memberId,
      body: options.body,
      createdAt: now,
    });
    await addNotification(tx, {
      memberId: party.role === "sender" ? party.travellerId : party.offer.senderId,
      kind: "offer_message",
      payload: { offerId, tripId: party.offer.tripId, messageId: message.id, byName: viewer.name },
      createdAt: now,
    });
    return message;
  });
  return {
    id: saved.id,
    authorId: viewer.memberId,
    authorName: viewer.name,
    body: options.body,
    createdAt: saved.createdAt.toISOString(),
  };
}
