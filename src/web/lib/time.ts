/** Dates and times per locale with Intl, always in the city's time zone; wall times converted with Temporal. */
import { Temporal } from "temporal-polyfill";

export function formatDateTime(iso: string, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, {
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "numeric",
    minute: "2-digit",
    timeZone,
  }).format(new Date(iso));
}

export function formatTime(iso: string, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { hour: "numeric", minute: "2-digit", timeZone }).format(new Date(iso));
}

/** A calendar date ("2026-12-01") as words, without any time-zone shift. */
export function formatPlainDate(date: string, locale: string, options: Intl.DateTimeFormatOptions = {}): string {
  const [year, month, day] = date.split("-").map(Number);
  return new Intl.DateTimeFormat(locale, {
    weekday: "short",
    day: "numeric",
    month: "short",
    ...options,
    timeZone: "UTC",
  }).format(new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1)));
}

export function formatDateRange(from: string, to: string | null, locale: string): string {
  const start = formatPlainDate(from, locale);
  return to && to !== from ? `${start} – ${formatPlainDate(to, locale)}` : start;
}

/** "2026-12-01" + "12:30" in a time zone → an ISO instant with its offset. */
export function wallTimeToInstant(date: string, time: string, timeZone: string): string {
  return Temporal.PlainDateTime.from(`${date}T${time}`)
    .toZonedDateTime(timeZone)
    .toString({ timeZoneName: "never", smallestUnit: "minute" })
    .replace(/(\d\d:\d\d)([+-]\d\d:\d\d|Z)$/, "$1:00$2");
}

/** The local date ("YYYY-MM-DD") and minutes after midnight of an instant in a time zone. */
export function localParts(iso: string, timeZone: string): { date: string; minutes: number } {
  const zoned = Temporal.Instant.from(iso).toZonedDateTimeISO(timeZone);
  return { date: zoned.toPlainDate().toString(), minutes: zoned.hour * 60 + zoned.minute };
}

/** Seven consecutive dates starting at the Monday of the week of `date`. */
export function weekOf(date: string): string[] {
  const day = Temporal.PlainDate.from(date);
  const monday = day.subtract({ days: day.dayOfWeek - 1 });
  return Array.from({ length: 7 }, (_, index) => monday.add({ days: index }).toString());
}

export function addDays(date: string, days: number): string {
  return Temporal.PlainDate.from(date).add({ days }).toString();
}

/** Today's date in a time zone. */
export function todayIn(timeZone: string): string {
  return Temporal.Now.plainDateISO(timeZone).toString();
}
