/** "Bring a newcomer": travellers in town during the event whose seeks match its theme, best match first. */
import { listTravellersInTown, type TravellerRow } from "../../db/repositories/events.repository";
import { matchTheme } from "../../domain/events/event-theme";
import type { AppContext } from "../context";
import { loadHostedEvent } from "./event-access";
import { localDate } from "./event-times";

export type NewcomerCandidate = Omit<TravellerRow, "seeks" | "seeksTags"> & { shared: string[]; score: number };

/** The candidates for the host of an event; 404 for anyone else. */
export async function listNewcomersForEvent(
  context: AppContext,
  hostId: number,
  eventId: number,
): Promise<NewcomerCandidate[]> {
  const event = await loadHostedEvent(context.db, eventId, hostId);
  const travellers = await listTravellersInTown(context.db, {
    cityId: event.cityId,
    hostId,
    eventId,
    fromDate: localDate(event.startsAt, event.timeZone),
    toDate: localDate(event.endsAt, event.timeZone),
    now: context.now(),
  });
  return travellers
    .map(({ seeks, seeksTags, ...traveller }) => ({ ...traveller, ...matchTheme(event, { seeks, seeksTags }) }))
    .filter((candidate) => candidate.score > 0)
    .sort((a, b) => b.score - a.score || a.tripId - b.tripId);
}
