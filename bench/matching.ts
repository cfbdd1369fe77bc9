/**
 * `npm run bench -- matching [--members N] [--ties N] [--follows N] [--trips N] [--sql-trips N] [--no-sql]`
 * Picks the locals for 1,000 trips into a generated city of 100,000 members and 1,000,000 ties (plus follows),
 * on the engine's compact index; then runs the SQL baseline on PostgreSQL (first 100 trips by default) and checks
 * that its picks and scores are identical.
 * Ends with one JSON line.
 */
import os from "node:os";
import { buildMatchingIndex } from "../src/domain/matching/build-index";
import { defaultPickOptions, prepareTrip } from "../src/domain/matching/candidates";
import { pickLocals } from "../src/domain/matching/pick-locals";
import { generateRandomCity, generateTrips } from "../src/domain/matching/random-city";
import type { EpochMs, PickResult } from "../src/domain/matching/types";
import { createRng } from "../src/domain/random";
import { openSqlBaseline } from "./matching/sql-baseline";

function option(args: string[], name: string, fallback: number): number {
  const at = args.indexOf(`--${name}`);
  const value = at >= 0 ? Number(args[at + 1]) : NaN;
  return Number.isFinite(value) ? value : fallback;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

const round = (x: number) => Math.round(x * 100) / 100;
const rssMb = () => Math.round(process.memoryUsage().rss / 1e6);

export async function main(args: string[]): Promise<void> {
  const members = option(args, "members", 100_000);
  const ties = option(args, "ties", 1_000_000);
  const follows = option(args, "follows", members * 2);
  const tripCount = option(args, "trips", 1_000);
  // The SQL baseline takes seconds per trip at this size: by default it runs on the first 100 trips (all are compared
  // with --sql-trips 1000).
  const sqlTripCount = args.includes("--no-sql") ? 0 : option(args, "sql-trips", Math.min(100, tripCount));
  const seed = option(args, "seed", 2026);
  const now = Date.UTC(2026, 10, 26, 12) as EpochMs;
  const limit = 25;
  console.log(
    `matching bench: ${members} members, ${ties} ties, ${follows} follows, ${tripCount} trips; load ${os.loadavg().map(round).join(" ")}`,
  );

  let started = performance.now();
  const state = generateRandomCity(createRng(seed), {
    members,
    ties,
    follows,
    communities: Math.max(4, Math.round(members / 500)),
    now,
  });
  const trips = generateTrips(createRng(seed + 1), state, tripCount);
  console.log(`generated in ${round((performance.now() - started) / 1000)} s`);
  started = performance.now();
  const index = buildMatchingIndex(state);
  const buildSeconds = (performance.now() - started) / 1000;
  const edges = index.ties.targets.length / 2 + index.followers.targets.length;
  console.log(
    `index built in ${round(buildSeconds)} s; ${index.ties.targets.length / 2} distinct ties, ${index.followers.targets.length} distinct follows; rss ${rssMb()} MB`,
  );

  // Warm the JIT on other trips, then time each pick.
  for (const trip of generateTrips(createRng(seed + 2), state, 50)) pickLocals(index, trip, { now, limit });
  const latencies: number[] = [];
  // CPU time per pick too: on a shared machine, wall time also counts the time other processes held the cores.
  const cpuTimes: number[] = [];
  const results: PickResult[] = [];
  let relevant = 0;
  const cpuBefore = process.cpuUsage();
  for (const trip of trips) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const result = pickLocals(index, trip, { now, limit });
    latencies.push(performance.now() - t0);
    const c1 = process.cpuUsage(c0);
    cpuTimes.push((c1.user + c1.system) / 1000);
    results.push(result);
    relevant += result.relevantCount;
  }
  const cpu = process.cpuUsage(cpuBefore);
  const sorted = latencies.slice().sort((a, b) => a - b);
  const p50 = percentile(sorted, 50);
  const p99 = percentile(sorted, 99);
  const cpuSorted = cpuTimes.sort((a, b) => a - b);
  console.log(
    `engine: p50 ${round(p50)} ms, p99 ${round(p99)} ms, max ${round(sorted[sorted.length - 1] ?? NaN)} ms; ` +
      `cpu ${round((cpu.user + cpu.system) / 1000 / tripCount)} ms/trip (p50 ${round(percentile(cpuSorted, 50))}, p99 ${round(percentile(cpuSorted, 99))}); ` +
      `${Math.round(relevant / tripCount)} relevant locals/trip on average`,
  );

  let sqlP99: number | null = null;
  let identical = false;
  let sqlChecked = 0;
  if (sqlTripCount > 0) {
    const url = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
    try {
      started = performance.now();
      const baseline = await openSqlBaseline(url, index);
      console.log(`sql baseline loaded in ${round((performance.now() - started) / 1000)} s`);
      const sqlLatencies: number[] = [];
      let mismatches = 0;
      try {
        const since = now - 7 * 24 * 60 * 60 * 1000;
        for (let t = 0; t < Math.min(sqlTripCount, trips.length); t++) {
          const prepared = prepareTrip(index, trips[t]!);
          const t0 = performance.now();
          const rows = await baseline.pick(prepared, now, {
            since,
            defaultCap: 3,
            limit,
            share: 0.4,
            penalty: defaultPickOptions.communityPenalty,
          });
          sqlLatencies.push(performance.now() - t0);
          const engine = results[t]!.picks.map((p) => `${index.memberNumbers.get(p.memberId)}:${p.score}`).join(",");
          const sql = rows.map((r) => `${r.member}:${r.score}`).join(",");
          if (engine !== sql) {
            mismatches++;
            if (mismatches <= 3) console.log(`mismatch on trip ${t}:\n  engine ${engine}\n  sql    ${sql}`);
          }
          sqlChecked++;
        }
      } finally {
        await baseline.close();
      }
      const sqlSorted = sqlLatencies.sort((a, b) => a - b);
      sqlP99 = round(percentile(sqlSorted, 99));
      identical = mismatches === 0 && sqlChecked > 0;
      console.log(
        `sql: p50 ${round(percentile(sqlSorted, 50))} ms, p99 ${sqlP99} ms over ${sqlChecked} trips; ${mismatches} mismatching`,
      );
    } catch (error) {
      console.log(`sql baseline skipped: ${(error as Error).message}`);
    }
  }

  console.log(
    JSON.stringify({
      bench: "matching",
      members,
      edges,
      trips: tripCount,
      p50_ms: round(p50),
      p99_ms: round(p99),
      cpu_p50_ms: round(percentile(cpuSorted, 50)),
      cpu_p99_ms: round(percentile(cpuSorted, 99)),
      load_avg: round(os.loadavg()[0] ?? NaN),
      baseline_sql_p99_ms: sqlP99,
      sql_trips_checked: sqlChecked,
      identical,
      build_s: round(buildSeconds),
      rss_mb: rssMb(),
    }),
  );
}
