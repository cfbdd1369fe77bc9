/**
 * "Arriving in my city": current trips into a city that the viewer may see, with the reasons when the viewer was
 * alerted, so that a local can offer help without having been picked. The city defaults to where the viewer is.
 */
import { findCityBySlug } from "../../db/repositories/cities.repository";
import { findMemberById } from "../../db/repositories/members.repository";
import { listVisibleTripsInCity } from "../../db/repositories/trips.repository";
import { invalid } from "../../domain/errors";
import type { AppContext } from "../context";
import { describeTrips, type TripDetails } from "./trip-details";

export async function listArrivals(
  context: AppContext,
  viewer: { memberId: number; locale: string; cityId?: number | null },
  options: { citySlug?: string | undefined },
): Promise<TripDetails[]> {
  let cityId: number | null;
  if (options.citySlug) {
    const city = await findCityBySlug(context.db, options.citySlug);
    if (!city) throw invalid("city", `city: no city "${options.citySlug}" on this instance`);
    cityId = city.id;
  } else if (viewer.cityId !== undefined) {
    cityId = viewer.cityId;
    if (cityId === null) throw invalid("city", "city: name a city, your profile has none");
  } else {
    const member = await findMemberById(context.db, viewer.memberId);
    cityId = member?.currentCityId ?? member?.homeCityId ?? null;
    if (cityId === null) throw invalid("city", "city: name a city, your profile has none");
  }
  const found = await listVisibleTripsInCity(context.db, viewer.memberId, cityId, context.now());
  return describeTrips(context.db, found, viewer);
}
