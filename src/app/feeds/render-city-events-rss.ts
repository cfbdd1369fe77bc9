/**
 * The RSS 2.0 feed of a city's upcoming public events, beside its iCalendar feed: only events whose audience is
 * public, read as an anonymous visitor would, so that nothing of members' or invite-only events (nor any trip) shows.
 */
import { findCityBySlug } from "../../db/repositories/cities.repository";
import { notFound } from "../../domain/errors";
import type { AppContext } from "../context";
import { listUpcomingCityEvents } from "../events/list-city-events";

const escapeXml = (text: string) =>
  text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");

export async function renderCityEventsRss(context: AppContext, citySlug: string): Promise<string> {
  const city = await findCityBySlug(context.db, citySlug);
  if (!city) throw notFound("City");
  const events = (await listUpcomingCityEvents(context, null, citySlug, 100)).filter(
    (event) => event.audience === "public",
  );
  const base = context.settings.baseUrl;
  const french = city.locale === "fr";
  const items = events.map((event) => {
    const when = new Intl.DateTimeFormat(french ? "fr-FR" : "en-US", {
      dateStyle: "full",
      timeStyle: "short",
      timeZone: event.timeZone,
    }).format(event.startsAt);
    const title = (french && event.titleFr) || event.title;
    const description = (french && event.descriptionFr) || event.description;
    const status = event.status === "cancelled" ? (french ? "Annulé · " : "Cancelled · ") : "";
    return [
      "<item>",
      `<title>${escapeXml(status + title)}</title>`,
      `<link>${escapeXml(`${base}/events/${event.id}`)}</link>`,
      `<guid isPermaLink="false">${escapeXml(`event-${event.id}-${event.sequence}`)}</guid>`,
      `<description>${escapeXml(`${when}. ${description}`)}</description>`,
      `<pubDate>${event.createdAt.toUTCString()}</pubDate>`,
      "</item>",
    ].join("");
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0"><channel>',
    `<title>${escapeXml(`Givefirst · ${french ? (city.nameFr ?? city.name) : city.name}`)}</title>`,
    `<link>${escapeXml(`${base}/cities/${city.slug}/events`)}</link>`,
    `<description>${escapeXml(french ? `Événements publics à venir à ${city.nameFr ?? city.name}` : `Upcoming public events in ${city.name}`)}</description>`,
    `<language>${french ? "fr" : "en"}</language>`,
    `<lastBuildDate>${context.now().toUTCString()}</lastBuildDate>`,
    ...items,
    "</channel></rss>",
    "",
  ].join("\n");
}
