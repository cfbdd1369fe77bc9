/**
 * iCalendar for one event and for a city's public events. Times are passed as Temporal ZonedDateTimes in the city's
 * zone with a VTIMEZONE built from Temporal's transitions: a plain Date with a zone would be written in the process's
 * wall clock instead.
 */
import ical, { ICalEventStatus } from "ical-generator";
import { Temporal } from "temporal-polyfill";
import { findCityBySlug } from "../../db/repositories/cities.repository";
import { listCityEvents, type EventWithCity } from "../../db/repositories/events.repository";
import { buildVTimezone } from "../../domain/events/vtimezone";
import { notFound } from "../../domain/errors";
import type { AppContext } from "../context";
import { loadVisibleEvent } from "./event-access";
import { mailHost } from "../notifications/notify-member";

const zoned = (instant: Date, timeZone: string) =>
  Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(timeZone);

function buildCalendar(name: string, timeZone: string, events: EventWithCity[], context: AppContext): string {
  const years = events.flatMap((event) => [event.startsAt.getUTCFullYear(), event.endsAt.getUTCFullYear()]);
  const fromYear = Math.min(context.now().getUTCFullYear(), ...years);
  const toYear = Math.max(fromYear, ...years);
  // ical-generator escapes the events' text but writes the calendar's name as given: a line break in an event's
  // title would start new lines (a forged VEVENT), so the name is kept on one line.
  const calendar = ical({ name: name.replace(/[\r\n]+/g, " "), prodId: { company: "Givefirst", product: "events" } });
  calendar.timezone({ name: timeZone, generator: (zone) => buildVTimezone(zone, fromYear, toYear) });
  const host = mailHost(context.settings.baseUrl);
  for (const event of events) {
    calendar.createEvent({
      id: `event-${event.id}@${host}`,
      sequence: event.sequence,
      start: zoned(event.startsAt, event.timeZone),
      end: zoned(event.endsAt, event.timeZone),
      timezone: event.timeZone,
      summary: event.title,
      description: event.description,
      url: `${context.settings.baseUrl}/events/${event.id}`,
      status: event.status === "cancelled" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  // ical-generator writes DTSTAMP in the calendar's zone without a TZID (floating), whatever value it is given;
  // RFC 5545 wants UTC: stamp every event with the time this calendar was written.
  const stamp = zoned(context.now(), "UTC").toPlainDateTime().toString({ smallestUnit: "second" }).replace(/[-:]/g, "");
  return calendar.toString().replace(/^DTSTAMP:.*$/gm, `DTSTAMP:${stamp}Z`);
}

/** The .ics of one event the viewer may see; 404 otherwise. */
export async function renderEventCalendar(
  context: AppContext,
  viewerId: number | null,
  eventId: number,
): Promise<string> {
  const { event } = await loadVisibleEvent(context.db, eventId, viewerId);
  return buildCalendar(event.title, event.timeZone, [event], context);
}

/** The feed of a city's upcoming public events (cancelled ones stay in it, marked cancelled, so that clients update). */
export async function renderCityCalendar(context: AppContext, citySlug: string): Promise<string> {
  const city = await findCityBySlug(context.db, citySlug);
  if (!city) throw notFound("City");
  const events = await listCityEvents(context.db, {
    cityId: city.id,
    from: context.now(),
    audiences: ["public"],
    viewerId: null,
    limit: 500,
  });
  return buildCalendar(`Givefirst · ${city.name}`, city.timeZone, events, context);
}
