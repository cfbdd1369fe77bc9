/**
 * The sender accepts a start the traveller proposed: it becomes one of the offer's slots, the thread says so, the
 * traveller is notified and their agenda is solved again (the offer may now fit).
 */
import { acceptPendingProposal } from "../../db/repositories/offer-time-proposals.repository";
import { findTripWithCity, insertOfferMessage } from "../../db/repositories/offers.repository";
import { AppError, notFound } from "../../domain/errors";
import { queueAgendaResolve } from "../agenda/queue-agenda-resolve";
import type { AppContext } from "../context";
import type { ViewerInfo } from "../get-viewer";
import { addNotification } from "../notifications/notify-member";
import { loadOfferForParty } from "./load-offer-for-party";
import { loadOfferViews, type OfferView } from "./offer-view";
import { describeStart } from "./propose-offer-time";

export async function acceptTimeProposal(
  context: AppContext,
  options: { viewer: ViewerInfo; offerId: number; proposalId: number },
): Promise<OfferView> {
  const { viewer, offerId, proposalId } = options;
  const party = await loadOfferForParty(context.db, offerId, viewer.memberId);
  if (party.role !== "sender") throw new AppError("forbidden", "Only the sender accepts a proposed time");
  if (party.offer.status !== "open")
    throw new AppError("conflict", `This offer is ${party.offer.status}: its proposed times can no longer be accepted`);
  const trip = await findTripWithCity(context.db, party.offer.tripId);
  if (!trip) throw notFound("Offer");
  const now = context.now();
  const view = await context.db.transaction(async (tx) => {
    const accepted = await acceptPendingProposal(tx, { proposalId, offerId, now });
    if (!accepted) {
      const [current] = await loadOfferViews(tx, { offerId });
      if (current?.proposals.some((proposal) => proposal.id === proposalId))
        throw new AppError("conflict", "This proposed time was already accepted");
      throw notFound("Proposed time");
    }
    const when = describeStart(accepted.startsAt, trip.city.timeZone, viewer.locale);
    await insertOfferMessage(tx, {
      offerId,
      authorId: viewer.memberId,
      body: viewer.locale === "fr" ? `D'accord pour le ${when}.` : `${when} works for me.`,
      createdAt: now,
    });
    await addNotification(tx, {
      memberId: party.travellerId,
      kind: "offer_time_accepted",
      payload: { offerId, tripId: party.offer.tripId, proposalId, slotId: accepted.slotId, byName: viewer.name },
      createdAt: now,
    });
    const [changed] = await loadOfferViews(tx, { offerId });
    if (!changed) throw new Error("offer vanished in its own transaction");
    return changed;
  });
  await queueAgendaResolve(context, party.offer.tripId);
  return view;
}
