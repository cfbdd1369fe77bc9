/**
 * A throwaway PostgreSQL 15 cluster for the fault tests: `initdb` and `pg_ctl` on a temporary directory and a free
 * port, so that a test may stop, crash and restart it without touching the shared server on 5432. initdb refuses to
 * run as root, so under root (CI) every command runs as the `postgres` user, in a directory that user owns.
 */
import { execFile } from "node:child_process";
import { chownSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import pg from "pg";

const run = promisify(execFile);
const binaries = process.env.PG_BIN_DIR ?? "/usr/lib/postgresql/15/bin";

export interface ThrowawayCluster {
  port: number;
  /** The connection string of a database of this cluster. */
  url(database?: string): string;
  /** Creates a database and answers its connection string. */
  createDatabase(name: string): Promise<string>;
  /** Stops the server: "fast" ends sessions cleanly, "immediate" is a crash (recovery from the WAL on start). */
  stop(mode?: "fast" | "immediate"): Promise<void>;
  /** Starts the server and waits until it accepts connections. */
  start(): Promise<void>;
  /** Stops the server and removes its directory. */
  destroy(): Promise<void>;
}

/** A port that was free a moment ago (the kernel picks it). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function postgresIds(): Promise<{ uid: number; gid: number }> {
  const [uid, gid] = await Promise.all([run("id", ["-u", "postgres"]), run("id", ["-g", "postgres"])]);
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/** Creates, starts and answers a new cluster; `destroy()` it in afterAll. */
export async function startThrowawayCluster(): Promise<ThrowawayCluster> {
  const asRoot = process.getuid?.() === 0;
  const directory = mkdtempSync(join(tmpdir(), "givefirst-faults-pg-"));
  if (asRoot) {
    const { uid, gid } = await postgresIds();
    chownSync(directory, uid, gid);
  }
  const dataDir = join(directory, "data");
  const port = await freePort();
  const command = (binary: string, args: string[]) =>
    asRoot
      ? run("runuser", ["-u", "postgres", "--", join(binaries, binary), ...args])
      : run(join(binaries, binary), args);

  await command("initdb", [
    "-D",
    dataDir,
    "-U",
    "postgres",
    "--auth=trust",
    "-E",
    "UTF8",
    "--no-sync",
    "--no-instructions",
  ]);
  // Its own socket directory and 127.0.0.1 only; fsync off because no test crashes the machine, only PostgreSQL.
  const serverOptions = `-p ${port} -k ${directory} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100`;
  const start = async () => {
    await command("pg_ctl", [
      "-D",
      dataDir,
      "-o",
      serverOptions,
      "-l",
      join(directory, "server.log"),
      "-w",
      "-t",
      "30",
      "start",
    ]);
  };
  const stop = async (mode: "fast" | "immediate" = "fast") => {
    await command("pg_ctl", ["-D", dataDir, "-m", mode, "-w", "-t", "30", "stop"]);
  };
  const url = (database = "postgres") => `postgres://postgres@127.0.0.1:${port}/${database}`;
  await start();
  return {
    port,
    url,
    start,
    stop,
    createDatabase: async (name) => {
      const admin = new pg.Client({ connectionString: url() });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
      } finally {
        await admin.end();
      }
      return url(name);
    },
    destroy: async () => {
      await stop("immediate").catch(() => {});
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
