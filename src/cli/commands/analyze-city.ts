/**
 * `analyze --city NAME`: the openness report of a city of the app's database, computed now from its data (and
 * cached for the dashboard). Prints a readable summary, or one JSON object with --json. Named individuals are shown
 * as to an organiser, since the command line is an operator's tool; members who opted out are never named.
 */
import { listCities } from "../../app/list-cities";
import type { AppContext } from "../../app/context";
import { getCityReport, type CityReportView } from "../../app/analytics/get-city-report";
import { refreshCityReport } from "../../app/analytics/refresh-city-report";
import type { ViewerInfo } from "../../app/get-viewer";

export interface AnalyzeCityOptions {
  city: string;
  json?: boolean;
  seed?: number;
}

/** The operator, seen by the report's privacy rule as an admin. */
const operator: ViewerInfo = {
  memberId: 0,
  userId: "cli",
  name: "command line",
  email: "",
  emailVerified: true,
  locale: "en",
  roles: [{ role: "admin", citySlug: null }],
  isDemo: false,
  suspended: false,
};

const format = (value: number | null | undefined, digits = 3): string =>
  value === null || value === undefined ? "n/a" : value.toFixed(digits);

function summary(view: CityReportView): string {
  const { openness } = view;
  const lines = [
    `${view.city.name}: ${view.counts.members} members, ${view.counts.ties} ties, ${view.counts.follows} follows`,
    openness.index === null
      ? `openness index: insufficient data (${openness.reasons.join("; ")})`
      : `openness index ${openness.index} / 100`,
  ];
  for (const [name, component] of Object.entries(openness.components))
    lines.push(`  ${name.padEnd(20)} ${component ? format(component.score, 2) : "insufficient data"}`);
  lines.push(
    `communities ${view.communities.count} (modularity ${format(view.communities.modularity, 4)}), sizes ${view.communities.sizes.join(" ")}`,
    `betweenness centralization ${format(view.betweenness.centralization)}${view.betweenness.exact ? "" : ` (sampled from ${view.betweenness.pivots} pivots, ±${format(view.betweenness.errorBound)})`}`,
  );
  for (const [name, mixing] of Object.entries(view.mixing))
    lines.push(`mixing by ${name}: E-I ${format(mixing.ei?.ei)}, assortativity ${format(mixing.assortativity)}`);
  if (view.newcomers)
    lines.push(
      `newcomers integrated within 30 days ${format(view.newcomers.share, 2)} of ${view.newcomers.eligible}, median days to a first tie ${format(view.newcomers.medianDaysToFirstTie, 0)}`,
    );
  if (view.giving)
    lines.push(
      `trips answered within a week ${format(view.giving.answeredShare, 2)}, receivers who gave back ${format(view.giving.payForwardShare, 2)}`,
    );
  lines.push(`trend: ${view.trend.map((point) => `${point.label} ${point.index ?? "n/a"}`).join(", ")}`);
  if (view.gatekeepers && view.gatekeepers.length > 0) {
    lines.push("gatekeepers (betweenness, cross-community ties, community):");
    for (const gatekeeper of view.gatekeepers)
      lines.push(
        `  ${gatekeeper.member.name.padEnd(28)} ${format(gatekeeper.betweenness)}  ${String(gatekeeper.crossCommunityTies).padStart(4)}  ${gatekeeper.community}`,
      );
  }
  if (view.bridges.length > 0) {
    lines.push("introductions that would open the city most:");
    for (const bridge of view.bridges) {
      const [a, b] = bridge.between ?? [];
      lines.push(
        `  ${a?.name ?? "?"} (community ${bridge.communityA}) – ${b?.name ?? "?"} (community ${bridge.communityB})`,
      );
    }
  }
  return lines.join("\n");
}

/** Runs the command; returns the exit code (0 ok, 1 unknown city). */
export async function analyzeCityCommand(context: AppContext, options: AnalyzeCityOptions): Promise<number> {
  const wanted = options.city.trim().toLowerCase();
  const city = (await listCities(context)).find(
    (row) => row.slug === wanted || row.name.toLowerCase() === wanted || row.nameFr?.toLowerCase() === wanted,
  );
  if (!city) {
    console.error(`analyze: no city "${options.city}" (see: cities list)`);
    return 1;
  }
  const snapshot = await refreshCityReport(
    context,
    city.id,
    options.seed === undefined ? {} : { report: { seed: options.seed } },
  );
  const view = await getCityReport(context, { citySlug: city.slug, viewer: operator });
  if (view.status !== "ready") {
    console.error(`analyze: the report of ${city.name} could not be computed`);
    return 1;
  }
  if (options.json) console.log(JSON.stringify(view));
  else {
    console.log(summary(view));
    if (snapshot)
      console.log(
        `computed in ${(snapshot.computeMs / 1000).toFixed(1)} s (${(snapshot.computeCpuMs / 1000).toFixed(1)} s of CPU), trend included`,
      );
  }
  return 0;
}
