/** The host cancels an event; attendees are told, and calendars show it cancelled. */
import { findEventById, updateEvent, type EventWithCity } from "../../db/repositories/events.repository";
import type { AppContext } from "../context";
import { loadHostedEvent } from "./event-access";
import { notifyEventChange } from "./notify-event-change";

/** Cancels once (a second cancel answers the event as it is); 404 unless the viewer hosts. */
export async function cancelEvent(context: AppContext, hostId: number, eventId: number): Promise<EventWithCity> {
  return context.db.transaction(async (tx) => {
    const event = await loadHostedEvent(tx, eventId, hostId, { lock: true });
    if (event.status === "cancelled") return event;
    await updateEvent(tx, eventId, { status: "cancelled" }, context.now());
    const cancelled = await findEventById(tx, eventId);
    if (!cancelled) throw new Error("cancelled event not found");
    await notifyEventChange(tx, cancelled, "cancelled", context.settings.baseUrl);
    return cancelled;
  });
}
