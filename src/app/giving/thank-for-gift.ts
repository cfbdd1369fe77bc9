/** The receiver of a gift writes (or clears) its public thank-you note. */
import { findGiftById, setGiftThanks } from "../../db/repositories/gifts.repository";
import { notFound } from "../../domain/errors";
import type { AppContext } from "../context";

/** 404 unless the viewer received the gift. */
export async function thankForGift(
  context: AppContext,
  memberId: number,
  giftId: number,
  thanks: string | null,
): Promise<void> {
  const gift = await findGiftById(context.db, giftId);
  if (!gift || gift.receiverId !== memberId) throw notFound("Gift");
  await setGiftThanks(context.db, giftId, thanks);
}
