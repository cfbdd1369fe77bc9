/**
 * Busy times from an uploaded iCalendar file: VTIMEZONEs registered first, recurrences expanded within the trip's
 * window and at most `maxOccurrences` in all. A file that is not iCalendar is refused with a clear message.
 */
import ICAL from "ical.js";
import { Temporal } from "temporal-polyfill";
import { invalid } from "../../domain/errors";

export const maxOccurrences = 500;

export interface BusyInterval {
  startsAt: Date;
  endsAt: Date;
  label: string;
}

/** Epoch milliseconds of an ical.js time; floating times and dates are read in the trip's zone. */
function toEpoch(time: ICAL.Time, zone: string): number {
  const tzid = time.zone?.tzid;
  if (!time.isDate && tzid !== undefined && tzid !== "floating") return time.toUnixTime() * 1000;
  return Temporal.PlainDateTime.from({
    year: time.year,
    month: time.month,
    day: time.day,
    hour: time.isDate ? 0 : time.hour,
    minute: time.isDate ? 0 : time.minute,
    second: time.isDate ? 0 : Math.min(59, time.second),
  })
    .toZonedDateTime(zone, { disambiguation: "compatible" })
    .toInstant().epochMilliseconds;
}

export function parseBusyCalendar(text: string, window: { from: Date; to: Date; timeZone: string }): BusyInterval[] {
  let root: ICAL.Component;
  try {
    root = new ICAL.Component(ICAL.parse(text));
  } catch (error) {
    throw invalid("file", `Not a valid iCalendar file: ${(error as Error).message}`);
  }
  if (root.name !== "vcalendar") throw invalid("file", "Not a valid iCalendar file: no VCALENDAR");
  const from = window.from.getTime();
  const to = window.to.getTime();
  const intervals: BusyInterval[] = [];
  let occurrences = 0;
  try {
    for (const zone of root.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(zone);
    for (const component of root.getAllSubcomponents("vevent")) {
      const status = String(component.getFirstPropertyValue("status") ?? "").toUpperCase();
      const transparency = String(component.getFirstPropertyValue("transp") ?? "").toUpperCase();
      if (status === "CANCELLED" || transparency === "TRANSPARENT") continue;
      const event = new ICAL.Event(component);
      if (!event.startDate) throw new Error("an event has no DTSTART");
      const label = (event.summary ?? "").slice(0, 200);
      const add = (start: ICAL.Time, end: ICAL.Time | null) => {
        occurrences++;
        const startsAt = toEpoch(start, window.timeZone);
        const endsAt = end ? toEpoch(end, window.timeZone) : start.isDate ? startsAt + 86_400_000 : startsAt;
        if (endsAt > startsAt && endsAt > from && startsAt < to)
          intervals.push({ startsAt: new Date(startsAt), endsAt: new Date(endsAt), label });
      };
      if (!event.isRecurring()) {
        add(event.startDate, event.endDate ?? null);
        continue;
      }
      const iterator = event.iterator();
      for (let next = iterator.next(); next && occurrences < maxOccurrences; next = iterator.next()) {
        const details = event.getOccurrenceDetails(next);
        if (toEpoch(details.startDate, window.timeZone) >= to) break;
        add(details.startDate, details.endDate);
      }
      if (occurrences >= maxOccurrences) break;
    }
  } catch (error) {
    throw invalid("file", `Not a valid iCalendar file: ${(error as Error).message}`);
  }
  return intervals;
}
