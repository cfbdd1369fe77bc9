/** Builds the context every use case receives, from an open database and the parsed configuration. */
import type { Logger } from "pino";
import type { DatabaseHandle } from "../db/create-db";
import { createAuth } from "./accounts/create-auth";
import { createAgendaSolverPool } from "./agenda/agenda-solver-pool";
import type { AppContext, AppSettings } from "./context";
import type { JobQueue } from "./job-queue";
import { createViewCache } from "./view-cache";

export interface ContextConfig extends AppSettings {
  authSecret: string;
}

export function createAppContext(
  handle: DatabaseHandle,
  config: ContextConfig,
  jobs: JobQueue,
  logger: Logger,
): AppContext {
  return {
    db: handle.db,
    engine: handle.engine,
    executeSql: handle.executeSql,
    auth: createAuth(handle.db, {
      baseUrl: config.baseUrl,
      secret: config.authSecret,
      production: config.production,
      autoSignInAfterSignUp: config.demo,
    }),
    jobs,
    // One worker, started by the first solve: the main thread keeps the other core.
    agendaSolver: createAgendaSolverPool(),
    settings: {
      baseUrl: config.baseUrl,
      demo: config.demo,
      demoReplyDelayMs: config.demoReplyDelayMs,
      agendaWaitMs: config.agendaWaitMs,
      production: config.production,
      release: config.release,
    },
    viewCache: createViewCache(),
    logger,
    now: () => new Date(),
  };
}
