/** The host marks who attended; an invited guest who came records the host's gift in the ledger. */
import { findInvitation, findRsvp, setAttended } from "../../db/repositories/events.repository";
import { deleteGiftBySource, insertGift } from "../../db/repositories/gifts.repository";
import { eventGiftSource } from "../../domain/giving/gift-sources";
import { invalid, notFound } from "../../domain/errors";
import type { AppContext } from "../context";
import { loadHostedEvent } from "./event-access";
import { localDate } from "./event-times";

/** Marks attendance once the event started; 404 unless the viewer hosts and the member answered. */
export async function markAttendance(
  context: AppContext,
  hostId: number,
  eventId: number,
  memberId: number,
  attended: boolean,
): Promise<{ giftRecorded: boolean }> {
  return context.db.transaction(async (tx) => {
    const event = await loadHostedEvent(tx, eventId, hostId);
    if (event.startsAt.getTime() > context.now().getTime())
      throw invalid("attended", "attended: the event has not started yet");
    const rsvp = await findRsvp(tx, eventId, memberId);
    if (!rsvp || rsvp.status === "not_going") throw notFound("Guest");
    await setAttended(tx, eventId, memberId, attended);
    const invitation = await findInvitation(tx, eventId, memberId);
    const source = eventGiftSource(eventId, memberId);
    if (!attended || !invitation || invitation.invitedBy === memberId) {
      await deleteGiftBySource(tx, source);
      return { giftRecorded: false };
    }
    await insertGift(tx, {
      giverId: invitation.invitedBy,
      receiverId: memberId,
      kind: "event_invitation",
      occurredOn: localDate(event.startsAt, event.timeZone),
      cityId: event.cityId,
      source,
    });
    return { giftRecorded: true };
  });
}
