/**
 * The analytics job: `analytics.refresh` recomputes one city's openness report (queued, debounced, when ties change
 * or an organiser asks) or, from the daily schedule without a city, queues every city's. The report itself (seconds
 * of CPU for a 2,000-member city, minutes for a million members) runs in a worker thread, so the server's event
 * loop keeps answering requests meanwhile.
 */
import type { ResourceLimits } from "node:worker_threads";
import { startTypeScriptWorker } from "../app/typescript-worker";
import type { AppContext } from "../app/context";
import type { CityReportComputer, ComputeCityReportOptions } from "../app/analytics/compute-city-report";
import { cityReportRefreshJob } from "../app/analytics/queue-city-report-refresh";
import { runCityReportJob } from "../app/analytics/run-city-report-job";
import type { CityReportWorkerReply } from "./city-report-worker";
import type { JobHandler } from "./pg-boss-queue";

/** Every day at 03:17 UTC, out of the way of the hour marks. */
export const dailyReportSchedule = "17 3 * * *";

export interface ReportWorkerOptions {
  /** Heap limits of the worker; a worker that runs out fails its job, not the server. */
  resourceLimits?: ResourceLimits;
  /** Milliseconds before the worker is stopped and the job fails (default: none). */
  timeoutMs?: number;
}

const workerFile = new URL("./city-report-worker.ts", import.meta.url).href;
/** The typed arrays of a request, moved rather than copied to the worker (each buffer once). */
function transferables(request: Parameters<CityReportComputer>[0]): ArrayBuffer[] {
  const { ties, follows } = request.input;
  const arrays = [
    ties.a,
    ties.b,
    ties.strength,
    ties.firstMetAt,
    follows.follower,
    follows.followed,
    request.memberIds,
  ];
  return [...new Set(arrays.map((array) => array.buffer))].filter(
    (buffer): buffer is ArrayBuffer => buffer instanceof ArrayBuffer,
  );
}

/**
 * Computes a report in a fresh worker thread: posts the loaded network, resolves with the snapshot. Rejects, without
 * harming this process, when the worker throws, runs out of memory, exits early or takes longer than `timeoutMs`.
 */
export function computeCityReportInWorker(options: ReportWorkerOptions = {}): CityReportComputer {
  return (request) =>
    new Promise((resolve, reject) => {
      const worker = startTypeScriptWorker(workerFile, options.resourceLimits);
      let settled = false;
      const settle = (outcome: () => void): void => {
        if (settled) return;
        settled = true;
        if (timer) clearTimeout(timer);
        void worker.terminate();
        outcome();
      };
      const timer =
        options.timeoutMs === undefined
          ? undefined
          : setTimeout(
              () => settle(() => reject(new Error(`city report worker: no answer after ${options.timeoutMs} ms`))),
              options.timeoutMs,
            );
      worker.once("message", (reply: CityReportWorkerReply) =>
        settle(() => {
          if (reply.ok) resolve(reply.snapshot);
          else {
            const error = new Error(`city report worker: ${reply.error.message}`);
            error.name = reply.error.name;
            if (reply.error.stack) error.stack = reply.error.stack;
            reject(error);
          }
        }),
      );
      worker.once("error", (error) =>
        settle(() => reject(new Error(`city report worker failed: ${error.message}`, { cause: error }))),
      );
      worker.once("exit", (code) =>
        settle(() => reject(new Error(`city report worker exited (code ${code}) before answering`))),
      );
      worker.postMessage(request, transferables(request));
    });
}

/**
 * The handler and schedule to register on the job queue. `holder.context` is set once the context exists (the
 * context holds the queue, so it is built after the queue has started); a job that arrives before fails and is
 * retried by the queue. Reports run in a worker thread unless `options.compute` says otherwise.
 */
export function analyticsJobs(
  holder: { context?: AppContext },
  options: ComputeCityReportOptions & { worker?: ReportWorkerOptions } = {},
): { handlers: Record<string, JobHandler>; schedules: Record<string, string> } {
  const { worker, ...computeOptions } = options;
  const compute = computeOptions.compute ?? computeCityReportInWorker(worker);
  return {
    handlers: {
      [cityReportRefreshJob]: async (data) => {
        const context = holder.context;
        if (!context) throw new Error("the app context is not ready yet");
        await runCityReportJob(context, data, { ...computeOptions, compute });
      },
    },
    schedules: { [cityReportRefreshJob]: dailyReportSchedule },
  };
}
