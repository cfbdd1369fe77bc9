/** Upcoming events of a city as the viewer may see them. */
import { findCityBySlug } from "../../db/repositories/cities.repository";
import { listCityEvents, type EventWithCity } from "../../db/repositories/events.repository";
import { notFound } from "../../domain/errors";
import type { AppContext } from "../context";

/** Public events for anyone; members' events too for members; invite-only ones for their host and the invited. */
export async function listUpcomingCityEvents(
  context: AppContext,
  viewerId: number | null,
  citySlug: string,
  limit: number,
): Promise<EventWithCity[]> {
  const city = await findCityBySlug(context.db, citySlug);
  if (!city) throw notFound("City");
  return listCityEvents(context.db, {
    cityId: city.id,
    from: context.now(),
    audiences: viewerId === null ? ["public"] : ["public", "members"],
    viewerId,
    limit,
  });
}
