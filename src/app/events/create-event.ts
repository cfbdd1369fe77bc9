/** A member creates an event in a city. */
import { findCityById } from "../../db/repositories/cities.repository";
import {
  findEventById,
  findVenueInCity,
  insertEvent,
  type EventWithCity,
} from "../../db/repositories/events.repository";
import { invalid } from "../../domain/errors";
import type { AppContext } from "../context";
import { readEventTimes } from "./event-times";

export interface NewEventInput {
  cityId: number;
  title: string;
  titleFr?: string | null | undefined;
  description: string;
  descriptionFr?: string | null | undefined;
  tags: string[];
  venueId?: number | null | undefined;
  startsAt: string;
  endsAt: string;
  capacity: number;
  audience: "public" | "members" | "invite_only";
  approvalRequired: boolean;
}

/** Creates the event with the viewer as host; the city and venue must exist, the times be sound and ahead. */
export async function createEvent(context: AppContext, hostId: number, input: NewEventInput): Promise<EventWithCity> {
  const city = await findCityById(context.db, input.cityId);
  if (!city) throw invalid("cityId", "cityId: no such city");
  if (input.venueId != null && !(await findVenueInCity(context.db, input.venueId, city.id)))
    throw invalid("venueId", "venueId: no such venue in this city");
  const times = readEventTimes(input.startsAt, input.endsAt, context.now());
  const row = await insertEvent(context.db, {
    cityId: city.id,
    hostId,
    title: input.title,
    titleFr: input.titleFr ?? null,
    description: input.description,
    descriptionFr: input.descriptionFr ?? null,
    tags: [...new Set(input.tags)],
    venueId: input.venueId ?? null,
    ...times,
    capacity: input.capacity,
    audience: input.audience,
    approvalRequired: input.approvalRequired,
  });
  const created = await findEventById(context.db, row.id);
  if (!created) throw new Error("created event not found");
  return created;
}
