/**
 * The openness index of a city, 0 to 100: how far its network is from a closed one of clans and barons. Each
 * structural component is read against degree-preserving randomizations of the same network, so the index does
 * not drift with size; the formula and its references are in docs/metrics.md.
 */
import type { CompactGraph } from "./compact-graph";
import { toUndirected } from "./compact-graph";
import { attributeAssortativity } from "./mixing";
import type { NodeGroups } from "./mixing";
import { detectCommunities } from "./louvain";
import { betweenness, betweennessCentralization } from "./betweenness";
import { rewireDegreePreserving } from "./rewire";
import { richClubCoefficient } from "./rich-club";
import { defaultLouvainRuns, defaultPivots, gatekeepingConcentration, measureStructure } from "./network-structure";
import type { NetworkStructure, StructureOptions } from "./network-structure";
import type { NewcomerIntegration } from "./newcomer-integration";
import type { Giving } from "./giving";
import { createRng } from "../random";

/** Minimum counts below which a figure is "insufficient data" rather than a misleading number. */
export const opennessMinimums = {
  members: 30,
  ties: 30,
  /** Members in each of at least two groups for an attribute to count in mixing. */
  groupMembers: 5,
  eliteMembers: 5,
  eligibleNewcomers: 10,
  eligibleTrips: 10,
  receivers: 10,
} as const;

export interface OpennessOptions extends StructureOptions {
  /**
   * Degree-preserving randomizations for the baseline (default 5 up to 2,000 nodes, 3 up to 50,000, 2 up to 200,000,
   * then 1: figures of big random graphs barely vary from one randomization to the next).
   */
  randomizations?: number;
  swapsPerEdge?: number;
}

export interface OpennessComponent {
  /** 0 (closed) to 1 (as open as a random network with the same degrees, or more). */
  readonly score: number;
  /** The raw figures behind the score. */
  readonly detail: Readonly<Record<string, number | null>>;
}

export type ComponentName = "mixing" | "bridging" | "noBarons" | "openElite" | "newcomerIntegration" | "giving";

export interface OpennessIndex {
  /** 0..100, or null with status "insufficient-data". */
  readonly index: number | null;
  readonly status: "ok" | "insufficient-data";
  /** Each component beside the index; null when its data is below the minimum counts. */
  readonly components: Readonly<Record<ComponentName, OpennessComponent | null>>;
  readonly reasons: readonly string[];
  readonly randomizations: number;
}

const clamp = (value: number): number => (Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0);

/** Score of a "closedness" figure x against its random baseline: (1 − x) / (1 − x_rand), clamped to 0..1. */
const againstRandom = (observed: number, random: number): number => clamp((1 - observed) / Math.max(1e-9, 1 - random));

interface Baseline {
  modularity: number;
  centralization: number;
  gatekeeping: number | null;
  richClub: number | null;
}

/** Mean structural figures over seeded degree-preserving randomizations, with the same algorithms and budgets. */
function randomBaseline(
  graph: CompactGraph,
  structure: NetworkStructure,
  options: OpennessOptions,
  runs: number,
): Baseline {
  const rng = createRng(options.seed ?? 1);
  const pivots = options.pivots ?? defaultPivots(graph);
  let modularity = 0;
  let centralization = 0;
  let gatekeeping = 0;
  let gatekeepingRuns = 0;
  let richClub = 0;
  for (let r = 0; r < runs; r++) {
    const random = rewireDegreePreserving(
      graph,
      rng.fork(),
      options.swapsPerEdge === undefined ? {} : { swapsPerEdge: options.swapsPerEdge },
    );
    options.progress?.("randomization: rewiring");
    const seed = (options.seed ?? 1) + r + 1;
    modularity += detectCommunities(random, {
      seed,
      runs: options.louvainRuns ?? defaultLouvainRuns(graph),
    }).modularity;
    options.progress?.("randomization: louvain");
    centralization += betweennessCentralization(
      betweenness(random, pivots === undefined ? { seed } : { seed, pivots }).normalized,
    );
    options.progress?.("randomization: betweenness");
    // Gatekeeping of the same communities once ties are random: how spread cross-group ties are by chance.
    const concentration = gatekeepingConcentration(
      random,
      structure.communities.membership,
      options.gatekeeperShare,
    ).concentration;
    if (concentration !== null) {
      gatekeeping += concentration;
      gatekeepingRuns++;
    }
    if (structure.richClub) richClub += richClubCoefficient(random, structure.richClub.k) ?? 0;
  }
  return {
    modularity: modularity / runs,
    centralization: centralization / runs,
    gatekeeping: gatekeepingRuns > 0 ? gatekeeping / gatekeepingRuns : null,
    richClub: structure.richClub ? richClub / runs : null,
  };
}

function groupsAreLargeEnough(groups: NodeGroups, n: number): boolean {
  const sizes = new Map<string | number, number>();
  for (let i = 0; i < n; i++) {
    const label = groups[i];
    if (label !== null && label !== undefined) sizes.set(label, (sizes.get(label) ?? 0) + 1);
  }
  return Array.from(sizes.values()).filter((size) => size >= opennessMinimums.groupMembers).length >= 2;
}

/**
 * Computes the index from a tie graph (undirected; weights ignored), node attributes to check mixing on, and the
 * newcomer and giving figures when the app has them. Pass `structure` when it was already measured.
 */
