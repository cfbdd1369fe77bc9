/**
 * The SQL baseline of the matching benchmark: the same relevance, integer scores and openness rules as the engine,
 * run on PostgreSQL with indexes and one prepared statement per trip. Loads the engine's own index (term vectors
 * included) so that both sides rank exactly the same numbers.
 */
import pg from "pg";
import type { MatchingIndex } from "../../src/domain/matching/build-index";
import type { PreparedTrip } from "../../src/domain/matching/candidates";
import { TEXT_RELEVANCE_THRESHOLD } from "../../src/domain/matching/scoring";
import { createIndexesSql, createSchemaSql, pickSql, schema, selectDiverseSql } from "./sql-schema";

export interface SqlPick {
  readonly member: number;
  readonly score: number;
}

export interface SqlBaseline {
  pick(
    trip: PreparedTrip,
    now: number,
    options: { since: number; defaultCap: number; limit: number; share: number; penalty: number },
  ): Promise<SqlPick[]>;
  close(): Promise<void>;
}

const chunkRows = 100_000;

/** Inserts parallel columns with insert … select from unnest, in chunks. */
async function insertColumns(
  client: pg.Client,
  table: string,
  columns: ReadonlyArray<readonly [string, string, ArrayLike<number | boolean | null>]>,
): Promise<void> {
  const length = columns[0]?.[2].length ?? 0;
  const names = columns.map(([name]) => name).join(", ");
  const unnest = columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(", ");
  for (let from = 0; from < length; from += chunkRows) {
    const to = Math.min(length, from + chunkRows);
    const values = columns.map(([, , data]) => Array.prototype.slice.call(data, from, to));
    await client.query(`INSERT INTO ${schema}.${table} (${names}) SELECT * FROM unnest(${unnest})`, values);
  }
}

/** Rows of a CSR as (row, target[, value]) columns. */
function csrColumns(csr: { offsets: Int32Array; targets: Int32Array; values: Int32Array }): {
  rows: Int32Array;
  targets: Int32Array;
  values: Int32Array;
} {
  const rows = new Int32Array(csr.targets.length);
  for (let i = 0; i + 1 < csr.offsets.length; i++) rows.fill(i, csr.offsets[i], csr.offsets[i + 1]);
  return { rows, targets: csr.targets, values: csr.values };
}

/** Creates the schema, loads the index and prepares the pick statement. */
export async function openSqlBaseline(connectionString: string, index: MatchingIndex): Promise<SqlBaseline> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  await client.query(createSchemaSql);
  await client.query(selectDiverseSql);
  const n = index.memberCount;
  const extra = new Int32Array(n);
  for (const signal of index.extraSignals) for (let i = 0; i < n; i++) extra[i]! += signal.points[i] as number;
  await insertColumns(client, "member", [
    ["id", "int", Int32Array.from({ length: n }, (_, i) => i)],
    ["home_city", "int", index.homeCity],
    ["current_city", "int", Array.from(index.currentCity, (c) => (c < 0 ? null : c))],
    ["community", "int", index.community],
    [
      "young_giver",
      "int",
      Array.from({ length: n }, (_, i) =>
        index.isYoungFounder[i] === 1 && (index.giftsGiven[i] as number) >= 1 ? 1 : 0,
      ),
    ],
    ["giving_points", "int", index.givingPoints],
    ["extra_points", "int", extra],
    ["paused", "boolean", Array.from(index.isPaused, (p) => p === 1)],
    ["paused_until", "float8", Array.from(index.pausedUntil, (t) => (Number.isFinite(t) ? t : null))],
    ["alert_cap", "int", Array.from(index.alertCap, (c) => (c < 0 ? null : c))],
  ]);
  const load = async (table: string, names: [string, string, string?], csr: MatchingIndex["ties"]) => {
    const { rows, targets, values } = csrColumns(csr);
    const columns: Array<[string, string, ArrayLike<number>]> = [
      [names[0], "int", rows],
      [names[1], "int", targets],
    ];
    if (names[2]) columns.push([names[2], "int", values]);
    await insertColumns(client, table, columns);
  };
  await load("member_sector", ["member", "sector"], index.memberSectors);
  await load("member_tag", ["member", "tag"], index.memberTags);
  await load("seeks_term", ["member", "term", "weight"], index.seeksVectors);
  await load("gives_term", ["member", "term", "weight"], index.givesVectors);
  await load("tie", ["a", "b", "meetings"], index.ties);
  // followers row i lists who follows i: (followed, follower).
  await load("follow", ["followed", "follower"], index.followers);
  await load("block", ["a", "b"], index.blocks);
  const alertMembers = new Int32Array(index.alertTimes.length);
  for (let i = 0; i < n; i++) alertMembers.fill(i, index.alertOffsets[i], index.alertOffsets[i + 1]);
  await insertColumns(client, "alert", [
    ["member", "int", alertMembers],
    ["at", "float8", index.alertTimes],
  ]);
  await client.query(createIndexesSql);

  return {
    async pick(trip, now, options) {
      const result = await client.query<{ id: number; score: number }>({
        name: "bench_matching_pick",
        text: pickSql,
        values: [
          trip.traveller,
          trip.city,
          trip.sectors,
          trip.tags,
          Array.from(trip.seeks.termIds),
          Array.from(trip.seeks.weights),
          Array.from(trip.gives.termIds),
          Array.from(trip.gives.weights),
          now,
          options.since,
          options.defaultCap,
          options.limit,
          options.share,
          TEXT_RELEVANCE_THRESHOLD,
          options.penalty,
        ],
      });
      return result.rows.map((row) => ({ member: row.id, score: row.score }));
    },
    async close() {
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    },
  };
}
