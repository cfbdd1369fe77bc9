/** The stay of a trip as instants, and the availability ranges that apply to one local day of it. */
import { Temporal } from "temporal-polyfill";

/** What the offer rules need of a trip: its dates in the city's time zone and the traveller's availability. */
export interface TripStay {
  kind: "visit" | "move";
  timeZone: string;
  /** "YYYY-MM-DD" */
  arrivalDate: string;
  /** "HH:MM" or "HH:MM:SS", or null when the traveller did not say. */
  arrivalTime: string | null;
  departureDate: string | null;
  departureTime: string | null;
  /** The last instant the trip is shown (for a move, arrival + 90 days). */
  visibleUntil: Date;
  availability: TripAvailability;
}

export interface AvailabilityRange {
  from: string;
  to: string;
  kinds?: string[];
}
export interface TripAvailability {
  weekly: Record<string, AvailabilityRange[]>;
  dates?: Record<string, AvailabilityRange[]>;
}

/** The instants the stay starts and ends: arrival (start of day if no time given) to departure (end of day). */
export function stayInstants(stay: TripStay): { startsAt: Temporal.Instant; endsAt: Temporal.Instant } {
  const arrival = Temporal.PlainDate.from(stay.arrivalDate).toZonedDateTime({
    timeZone: stay.timeZone,
    ...(stay.arrivalTime ? { plainTime: Temporal.PlainTime.from(stay.arrivalTime) } : {}),
  });
  let endsAt: Temporal.Instant;
  if (stay.departureDate) {
    const departureDay = Temporal.PlainDate.from(stay.departureDate);
    endsAt = stay.departureTime
      ? departureDay
          .toZonedDateTime({ timeZone: stay.timeZone, plainTime: Temporal.PlainTime.from(stay.departureTime) })
          .toInstant()
      : departureDay.add({ days: 1 }).toZonedDateTime({ timeZone: stay.timeZone }).toInstant();
  } else {
    endsAt = Temporal.Instant.fromEpochMilliseconds(stay.visibleUntil.getTime());
  }
  return { startsAt: arrival.toInstant(), endsAt };
}

/** The local days of the stay, arrival first; a move counts its first `maxDays` days. */
export function stayDays(stay: TripStay, maxDays = 21): Temporal.PlainDate[] {
  const first = Temporal.PlainDate.from(stay.arrivalDate);
  const last = stay.departureDate ? Temporal.PlainDate.from(stay.departureDate) : first.add({ days: maxDays - 1 });
  const days: Temporal.PlainDate[] = [];
  for (let day = first; Temporal.PlainDate.compare(day, last) <= 0 && days.length < maxDays; day = day.add({ days: 1 }))
    days.push(day);
  return days;
}

/** The ranges of one local day that admit one of `kinds`: the day's own ranges when given, else its weekday's. */
export function rangesFor(
  availability: TripAvailability,
  day: Temporal.PlainDate,
  kinds: readonly string[],
): AvailabilityRange[] {
  const ranges = availability.dates?.[day.toString()] ?? availability.weekly[String(day.dayOfWeek)] ?? [];
  return ranges.filter((range) => range.kinds === undefined || range.kinds.some((kind) => kinds.includes(kind)));
}

/** Whether [start, start + minutes] lies inside one range of its local day that admits the kind. */
export function isInsideAvailability(
  availability: TripAvailability,
  timeZone: string,
  start: Temporal.Instant,
  minutes: number,
  kinds: readonly string[],
): boolean {
  const local = start.toZonedDateTimeISO(timeZone);
  const end = start.add({ minutes }).toZonedDateTimeISO(timeZone);
  if (!end.toPlainDate().equals(local.toPlainDate()) && end.toPlainTime().toString() !== "00:00:00") return false;
  const startMinute = local.hour * 60 + local.minute;
  const endMinute = startMinute + Math.round(end.toInstant().since(local.toInstant()).total("minutes"));
  return rangesFor(availability, local.toPlainDate(), kinds).some(
    (range) => minuteOf(range.from) <= startMinute && endMinute <= minuteOf(range.to === "00:00" ? "24:00" : range.to),
  );
}

/** Minutes since midnight of "HH:MM". */
export function minuteOf(time: string): number {
  const [hours = "0", minutes = "0"] = time.split(":");
  return Number(hours) * 60 + Number(minutes);
}
