/** One-click invitation of a traveller in town: an invitation, and an event-invitation offer on their trip's agenda. */
import {
  findRecipient,
  insertEventInvitationOffer,
  insertInvitation,
  listTravellersInTown,
} from "../../db/repositories/events.repository";
import { AppError, notFound } from "../../domain/errors";
import type { AppContext } from "../context";
import { loadHostedEvent } from "./event-access";
import { localDate } from "./event-times";
import { mailHost, notifyMember } from "../notifications/notify-member";

/** Invites the traveller of `tripId`, who must be in town during the event and visible to the host; 404 otherwise. */
export async function inviteTraveller(
  context: AppContext,
  hostId: number,
  eventId: number,
  tripId: number,
): Promise<{ memberId: number; offerId: number }> {
  return context.db.transaction(async (tx) => {
    const event = await loadHostedEvent(tx, eventId, hostId);
    if (event.status === "cancelled") throw new AppError("conflict", "The event is cancelled");
    const [traveller] = await listTravellersInTown(tx, {
      cityId: event.cityId,
      hostId,
      eventId,
      fromDate: localDate(event.startsAt, event.timeZone),
      toDate: localDate(event.endsAt, event.timeZone),
      now: context.now(),
      tripId,
    });
    if (!traveller) throw notFound("Trip");
    const isNew = await insertInvitation(tx, { eventId, memberId: traveller.memberId, invitedBy: hostId });
    const offerId = await insertEventInvitationOffer(tx, {
      tripId,
      senderId: hostId,
      eventId,
      message: `${event.title}`,
    });
    const recipient = await findRecipient(tx, traveller.memberId);
    if (isNew && recipient)
      await notifyMember(tx, recipient, {
        kind: "event_invitation",
        payload: { eventId, hostId, tripId, offerId },
        subject: { en: `Invitation: ${event.title}`, fr: `Invitation : ${event.titleFr ?? event.title}` },
        body: {
          en: `${event.hostName} invites you to "${event.title}" during your stay; it is on your agenda as a candidate.`,
          fr: `${event.hostName} vous invite à « ${event.titleFr ?? event.title} » pendant votre séjour ; c'est dans votre agenda.`,
        },
        messageId: `<event.${eventId}.invitation.${traveller.memberId}@${mailHost(context.settings.baseUrl)}>`,
      });
    return { memberId: traveller.memberId, offerId };
  });
}
