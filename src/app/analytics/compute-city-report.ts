/**
 * Computes a city's openness report from the database: load the city's network → build the domain input → compute
 * the snapshot (report, trend, network view, members as ids, never names), inline or by the caller's `compute`
 * (the report job's worker thread).
 */
import { loadCityNetworkRows } from "../../db/repositories/analytics.repository";
import type { CityReportOptions } from "../../domain/network/city-report";
import type { AppContext } from "../context";
import { buildCityNetworkInput } from "./build-city-network-input";
import type { CityNetworkTypedInput } from "./build-city-network-input";
import { buildCityReportSnapshot } from "./build-city-report-snapshot";
import type { CityReportSnapshot } from "./city-report-snapshot";

/** Runs the CPU-heavy half; the request's typed arrays may be transferred (they are not used afterwards). */
export type CityReportComputer = (request: {
  input: CityNetworkTypedInput;
  memberIds: Int32Array;
  report?: Omit<CityReportOptions, "progress">;
  trendQuarters?: number;
}) => Promise<CityReportSnapshot>;

export interface ComputeCityReportOptions {
  /** Overrides the report's budgets (tests, the CLI's --seed). */
  report?: Omit<CityReportOptions, "progress">;
  /** Quarters in the trend (default 8); 0 for none. */
  trendQuarters?: number;
  /** Where the computation runs (default: inline, on this thread). */
  compute?: CityReportComputer;
}

const computeInline: CityReportComputer = async (request) => buildCityReportSnapshot(request);

/** Computes the snapshot of a city's report as of `context.now()`. */
export async function computeCityReport(
  context: Pick<AppContext, "db" | "now">,
  cityId: number,
  options: ComputeCityReportOptions = {},
): Promise<CityReportSnapshot> {
  const now = context.now();
  const rows = await loadCityNetworkRows(context.db, cityId);
  const { input, memberIds } = buildCityNetworkInput(rows, now);
  const compute = options.compute ?? computeInline;
  return compute({
    input,
    memberIds: Int32Array.from(memberIds),
    ...(options.report ? { report: options.report } : {}),
    ...(options.trendQuarters === undefined ? {} : { trendQuarters: options.trendQuarters }),
  });
}
