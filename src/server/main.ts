/**
 * The server's composition root: parses the configuration once, opens the database, starts the job queue, loads
 * the demo world on first start in demo mode, serves HTTP, and shuts down gracefully on SIGTERM and SIGINT.
 */
import { serve } from "@hono/node-server";
import cluster from "node:cluster";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import pino from "pino";
import type { AppContext } from "../app/context";
import { createAppContext } from "../app/create-context";
import { ensureDemoWorld } from "../app/demo/seed-demo-world";
import { deliverOutbox } from "../app/mail/deliver-outbox";
import { createDb } from "../db/create-db";
import { introductionJobs } from "../jobs/introduction-jobs";
import { analyticsJobs } from "../jobs/analytics-jobs";
import { createAgendaJobHandlers } from "../jobs/agenda-jobs";
import { alertSchedules, createAlertJobHandlers } from "../jobs/alert-jobs";
import { createDemoJobHandlers, demoJobSchedules } from "../jobs/demo-jobs";
import { feedJobs } from "../jobs/feed-jobs";
import { startJobQueue } from "../jobs/pg-boss-queue";
import { queueSettings } from "../jobs/queue-settings";
import { createSmtpSender } from "../jobs/smtp-sender";
import { runClusterPrimary, serverRelease, workerIndex } from "./cluster";
import { ConfigError, databaseOptions, loadConfig } from "./config";
import { createServerApp } from "./create-app";
import { isDatabaseUnavailable } from "./error-status";

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = pino({ level: config.logLevel });
  const handle = await createDb(databaseOptions(config));
  const smtp = config.smtpUrl
    ? createSmtpSender(config.smtpUrl, `Givefirst <no-reply@${new URL(config.baseUrl).hostname}>`)
    : null;

  // Handlers reach the context through this holder: the context exists once the queue that it holds has started.
  const holder: { context?: AppContext } = {};
  const givingJobs = introductionJobs(holder);
  const reportJobs = analyticsJobs(holder);
  const profileFeedJobs = feedJobs(holder);
  const queue = await startJobQueue({
    database: config.databaseUrl ? { connectionString: config.databaseUrl } : { executeSql: handle.executeSql },
    logger,
    queues: queueSettings,
    handlers: {
      ...createDemoJobHandlers(holder),
      ...givingJobs.handlers,
      ...reportJobs.handlers,
      ...profileFeedJobs.handlers,
      ...createAlertJobHandlers(() => holder.context, config.authSecret),
      ...createAgendaJobHandlers(() => holder.context),
      "outbox.deliver": async () => {
        if (holder.context && smtp) await deliverOutbox(holder.context, smtp.send);
      },
    },
    schedules: {
      ...demoJobSchedules,
      ...givingJobs.schedules,
      ...reportJobs.schedules,
      ...profileFeedJobs.schedules,
      ...alertSchedules,
      "outbox.deliver": "* * * * *",
    },
  });
  const context = createAppContext(handle, { ...config, release: serverRelease() }, queue, logger);
  holder.context = context;

  // In a cluster, one worker loads the demo world.
  if (config.demo && workerIndex() === 0) await ensureDemoWorld(context, { log: (line) => logger.info(line) });

  const app = createServerApp(context, { authSecret: config.authSecret, webDir: join(projectRoot, "dist", "web") });
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    const url = `http://${config.host === "0.0.0.0" ? "localhost" : config.host}:${info.port}`;
    // The one line a person starting the app looks for.
    console.log(`Givefirst is running at ${url}${config.demo ? " (demo mode)" : ""}`);
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down: finishing in-flight requests");
    // close() stops accepting connections and calls back once in-flight requests have finished.
    server.close(async () => {
      await queue.stop().catch((error: unknown) => logger.error({ err: error }, "job queue stop failed"));
      await context.agendaSolver.close();
      smtp?.close();
      await handle.close();
      logger.info("stopped");
      // A cluster worker stays connected to its primary: it lets go so that the process can end.
      if (cluster.isWorker) process.disconnect();
    });
    // Idle keep-alive connections would hold close() open.
    const http = server as unknown as { closeIdleConnections?: () => void; closeAllConnections?: () => void };
    http.closeIdleConnections?.();
    // A request that never ends must not keep the process alive: past the deadline its connection is cut.
    setTimeout(() => {
      logger.warn("shutdown deadline passed: closing the connections still open");
      http.closeAllConnections?.();
    }, 25_000).unref();
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
  // A background query (a library's fire-and-forget write) that fails because the database went away must not
  // take the server down with it; any other unhandled rejection is a bug and still ends the process.
  process.on("unhandledRejection", (error) => {
    if (!isDatabaseUnavailable(error)) throw error;
    logger.warn({ err: error }, "background query failed: the database is unavailable");
  });
}

/** One process (`main`), or with WEB_CONCURRENCY > 1 a primary that runs that many (src/server/cluster.ts). */
async function start(): Promise<void> {
  if (cluster.isPrimary) {
    const config = loadConfig();
    if (config.webConcurrency > 1)
      return runClusterPrimary(config, pino({ level: config.logLevel }), async () => {
        await (await createDb(databaseOptions(config))).close();
      });
  }
  return main();
}

start().catch((error: unknown) => {
  if (error instanceof ConfigError || (error as Error).name === "DataDirLockedError") {
    console.error((error as Error).message);
  } else {
    console.error(error);
  }
  process.exitCode = 1;
});
