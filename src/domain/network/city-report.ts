/**
 * The whole openness report of a city from plain arrays, in one call the app's report job can make:
 * the index and its components, communities, the top gatekeepers and the bridges that would open the city most.
 */
import { density, reciprocity } from "./cohesion";
import { attributeAssortativity, eiIndex } from "./mixing";
import type { EiIndex, NodeGroups } from "./mixing";
import { structuralHoles } from "./structural-holes";
import { brokerage } from "./brokerage";
import { asBothArcs } from "./compact-graph";
import type { CompactGraph } from "./compact-graph";
import { measureStructure } from "./network-structure";
import { opennessIndex } from "./openness-index";
import type { OpennessIndex, OpennessOptions } from "./openness-index";
import { suggestBridges } from "./bridges";
import type { BridgeOptions } from "./bridges";
import { prepareCity } from "./city-input";
import type { CityMember, CityNetworkInput } from "./city-input";
import type { NewcomerIntegration } from "./newcomer-integration";
import type { Giving } from "./giving";

export interface Gatekeeper {
  readonly id: string;
  readonly community: number;
  /** Normalized betweenness (share of pairs whose shortest paths run through the member). */
  readonly betweenness: number;
  readonly constraint: number | null;
  readonly effectiveSize: number | null;
  /** Ties to members of other communities. */
  readonly crossCommunityTies: number;
  /** Gould–Fernandez gatekeeper and representative paths over follows (or ties when there are no follows). */
  readonly gatekeeperPaths: number;
  readonly representativePaths: number;
}

export interface Bridge {
  readonly a: string;
  readonly b: string;
  readonly communityA: number;
  readonly communityB: number;
  readonly constraintDrop: number;
  readonly centralizationDrop: number | null;
}

export interface CityReport {
  readonly openness: OpennessIndex;
  readonly counts: { readonly members: number; readonly ties: number; readonly follows: number };
  readonly density: number;
  /** Reciprocity of follows; null without follows. */
  readonly reciprocity: number | null;
  readonly communities: {
    readonly count: number;
    readonly modularity: number;
    readonly sizes: number[];
    readonly membership: Int32Array;
  };
  readonly betweenness: {
    readonly centralization: number;
    readonly exact: boolean;
    readonly pivots: number;
    readonly errorBound: number;
    readonly confidence: number;
  };
  readonly mixing: Record<string, { readonly ei: EiIndex | null; readonly assortativity: number | null }>;
  readonly gatekeepers: Gatekeeper[];
  /** Positions of the `betweennessTop` members with the highest betweenness, best first (empty unless asked). */
  readonly topByBetweenness: number[];
  readonly bridges: Bridge[];
  readonly newcomers: NewcomerIntegration | null;
  readonly giving: Giving | null;
}

export interface CityReportOptions extends OpennessOptions {
  /** Gatekeepers listed (default 10). */
  gatekeepers?: number;
  /** How many members to rank by betweenness in `topByBetweenness` (default 0), e.g. the top 5 % for the alerts. */
  betweennessTop?: number;
  bridges?: BridgeOptions;
}

const finiteOrNull = (value: number | undefined): number | null =>
  value === undefined || !Number.isFinite(value) ? null : value;

/** The directed graph brokerage is read on: follows, or each tie as two arcs (no copy) when the app has no follows. */
function brokerageGraph(ties: CompactGraph, follows: CompactGraph | null): CompactGraph {
  return follows && follows.edgeCount > 0 ? follows : asBothArcs(ties);
}

/** The `count` nodes with the highest positive scores, best first (ties by node number): O(n·count), no sort of n. */
function topNodes(scores: Float64Array, count: number): number[] {
  const top: number[] = [];
  const better = (x: number, y: number): boolean =>
    (scores[x] as number) > (scores[y] as number) || (scores[x] === scores[y] && x < y);
  for (let i = 0; i < scores.length; i++) {
    if (!((scores[i] as number) > 0)) continue;
    if (top.length === count && !better(i, top[count - 1] as number)) continue;
    let position = top.length === count ? count - 1 : top.length;
    while (position > 0 && better(i, top[position - 1] as number)) position--;
    top.splice(position, 0, i);
    if (top.length > count) top.pop();
  }
  return top;
}

/** As `topNodes`, for counts where O(n·count) would be too slow: one sort of the positive scores. */
function topNodesSorted(scores: Float64Array, count: number): number[] {
  if (count <= 64) return topNodes(scores, count);
  const positive: number[] = [];
  for (let i = 0; i < scores.length; i++) if ((scores[i] as number) > 0) positive.push(i);
  positive.sort((x, y) => (scores[y] as number) - (scores[x] as number) || x - y);
  return positive.slice(0, count);
}

/**
 * Builds the city report. Deterministic for a given input and seed; the heavy parts (Louvain, sampled betweenness,
 * randomizations) have size-based budgets that `options` can override.
 */
