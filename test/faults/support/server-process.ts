/**
 * The real server (src/server/main.ts) as a child process on a free port of 127.0.0.1, over a given PostgreSQL
 * database, and a small HTTP client for it that signs in as a member through a written session.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createHmac, randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AppContext } from "../../../src/app/context";
import { sessions } from "../../../src/db/schema/auth";
import { testBaseUrl, testSecret } from "../../support/test-app";
import { freePort } from "./postgres-cluster";

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Resolves with the exit code (or the signal's name) once the process has ended. */
  exited: Promise<number | string | null>;
  /** Everything the process wrote so far. */
  output(): string;
  /** Sends SIGKILL unless the process has already ended. */
  kill(): Promise<void>;
}

/** Starts the server and resolves once it prints the line that it is listening. */
export async function startServerProcess(options: {
  /** A PostgreSQL server's database; null for PGlite in `dataDir`. */
  databaseUrl: string | null;
  dataDir?: string;
  env?: Record<string, string>;
  startTimeoutMs?: number;
  /** Extra arguments for node, e.g. `--cpu-prof`. */
  nodeArguments?: string[];
}): Promise<ServerProcess> {
  const port = await freePort();
  const { DATABASE_URL: _inherited, ...inherited } = process.env;
  const child = spawn(
    process.execPath,
    [...(options.nodeArguments ?? []), "--import", "tsx", join(projectRoot, "src", "server", "main.ts")],
    {
      cwd: projectRoot,
      env: {
        ...inherited,
        NODE_ENV: "test",
        PORT: String(port),
        HOST: "127.0.0.1",
        ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
        DATA_DIR: options.dataDir ?? mkdtempSync(join(tmpdir(), "givefirst-faults-data-")),
        AUTH_SECRET: testSecret,
        BASE_URL: testBaseUrl,
        DEMO: "0",
        LOG_LEVEL: "warn",
        ...options.env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | string | null>((resolve) =>
    child.on("exit", (code, signal) => resolve(code ?? signal)),
  );
  const timeoutMs = options.startTimeoutMs ?? 150_000;
  const started = Date.now();
  while (!output.includes("Givefirst is running at")) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`the server exited before listening:\n${output}`);
    if (Date.now() - started > timeoutMs) {
      child.kill("SIGKILL");
      throw new Error(`the server did not listen within ${timeoutMs} ms:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    exited,
    output: () => output,
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await exited;
    },
  };
}

/** A session cookie of this user, written as better-auth writes it (the server must share testSecret). */
export async function sessionCookie(context: Pick<AppContext, "db">, userId: string): Promise<string> {
  const token = randomUUID().replaceAll("-", "");
  await context.db
    .insert(sessions)
    .values({ id: randomUUID(), token, userId, expiresAt: new Date(Date.now() + 86_400_000) });
  const signature = createHmac("sha256", testSecret).update(token).digest("base64");
  return `givefirst.session_token=${encodeURIComponent(`${token}.${signature}`)}`;
}

/** Headers of a browser-like request of a signed-in member. */
export function memberHeaders(cookie: string, extra: Record<string, string> = {}): Record<string, string> {
  return { origin: testBaseUrl, cookie, "content-type": "application/json", ...extra };
}