export function opennessIndex(input: {
  readonly graph: CompactGraph;
  readonly attributes?: Readonly<Record<string, NodeGroups>>;
  readonly newcomers?: NewcomerIntegration | null;
  readonly giving?: Giving | null;
  readonly structure?: NetworkStructure;
  readonly options?: OpennessOptions;
}): OpennessIndex {
  const graph = toUndirected(input.graph);
  const options = input.options ?? {};
  const reasons: string[] = [];
  const components: Record<ComponentName, OpennessComponent | null> = {
    mixing: null,
    bridging: null,
    noBarons: null,
    openElite: null,
    newcomerIntegration: null,
    giving: null,
  };
  if (graph.nodeCount < opennessMinimums.members)
    reasons.push(`fewer than ${opennessMinimums.members} members (${graph.nodeCount})`);
  if (graph.edgeCount < opennessMinimums.ties)
    reasons.push(`fewer than ${opennessMinimums.ties} ties (${graph.edgeCount})`);
  if (reasons.length > 0)
    return {
      index: null,
      status: "insufficient-data",
      components,
      reasons,
      randomizations: 0,
    };

  const structure = input.structure ?? measureStructure(graph, options);
  const runs = Math.max(
    1,
    options.randomizations ??
      (graph.nodeCount <= 2_000 ? 5 : graph.nodeCount <= 50_000 ? 3 : graph.nodeCount <= 200_000 ? 2 : 1),
  );
  const baseline = randomBaseline(graph, structure, options, runs);

  // Mixing: 1 − r per attribute (r = assortativity; degree-preserving random mixing has r ≈ 0), averaged.
  const mixingDetail: Record<string, number | null> = {};
  const mixingScores: number[] = [];
  for (const [name, groups] of Object.entries(input.attributes ?? {})) {
    if (!groupsAreLargeEnough(groups, graph.nodeCount)) continue;
    const r = attributeAssortativity(graph, groups);
    mixingDetail[name] = r;
    if (r !== null) mixingScores.push(clamp(1 - r));
  }
  if (mixingScores.length > 0)
    components.mixing = {
      score: mixingScores.reduce((a, b) => a + b, 0) / mixingScores.length,
      detail: mixingDetail,
    };
  else reasons.push("mixing: no attribute with two groups of at least 5 members");

  components.bridging = {
    score: againstRandom(structure.communities.modularity, baseline.modularity),
    detail: {
      modularity: structure.communities.modularity,
      randomModularity: baseline.modularity,
      communities: structure.communities.count,
    },
  };

  const centralizationScore = againstRandom(structure.centralization, baseline.centralization);
  const gatekeepingScore =
    structure.gatekeeping !== null && baseline.gatekeeping !== null
      ? againstRandom(structure.gatekeeping, baseline.gatekeeping)
      : null;
  components.noBarons = {
    score: gatekeepingScore === null ? centralizationScore : (centralizationScore + gatekeepingScore) / 2,
    detail: {
      centralization: structure.centralization,
      randomCentralization: baseline.centralization,
      gatekeeping: structure.gatekeeping,
      randomGatekeeping: baseline.gatekeeping,
    },
  };

  if (
    structure.richClub &&
    baseline.richClub !== null &&
    baseline.richClub > 0 &&
    structure.richClub.members >= opennessMinimums.eliteMembers
  ) {
    const normalized = structure.richClub.observed / baseline.richClub;
    components.openElite = {
      score: clamp(2 - normalized),
      detail: {
        k: structure.richClub.k,
        richClub: structure.richClub.observed,
        randomRichClub: baseline.richClub,
        normalized,
      },
    };
  } else reasons.push(`open elite: fewer than ${opennessMinimums.eliteMembers} elite members`);

  const newcomers = input.newcomers ?? null;
  if (newcomers && newcomers.share !== null && newcomers.eligible >= opennessMinimums.eligibleNewcomers) {
    components.newcomerIntegration = {
      score: newcomers.share,
      detail: {
        share: newcomers.share,
        eligible: newcomers.eligible,
        medianDaysToFirstTie: newcomers.medianDaysToFirstTie,
      },
    };
  } else
    reasons.push(
      `newcomer integration: fewer than ${opennessMinimums.eligibleNewcomers} newcomers arrived 30+ days ago`,
    );

  const giving = input.giving ?? null;
  const givingParts: number[] = [];
  if (giving?.answeredShare != null && giving.eligibleTrips >= opennessMinimums.eligibleTrips)
    givingParts.push(giving.answeredShare);
  if (giving?.payForwardShare != null && giving.receivers >= opennessMinimums.receivers)
    givingParts.push(giving.payForwardShare);
  if (giving && givingParts.length > 0) {
    components.giving = {
      score: givingParts.reduce((a, b) => a + b, 0) / givingParts.length,
      detail: {
        answeredShare: giving.answeredShare,
        eligibleTrips: giving.eligibleTrips,
        payForwardShare: giving.payForwardShare,
        receivers: giving.receivers,
      },
    };
  } else
    reasons.push(
      `giving: fewer than ${opennessMinimums.eligibleTrips} trips a week old and ${opennessMinimums.receivers} receivers`,
    );

  const scores = Object.values(components)
    .filter((component): component is OpennessComponent => component !== null)
    .map((component) => component.score);
  const index = Math.round((1000 * scores.reduce((a, b) => a + b, 0)) / scores.length) / 10;
  return { index, status: "ok", components, reasons, randomizations: runs };
}
