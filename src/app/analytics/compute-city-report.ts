/**
 * Computes a city's openness report from the database: load the city's network → build the domain input → report,
 * quarterly trend and the bounded graph for the network view → snapshot (members as ids, never names).
 */
import { loadCityNetworkRows } from "../../db/repositories/analytics.repository";
import { buildCityReport, opennessTrend } from "../../domain/network/city-report";
import type { CityReportOptions } from "../../domain/network/city-report";
import type { AppContext } from "../context";
import { buildCityNetworkInput } from "./build-city-network-input";
import { buildSnapshot, type CityReportSnapshot } from "./city-report-snapshot";
import { quarterWindows } from "./quarter-windows";
import { sampleCityNetwork } from "./sample-city-network";

/** Quarters in the trend (two years). */
export const trendQuarters = 8;

/**
 * Betweenness pivots of the app's report. The domain is exact up to 2,000 members (about 17 s of CPU for a demo
 * city, blocking the one server process); 256 sampled pivots keep a 2,000-member report near 2 s and moved the demo
 * cities' index by less than 0.5 point. Larger cities keep the domain's own work budget.
 */
export const reportPivots = 256;

const cpuMilliseconds = (usage: NodeJS.CpuUsage): number => (usage.user + usage.system) / 1000;

/** The options the report is computed with unless the caller overrides them. */
export function defaultReportOptions(memberCount: number, seed = 1): CityReportOptions {
  return memberCount > reportPivots && memberCount <= 2_000 ? { seed, pivots: reportPivots } : { seed };
}

export interface ComputeCityReportOptions {
  /** Overrides the report's budgets (tests, the CLI's --seed). */
  report?: CityReportOptions;
  /** Quarters in the trend (default 8); 0 for none. */
  trendQuarters?: number;
}

/** Computes the snapshot of a city's report as of `context.now()`. */
export async function computeCityReport(
  context: Pick<AppContext, "db" | "now">,
  cityId: number,
  options: ComputeCityReportOptions = {},
): Promise<CityReportSnapshot> {
  const now = context.now();
  const rows = await loadCityNetworkRows(context.db, cityId);
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const { input, memberIds } = buildCityNetworkInput(rows, now);
  const reportOptions = { ...defaultReportOptions(memberIds.length), ...options.report };
  const report = buildCityReport(input, reportOptions);

  // The trend reads the index only, with a lighter budget than the report: eight of them would cost eight reports.
  const seed = reportOptions.seed ?? 1;
  const windows = quarterWindows(now, options.trendQuarters ?? trendQuarters);
  const trend =
    windows.length === 0
      ? []
      : opennessTrend(input, windows, {
          seed,
          randomizations: 2,
          pivots: Math.min(128, reportOptions.pivots ?? 128),
        }).map(({ window, openness }) => ({ ...window, index: openness.index, status: openness.status }));

  const keep = [
    ...report.gatekeepers.map((gatekeeper) => memberIds.indexOf(Number(gatekeeper.id))),
    ...report.bridges.flatMap((bridge) => [memberIds.indexOf(Number(bridge.a)), memberIds.indexOf(Number(bridge.b))]),
  ];
  const network = sampleCityNetwork({ memberIds, membership: report.communities.membership, ties: input.ties, keep });
  return buildSnapshot({
    report,
    memberIds,
    trend,
    network,
    now: now.getTime(),
    computeMs: Math.round(performance.now() - started),
    computeCpuMs: Math.round(cpuMilliseconds(process.cpuUsage(cpuBefore))),
  });
}