export function buildCityReport(input: CityNetworkInput, options: CityReportOptions = {}): CityReport {
  const city = prepareCity(input);
  const ties = city.ties;
  const structure = measureStructure(ties, options);
  const openness = opennessIndex({
    graph: ties,
    attributes: city.attributes,
    newcomers: city.newcomers,
    giving: city.giving,
    structure,
    options,
  });
  const { membership, count, modularity } = structure.communities;
  const sizes = new Array<number>(count).fill(0);
  for (const c of membership) sizes[c] = (sizes[c] ?? 0) + 1;

  const mixing: CityReport["mixing"] = {};
  const groupings: Record<string, NodeGroups> = { community: membership, ...city.attributes };
  for (const [name, groups] of Object.entries(groupings)) {
    mixing[name] = { ei: eiIndex(ties, groups), assortativity: attributeAssortativity(ties, groups) };
  }
  options.progress?.("mixing");

  const top = topNodes(structure.betweenness.normalized, options.gatekeepers ?? 10);
  // Constraint only where the report reads it: the gatekeepers and the members of the communities bridges may join
  // (communities are numbered by decreasing size). Everyone's would cost Σ degree² (minutes at 1M / 10M).
  const bridgeCommunities = options.bridges?.communities ?? 8;
  const egos = new Set(top);
  for (let i = 0; i < ties.nodeCount; i++) if ((membership[i] as number) < bridgeCommunities) egos.add(i);
  const holes = structuralHoles(ties, { nodes: Int32Array.from(egos) });
  const roles = brokerage(brokerageGraph(ties, city.follows), membership, { brokers: top });
  options.progress?.("gatekeepers");
  const idOf = (i: number): string => (input.members[i] as CityMember).id;
  const gatekeepers = top.map((i) => ({
    id: idOf(i),
    community: membership[i] as number,
    betweenness: structure.betweenness.normalized[i] as number,
    constraint: finiteOrNull(holes.constraint[i]),
    effectiveSize: finiteOrNull(holes.effectiveSize[i]),
    crossCommunityTies: structure.boundaryTies[i] as number,
    gatekeeperPaths: roles.gatekeeper[i] as number,
    representativePaths: roles.representative[i] as number,
  }));

  const bridgeOptions: BridgeOptions = { seed: options.seed ?? 1, ...options.bridges };
  // Each candidate costs one betweenness run: a quarter of the pivots (the same for all) is enough to rank them.
  if (bridgeOptions.pivots === undefined && ties.nodeCount > 200)
    bridgeOptions.pivots = Math.max(8, Math.floor(structure.betweenness.pivots / 4));
  const bridges =
    openness.status === "ok"
      ? suggestBridges({ graph: ties, structure, holes, options: bridgeOptions }).map((s) => ({
          ...s,
          a: idOf(s.a),
          b: idOf(s.b),
        }))
      : [];

  options.progress?.("bridges");

  return {
    openness,
    counts: { members: ties.nodeCount, ties: ties.edgeCount, follows: city.follows?.edgeCount ?? 0 },
    density: density(ties),
    reciprocity: city.follows ? reciprocity(city.follows) : null,
    communities: { count, modularity, sizes, membership },
    betweenness: {
      centralization: structure.centralization,
      exact: structure.betweenness.exact,
      pivots: structure.betweenness.pivots,
      errorBound: structure.betweenness.errorBound,
      confidence: structure.betweenness.confidence,
    },
    mixing,
    gatekeepers,
    topByBetweenness: topNodesSorted(structure.betweenness.normalized, options.betweennessTop ?? 0),
    bridges,
    newcomers: city.newcomers,
    giving: city.giving,
  };
}

/** One time window of a trend. */
export interface TrendWindow {
  readonly label: string;
  /** Start (epoch ms); ties first met before it are left out unless `cumulative`. */
  readonly start: number;
  readonly end: number;
}

/**
 * The openness index per window (e.g. per quarter) from timestamped ties: by default the network as it stood at each
 * window's end (every tie met before then); with `cumulative: false`, only ties first met inside the window.
 */
export function opennessTrend(
  input: CityNetworkInput,
  windows: readonly TrendWindow[],
  options: OpennessOptions & { cumulative?: boolean } = {},
): { window: TrendWindow; openness: OpennessIndex }[] {
  const { firstMetAt } = input.ties;
  if (firstMetAt === undefined) throw new RangeError("a trend needs ties with firstMetAt");
  const n = input.members.length;
  // Position of each member in the window's network (−1 when not arrived yet); typed, for million-member cities.
  const newIndex = new Int32Array(n);
  return windows.map((window) => {
    const members: CityMember[] = [];
    input.members.forEach((member, i) => {
      const present = member.arrivedAt == null || member.arrivedAt <= window.end;
      newIndex[i] = present ? members.length : -1;
      if (present) members.push(member);
    });
    // Ties first met in the window (or before its end), between members present in it.
    const counts = (e: number): boolean => {
      const at = firstMetAt[e] as number;
      return (
        at <= window.end &&
        (options.cumulative !== false || at >= window.start) &&
        (newIndex[input.ties.a[e] as number] as number) >= 0 &&
        (newIndex[input.ties.b[e] as number] as number) >= 0
      );
    };
    let kept = 0;
    for (let e = 0; e < firstMetAt.length; e++) if (counts(e)) kept++;
    const a = new Int32Array(kept);
    const b = new Int32Array(kept);
    const met = new Float64Array(kept);
    let write = 0;
    for (let e = 0; e < firstMetAt.length; e++) {
      if (!counts(e)) continue;
      a[write] = newIndex[input.ties.a[e] as number] as number;
      b[write] = newIndex[input.ties.b[e] as number] as number;
      met[write] = firstMetAt[e] as number;
      write++;
    }
    const city = prepareCity({
      members,
      ties: { a, b, firstMetAt: met },
      trips: input.trips?.filter((trip) => trip.announcedAt <= window.end),
      gifts: input.gifts?.filter((gift) => gift.at <= window.end),
      now: window.end,
    });
    return {
      window,
      openness: opennessIndex({
        graph: city.ties,
        attributes: city.attributes,
        newcomers: city.newcomers,
        giving: city.giving,
        options,
      }),
    };
  });
}
