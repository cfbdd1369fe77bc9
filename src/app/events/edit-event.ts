/** The host edits an event: attendees hear of the change, and a larger capacity seats the waitlist. */
import {
  findEventById,
  findVenueInCity,
  updateEvent,
  type EventWithCity,
} from "../../db/repositories/events.repository";
import { AppError, invalid } from "../../domain/errors";
import type { AppContext } from "../context";
import { loadHostedEvent } from "./event-access";
import { readEventTimes } from "./event-times";
import { notifyEventChange } from "./notify-event-change";
import { promoteWaitlist } from "./promote-waitlist";

export interface EventEdit {
  title?: string | undefined;
  titleFr?: string | null | undefined;
  description?: string | undefined;
  descriptionFr?: string | null | undefined;
  tags?: string[] | undefined;
  venueId?: number | null | undefined;
  startsAt?: string | undefined;
  endsAt?: string | undefined;
  capacity?: number | undefined;
  audience?: "public" | "members" | "invite_only" | undefined;
  approvalRequired?: boolean | undefined;
}

/** Applies the edit in one transaction (sequence + 1, notices to attendees, promotions); 404 unless the viewer hosts. */
export async function editEvent(
  context: AppContext,
  hostId: number,
  eventId: number,
  edit: EventEdit,
): Promise<EventWithCity> {
  const now = context.now();
  return context.db.transaction(async (tx) => {
    const event = await loadHostedEvent(tx, eventId, hostId, { lock: true });
    if (event.status === "cancelled") throw new AppError("conflict", "The event is cancelled");
    const { startsAt: _s, endsAt: _e, tags, ...rest } = edit;
    let times: { startsAt: Date; endsAt: Date } | undefined;
    if (edit.startsAt !== undefined || edit.endsAt !== undefined)
      times = readEventTimes(
        edit.startsAt ?? event.startsAt.toISOString(),
        edit.endsAt ?? event.endsAt.toISOString(),
        now,
      );
    if (edit.venueId != null && !(await findVenueInCity(tx, edit.venueId, event.cityId)))
      throw invalid("venueId", "venueId: no such venue in this city");
    if (edit.capacity !== undefined && edit.capacity < event.seatsTaken)
      throw invalid("capacity", `capacity: ${event.seatsTaken} guests are going already`);
    await updateEvent(tx, eventId, { ...rest, ...(tags ? { tags: [...new Set(tags)] } : {}), ...(times ?? {}) }, now);
    const edited = await findEventById(tx, eventId);
    if (!edited) throw new Error("edited event not found");
    if (edited.capacity > event.capacity) await promoteWaitlist(tx, edited, { now, baseUrl: context.settings.baseUrl });
    await notifyEventChange(tx, edited, "updated", context.settings.baseUrl);
    return (await findEventById(tx, eventId)) ?? edited;
  });
}
