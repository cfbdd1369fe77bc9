/** Tells every attendee that an event changed or was cancelled, once per change (stable Message-IDs). */
import type { Database } from "../../db/create-db";
import { listEventAttendees, type EventWithCity } from "../../db/repositories/events.repository";
import { eventChangeMessageId } from "../../domain/events/event-rules";
import { mailHost, notifyMember } from "../notifications/notify-member";

/** Notifies the attendees of `event` as it is now (its sequence names the change). */
export async function notifyEventChange(
  db: Database,
  event: EventWithCity,
  change: "updated" | "cancelled",
  baseUrl: string,
): Promise<number> {
  const attendees = await listEventAttendees(db, event.id);
  const titleFr = event.titleFr ?? event.title;
  for (const attendee of attendees) {
    await notifyMember(db, attendee, {
      kind: `event_${change}`,
      payload: { eventId: event.id, sequence: event.sequence },
      subject:
        change === "cancelled"
          ? { en: `Cancelled: ${event.title}`, fr: `Annulé : ${titleFr}` }
          : { en: `Changed: ${event.title}`, fr: `Modifié : ${titleFr}` },
      body:
        change === "cancelled"
          ? { en: `"${event.title}" is cancelled.`, fr: `« ${titleFr} » est annulé.` }
          : {
              en: `"${event.title}" changed; see the event for its new details: ${baseUrl}/events/${event.id}`,
              fr: `« ${titleFr} » a changé ; voyez ses nouveaux détails : ${baseUrl}/events/${event.id}`,
            },
      messageId: eventChangeMessageId(event.id, event.sequence, attendee.memberId, mailHost(baseUrl)),
    });
  }
  return attendees.length;
}
