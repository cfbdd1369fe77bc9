/**
 * The worker thread of the `analytics.refresh` job: receives one loaded city network (typed arrays, transferred),
 * computes the report's snapshot and posts it back, or posts the error. The job's side is in analytics-jobs.ts.
 */
import { parentPort } from "node:worker_threads";
import { buildCityReportSnapshot, type CityReportRequest } from "../app/analytics/build-city-report-snapshot";
import type { CityReportSnapshot } from "../app/analytics/city-report-snapshot";

export type CityReportWorkerReply =
  { ok: true; snapshot: CityReportSnapshot } | { ok: false; error: { name: string; message: string; stack?: string } };

if (!parentPort) throw new Error("city-report-worker.ts runs as a worker thread");
const port = parentPort;
port.once("message", (request: CityReportRequest) => {
  let reply: CityReportWorkerReply;
  try {
    reply = { ok: true, snapshot: buildCityReportSnapshot(request) };
  } catch (error) {
    const failure = error instanceof Error ? error : new Error(String(error));
    reply = {
      ok: false,
      error: { name: failure.name, message: failure.message, ...(failure.stack ? { stack: failure.stack } : {}) },
    };
  }
  port.postMessage(reply);
});
