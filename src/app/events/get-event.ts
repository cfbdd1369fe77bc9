/** One event as the viewer may see it, with the viewer's own answer. */
import { waitlistPosition, type EventWithCity } from "../../db/repositories/events.repository";
import type { RsvpStatus } from "../../domain/events/event-rules";
import type { AppContext } from "../context";
import { loadVisibleEvent } from "./event-access";

export interface EventForViewer {
  event: EventWithCity;
  myRsvp: RsvpStatus | null;
  waitlistPosition: number | null;
}

/** The event, or 404 when it is missing or hidden from the viewer. */
export async function getEvent(context: AppContext, viewerId: number | null, eventId: number): Promise<EventForViewer> {
  const { event, relation } = await loadVisibleEvent(context.db, eventId, viewerId);
  const position =
    relation.rsvpStatus === "waitlisted" && viewerId !== null
      ? await waitlistPosition(context.db, eventId, viewerId)
      : null;
  return { event, myRsvp: relation.rsvpStatus, waitlistPosition: position };
}
