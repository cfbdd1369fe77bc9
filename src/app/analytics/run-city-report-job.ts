/**
 * The `analytics.refresh` job: with a city id, refreshes that city's report unless the cache is already newer than
 * the request (a debounced duplicate); without one (the daily schedule), queues a refresh of every city.
 */
import { findCityReport } from "../../db/repositories/analytics.repository";
import type { AppContext } from "../context";
import type { ComputeCityReportOptions } from "./compute-city-report";
import { queueEveryCityReportRefresh } from "./queue-city-report-refresh";
import { refreshCityReport } from "./refresh-city-report";

export type CityReportJobOutcome = "refreshed" | "up-to-date" | "unknown-city" | { queued: number };

/** Runs one job; `data` is the job's payload as queued. */
export async function runCityReportJob(
  context: AppContext,
  data: Record<string, unknown>,
  options: ComputeCityReportOptions = {},
): Promise<CityReportJobOutcome> {
  const cityId = Number(data.cityId);
  if (data.cityId === undefined || !Number.isInteger(cityId)) {
    return { queued: await queueEveryCityReportRefresh(context) };
  }
  const requestedAt = Number(data.requestedAt);
  if (Number.isFinite(requestedAt)) {
    const cached = await findCityReport(context.db, cityId);
    if (cached && cached.computedAt.getTime() >= requestedAt) return "up-to-date";
  }
  return (await refreshCityReport(context, cityId, options)) ? "refreshed" : "unknown-city";
}
