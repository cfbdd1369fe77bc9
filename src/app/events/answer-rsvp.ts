/** A guest answers going, maybe or not going; a full event puts them on the waitlist; leaving a seat promotes the next. */
import {
  findRecipient,
  lockRsvp,
  releaseSeat,
  setRsvpStatus,
  takeSeat,
  waitlistPosition,
} from "../../db/repositories/events.repository";
import { planRsvp, type RsvpAnswer, type RsvpStatus } from "../../domain/events/event-rules";
import { AppError, invalid } from "../../domain/errors";
import type { AppContext } from "../context";
import { loadVisibleEvent } from "./event-access";
import { mailHost, notifyMember } from "../notifications/notify-member";
import { promoteWaitlist } from "./promote-waitlist";

export interface RsvpResult {
  status: RsvpStatus;
  waitlistPosition: number | null;
}

/**
 * Records the answer in one transaction. The seat is taken by one guarded UPDATE (see takeSeat), so concurrent answers
 * on many connections never exceed capacity; a seat given back goes to the first on the waitlist in the same transaction.
 */
export async function answerRsvp(
  context: AppContext,
  memberId: number,
  eventId: number,
  answer: RsvpAnswer,
): Promise<RsvpResult> {
  const now = context.now();
  return context.db.transaction(async (tx) => {
    const { event, relation } = await loadVisibleEvent(tx, eventId, memberId);
    if (event.hostId === memberId) throw invalid("status", "status: the host does not answer their own event");
    if (event.status === "cancelled") throw new AppError("conflict", "The event is cancelled");
    if (event.endsAt.getTime() <= now.getTime()) throw new AppError("conflict", "The event is over");
    const previous = await lockRsvp(tx, eventId, memberId, now);
    const step = planRsvp({
      answer,
      current: (previous?.status ?? null) as RsvpStatus | null,
      approvalRequired: event.approvalRequired,
      invited: relation.invited,
    });
    let status: RsvpStatus;
    switch (step.kind) {
      case "keep":
        status = (previous?.status ?? "not_going") as RsvpStatus;
        break;
      case "ask_host": {
        status = "pending_approval";
        await setRsvpStatus(tx, eventId, memberId, status, now, { requested: true });
        const host = await findRecipient(tx, event.hostId);
        if (host)
          await notifyMember(tx, host, {
            kind: "event_approval_requested",
            payload: { eventId, memberId },
            subject: {
              en: `A guest asks to join ${event.title}`,
              fr: `Une demande pour ${event.titleFr ?? event.title}`,
            },
            body: {
              en: `A member asks to join "${event.title}". Approve them from the guest list.`,
              fr: `Un membre demande à venir à « ${event.titleFr ?? event.title} ». Répondez depuis la liste des invités.`,
            },
            messageId: `<event.${eventId}.ask.${memberId}.${now.getTime()}@${mailHost(context.settings.baseUrl)}>`,
          });
        break;
      }
      case "take_seat":
        status = (await takeSeat(tx, eventId)) ? "going" : "waitlisted";
        await setRsvpStatus(tx, eventId, memberId, status, now, { requested: true });
        break;
      case "set":
        status = step.status;
        await setRsvpStatus(tx, eventId, memberId, status, now);
        if (step.releasesSeat) {
          await releaseSeat(tx, eventId);
          await promoteWaitlist(tx, event, { now, baseUrl: context.settings.baseUrl });
        }
        break;
    }
    return {
      status,
      waitlistPosition: status === "waitlisted" ? await waitlistPosition(tx, eventId, memberId) : null,
    };
  });
}
