import { Temporal } from "temporal-polyfill";

/**
 * Conversions between local wall-clock text and epoch minutes. The model converts once, at the edge, and the
 * solvers then work on integers. Wall times that do not exist or happen twice are resolved as Temporal's
 * "compatible" disambiguation does (later for a gap, earlier for an overlap).
 */
export type EpochMinutes = number;

/** Epoch minutes of a local date and "HH:MM" time ("24:00" is the next midnight). */
export function wallTimeToEpochMinutes(date: string, time: string, timeZone: string): EpochMinutes {
  let day = Temporal.PlainDate.from(date);
  let clock = time;
  if (time === "24:00") {
    day = day.add({ days: 1 });
    clock = "00:00";
  }
  const zoned = day
    .toPlainDateTime(Temporal.PlainTime.from(clock))
    .toZonedDateTime(timeZone, { disambiguation: "compatible" });
  return Math.floor(zoned.epochMilliseconds / 60_000);
}

/** Epoch minutes of a local "YYYY-MM-DDTHH:MM". */
export function localDateTimeToEpochMinutes(localDateTime: string, timeZone: string): EpochMinutes {
  const zoned = Temporal.PlainDateTime.from(localDateTime).toZonedDateTime(timeZone, { disambiguation: "compatible" });
  return Math.floor(zoned.epochMilliseconds / 60_000);
}

/** The local wall clock of an instant, as "YYYY-MM-DDTHH:MM". */
export function epochMinutesToLocal(minutes: EpochMinutes, timeZone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(minutes * 60_000)
    .toZonedDateTimeISO(timeZone)
    .toPlainDateTime()
    .toString({ smallestUnit: "minute" });
}

/** The local date ("YYYY-MM-DD") of an instant: an item belongs to the day it starts on. */
export function localDateOf(minutes: EpochMinutes, timeZone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(minutes * 60_000)
    .toZonedDateTimeISO(timeZone)
    .toPlainDate()
    .toString();
}

/** True when the name is an IANA time zone that Temporal knows. */
export function isTimeZone(name: string): boolean {
  try {
    Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(name);
    return true;
  } catch {
    return false;
  }
}
