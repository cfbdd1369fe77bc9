/** Writes a new offer with its slots, notifies the traveller and queues their email: one step shared by members and demo locals. */
import type { Database } from "../../db/create-db";
import {
  insertOffer,
  type OfferRow,
  type OfferSlotRow,
  type OfferVenue,
  type TripWithCity,
  type VenueFacts,
} from "../../db/repositories/offers.repository";
import type { OfferKind } from "../../domain/offers/offer-kinds";
import { addNotification } from "../notifications/notify-member";
import { queueNewOfferEmail } from "./offer-emails";

export interface NewOffer {
  trip: TripWithCity;
  sender: { id: number; name: string };
  kind: OfferKind;
  message: string;
  /** One of the city's venues, a new one to write with the offer, or none. */
  venue: OfferVenue | null;
  eventId: number | null;
  slots: { startsAt: Date; durationMinutes: number }[];
}

/**
 * Saves the offer inside the caller's transaction and returns the rows written (slots earliest first, and the new
 * venue if it named one).
 */
export async function saveOffer(
  tx: Database,
  offer: NewOffer,
  now: Date,
  baseUrl: string,
): Promise<{ offer: OfferRow; slots: OfferSlotRow[]; newVenue: VenueFacts | null }> {
  const { trip, sender } = offer;
  const saved = await insertOffer(
    tx,
    {
      tripId: trip.trip.id,
      senderId: sender.id,
      kind: offer.kind,
      message: offer.message,
      eventId: offer.eventId,
      createdAt: now,
    },
    offer.venue,
    offer.slots.map((slot) => ({ startsAt: slot.startsAt, durationMin: slot.durationMinutes })),
  );
  const offerId = saved.offer.id;
  await addNotification(tx, {
    memberId: trip.traveller.id,
    kind: "offer_received",
    payload: { offerId, tripId: trip.trip.id, senderId: sender.id, senderName: sender.name, kind: offer.kind },
    createdAt: now,
  });
  // "instant" readers get the email now; "digest" readers find the offer in the daily digest; "off" nothing.
  if (trip.traveller.email && trip.traveller.emailPreference === "instant") {
    await queueNewOfferEmail(tx, {
      offerId,
      tripId: trip.trip.id,
      kind: offer.kind,
      message: offer.message,
      to: trip.traveller.email,
      memberId: trip.traveller.id,
      travellerName: trip.traveller.name,
      senderName: sender.name,
      cityName: trip.city.name,
      locale: trip.traveller.locale,
      baseUrl,
    });
  }
  return saved;
}
