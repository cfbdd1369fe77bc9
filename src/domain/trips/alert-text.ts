/**
 * The words of an alert in the local's language: "Pierre arrives in Miami Tue 1 – Fri 4 Dec. You were picked because
 * … How can you help?". Dates are calendar dates of the city, formatted with Intl; reasons come rendered.
 */
import { Temporal } from "temporal-polyfill";

export type Locale = "en" | "fr";

export interface StayForText {
  readonly kind: "visit" | "move";
  readonly arrivalDate: string;
  readonly departureDate: string | null;
}

const intlLocale: Record<Locale, string> = { en: "en-GB", fr: "fr-FR" };

function format(date: Temporal.PlainDate, locale: Locale, withMonth: boolean, withYear = false): string {
  // A calendar date carries no zone: format it at UTC midnight in UTC, so no zone can shift the day.
  return new Intl.DateTimeFormat(intlLocale[locale], {
    weekday: "short",
    day: "numeric",
    ...(withMonth ? { month: "short" } : {}),
    ...(withYear ? { year: "numeric" } : {}),
    timeZone: "UTC",
  }).format(new Date(Date.UTC(date.year, date.month - 1, date.day)));
}

/** "Tue 1 – Fri 4 Dec" / "mar. 1 – ven. 4 déc."; the month once when both days share it, the year across years. */
export function formatStayDates(stay: StayForText, locale: Locale): string {
  const arrival = Temporal.PlainDate.from(stay.arrivalDate);
  if (stay.kind === "move" || !stay.departureDate) return format(arrival, locale, true);
  const departure = Temporal.PlainDate.from(stay.departureDate);
  if (arrival.equals(departure)) return format(arrival, locale, true);
  const sameYear = arrival.year === departure.year;
  const sameMonth = sameYear && arrival.month === departure.month;
  return `${format(arrival, locale, !sameMonth, !sameYear)} – ${format(departure, locale, true, !sameYear)}`;
}

/** The headline of an alert: who arrives where and when. */
export function alertHeadline(stay: StayForText, names: { traveller: string; city: string }, locale: Locale): string {
  const dates = formatStayDates(stay, locale);
  if (locale === "fr") {
    if (stay.kind === "move") return `${names.traveller} s'installe à ${names.city} le ${dates}`;
    const [from, to] = dates.split(" – ");
    return to
      ? `${names.traveller} arrive à ${names.city} du ${from} au ${to}`
      : `${names.traveller} est à ${names.city} le ${from}`;
  }
  if (stay.kind === "move") return `${names.traveller} moves to ${names.city} on ${dates}`;
  return `${names.traveller} arrives in ${names.city} ${dates}`;
}

/** The closing question of every alert. */
export function alertQuestion(locale: Locale): string {
  return locale === "fr" ? "Comment pouvez-vous aider ?" : "How can you help?";
}
