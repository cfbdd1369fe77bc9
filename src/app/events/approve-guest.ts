/** The host approves a guest who asked to come: a seat if one is left, the waitlist otherwise. */
import {
  findRecipient,
  findRsvp,
  lockRsvp,
  setRsvpStatus,
  takeSeat,
  waitlistPosition,
} from "../../db/repositories/events.repository";
import { notFound } from "../../domain/errors";
import type { AppContext } from "../context";
import type { RsvpResult } from "./answer-rsvp";
import { loadHostedEvent } from "./event-access";
import { mailHost, notifyMember } from "../notifications/notify-member";

/** Approves a pending guest; 404 when the viewer does not host or the member is not awaiting approval. */
export async function approveGuest(
  context: AppContext,
  hostId: number,
  eventId: number,
  memberId: number,
): Promise<RsvpResult> {
  const now = context.now();
  return context.db.transaction(async (tx) => {
    const event = await loadHostedEvent(tx, eventId, hostId);
    // Only an existing request is locked: lockRsvp would otherwise create an answer the member never gave.
    if ((await findRsvp(tx, eventId, memberId))?.status !== "pending_approval") throw notFound("Guest request");
    const current = await lockRsvp(tx, eventId, memberId, now);
    if (current?.status !== "pending_approval") throw notFound("Guest request");
    // The guest keeps the time they asked, which is their place should the event be full.
    const status = (await takeSeat(tx, eventId)) ? "going" : "waitlisted";
    await setRsvpStatus(tx, eventId, memberId, status, now);
    const guest = await findRecipient(tx, memberId);
    if (guest)
      await notifyMember(tx, guest, {
        kind: "event_request_approved",
        payload: { eventId, status },
        subject: { en: `You are in: ${event.title}`, fr: `C'est accepté : ${event.titleFr ?? event.title}` },
        body: {
          en: `The host approved your request for "${event.title}"${status === "going" ? "" : "; you are on the waitlist"}.`,
          fr: `L'hôte a accepté votre demande pour « ${event.titleFr ?? event.title} »${status === "going" ? "" : " ; vous êtes en liste d'attente"}.`,
        },
        messageId: `<event.${eventId}.approved.${memberId}@${mailHost(context.settings.baseUrl)}>`,
      });
    return { status, waitlistPosition: status === "waitlisted" ? await waitlistPosition(tx, eventId, memberId) : null };
  });
}
