/**
 * What every use case receives: the database, accounts, the job queue, the agenda solver, a clock and settings. Built
 * by hand in the composition roots (src/server/main.ts, src/cli/main.ts) and in tests.
 */
import type { Logger } from "pino";
import type { Database, ExecuteSql } from "../db/create-db";
import type { Auth } from "./accounts/create-auth";
import type { AgendaSolver } from "./agenda/agenda-solver";
import type { JobQueue } from "./job-queue";
import type { ViewCache } from "./view-cache";

export interface AppSettings {
  baseUrl: string;
  demo: boolean;
  demoReplyDelayMs: number;
  /**
   * How long the traveller's agenda page waits for a re-solve of changed offers before it answers the stored plan,
   * marked `updating` (the solve goes on and stores the new plan, which the page asks for shortly).
   */
  agendaWaitMs: number;
  production: boolean;
  /**
   * This server's start (shared by the processes of a cluster): part of every ETag, so that a restart, which may bring
   * a new version, answers no 304 for a copy of the old one.
   */
  release: string;
}

export interface AppContext {
  db: Database;
  engine: "pglite" | "postgres";
  executeSql: ExecuteSql;
  auth: Auth;
  jobs: JobQueue;
  /** Runs agenda solves off the serving thread (a worker pool); the server closes it on shutdown. */
  agendaSolver: AgendaSolver;
  settings: AppSettings;
  logger: Logger;
  /** Polled views (a trip's offers, its agenda) as sent, by ETag. */
  viewCache: ViewCache;
  /** The current instant; tests pass a fixed clock. */
  now: () => Date;
}
