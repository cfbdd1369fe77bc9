/**
 * The analytics job: `analytics.refresh` recomputes one city's openness report (queued, debounced, when ties change
 * or an organiser asks) or, from the daily schedule without a city, queues every city's.
 */
import type { AppContext } from "../app/context";
import type { ComputeCityReportOptions } from "../app/analytics/compute-city-report";
import { cityReportRefreshJob } from "../app/analytics/queue-city-report-refresh";
import { runCityReportJob } from "../app/analytics/run-city-report-job";
import type { JobHandler } from "./pg-boss-queue";

/** Every day at 03:17 UTC, out of the way of the hour marks. */
export const dailyReportSchedule = "17 3 * * *";

/**
 * The handler and schedule to register on the job queue. `holder.context` is set once the context exists (the
 * context holds the queue, so it is built after the queue has started); a job that arrives before fails and is
 * retried by the queue.
 */
export function analyticsJobs(
  holder: { context?: AppContext },
  options: ComputeCityReportOptions = {},
): { handlers: Record<string, JobHandler>; schedules: Record<string, string> } {
  return {
    handlers: {
      [cityReportRefreshJob]: async (data) => {
        const context = holder.context;
        if (!context) throw new Error("the app context is not ready yet");
        await runCityReportJob(context, data, options);
      },
    },
    schedules: { [cityReportRefreshJob]: dailyReportSchedule },
  };
}
