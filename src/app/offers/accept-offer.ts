/**
 * The traveller accepts an offer, at one of its slots (a meeting is scheduled: host = sender, guest = traveller) or
 * leaving the time to the agenda solver. One acceptance per offer: the status guard is in the update itself. No
 * double booking on either side: the rows of both people (traveller and sender) are locked in ascending id order, so
 * that acceptances touching either of them queue without deadlock, then the slot is refused when it overlaps a
 * commitment of either (a meeting, an event they host or are going to; an invitation never clashes with its event).
 */
import {
  findClashingCommitment,
  lockMemberRowsInOrder,
  type Commitment,
} from "../../db/repositories/commitments.repository";
import { acceptOpenOffer, insertMeeting, listSlotsOfOffers } from "../../db/repositories/offers.repository";
import { AppError, invalid } from "../../domain/errors";
import { queueAgendaResolve } from "../agenda/queue-agenda-resolve";
import { addNotification } from "../notifications/notify-member";
import { isTripCurrent, type TripStatus } from "../../domain/trips/can-see-trip";
import type { AppContext } from "../context";
import type { ViewerInfo } from "../get-viewer";
import { loadOfferForParty } from "./load-offer-for-party";
import { loadOfferViews, type OfferView } from "./offer-view";

/** Accepts the offer; 409 when it is no longer open or when the slot overlaps another meeting of the traveller. */
export async function acceptOffer(
  context: AppContext,
  options: { viewer: ViewerInfo; offerId: number; slotId?: number },
): Promise<OfferView> {
  const { viewer, offerId, slotId } = options;
  const party = await loadOfferForParty(context.db, offerId, viewer.memberId);
  if (party.role !== "traveller") throw new AppError("forbidden", "Only the traveller accepts an offer");
  if (!isTripCurrent({ status: party.tripStatus as TripStatus, visibleUntil: party.tripVisibleUntil }, context.now()))
    throw new AppError("conflict", "This trip is over or cancelled: its offers can no longer be accepted");
  const slots = await listSlotsOfOffers(context.db, [offerId]);
  const slot = slotId === undefined ? undefined : slots.find((candidate) => candidate.id === slotId);
  if (slotId !== undefined && !slot) throw invalid("slotId", `Slot ${slotId} is not one of this offer's slots`);
  const now = context.now();
  const view = await context.db.transaction(async (tx) => {
    await lockMemberRowsInOrder(tx, [viewer.memberId, party.offer.senderId]);
    const accepted = await acceptOpenOffer(tx, offerId, slot?.id ?? null, now);
    if (!accepted)
      throw new AppError("conflict", "This offer is no longer open: it was accepted, declined or withdrawn");
    if (slot) {
      const endsAt = new Date(slot.startsAt.getTime() + slot.durationMin * 60_000);
      const window = { startsAt: slot.startsAt, endsAt, exceptEventId: accepted.eventId };
      const mine = await findClashingCommitment(tx, { memberId: viewer.memberId, ...window });
      if (mine) throw new AppError("conflict", describeOwnClash(mine), { field: "slotId" });
      const theirs = await findClashingCommitment(tx, { memberId: accepted.senderId, ...window });
      if (theirs)
        throw new AppError(
          "conflict",
          "This slot is no longer free: the person who offered it is already booked at that time (another meeting or event)",
          { field: "slotId" },
        );
      await insertMeeting(tx, {
        offerId,
        tripId: accepted.tripId,
        cityId: party.cityId,
        hostId: accepted.senderId,
        guestId: viewer.memberId,
        kind: accepted.kind,
        startsAt: slot.startsAt,
        endsAt,
        venueId: accepted.venueId,
      });
    }
    await addNotification(tx, {
      memberId: accepted.senderId,
      kind: "offer_accepted",
      payload: { offerId, tripId: accepted.tripId, slotId: slot?.id ?? null, byName: viewer.name },
      createdAt: now,
    });
    const [acceptedView] = await loadOfferViews(tx, { offerId });
    if (!acceptedView) throw new Error("offer vanished in its own transaction");
    return acceptedView;
  });
  await queueAgendaResolve(context, party.offer.tripId);
  return view;
}

/** The clash in the traveller's own words: which of their commitments, and when (UTC, as the API's times). */
function describeOwnClash(commitment: Commitment): string {
  const when = `${commitment.startsAt.toISOString()} to ${commitment.endsAt.toISOString()}`;
  if (commitment.kind === "meeting") return `This slot overlaps your meeting from ${when}`;
  const what = commitment.kind === "hosted_event" ? "the event you host" : "the event you are going to";
  return `This slot overlaps ${what}, "${commitment.title}", from ${when}`;
}
