/**
 * A VTIMEZONE for ical-generator's `timezone.generator`, built from Temporal's transitions of the zone: one
 * STANDARD or DAYLIGHT part per transition within a window around the agenda, so calendars need no zone database.
 */
import { Temporal } from "temporal-polyfill";

const pad = (value: number, width = 2): string => String(Math.abs(value)).padStart(width, "0");

function formatOffset(nanoseconds: number): string {
  const totalMinutes = Math.round(nanoseconds / 60e9);
  const sign = totalMinutes < 0 ? "-" : "+";
  return `${sign}${pad(Math.floor(Math.abs(totalMinutes) / 60))}${pad(Math.abs(totalMinutes) % 60)}`;
}

function formatLocal(dateTime: Temporal.PlainDateTime): string {
  return `${pad(dateTime.year, 4)}${pad(dateTime.month)}${pad(dateTime.day)}T${pad(dateTime.hour)}${pad(dateTime.minute)}${pad(dateTime.second)}`;
}

/** The VTIMEZONE of a zone for the years [fromYear, toYear]. */
export function vtimezone(zone: string, fromYear: number, toYear: number): string {
  const lines = ["BEGIN:VTIMEZONE", `TZID:${zone}`];
  let cursor = Temporal.PlainDate.from({ year: fromYear, month: 1, day: 1 }).toZonedDateTime(zone);
  const end = Temporal.PlainDate.from({ year: toYear + 1, month: 1, day: 1 }).toZonedDateTime(zone);
  let parts = 0;
  for (;;) {
    const next = cursor.getTimeZoneTransition("next");
    if (next === null || Temporal.ZonedDateTime.compare(next, end) >= 0) break;
    const before = next.subtract({ nanoseconds: 1 }).offsetNanoseconds;
    const after = next.offsetNanoseconds;
    const type = after > before ? "DAYLIGHT" : "STANDARD";
    // DTSTART is the transition's wall time in the offset in force before it.
    const localBefore = next.toInstant().toZonedDateTimeISO("UTC").toPlainDateTime().add({ nanoseconds: before });
    lines.push(
      `BEGIN:${type}`,
      `DTSTART:${formatLocal(localBefore)}`,
      `TZOFFSETFROM:${formatOffset(before)}`,
      `TZOFFSETTO:${formatOffset(after)}`,
      `END:${type}`,
    );
    parts++;
    cursor = next;
  }
  if (parts === 0) {
    const offset = formatOffset(cursor.offsetNanoseconds);
    lines.push(
      "BEGIN:STANDARD",
      "DTSTART:19700101T000000",
      `TZOFFSETFROM:${offset}`,
      `TZOFFSETTO:${offset}`,
      "END:STANDARD",
    );
  }
  lines.push("END:VTIMEZONE");
  return lines.join("\r\n") + "\r\n";
}
