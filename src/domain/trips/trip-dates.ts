/**
 * Calendar rules of a trip, in the destination city's time zone: what a valid stay is, when it stops being shown,
 * and what "today" is there. Pure: the current instant is an argument; calendar math runs on Temporal, never on Date.
 */
import { Temporal } from "temporal-polyfill";
import { invalid } from "../errors";

export type TripKind = "visit" | "move";

/** A visit may last at most this many days (moves have no departure). */
export const maxVisitDays = 60;
/** A move is announced to locals for its first this many days. */
export const moveAlertDays = 90;
/** How far ahead a stay may be announced. */
export const maxDaysAhead = 730;

export interface TripDates {
  readonly kind: TripKind;
  /** ISO dates "YYYY-MM-DD" and optional local times "HH:MM" in the city's zone. */
  readonly arrivalDate: string;
  readonly arrivalTime?: string | null;
  readonly departureDate?: string | null;
  readonly departureTime?: string | null;
}

/** The calendar date of an instant in a time zone. */
export function todayIn(timeZone: string, now: Date): Temporal.PlainDate {
  return Temporal.Instant.fromEpochMilliseconds(now.getTime()).toZonedDateTimeISO(timeZone).toPlainDate();
}

function parseDate(value: string, field: string): Temporal.PlainDate {
  try {
    return Temporal.PlainDate.from(value, { overflow: "reject" });
  } catch {
    throw invalid(field, `${field}: not a valid date (YYYY-MM-DD)`);
  }
}

/** The last day on which a trip is shown: its departure, or arrival + 90 days for a move. */
export function lastShownDay(dates: TripDates): Temporal.PlainDate {
  const arrival = Temporal.PlainDate.from(dates.arrivalDate);
  if (dates.kind === "move" || !dates.departureDate) return arrival.add({ days: moveAlertDays });
  return Temporal.PlainDate.from(dates.departureDate);
}

/** The instant a trip stops being shown: the end of its last shown day in the city's zone (DST-safe). */
export function visibleUntil(dates: TripDates, timeZone: string): Date {
  const end = lastShownDay(dates).add({ days: 1 }).toZonedDateTime({ timeZone });
  return new Date(end.epochMilliseconds);
}

/**
 * Checks the dates of a stay against "today" in the city: a stay that has begun is fine; one whose departure is past,
 * one longer than 60 days, or a move with a departure is refused with the field to fix. Throws `invalid`.
 */
export function validateTripDates(dates: TripDates, timeZone: string, now: Date): void {
  const today = todayIn(timeZone, now);
  const arrival = parseDate(dates.arrivalDate, "arrivalDate");
  if (Temporal.PlainDate.compare(arrival, today.add({ days: maxDaysAhead })) > 0)
    throw invalid("arrivalDate", `arrivalDate: at most ${maxDaysAhead} days ahead`);
  if (dates.kind === "move") {
    if (dates.departureDate || dates.departureTime)
      throw invalid("departureDate", "departureDate: a move has no departure");
    if (Temporal.PlainDate.compare(arrival.add({ days: moveAlertDays }), today) < 0)
      throw invalid("arrivalDate", `arrivalDate: a move is announced within ${moveAlertDays} days of arriving`);
    return;
  }
  if (!dates.departureDate) throw invalid("departureDate", "departureDate: required for a visit");
  const departure = parseDate(dates.departureDate, "departureDate");
  if (Temporal.PlainDate.compare(departure, arrival) < 0)
    throw invalid("departureDate", "departureDate: before the arrival");
  if (Temporal.PlainDate.compare(departure, today) < 0) throw invalid("departureDate", "departureDate: in the past");
  if (arrival.until(departure, { largestUnit: "days" }).days > maxVisitDays)
    throw invalid("departureDate", `departureDate: a visit lasts at most ${maxVisitDays} days`);
  if (
    Temporal.PlainDate.compare(departure, arrival) === 0 &&
    dates.arrivalTime &&
    dates.departureTime &&
    dates.departureTime <= dates.arrivalTime
  )
    throw invalid("departureTime", "departureTime: before the arrival time");
}
