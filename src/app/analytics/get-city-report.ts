/**
 * The openness report of a city for the dashboard, from the cache. Aggregates for everyone; named gatekeepers and
 * bridges only for the city's organisers, never naming a member who opted out. When nothing is cached yet the
 * report is queued and the answer says it is being computed: a 2,000-member city takes seconds of CPU, which a
 * request must not hold the server's only thread for.
 */
import { findCityReport } from "../../db/repositories/analytics.repository";
import type { AppContext } from "../context";
import type { ViewerInfo } from "../get-viewer";
import { findReportCity, labelMembers, reportAudienceOf } from "./city-report-access";
import type { PersonLabel, ReportAudience } from "./city-report-access";
import { readSnapshot } from "./city-report-snapshot";
import type { CityReportSnapshot } from "./city-report-snapshot";
import { queueCityReportRefresh } from "./queue-city-report-refresh";

/** Seconds a client should wait before asking again for a report being computed. */
export const computingRetrySeconds = 10;

export interface CityRef {
  slug: string;
  name: string;
}

export interface ComputingReport {
  status: "computing";
  city: CityRef;
  retryAfterSeconds: number;
}

type Figures<T> = Omit<T, "memberId" | "aMemberId" | "bMemberId">;

export interface CityReportView {
  status: "ready";
  city: CityRef;
  audience: ReportAudience;
  computedAt: string;
  openness: Omit<CityReportSnapshot["openness"], "reasons"> & { reasons: string[] };
  counts: CityReportSnapshot["counts"];
  density: number;
  reciprocity: number | null;
  communities: CityReportSnapshot["communities"];
  betweenness: CityReportSnapshot["betweenness"];
  mixing: CityReportSnapshot["mixing"];
  newcomers: CityReportSnapshot["newcomers"];
  giving: CityReportSnapshot["giving"];
  trend: { label: string; start: string; end: string; index: number | null; status: "ok" | "insufficient-data" }[];
  /** Suggested introductions between communities; `between` names the two members for organisers only. */
  bridges: (Figures<CityReportSnapshot["bridges"][number]> & { between: [PersonLabel, PersonLabel] | null })[];
  /** The members most paths between communities run through: organisers only (null for everyone else). */
  gatekeepers: (Figures<CityReportSnapshot["gatekeepers"][number]> & { member: PersonLabel })[] | null;
}

/** Reads the cached report of a city as the viewer may see it, or queues it when there is none yet. */
export async function getCityReport(
  context: AppContext,
  input: { citySlug: string; viewer: ViewerInfo | null },
): Promise<CityReportView | ComputingReport> {
  const city = await findReportCity(context, input.citySlug);
  const cityRef = { slug: city.slug, name: city.name };
  const cached = await findCityReport(context.db, city.id);
  const snapshot = cached ? readSnapshot(cached.report) : null;
  if (!cached || !snapshot) {
    await queueCityReportRefresh(context, city.id, { startAfterSeconds: 0 });
    return { status: "computing", city: cityRef, retryAfterSeconds: computingRetrySeconds };
  }
  const audience = reportAudienceOf(input.viewer, city.slug);
  const isOrganiser = audience === "organiser";
  const label = isOrganiser
    ? await labelMembers(context, [
        ...snapshot.gatekeepers.map((gatekeeper) => gatekeeper.memberId),
        ...snapshot.bridges.flatMap((bridge) => [bridge.aMemberId, bridge.bMemberId]),
      ])
    : null;
  return {
    status: "ready",
    city: cityRef,
    audience,
    computedAt: cached.computedAt.toISOString(),
    openness: { ...snapshot.openness, reasons: [...snapshot.openness.reasons] },
    counts: snapshot.counts,
    density: snapshot.density,
    reciprocity: snapshot.reciprocity,
    communities: snapshot.communities,
    betweenness: snapshot.betweenness,
    mixing: snapshot.mixing,
    newcomers: snapshot.newcomers,
    giving: snapshot.giving,
    trend: snapshot.trend.map((point) => ({
      ...point,
      start: new Date(point.start).toISOString(),
      end: new Date(point.end).toISOString(),
    })),
    bridges: snapshot.bridges.map(({ aMemberId, bMemberId, ...figures }) => ({
      ...figures,
      between: label ? [label(aMemberId), label(bMemberId)] : null,
    })),
    gatekeepers: label
      ? snapshot.gatekeepers.map(({ memberId, ...figures }) => ({ ...figures, member: label(memberId) }))
      : null,
  };
}
