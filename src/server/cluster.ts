/**
 * Several HTTP processes on one PostgreSQL server (`WEB_CONCURRENCY` > 1): one Node process serves requests on one
 * core, so a machine with more cores runs more. The primary process migrates the database once, forks the workers
 * (each one runs the whole server of main.ts, job queue included: pg-boss hands each job to one of them), forks a
 * new worker when one dies, and passes SIGTERM / SIGINT on, exiting once every worker has finished its requests.
 * Workers share the listening port through node:cluster. The embedded database is one process's: config.ts refuses
 * more than one process without DATABASE_URL.
 */
import cluster, { type Worker } from "node:cluster";
import type { Logger } from "pino";
import type { Config } from "./config";

/** The environment variable that tells a worker its index (0 loads the demo world when it is on). */
export const workerIndexVariable = "GIVEFIRST_WORKER_INDEX";

/** This process's worker index: 0 outside a cluster. */
export function workerIndex(): number {
  return Number(process.env[workerIndexVariable] ?? 0) || 0;
}

/** The environment variable that gives the workers their primary's release (see `AppSettings.release`). */
const releaseVariable = "GIVEFIRST_RELEASE";

/** This server's release: its start, as its primary saw it in a cluster (so that the workers share their ETags). */
export function serverRelease(): string {
  process.env[releaseVariable] ??= Date.now().toString(36);
  return process.env[releaseVariable];
}

/** A worker that dies within this time of starting is not replaced again and again: the primary gives up. */
const crashLoopWindowMs = 10_000;
const maxQuickDeaths = 5;

/** `prepareDatabase` opens the database once (which migrates it) and closes it, so that workers do not race through the migrations. */
export async function runClusterPrimary(
  config: Config,
  logger: Logger,
  prepareDatabase: () => Promise<void>,
): Promise<void> {
  await prepareDatabase();
  // Set before the first fork: the workers inherit it.
  serverRelease();

  let stopping = false;
  let quickDeaths = 0;
  const started = new Map<Worker, { index: number; at: number }>();
  const fork = (index: number) => {
    const worker = cluster.fork({ [workerIndexVariable]: String(index) });
    started.set(worker, { index, at: Date.now() });
  };
  cluster.on("exit", (worker, code, signal) => {
    const facts = started.get(worker);
    started.delete(worker);
    if (stopping || !facts) {
      if (started.size === 0) logger.info("every worker has stopped");
      return;
    }
    logger.error({ pid: worker.process.pid, code, signal, index: facts.index }, "a worker died: starting another");
    if (Date.now() - facts.at < crashLoopWindowMs && ++quickDeaths >= maxQuickDeaths) {
      logger.fatal("workers keep dying as they start: stopping");
      process.exitCode = 1;
      stop("SIGTERM");
      return;
    }
    fork(facts.index);
  });
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, workers: started.size }, "shutting down the workers");
    for (const worker of started.keys()) worker.process.kill(signal);
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
  for (let index = 0; index < config.webConcurrency; index++) fork(index);
}
