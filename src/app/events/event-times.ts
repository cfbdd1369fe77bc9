/** Reads and checks an event's start and end, given as instants with an offset. */
import { Temporal } from "temporal-polyfill";
import { invalid } from "../../domain/errors";

const longestEvent = Temporal.Duration.from({ hours: 24 * 14 });

/** The instants of an event; the end after the start, at most 14 days long, and (for new times) not in the past. */
export function readEventTimes(startsAt: string, endsAt: string, now: Date): { startsAt: Date; endsAt: Date } {
  const start = Temporal.Instant.from(startsAt);
  const end = Temporal.Instant.from(endsAt);
  if (Temporal.Instant.compare(start, end) >= 0) throw invalid("endsAt", "endsAt: must be after startsAt");
  if (Temporal.Duration.compare(start.until(end), longestEvent) > 0)
    throw invalid("endsAt", "endsAt: an event lasts at most 14 days");
  if (start.epochMilliseconds <= now.getTime()) throw invalid("startsAt", "startsAt: must be in the future");
  return { startsAt: new Date(start.epochMilliseconds), endsAt: new Date(end.epochMilliseconds) };
}

/** The local calendar date of an instant in a zone, as "YYYY-MM-DD". */
export function localDate(instant: Date, timeZone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(instant.getTime())
    .toZonedDateTimeISO(timeZone)
    .toPlainDate()
    .toString();
}
