/** The guest list as the event's audience allows. */
import { listGuests, type GuestRow } from "../../db/repositories/events.repository";
import { canSeeGuestList } from "../../domain/events/event-rules";
import { notFound } from "../../domain/errors";
import type { AppContext } from "../context";
import { loadVisibleEvent } from "./event-access";

/** The host sees every answer, the waitlist in order; others who may see the list see who is going. */
export async function listEventGuests(context: AppContext, viewerId: number, eventId: number): Promise<GuestRow[]> {
  const { event, relation } = await loadVisibleEvent(context.db, eventId, viewerId);
  if (!canSeeGuestList(relation)) throw notFound("Guest list");
  if (event.hostId === viewerId) return listGuests(context.db, eventId, null);
  return (await listGuests(context.db, eventId, viewerId)).filter((guest) => guest.status === "going");
}
