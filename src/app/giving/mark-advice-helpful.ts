/** The traveller marks accepted advice as helpful: the adviser's gift enters the ledger. */
import { isBlockedBetween } from "../../db/repositories/events.repository";
import { findAdviceOffer, findGiftBySource, insertGift } from "../../db/repositories/gifts.repository";
import { adviceGiftSource } from "../../domain/giving/gift-sources";
import { AppError, notFound } from "../../domain/errors";
import type { AppContext } from "../context";
import { localDate } from "../events/event-times";

/** Records the gift once; 404 unless the viewer is the traveller the advice was offered to. */
export async function markAdviceHelpful(
  context: AppContext,
  memberId: number,
  offerId: number,
  thanks: string | null,
): Promise<{ giftId: number }> {
  return context.db.transaction(async (tx) => {
    const offer = await findAdviceOffer(tx, offerId);
    if (!offer || offer.travellerId !== memberId || offer.kind !== "advice") throw notFound("Advice");
    if (await isBlockedBetween(tx, offer.senderId, memberId)) throw notFound("Advice");
    if (offer.status !== "accepted") throw new AppError("conflict", "Accept the advice before marking it helpful");
    const source = adviceGiftSource(offerId);
    await insertGift(tx, {
      giverId: offer.senderId,
      receiverId: memberId,
      kind: "advice",
      occurredOn: localDate(context.now(), offer.timeZone),
      cityId: offer.cityId,
      thanks,
      source,
    });
    const gift = await findGiftBySource(tx, source);
    if (!gift) throw new Error("advice gift not found");
    return { giftId: gift.id };
  });
}
