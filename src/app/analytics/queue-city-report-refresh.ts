/**
 * Asks for a city's report to be recomputed in the background. Debounced: the job waits `debounceSeconds` and
 * carries a singleton key per city, and it records when it was asked for: a job that finds the cache computed after
 * that moment does nothing, so a burst of new or strengthened ties costs one computation even where the queue keeps
 * several jobs of one key (pg-boss dedupes keys only on "short", "singleton" and "stately" queues).
 */
import { listCities } from "../../db/repositories/cities.repository";
import type { AppContext } from "../context";

export const cityReportRefreshJob = "analytics.refresh";
/** Seconds a refresh waits for more changes before it runs. */
export const debounceSeconds = 300;

/** Queues a debounced refresh of one city's report; call it when a tie of the city is created or strengthened. */
export async function queueCityReportRefresh(
  context: Pick<AppContext, "jobs" | "now">,
  cityId: number,
  options: { startAfterSeconds?: number } = {},
): Promise<void> {
  await context.jobs.send(
    cityReportRefreshJob,
    { cityId, requestedAt: context.now().getTime() },
    { singletonKey: `city-report:${cityId}`, startAfterSeconds: options.startAfterSeconds ?? debounceSeconds },
  );
}

/** Queues a refresh of every city (the daily schedule), spread out so that they do not all run at once. */
export async function queueEveryCityReportRefresh(context: Pick<AppContext, "db" | "jobs" | "now">): Promise<number> {
  const cities = await listCities(context.db);
  for (const [position, city] of cities.entries())
    await queueCityReportRefresh(context, city.id, { startAfterSeconds: position * 60 });
  return cities.length;
}
