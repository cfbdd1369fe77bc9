/**
 * `npm run bench -- seed [--members N]`: generates a demo world and loads it, on PGlite and on PostgreSQL
 * (BENCH_DATABASE_URL, default the local server's `test` database, in a database of its own that is dropped after).
 * Target: at least 20,000 rows a second on both. Ends with one JSON line.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { seedDemoWorld } from "../src/app/demo/seed-demo-world";
import { createDb, type DatabaseHandle } from "../src/db/create-db";
import { generateDemoWorld } from "../src/domain/demo/generate-demo-world";

interface Figures {
  engine: string;
  rows: number;
  seconds: number;
  rowsPerSecond: number;
}

async function measure(engine: string, handle: DatabaseHandle, membersPerCity: number): Promise<Figures> {
  const started = performance.now();
  const { rows } = await seedDemoWorld(
    { db: handle.db, executeSql: handle.executeSql, now: () => new Date("2026-11-26T12:00:00Z") },
    { membersPerCity, seed: "bench" },
  );
  const seconds = (performance.now() - started) / 1000;
  const figures = { engine, rows, seconds: Number(seconds.toFixed(2)), rowsPerSecond: Math.round(rows / seconds) };
  console.log(
    `${engine}: ${rows} rows in ${figures.seconds} s = ${figures.rowsPerSecond} rows/s (generation included)`,
  );
  return figures;
}

export async function main(args: string[]): Promise<void> {
  const membersIndex = args.indexOf("--members");
  const membersPerCity = membersIndex >= 0 ? Number(args[membersIndex + 1]) : 100_000;
  const generationStart = performance.now();
  const world = generateDemoWorld({ seed: "bench", membersPerCity, now: "2026-11-26T12:00:00Z" });
  const generationSeconds = (performance.now() - generationStart) / 1000;
  console.log(
    `generation alone: ${world.members.length} members, ${world.ties.count} ties, ${world.follows.count} follows in ${generationSeconds.toFixed(2)} s`,
  );

  const results: Figures[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), "givefirst-bench-seed-"));
  try {
    const handle = await createDb({ engine: "pglite", dataDir });
    results.push(await measure("pglite", handle, membersPerCity));
    await handle.close();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }

  const adminUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
  const name = `givefirst_bench_seed_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  try {
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const handle = await createDb({ engine: "postgres", url: url.toString(), statementTimeoutMs: 600_000 });
    results.push(await measure("postgres", handle, membersPerCity));
    await handle.close();
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }

  console.log(
    JSON.stringify({
      bench: "seed",
      members_per_city: membersPerCity,
      members: world.members.length,
      ties: world.ties.count,
      generation_s: Number(generationSeconds.toFixed(2)),
      pglite_rows_per_s: results[0]?.rowsPerSecond,
      pglite_s: results[0]?.seconds,
      postgres_rows_per_s: results[1]?.rowsPerSecond,
      postgres_s: results[1]?.seconds,
      rows: results[0]?.rows,
      target_rows_per_s: 20_000,
    }),
  );
}
