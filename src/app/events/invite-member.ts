/** The host invites a member to an event. */
import { findRecipient, insertInvitation, isBlockedBetween } from "../../db/repositories/events.repository";
import { AppError, notFound } from "../../domain/errors";
import type { AppContext } from "../context";
import { loadHostedEvent } from "./event-access";
import { mailHost, notifyMember } from "../notifications/notify-member";

/** Invites once; a member blocked with the host answers like a missing one. */
export async function inviteMember(
  context: AppContext,
  hostId: number,
  eventId: number,
  memberId: number,
): Promise<void> {
  await context.db.transaction(async (tx) => {
    const event = await loadHostedEvent(tx, eventId, hostId);
    if (event.status === "cancelled") throw new AppError("conflict", "The event is cancelled");
    const invitee = memberId === hostId ? undefined : await findRecipient(tx, memberId);
    if (!invitee || (await isBlockedBetween(tx, hostId, memberId))) throw notFound("Member");
    if (!(await insertInvitation(tx, { eventId, memberId, invitedBy: hostId }))) return;
    await notifyMember(tx, invitee, {
      kind: "event_invitation",
      payload: { eventId, hostId },
      subject: { en: `Invitation: ${event.title}`, fr: `Invitation : ${event.titleFr ?? event.title}` },
      body: {
        en: `${event.hostName} invites you to "${event.title}": ${context.settings.baseUrl}/events/${eventId}`,
        fr: `${event.hostName} vous invite à « ${event.titleFr ?? event.title} » : ${context.settings.baseUrl}/events/${eventId}`,
      },
      messageId: `<event.${eventId}.invitation.${memberId}@${mailHost(context.settings.baseUrl)}>`,
    });
  });
}
