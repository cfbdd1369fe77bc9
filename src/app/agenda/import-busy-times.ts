/** Imports the traveller's busy times from an iCalendar file, all or nothing, within the trip's window. */
import { Temporal } from "temporal-polyfill";
import { insertBusyTimes } from "../../db/repositories/agenda.repository";
import { AppError } from "../../domain/errors";
import type { AppContext } from "../context";
import type { ViewerInfo } from "../get-viewer";
import { tripDays } from "./build-agenda-input";
import { parseBusyCalendar } from "./parse-busy-calendar";
import { queueAgendaResolve } from "./queue-agenda-resolve";
import { requireTraveller } from "./require-traveller";

export const maxBusyCalendarBytes = 512 * 1024;

export async function importBusyTimes(
  context: AppContext,
  options: { viewer: ViewerInfo; tripId: number; text: string },
): Promise<{ imported: number }> {
  if (Buffer.byteLength(options.text, "utf8") > maxBusyCalendarBytes)
    throw new AppError("payload_too_large", "The calendar file is larger than 512 KB");
  const { trip, city } = await requireTraveller(context, options.tripId, options.viewer.memberId);
  const days = tripDays(trip);
  const first = days[0] ?? trip.arrivalDate;
  const last = days[days.length - 1] ?? first;
  const instant = (date: string) =>
    new Date(Temporal.PlainDate.from(date).toZonedDateTime(city.timeZone).toInstant().epochMilliseconds);
  const intervals = parseBusyCalendar(options.text, {
    from: instant(first),
    to: instant(Temporal.PlainDate.from(last).add({ days: 1 }).toString()),
    timeZone: city.timeZone,
  });
  const imported = await insertBusyTimes(context.db, options.tripId, intervals);
  if (imported > 0) await queueAgendaResolve(context, options.tripId);
  return { imported };
}
