/**
 * Queue settings of the server's jobs (see `QueueSettings`): every queue whose senders name a singleton key wants at
 * most one waiting job per key — a job that redoes the latest state (a trip's agenda re-solve or alert fan-out, a
 * feed fetch, the demo locals' reply, a city report, the outbox delivery) covers every send before it started.
 */
import { agendaResolveJob } from "../app/agenda/queue-agenda-resolve";
import { cityReportRefreshJob } from "../app/analytics/queue-city-report-refresh";
import { demoReplyJob } from "../app/demo/reply-as-demo-locals";
import { fetchFeedJob } from "../app/feeds/add-feed";
import type { QueueSettings } from "./pg-boss-queue";

export const queueSettings: Record<string, QueueSettings> = {
  // One key per trip: a worker takes several trips per fetch, so that many busy trips do not wait in line.
  [agendaResolveJob]: { policy: "short", batchSize: 10 },
  "alerts.fanout": { policy: "short", batchSize: 5 },
  [fetchFeedJob]: { policy: "short", batchSize: 5 },
  [demoReplyJob]: { policy: "short", batchSize: 5 },
  [cityReportRefreshJob]: { policy: "short" },
  "outbox.deliver": { policy: "short" },
};
