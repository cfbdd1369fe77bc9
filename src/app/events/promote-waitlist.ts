/** Fills free seats from the waitlist, first asked first served, inside the caller's transaction. */
import type { Database } from "../../db/create-db";
import {
  findRecipient,
  lockFirstWaitlisted,
  setRsvpStatus,
  takeSeat,
  type EventWithCity,
} from "../../db/repositories/events.repository";
import { mailHost, notifyMember } from "../notifications/notify-member";

/** Promotes waitlisted guests while seats are free; answers the promoted member ids in order. */
export async function promoteWaitlist(
  db: Database,
  event: EventWithCity,
  options: { now: Date; baseUrl: string },
): Promise<number[]> {
  const promoted: number[] = [];
  for (;;) {
    const next = await lockFirstWaitlisted(db, event.id);
    if (!next || !(await takeSeat(db, event.id))) return promoted;
    await setRsvpStatus(db, event.id, next.memberId, "going", options.now);
    promoted.push(next.memberId);
    const recipient = await findRecipient(db, next.memberId);
    if (recipient)
      await notifyMember(db, recipient, {
        kind: "event_seat_granted",
        payload: { eventId: event.id },
        subject: { en: `A seat is yours: ${event.title}`, fr: `Une place pour vous : ${event.titleFr ?? event.title}` },
        body: {
          en: `A seat freed up at "${event.title}" and it is yours: you are now going.`,
          fr: `Une place s'est libérée pour « ${event.titleFr ?? event.title} » : vous y allez.`,
        },
        messageId: `<event.${event.id}.seat.${next.memberId}.${next.requestedAt.getTime()}@${mailHost(options.baseUrl)}>`,
      });
  }
}
