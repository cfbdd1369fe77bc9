/** The shape in which offers leave the use cases: plain, JSON-ready values (instants as ISO strings). */
import type { Database } from "../../db/create-db";
import { selectOfferViewRows, type OfferFilter, type OfferViewRow } from "../../db/repositories/offer-views.repository";
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

/** Loads the offers the filter selects, newest first, with their slots and proposals: one statement. */
export async function loadOfferViews(db: Database, filter: OfferFilter): Promise<OfferView[]> {
  return (await selectOfferViewRows(db, filter)).map(toOfferView);
}

/** The one place that shapes an offer view, from loaded rows or from the rows an insert just returned. */
export function toOfferView({ offer, sender, venue, meetingId, slots, proposals }: OfferViewRow): OfferView {
  return {
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
    slots: slots.map((slot) => ({
      id: slot.id,
      startsAt: slot.startsAt.toISOString(),
      endsAt: new Date(slot.startsAt.getTime() + slot.durationMin * 60_000).toISOString(),
      durationMinutes: slot.durationMin,
    })),
    proposals: proposals.map((proposal) => ({
      id: proposal.id,
      startsAt: proposal.startsAt.toISOString(),
      durationMinutes: proposal.durationMin,
      status: proposal.status === "accepted" ? "accepted" : "pending",
      slotId: proposal.slotId,
    })),
    createdAt: offer.createdAt.toISOString(),
    updatedAt: offer.updatedAt.toISOString(),
  };
}
