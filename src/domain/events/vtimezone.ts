/**
 * A VTIMEZONE block (RFC 5545) for an IANA zone, written from Temporal's own transitions over a range of years, so that
 * calendar clients read local times exactly as the server meant them, without a time-zone database of their own.
 */
import { Temporal } from "temporal-polyfill";

const line = (name: string, value: string) => `${name}:${value}`;

function formatOffset(nanoseconds: number): string {
  const totalMinutes = Math.round(nanoseconds / 60_000_000_000);
  const sign = totalMinutes < 0 ? "-" : "+";
  const absolute = Math.abs(totalMinutes);
  return `${sign}${String(Math.floor(absolute / 60)).padStart(2, "0")}${String(absolute % 60).padStart(2, "0")}`;
}

function formatLocal(dateTime: Temporal.PlainDateTime): string {
  const pad = (value: number, size = 2) => String(value).padStart(size, "0");
  return `${pad(dateTime.year, 4)}${pad(dateTime.month)}${pad(dateTime.day)}T${pad(dateTime.hour)}${pad(dateTime.minute)}${pad(dateTime.second)}`;
}

/** The VTIMEZONE of `timeZone` covering the years from `fromYear` to `toYear` inclusive. */
export function buildVTimezone(timeZone: string, fromYear: number, toYear: number): string {
  const start = Temporal.ZonedDateTime.from({ timeZone, year: fromYear, month: 1, day: 1 });
  const end = Temporal.ZonedDateTime.from({ timeZone, year: toYear + 1, month: 1, day: 1 });
  const lines = ["BEGIN:VTIMEZONE", line("TZID", timeZone)];
  // The offset in force at the start of the range, as a first period.
  lines.push(
    "BEGIN:STANDARD",
    line("DTSTART", formatLocal(start.toPlainDateTime())),
    line("TZOFFSETFROM", formatOffset(start.offsetNanoseconds)),
    line("TZOFFSETTO", formatOffset(start.offsetNanoseconds)),
    "END:STANDARD",
  );
  let cursor: Temporal.ZonedDateTime | null = start.getTimeZoneTransition("next");
  while (cursor !== null && Temporal.ZonedDateTime.compare(cursor, end) < 0) {
    const before = cursor.subtract({ nanoseconds: 1 });
    const from = before.offsetNanoseconds;
    const to = cursor.offsetNanoseconds;
    const component = to > from ? "DAYLIGHT" : "STANDARD";
    // DTSTART of a period is the wall time of its onset read with the offset before it.
    const onset = cursor.toInstant().toZonedDateTimeISO("UTC").toPlainDateTime().add({ nanoseconds: from });
    lines.push(
      `BEGIN:${component}`,
      line("DTSTART", formatLocal(onset)),
      line("TZOFFSETFROM", formatOffset(from)),
      line("TZOFFSETTO", formatOffset(to)),
      `END:${component}`,
    );
    cursor = cursor.getTimeZoneTransition("next");
  }
  lines.push("END:VTIMEZONE");
  return lines.join("\r\n");
}
