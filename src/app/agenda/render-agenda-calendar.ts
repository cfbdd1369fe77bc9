/**
 * The agenda as iCalendar: one event per chosen item with a stable UID, SEQUENCE the agenda's version, times in
 * the city's zone (with its VTIMEZONE), and the items the last change removed as cancelled events.
 */
import ical, { ICalEventStatus } from "ical-generator";
import { Temporal } from "temporal-polyfill";
import type { AgendaKind } from "../../domain/agenda/agenda-kind";
import type { AgendaPlanItem } from "./agenda-plan";
import type { ResolvedAgenda } from "./resolve-trip-agenda";
import { vtimezone } from "./vtimezone";

const kindTitles: Record<"en" | "fr", Record<AgendaKind, string>> = {
  en: { coffee: "Coffee", lunch: "Lunch", dinner: "Dinner", visit: "Visit", event: "Event", other: "Meeting" },
  fr: { coffee: "Café", lunch: "Déjeuner", dinner: "Dîner", visit: "Visite", event: "Événement", other: "Rendez-vous" },
};
const withWord = { en: "with", fr: "avec" } as const;
const calendarName = { en: "Givefirst agenda", fr: "Agenda Givefirst" } as const;

export function renderAgendaCalendar(
  agenda: ResolvedAgenda,
  options: { locale: string; host: string; now: Date },
): string {
  const locale = options.locale === "fr" ? "fr" : "en";
  const zone = agenda.plan.timeZone;
  const items = [...agenda.plan.chosen, ...(agenda.previous?.chosen ?? [])];
  const years = items.map((item) => Number(item.start.slice(0, 4)));
  const fromYear = Math.min(...years, options.now.getUTCFullYear()) - 1;
  const toYear = Math.max(...years, options.now.getUTCFullYear()) + 1;
  const calendar = ical({
    name: calendarName[locale],
    prodId: { company: "Givefirst", product: "agenda", language: locale.toUpperCase() },
    timezone: { name: null, generator: (name) => vtimezone(name, fromYear, toYear) },
  });
  const stamp = Temporal.Instant.fromEpochMilliseconds(options.now.getTime()).toZonedDateTimeISO("UTC");
  const add = (item: AgendaPlanItem, cancelled: boolean) => {
    const start = Temporal.Instant.from(item.start).toZonedDateTimeISO(zone);
    const end = Temporal.Instant.from(item.end).toZonedDateTimeISO(zone);
    calendar.createEvent({
      id: `agenda-${agenda.tripId}-${item.id}@${options.host}`,
      sequence: agenda.version,
      stamp,
      start,
      end,
      timezone: zone,
      summary: `${kindTitles[locale][item.kind]} ${withWord[locale]} ${item.counterpart.name}`,
      ...(item.venue ? { location: item.venue.name } : {}),
      status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  };
  for (const item of agenda.plan.chosen) add(item, false);
  const kept = new Set(agenda.plan.chosen.map((item) => item.id));
  for (const item of agenda.previous?.chosen ?? []) if (!kept.has(item.id)) add(item, true);
  return calendar.toString();
}
