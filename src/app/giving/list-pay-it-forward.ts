/** After a trip, pay it forward: the next arrivals in the traveller's home city, and locals of the visited city coming. */
import { findTripOwner, listArrivals, type ArrivalRow } from "../../db/repositories/gifts.repository";
import { notFound } from "../../domain/errors";
import type { AppContext } from "../context";

export interface PayItForward {
  homeCityId: number | null;
  /** Current and coming visitors of the traveller's home city. */
  arrivals: ArrivalRow[];
  /** Among them, locals of the city the traveller visited. */
  fromVisitedCity: ArrivalRow[];
}

/** The lists for one of the viewer's trips; 404 for anyone else's trip. */
export async function listPayItForward(context: AppContext, memberId: number, tripId: number): Promise<PayItForward> {
  const trip = await findTripOwner(context.db, tripId);
  if (!trip || trip.memberId !== memberId) throw notFound("Trip");
  if (trip.homeCityId === null || trip.homeCityId === trip.cityId)
    return { homeCityId: trip.homeCityId, arrivals: [], fromVisitedCity: [] };
  const base = { cityId: trip.homeCityId, viewerId: memberId, now: context.now(), limit: 20 };
  return {
    homeCityId: trip.homeCityId,
    arrivals: await listArrivals(context.db, base),
    fromVisitedCity: await listArrivals(context.db, { ...base, fromCityId: trip.cityId }),
  };
}
