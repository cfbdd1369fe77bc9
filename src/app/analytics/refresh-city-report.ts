/** Recomputes a city's openness report and writes it to the cache (the `analytics.refresh` job's use case). */
import { saveCityReport } from "../../db/repositories/analytics.repository";
import { findCityById } from "../../db/repositories/cities.repository";
import type { AppContext } from "../context";
import type { CityReportSnapshot } from "./city-report-snapshot";
import { computeCityReport, type ComputeCityReportOptions } from "./compute-city-report";

/** Computes and caches the report; returns it, or null when the city no longer exists. */
export async function refreshCityReport(
  context: Pick<AppContext, "db" | "now" | "logger">,
  cityId: number,
  options: ComputeCityReportOptions = {},
): Promise<CityReportSnapshot | null> {
  const city = await findCityById(context.db, cityId);
  if (!city) return null;
  const snapshot = await computeCityReport(context, cityId, options);
  await saveCityReport(context.db, cityId, snapshot, new Date(snapshot.now));
  context.logger.info(
    { city: city.slug, index: snapshot.openness.index, members: snapshot.counts.members, ms: snapshot.computeMs },
    "city report refreshed",
  );
  return snapshot;
}
