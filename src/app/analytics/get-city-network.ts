/**
 * The graph behind the network view, from the cached report: nodes with their community and degree, the ties among
 * them and the links between communities. Organisers of the city also get names (never of a member who opted out)
 * and the gatekeeper and bridge flags; everyone else gets anonymous nodes numbered 0..n−1.
 */
import { findCityReport } from "../../db/repositories/analytics.repository";
import type { AppContext } from "../context";
import type { ViewerInfo } from "../get-viewer";
import { findReportCity, labelMembers, reportAudienceOf } from "./city-report-access";
import type { PersonLabel, ReportAudience } from "./city-report-access";
import { readSnapshot } from "./city-report-snapshot";
import type { NetworkSample } from "./sample-city-network";
import { computingRetrySeconds, type CityRef, type ComputingReport } from "./get-city-report";
import { queueCityReportRefresh } from "./queue-city-report-refresh";

export interface NetworkNode {
  /** Position in `nodes`, the only identity anonymous nodes have. */
  id: number;
  community: number;
  degree: number;
  /** Organisers only. */
  member?: PersonLabel;
  isGatekeeper?: boolean;
  isBridgeEnd?: boolean;
}

export interface CityNetworkView {
  status: "ready";
  city: CityRef;
  audience: ReportAudience;
  computedAt: string;
  totalMembers: number;
  totalTies: number;
  sampling: NetworkSample["sampling"];
  nodes: NetworkNode[];
  /** Pairs of node ids. */
  edges: [number, number][];
  communities: { id: number; size: number }[];
  communityLinks: NetworkSample["communityLinks"];
}

/** Reads the network view of a city as the viewer may see it, or queues the report when there is none yet. */
export async function getCityNetwork(
  context: AppContext,
  input: { citySlug: string; viewer: ViewerInfo | null },
): Promise<CityNetworkView | ComputingReport> {
  const city = await findReportCity(context, input.citySlug);
  const cityRef = { slug: city.slug, name: city.name };
  const cached = await findCityReport(context.db, city.id);
  const snapshot = cached ? readSnapshot(cached.report) : null;
  if (!cached || !snapshot) {
    await queueCityReportRefresh(context, city.id, { startAfterSeconds: 0 });
    return { status: "computing", city: cityRef, retryAfterSeconds: computingRetrySeconds };
  }
  const audience = reportAudienceOf(input.viewer, city.slug);
  const { network } = snapshot;
  const gatekeepers = new Set(snapshot.gatekeepers.map((gatekeeper) => gatekeeper.memberId));
  const bridgeEnds = new Set(snapshot.bridges.flatMap((bridge) => [bridge.aMemberId, bridge.bMemberId]));
  const label = audience === "organiser" ? await labelMembers(context, network.nodes.memberId) : null;
  const nodes: NetworkNode[] = network.nodes.memberId.map((memberId, id) => ({
    id,
    community: network.nodes.community[id] as number,
    degree: network.nodes.degree[id] as number,
    ...(label
      ? { member: label(memberId), isGatekeeper: gatekeepers.has(memberId), isBridgeEnd: bridgeEnds.has(memberId) }
      : {}),
  }));
  const edges: [number, number][] = [];
  for (let k = 0; k + 1 < network.edges.length; k += 2)
    edges.push([network.edges[k] as number, network.edges[k + 1] as number]);
  return {
    status: "ready",
    city: cityRef,
    audience,
    computedAt: cached.computedAt.toISOString(),
    totalMembers: network.totalMembers,
    totalTies: network.totalTies,
    sampling: network.sampling,
    nodes,
    edges,
    communities: snapshot.communities.sizes.map((size, id) => ({ id, size })),
    communityLinks: network.communityLinks,
  };
}
