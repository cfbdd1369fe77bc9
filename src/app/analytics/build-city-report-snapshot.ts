/**
 * The CPU-heavy half of a city report, from the loaded network to the snapshot: report, quarterly trend, the bounded
 * graph for the network view and each member's community. No I/O, so the report job runs it in a worker thread and
 * the server's event loop stays free; the CLI runs it inline.
 */
import { buildCityReport, opennessTrend } from "../../domain/network/city-report";
import type { CityReportOptions } from "../../domain/network/city-report";
import type { CityNetworkInput } from "../../domain/network/city-input";
import { defaultPivotsFor } from "../../domain/network/network-structure";
import { gatekeeperShare } from "../alerts/load-matching-state";
import { buildSnapshot, type CityReportSnapshot } from "./city-report-snapshot";
import { quarterWindows } from "./quarter-windows";
import { sampleCityNetwork } from "./sample-city-network";

/** Quarters in the trend (two years). */
export const trendQuarters = 8;

/**
 * Above this many members each quarter of the trend costs two Louvain runs, sampled betweenness twice and a
 * randomization of millions of ties (about 90 s of CPU at 1M / 10M), so the trend shrinks to the last two quarters
 * (is the city opening or closing?), one randomization of one swap per tie and 16 pivots: under three minutes of CPU
 * (docs/metrics.md, "At 1M members / 10M ties").
 */
export const bigCityMembers = 200_000;
export const bigCityTrendQuarters = 2;
export const bigCityTrendPivots = 16;

/**
 * Betweenness pivots of the app's report. The domain is exact up to 1,000 members (about 17 s of CPU for a demo city
 * at 2,000); 256 sampled pivots keep a 2,000-member report near 2 s and moved the demo cities' index by less than
 * 0.5 point. Larger cities keep the domain's own work budget.
 */
export const reportPivots = 256;

/** The options the report is computed with unless the caller overrides them. */
export function defaultReportOptions(memberCount: number, seed = 1): CityReportOptions {
  return memberCount > reportPivots && memberCount <= 2_000 ? { seed, pivots: reportPivots } : { seed };
}

/** What the computation needs: plain data only (it crosses to a worker thread by structured clone). */
export interface CityReportRequest {
  input: CityNetworkInput;
  /** Database id of the member at each position of `input.members`. */
  memberIds: ArrayLike<number>;
  /** Overrides the report's budgets (tests, the CLI's --seed); functions are not allowed (they cannot be cloned). */
  report?: Omit<CityReportOptions, "progress">;
  /** Quarters in the trend (default 8); 0 for none. */
  trendQuarters?: number;
}

/** Computes the report of a loaded city network as a snapshot (the moment described is `input.now`). */
export function buildCityReportSnapshot(
  request: CityReportRequest,
  options: { progress?: (step: string) => void } = {},
): CityReportSnapshot {
  const { input } = request;
  const memberIds = Array.from(request.memberIds);
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const reportOptions: CityReportOptions = {
    ...defaultReportOptions(memberIds.length),
    // The fan-out's gatekeepers: the top 5 % by betweenness, all of them (the served list stops at ten).
    betweennessTop: Math.ceil(gatekeeperShare * memberIds.length),
    ...request.report,
    ...(options.progress ? { progress: options.progress } : {}),
  };
  const report = buildCityReport(input, reportOptions);

  // The trend reads the index only, with a lighter budget than the report: eight of them would cost eight reports.
  const seed = reportOptions.seed ?? 1;
  const big = memberIds.length > bigCityMembers;
  const windows = quarterWindows(
    new Date(input.now),
    request.trendQuarters ?? (big ? bigCityTrendQuarters : trendQuarters),
  );
  const trend =
    windows.length === 0
      ? []
      : opennessTrend(
          input,
          windows,
          big
            ? { seed, randomizations: 1, pivots: bigCityTrendPivots, swapsPerEdge: 1 }
            : {
                seed,
                randomizations: 2,
                // At most the report's own pivots (the domain's budget when it sets none), and never above 128.
                pivots: Math.min(
                  128,
                  reportOptions.pivots ?? defaultPivotsFor(report.counts.members, 2 * report.counts.ties) ?? 128,
                ),
              },
        ).map(({ window, openness }) => ({ ...window, index: openness.index, status: openness.status }));
  options.progress?.("trend");

  const positionOf = new Map(memberIds.map((id, position) => [id, position]));
  const keep = [
    ...report.gatekeepers.map((gatekeeper) => positionOf.get(Number(gatekeeper.id)) ?? -1),
    ...report.bridges.flatMap((bridge) => [
      positionOf.get(Number(bridge.a)) ?? -1,
      positionOf.get(Number(bridge.b)) ?? -1,
    ]),
  ];
  const network = sampleCityNetwork({ memberIds, membership: report.communities.membership, ties: input.ties, keep });
  const usage = process.cpuUsage(cpuBefore);
  return buildSnapshot({
    report,
    memberIds,
    trend,
    network,
    now: input.now,
    computeMs: Math.round(performance.now() - started),
    computeCpuMs: Math.round((usage.user + usage.system) / 1000),
  });
}
