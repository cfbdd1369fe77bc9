/**
 * Runs a suite of integration tests on every database engine the product supports: PGlite always, and the
 * PostgreSQL server named by TEST_DATABASE_URL when it is set (CI always sets it). Each test file gets a fresh
 * database of each engine, migrated once; `reset()` empties every table between tests.
 */
import { createHash, randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, beforeAll, describe } from "vitest";
import { createDb, type DatabaseHandle } from "../../src/db/create-db";

export interface TestDatabase {
  handle: DatabaseHandle;
  /** Empties every table of the app (not the migrations' own bookkeeping). */
  reset(): Promise<void>;
  /** The connection string of this file's PostgreSQL database, or null on PGlite. */
  url: string | null;
}

export const engines = (): ("pglite" | "postgres")[] =>
  process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];

if (!process.env.TEST_DATABASE_URL && !process.env.GIVEFIRST_QUIET_DB_NOTICE) {
  process.env.GIVEFIRST_QUIET_DB_NOTICE = "1";
  console.warn("TEST_DATABASE_URL is not set: database tests run on PGlite only (CI runs them on PostgreSQL too).");
}

/**
 * A migrated PGlite data directory, dumped once per version of the migrations and shared by every test process:
 * starting from it takes about a second, where a fresh PGlite spends several in initdb.
 */
async function pgliteTemplate(): Promise<Blob> {
  const migrations = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "src", "db", "migrations");
  const hash = createHash("sha256");
  for (const file of readdirSync(migrations, { recursive: true }).map(String).sort()) {
    if (file.endsWith(".sql") || file.endsWith(".json")) hash.update(file).update(readFileSync(join(migrations, file)));
  }
  const path = join(tmpdir(), `givefirst-pglite-template-${hash.digest("hex").slice(0, 16)}.tar`);
  if (!existsSync(path)) {
    const handle = await createDb({ engine: "pglite", dataDir: null });
    const dump = await handle.dump!();
    await handle.close();
    // Written under a unique name then renamed, so that parallel test processes never read half a file.
    const partial = `${path}.${process.pid}.${randomBytes(4).toString("hex")}`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, path);
  }
  return new Blob([readFileSync(path)]);
}

/** Creates an empty, migrated database of the given engine for one test file. */
export async function openTestDatabase(
  engine: "pglite" | "postgres",
): Promise<TestDatabase & { drop(): Promise<void> }> {
  if (engine === "pglite") {
    const handle = await createDb({ engine: "pglite", dataDir: null, template: await pgliteTemplate() });
    return { handle, url: null, reset: () => truncateAll(handle), drop: () => handle.close() };
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error("TEST_DATABASE_URL is not set");
  const name = `givefirst_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await createDb({ engine: "postgres", url: url.toString(), poolSize: 12 });
  return {
    handle,
    url: url.toString(),
    reset: () => truncateAll(handle),
    drop: async () => {
      await handle.close();
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

async function truncateAll(handle: DatabaseHandle): Promise<void> {
  const { rows } = await handle.executeSql(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
  );
  const tables = rows.map((row) => `"${String(row.tablename)}"`);
  if (tables.length > 0) await handle.executeSql(`TRUNCATE ${tables.join(", ")} RESTART IDENTITY CASCADE`);
}

/** `describe` once per engine, with the engine's database opened before and dropped after the block. */
export function describeOnDatabases(title: string, body: (database: () => TestDatabase) => void): void {
  for (const engine of engines()) {
    describe(`${title} [${engine}]`, () => {
      let current: (TestDatabase & { drop(): Promise<void> }) | undefined;
      beforeAll(async () => {
        current = await openTestDatabase(engine);
      });
      afterAll(async () => {
        await current?.drop();
      });
      body(() => {
        if (!current) throw new Error("database not open yet");
        return current;
      });
    });
  }
}
