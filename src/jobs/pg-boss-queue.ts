/**
 * The job queue: pg-boss on the app's own database (PostgreSQL, or PGlite through its single connection), so that
 * a job is queued in the same database as the data it concerns and several processes share the work.
 */
import PgBoss from "pg-boss";
import type { Logger } from "pino";
import type { JobQueue } from "../app/job-queue";
import type { ExecuteSql } from "../db/create-db";

export type JobHandler = (data: Record<string, unknown>) => Promise<void>;

export interface RunningQueue extends JobQueue {
  stop(): Promise<void>;
}

export interface QueueOptions {
  database: { connectionString: string } | { executeSql: ExecuteSql };
  handlers: Record<string, JobHandler>;
  /** Jobs run on a schedule: name → cron expression. */
  schedules?: Record<string, string>;
  logger: Logger;
  pollingIntervalSeconds?: number;
  /** Whether this process works jobs (a queue can also only send). */
  work?: boolean;
  /** Per queue: its policy and how many jobs a worker takes per fetch (default: standard, 1). */
  queues?: Record<string, QueueSettings>;
}

/**
 * A queue's settings. Policy "short" keeps at most one waiting job per singleton key: what a queue whose jobs redo
 * the latest state (re-solve a trip's agenda, deliver the outbox) wants — without it pg-boss keeps every send (a busy
 * trip queued one re-solve per offer, thousands behind). Not "stately", which also allows one running job per key:
 * the job a crashed process was running would hold its key until it expires. A worker fetches `batchSize` jobs each
 * polling interval (2 s), so a queue with many keys needs more than one.
 */
export interface QueueSettings {
  policy?: "standard" | "short";
  batchSize?: number;
}

/**
 * Runs a queue setup statement again when PostgreSQL picked it as a deadlock's victim: processes starting together
 * on a new database (a cluster's workers) create the same queues at once, and pg-boss's creation can deadlock.
 */
async function retryOnDeadlock<T>(run: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if ((error as { code?: unknown }).code !== "40P01" || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 100 * attempt));
    }
  }
}

export async function startJobQueue(options: QueueOptions): Promise<RunningQueue> {
  const boss =
    "connectionString" in options.database
      ? new PgBoss({ connectionString: options.database.connectionString, max: 4, schema: "pgboss" })
      : new PgBoss({
          db: {
            executeSql: (text, values) => (options.database as { executeSql: ExecuteSql }).executeSql(text, values),
          },
          schema: "pgboss",
        });
  boss.on("error", (error) => options.logger.error({ err: error }, "job queue error"));
  await boss.start();
  for (const name of Object.keys(options.handlers)) {
    const policy = options.queues?.[name]?.policy;
    const existing = await boss.getQueue(name);
    if (!existing) await retryOnDeadlock(() => boss.createQueue(name, { name, policy: policy ?? "standard" }));
    // A queue created before its policy was set takes it (jobs sent from now on follow it); a process that names no
    // policy for a queue leaves it as it is.
    else if (policy && existing.policy !== policy)
      await retryOnDeadlock(() => boss.updateQueue(name, { name, policy }));
  }
  if (options.work !== false) {
    for (const [name, handler] of Object.entries(options.handlers)) {
      await boss.work<Record<string, unknown>>(
        name,
        {
          pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2,
          batchSize: options.queues?.[name]?.batchSize ?? 1,
        },
        async (jobs) => {
          for (const job of jobs) await handler(job.data ?? {});
        },
      );
    }
    for (const [name, cron] of Object.entries(options.schedules ?? {}))
      await retryOnDeadlock(() => boss.schedule(name, cron));
  }
  return {
    send: async (name, data, sendOptions) => {
      await boss.send(name, data, {
        ...(sendOptions?.startAfterSeconds !== undefined ? { startAfter: sendOptions.startAfterSeconds } : {}),
        ...(sendOptions?.singletonKey !== undefined ? { singletonKey: sendOptions.singletonKey } : {}),
        retryLimit: 5,
        retryBackoff: true,
      });
    },
    stop: async () => {
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
}
