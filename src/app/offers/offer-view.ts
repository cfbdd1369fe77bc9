/** The shape in which offers leave the use cases: plain, JSON-ready values (instants as ISO strings). */
import type { SQL } from "drizzle-orm";
import type { Database } from "../../db/create-db";
import { listTimeProposalsOfOffers } from "../../db/repositories/offer-time-proposals.repository";
import { listSlotsOfOffers, selectOffers } from "../../db/repositories/offers.repository";
import type { OfferKind, OfferStatus } from "../../domain/offers/offer-kinds";

export interface OfferSlotView {
  id: number;
  startsAt: string;
  endsAt: string;
  durationMinutes: number;
}

/** A start the traveller proposed; accepted, it is one of the slots (`slotId`). */
export interface TimeProposalView {
  id: number;
  startsAt: string;
  durationMinutes: number;
  status: "pending" | "accepted";
  slotId: number | null;
}

export interface OfferView {
  id: number;
  tripId: number;
  kind: OfferKind;
  message: string;
  status: OfferStatus;
  starred: boolean;
  anotherTimeRequested: boolean;
  declineNote: string | null;
  acceptedSlotId: number | null;
  eventId: number | null;
  meetingId: number | null;
  sender: { memberId: number; name: string; headline: string; isDemo: boolean };
  venue: { id: number; name: string; address: string; lat: number | null; lon: number | null } | null;
  slots: OfferSlotView[];
  proposals: TimeProposalView[];
  createdAt: string;
  updatedAt: string;
}

/** Loads offers (filtered by `where` on the offers table) with their slots, newest first. */
export async function loadOfferViews(db: Database, where: SQL | undefined): Promise<OfferView[]> {
  const rows = await selectOffers(db, where);
  const slots = await listSlotsOfOffers(
    db,
    rows.map((row) => row.offer.id),
  );
  const slotsByOffer = new Map<number, OfferSlotView[]>();
  for (const slot of slots) {
    const list = slotsByOffer.get(slot.offerId) ?? [];
    list.push({
      id: slot.id,
      startsAt: slot.startsAt.toISOString(),
      endsAt: new Date(slot.startsAt.getTime() + slot.durationMin * 60_000).toISOString(),
      durationMinutes: slot.durationMin,
    });
    slotsByOffer.set(slot.offerId, list);
  }
  const proposalsByOffer = new Map<number, TimeProposalView[]>();
  for (const proposal of await listTimeProposalsOfOffers(
    db,
    rows.map((row) => row.offer.id),
  )) {
    const list = proposalsByOffer.get(proposal.offerId) ?? [];
    list.push({
      id: proposal.id,
      startsAt: proposal.startsAt.toISOString(),
      durationMinutes: proposal.durationMin,
      status: proposal.status === "accepted" ? "accepted" : "pending",
      slotId: proposal.slotId,
    });
    proposalsByOffer.set(proposal.offerId, list);
  }
  return rows.map(({ offer, sender, venue, meetingId }) => ({
    id: offer.id,
    tripId: offer.tripId,
    kind: offer.kind as OfferKind,
    message: offer.message,
    status: offer.status as OfferStatus,
    starred: offer.starred,
    anotherTimeRequested: offer.anotherTimeRequested,
    declineNote: offer.declineNote,
    acceptedSlotId: offer.acceptedSlotId,
    eventId: offer.eventId,
    meetingId,
    sender: { memberId: sender.id, name: sender.name, headline: sender.headline, isDemo: sender.isDemo },
    venue,
    slots: slotsByOffer.get(offer.id) ?? [],
    proposals: proposalsByOffer.get(offer.id) ?? [],
    createdAt: offer.createdAt.toISOString(),
    updatedAt: offer.updatedAt.toISOString(),
  }));
}
