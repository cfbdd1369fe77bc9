/** Loads an offer for one of its two parties (the sender or the traveller); anyone else is told it does not exist. */
import type { Database } from "../../db/create-db";
import { findOfferWithTrip, isBlockedEitherWay, type OfferRow } from "../../db/repositories/offers.repository";
import { notFound } from "../../domain/errors";

export interface OfferForParty {
  offer: OfferRow;
  travellerId: number;
  cityId: number;
  tripStatus: string;
  tripVisibleUntil: Date;
  role: "sender" | "traveller";
}

/** The offer and the viewer's role in it; a stranger, or a party now in a block with the other, gets a 404. */
export async function loadOfferForParty(db: Database, offerId: number, viewerId: number): Promise<OfferForParty> {
  const found = await findOfferWithTrip(db, offerId);
  if (!found) throw notFound("Offer");
  const role = found.offer.senderId === viewerId ? "sender" : found.travellerId === viewerId ? "traveller" : undefined;
  if (!role) throw notFound("Offer");
  if (await isBlockedEitherWay(db, found.offer.senderId, found.travellerId)) throw notFound("Offer");
  return { ...found, role };
}
