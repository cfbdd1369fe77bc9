/**
 * The cached form of a city report (the `city_reports.report` jsonb): the domain's report with members as database
 * ids, never names, so that names and opt-outs are read when the report is served, not frozen when it is computed.
 */
import type { CityReport } from "../../domain/network/city-report";
import type { OpennessIndex } from "../../domain/network/openness-index";
import type { NetworkSample } from "./sample-city-network";

/**
 * 2: `communityOf` added; 3: `gatekeeperIds` added (an older cache counts as none and is recomputed).
 */
export const snapshotVersion = 3;

export interface TrendPoint {
  label: string;
  /** Epoch ms. */
  start: number;
  end: number;
  index: number | null;
  status: OpennessIndex["status"];
}

export interface CityReportSnapshot {
  version: typeof snapshotVersion;
  /** The moment the report describes (epoch ms). */
  now: number;
  /** Wall-clock and CPU time spent computing (after loading), in milliseconds. */
  computeMs: number;
  computeCpuMs: number;
  openness: OpennessIndex;
  counts: CityReport["counts"];
  density: number;
  reciprocity: number | null;
  communities: { count: number; modularity: number; sizes: number[] };
  betweenness: CityReport["betweenness"];
  mixing: CityReport["mixing"];
  newcomers: CityReport["newcomers"];
  giving: CityReport["giving"];
  gatekeepers: (Omit<CityReport["gatekeepers"][number], "id"> & { memberId: number })[];
  bridges: (Omit<CityReport["bridges"][number], "a" | "b"> & { aMemberId: number; bMemberId: number })[];
  trend: TrendPoint[];
  network: NetworkSample;
  /**
   * Community index of every member (database id → index into `communities.sizes`), for the alert fan-out. Internal:
   * it says who is in which clan, so the report endpoints never serve it.
   */
  communityOf: Record<string, number>;
  /**
   * Database ids of the top 5 % of members by betweenness, best first, for the alert fan-out (the served
   * `gatekeepers` list stops at its top ten). Internal like `communityOf`: never served.
   */
  gatekeeperIds: number[];
}

/** JSON turns NaN and ±Infinity into null; doing it here keeps the snapshot equal to what the cache gives back. */
export function toJsonValue<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Builds the snapshot from the domain's report; `memberIds[i]` is the database id of position i. */
export function buildSnapshot(input: {
  report: CityReport;
  memberIds: readonly number[];
  trend: TrendPoint[];
  network: NetworkSample;
  now: number;
  computeMs: number;
  computeCpuMs: number;
}): CityReportSnapshot {
  const { report } = input;
  const idOf = (id: string): number => Number(id);
  const { membership } = report.communities;
  const communityOf: Record<string, number> = {};
  for (let i = 0; i < input.memberIds.length; i++) communityOf[String(input.memberIds[i])] = membership[i] as number;
  return toJsonValue({
    version: snapshotVersion,
    now: input.now,
    computeMs: input.computeMs,
    computeCpuMs: input.computeCpuMs,
    openness: report.openness,
    counts: report.counts,
    density: report.density,
    reciprocity: report.reciprocity,
    communities: {
      count: report.communities.count,
      modularity: report.communities.modularity,
      sizes: report.communities.sizes,
    },
    betweenness: report.betweenness,
    mixing: report.mixing,
    newcomers: report.newcomers,
    giving: report.giving,
    gatekeepers: report.gatekeepers.map(({ id, ...figures }) => ({ ...figures, memberId: idOf(id) })),
    bridges: report.bridges.map(({ a, b, ...figures }) => ({ ...figures, aMemberId: idOf(a), bMemberId: idOf(b) })),
    trend: input.trend,
    network: input.network,
    communityOf,
    gatekeeperIds: report.topByBetweenness.map((position) => input.memberIds[position] as number),
  });
}

/** Reads a cached value as a snapshot; an older version counts as no cache (it is recomputed). */
export function readSnapshot(value: unknown): CityReportSnapshot | null {
  const snapshot = value as Partial<CityReportSnapshot> | null;
  return snapshot?.version === snapshotVersion ? (snapshot as CityReportSnapshot) : null;
}
