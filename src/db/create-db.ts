/**
 * One drizzle database over either PostgreSQL engine: PGlite embedded (a data directory, or memory for tests) or a
 * PostgreSQL server through a connection string. Migrations are applied here, so every start runs on the current schema.
 */
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { lockDataDir } from "./data-dir-lock";
import { schema, type Schema } from "./schema";

export type Database = PgDatabase<PgQueryResultHKT, Schema>;

/** Runs raw SQL with positional parameters; used by the job queue and bulk loads. */
export type ExecuteSql = (text: string, values?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;

export interface DatabaseHandle {
  db: Database;
  engine: "pglite" | "postgres";
  executeSql: ExecuteSql;
  /** PGlite only: the data directory as a tarball, to start other instances from. */
  dump?: () => Promise<Blob | File>;
  close(): Promise<void>;
}

export type DatabaseOptions =
  | {
      engine: "pglite";
      dataDir: string | null;
      /** A dump of a data directory to start from (tests). */ template?: Blob;
    }
  | {
      engine: "postgres";
      url: string;
      poolSize?: number;
      /** A statement running longer is cancelled by the server (default 15 s). */
      statementTimeoutMs?: number;
      /** Waiting longer for a connection fails the query (default 5 s), so that an outage answers fast. */
      connectionTimeoutMs?: number;
    };

const migrationsFolder = join(dirname(fileURLToPath(import.meta.url)), "migrations");

/** Opens the database and brings its schema up to date. */
export async function createDb(options: DatabaseOptions): Promise<DatabaseHandle> {
  return options.engine === "pglite" ? openPglite(options.dataDir, options.template) : openPostgres(options);
}

async function openPglite(dataDir: string | null, template: Blob | undefined): Promise<DatabaseHandle> {
  const release = dataDir === null ? () => {} : lockDataDir(dataDir);
  try {
    const client = await PGlite.create(dataDir ?? undefined, {
      extensions: { pg_trgm },
      ...(template ? { loadDataDir: template } : {}),
    });
    const db = drizzlePglite(client, { schema }) as unknown as Database;
    await migratePglite(drizzlePglite(client), { migrationsFolder });
    return {
      db,
      engine: "pglite",
      executeSql: async (text, values) => {
        if (values && values.length > 0) {
          const result = await client.query<Record<string, unknown>>(text, values);
          return { rows: result.rows };
        }
        // Without parameters the text may hold several statements (the job queue's migrations do): run them all.
        const results = await client.exec(text);
        return { rows: (results.at(-1)?.rows ?? []) as Record<string, unknown>[] };
      },
      dump: () => client.dumpDataDir("none"),
      close: async () => {
        try {
          await client.close();
        } finally {
          release();
        }
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

async function openPostgres(options: {
  url: string;
  poolSize?: number;
  statementTimeoutMs?: number;
  connectionTimeoutMs?: number;
}): Promise<DatabaseHandle> {
  const statementTimeout = options.statementTimeoutMs ?? 15_000;
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: options.connectionTimeoutMs ?? 5_000,
    idleTimeoutMillis: 30_000,
    statement_timeout: statementTimeout,
    // The server cancels a slow statement; this client-side bound catches a server that stopped answering at all.
    query_timeout: statementTimeout + 5_000,
    // A transaction left open (a bug, a stuck client) must not hold its locks for ever.
    idle_in_transaction_session_timeout: 60_000,
    keepAlive: true,
  });
  // A client that loses its server must not crash the process; the next query reports the outage. The pool listens
  // to its idle clients only: a client checked out for a transaction needs its own listener.
  pool.on("error", () => {});
  pool.on("connect", (client) => client.on("error", () => {}));
  try {
    await migratePg(drizzlePg(pool), { migrationsFolder });
  } catch (error) {
    await pool.end();
    throw error;
  }
  const db = drizzlePg(pool, { schema }) as unknown as Database;
  return {
    db,
    engine: "postgres",
    executeSql: async (text, values) => {
      const result = await pool.query(text, values as unknown[] | undefined);
      return { rows: result.rows as Record<string, unknown>[] };
    },
    close: () => pool.end(),
  };
}
