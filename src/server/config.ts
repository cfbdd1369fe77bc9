/**
 * Configuration, parsed once from the environment by the composition roots and passed down as a plain object.
 * Every variable is documented in the README.
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { z } from "zod";
import type { DatabaseOptions } from "../db/create-db";

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  baseUrl: string;
  authSecret: string;
  smtpUrl: string | null;
  demo: boolean;
  demoReplyDelayMs: number;
  agendaWaitMs: number;
  production: boolean;
  logLevel: string;
  /** HTTP processes (node:cluster workers); more than one needs a PostgreSQL server. */
  webConcurrency: number;
}

const booleanText = z
  .enum(["1", "0", "true", "false", "yes", "no", "on", "off"])
  .transform((value) => ["1", "true", "yes", "on"].includes(value));

const environmentSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATA_DIR: z.string().min(1).default(".data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
    .optional(),
  BASE_URL: z.url().optional(),
  AUTH_SECRET: z.string().min(32, "must hold at least 32 characters").optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must start with smtp:// or smtps://")
    .optional(),
  DEMO: booleanText.optional(),
  DEMO_REPLY_DELAY_MS: z.coerce.number().int().min(0).max(600_000).default(20_000),
  AGENDA_WAIT_MS: z.coerce.number().int().min(0).max(60_000).default(100),
  NODE_ENV: z.string().default("development"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(1),
});

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Parses the environment; the auth secret is generated into the data directory on first start when unset. */
export function loadConfig(environment: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environmentSchema.safeParse(environment);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const env = parsed.data;
  const dataDir = resolve(env.DATA_DIR);
  const databaseUrl = env.DATABASE_URL ?? null;
  const production = env.NODE_ENV === "production";
  if (env.WEB_CONCURRENCY > 1 && databaseUrl === null)
    throw new ConfigError(
      "Invalid configuration:\n  WEB_CONCURRENCY: more than one process needs DATABASE_URL (the embedded database is one process's)",
    );
  return {
    port: env.PORT,
    host: env.HOST,
    dataDir,
    databaseUrl,
    baseUrl: (env.BASE_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ""),
    authSecret: env.AUTH_SECRET ?? readOrCreateSecret(dataDir),
    smtpUrl: env.SMTP_URL ?? null,
    // The demo world is on by default on the embedded database and off on a real server.
    demo: env.DEMO ?? databaseUrl === null,
    demoReplyDelayMs: env.DEMO_REPLY_DELAY_MS,
    agendaWaitMs: env.AGENDA_WAIT_MS,
    production,
    logLevel: env.LOG_LEVEL,
    webConcurrency: env.WEB_CONCURRENCY,
  };
}

function readOrCreateSecret(dataDir: string): string {
  const path = join(dataDir, "auth-secret");
  if (existsSync(path)) return readFileSync(path, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(path, secret, { mode: 0o600 });
  return secret;
}

/** Where the database is: the PostgreSQL server of DATABASE_URL, or PGlite in the data directory. */
export function databaseOptions(config: Config): DatabaseOptions {
  return config.databaseUrl
    ? { engine: "postgres", url: config.databaseUrl }
    : { engine: "pglite", dataDir: join(config.dataDir, "pglite") };
}
