/** A calendar subscription read by its secret (no session): an unknown, revoked or malformed secret is not found. */
import { findCalendarFeedByHash } from "../../db/repositories/agenda.repository";
import { findTripWithCity } from "../../db/repositories/offers.repository";
import { notFound } from "../../domain/errors";
import type { AppContext } from "../context";
import { hashFeedSecret } from "./calendar-feed-secret";
import { renderAgendaCalendar } from "./render-agenda-calendar";
import { resolveTripAgenda } from "./resolve-trip-agenda";

export async function getCalendarFeed(context: AppContext, options: { fileName: string }): Promise<string> {
  const match = /^([A-Za-z0-9_-]{43})\.ics$/.exec(options.fileName);
  if (!match?.[1]) throw notFound("Calendar feed");
  const feed = await findCalendarFeedByHash(context.db, hashFeedSecret(match[1]));
  if (!feed || feed.tripId === null) throw notFound("Calendar feed");
  const found = await findTripWithCity(context.db, feed.tripId);
  if (!found || found.trip.memberId !== feed.memberId) throw notFound("Calendar feed");
  const agenda = await resolveTripAgenda(context, feed.tripId, undefined, { withPrevious: true });
  return renderAgendaCalendar(agenda, {
    locale: found.traveller.locale,
    host: new URL(context.settings.baseUrl).hostname,
    now: context.now(),
  });
}
