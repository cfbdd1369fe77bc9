/** The common step of the traveller's and sender's answers: check the role, change the offer under a status guard, tell the other side. */
import {
  cancelMeetingOfOffer,
  insertOfferMessage,
  updateOfferWhereStatus,
  type OfferRow,
} from "../../db/repositories/offers.repository";
import { AppError } from "../../domain/errors";
import type { AppContext } from "../context";
import type { ViewerInfo } from "../get-viewer";
import { queueAgendaResolve } from "../agenda/queue-agenda-resolve";
import { addNotification } from "../notifications/notify-member";
import { loadOfferForParty } from "./load-offer-for-party";
import { loadOfferViews, type OfferView } from "./offer-view";

export interface OfferChange {
  viewer: ViewerInfo;
  offerId: number;
  /** Who may make this change. */
  by: "sender" | "traveller";
  /** The statuses the offer may be in; otherwise 409. */
  fromStatuses: string[];
  changes: Partial<Pick<OfferRow, "status" | "starred" | "declineNote" | "anotherTimeRequested">>;
  /** The notification kind for the other party, or none. */
  notify?: string;
  /** A message to add to the offer's thread, from the viewer. */
  threadMessage?: string;
  cancelMeeting?: boolean;
}

/** Applies one change in one transaction and returns the offer as it now is. */
export async function changeOffer(context: AppContext, change: OfferChange): Promise<OfferView> {
  const { viewer, offerId } = change;
  const party = await loadOfferForParty(context.db, offerId, viewer.memberId);
  if (party.role !== change.by)
    throw new AppError(
      "forbidden",
      change.by === "sender" ? "Only the sender may do this" : "Only the traveller may do this",
    );
  const now = context.now();
  const view = await context.db.transaction(async (tx) => {
    const updated = await updateOfferWhereStatus(tx, offerId, change.fromStatuses, {
      ...change.changes,
      updatedAt: now,
    });
    if (!updated) throw new AppError("conflict", `This offer is ${party.offer.status}: it cannot change this way`);
    if (change.cancelMeeting) await cancelMeetingOfOffer(tx, offerId);
    if (change.threadMessage)
      await insertOfferMessage(tx, { offerId, authorId: viewer.memberId, body: change.threadMessage, createdAt: now });
    if (change.notify)
      await addNotification(tx, {
        memberId: party.role === "sender" ? party.travellerId : party.offer.senderId,
        kind: change.notify,
        payload: { offerId, tripId: party.offer.tripId, byName: viewer.name },
        createdAt: now,
      });
    const [changed] = await loadOfferViews(tx, { offerId });
    if (!changed) throw new Error("offer vanished in its own transaction");
    return changed;
  });
  // The traveller's agenda is made of the trip's offers: solve it again, now that this one changed.
  await queueAgendaResolve(context, party.offer.tripId);
  return view;
}
