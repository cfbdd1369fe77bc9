/** Loads an event as a viewer may see it: a hidden event answers like a missing one. */
import type { Database } from "../../db/create-db";
import {
  findEventById,
  findInvitation,
  findRsvp,
  isBlockedBetween,
  type EventWithCity,
} from "../../db/repositories/events.repository";
import { canSeeEvent, type EventAudience, type EventRelation, type RsvpStatus } from "../../domain/events/event-rules";
import { notFound } from "../../domain/errors";

export interface EventAccess {
  event: EventWithCity;
  relation: EventRelation;
}

/** The event and what the viewer is to it; 404 when it does not exist or the viewer may not see it. */
export async function loadVisibleEvent(
  db: Database,
  eventId: number,
  viewerId: number | null,
  options: { lock?: boolean } = {},
): Promise<EventAccess> {
  const event = await findEventById(db, eventId, options);
  if (!event) throw notFound("Event");
  const relation: EventRelation = {
    viewerId,
    hostId: event.hostId,
    audience: event.audience as EventAudience,
    invited: viewerId !== null && (await findInvitation(db, eventId, viewerId)) !== undefined,
    rsvpStatus:
      viewerId === null ? null : (((await findRsvp(db, eventId, viewerId))?.status ?? null) as RsvpStatus | null),
    blocked: viewerId !== null && viewerId !== event.hostId && (await isBlockedBetween(db, viewerId, event.hostId)),
  };
  if (!canSeeEvent(relation)) throw notFound("Event");
  return { event, relation };
}

/** The event when the viewer is its host; 404 otherwise, so that an event's existence does not leak. */
export async function loadHostedEvent(
  db: Database,
  eventId: number,
  viewerId: number,
  options: { lock?: boolean } = {},
): Promise<EventWithCity> {
  const event = await findEventById(db, eventId, options);
  if (!event || event.hostId !== viewerId) throw notFound("Event");
  return event;
}
