/**
 * What the app passes to the city report, as plain arrays: members with their attributes, ties and follows as
 * columns of member positions (a million ties stay a few typed arrays), and trip and gift summaries.
 * Times are epoch milliseconds.
 */
import { buildCompactGraph } from "./compact-graph";
import type { CompactGraph } from "./compact-graph";
import type { NodeGroups } from "./mixing";
import { newcomerIntegration } from "./newcomer-integration";
import type { DatedTie, NewcomerIntegration } from "./newcomer-integration";
import { givingMeasures } from "./giving";
import type { Giving, GiftSummary, TripSummary } from "./giving";

export interface CityMember {
  readonly id: string;
  /** Arrived recently; the others are incumbents. */
  readonly newcomer?: boolean;
  /** When a newcomer arrived in the city (epoch ms). */
  readonly arrivedAt?: number | null;
  /** "local", "expat" or "visitor". */
  readonly origin?: string | null;
  readonly careerStage?: string | null;
  /** Any other attribute to check mixing on. */
  readonly attributes?: Readonly<Record<string, string | null>>;
}

/** Undirected ties as columns of positions in `members`. */
export interface TieColumns {
  readonly a: ArrayLike<number>;
  readonly b: ArrayLike<number>;
  /** Number of meetings; used only by weighted figures. */
  readonly strength?: ArrayLike<number>;
  /** When the two first met (epoch ms). */
  readonly firstMetAt?: ArrayLike<number>;
}

/** Directed follows (follower follows followed's work) as columns of positions in `members`. */
export interface FollowColumns {
  readonly follower: ArrayLike<number>;
  readonly followed: ArrayLike<number>;
}

export interface CityNetworkInput {
  readonly members: readonly CityMember[];
  readonly ties: TieColumns;
  readonly follows?: FollowColumns;
  readonly trips?: readonly TripSummary[];
  readonly gifts?: readonly GiftSummary[];
  /** The moment the report describes (epoch ms): nothing after it counts. */
  readonly now: number;
}

export interface PreparedCity {
  readonly ties: CompactGraph;
  readonly follows: CompactGraph | null;
  readonly attributes: Record<string, NodeGroups>;
  readonly newcomers: NewcomerIntegration | null;
  readonly giving: Giving | null;
}

/** Attribute columns for mixing: newcomer/incumbent, origin, career stage and any extra attribute. */
export function memberAttributes(members: readonly CityMember[]): Record<string, NodeGroups> {
  const attributes: Record<string, (string | null)[]> = {};
  const column = (name: string): (string | null)[] =>
    (attributes[name] ??= new Array<string | null>(members.length).fill(null));
  members.forEach((member, i) => {
    if (member.newcomer !== undefined) column("newcomer")[i] = member.newcomer ? "newcomer" : "incumbent";
    if (member.origin != null) column("origin")[i] = member.origin;
    if (member.careerStage != null) column("careerStage")[i] = member.careerStage;
    for (const [name, value] of Object.entries(member.attributes ?? {})) column(name)[i] = value;
  });
  return attributes;
}

/**
 * Turns the app's arrays into graphs and figures. Ties first met after `now` are left out, so the same input
 * replayed with an earlier `now` gives the network as it was then.
 */
export function prepareCity(input: CityNetworkInput): PreparedCity {
  const n = input.members.length;
  const { a, b, firstMetAt } = input.ties;
  // Positions of the ties that count, in a typed array: a million-member city has ten million ties. When every tie
  // counts (the usual case), the columns are read as they are, without copies.
  let kept = 0;
  const keep = new Int32Array(a.length);
  for (let e = 0; e < a.length; e++)
    if (firstMetAt === undefined || (firstMetAt[e] as number) <= input.now) keep[kept++] = e;
  let sources: ArrayLike<number> = a;
  let targets: ArrayLike<number> = b;
  if (kept < a.length) {
    const someSources = new Int32Array(kept);
    const someTargets = new Int32Array(kept);
    for (let k = 0; k < kept; k++) {
      someSources[k] = a[keep[k] as number] as number;
      someTargets[k] = b[keep[k] as number] as number;
    }
    sources = someSources;
    targets = someTargets;
  }
  const ties = buildCompactGraph(n, { sources, targets });
  const follows = input.follows
    ? buildCompactGraph(n, { sources: input.follows.follower, targets: input.follows.followed }, { directed: true })
    : null;

  const hasNewcomers = input.members.some((member) => member.newcomer === true && member.arrivedAt != null);
  let newcomers: NewcomerIntegration | null = null;
  if (hasNewcomers && firstMetAt !== undefined) {
    // Only ties with a newcomer end matter: objects for every tie of a big city would take gigabytes.
    const isNewcomer = Uint8Array.from(input.members, (member) =>
      member.newcomer === true && member.arrivedAt != null ? 1 : 0,
    );
    const dated: DatedTie[] = [];
    for (let k = 0; k < kept; k++) {
      const e = keep[k] as number;
      const x = a[e] as number;
      const y = b[e] as number;
      if (isNewcomer[x] === 0 && isNewcomer[y] === 0) continue;
      dated.push({
        a: (input.members[x] as CityMember).id,
        b: (input.members[y] as CityMember).id,
        firstMetAt: firstMetAt[e] as number,
      });
    }
    const incumbents = new Set(input.members.filter((member) => member.newcomer !== true).map((member) => member.id));
    newcomers = newcomerIntegration({
      newcomers: input.members
        .filter((member) => member.newcomer === true && member.arrivedAt != null)
        .map((member) => ({ id: member.id, arrivedAt: member.arrivedAt as number })),
      isIncumbent: (id) => incumbents.has(id),
      ties: dated,
      now: input.now,
    });
  }
  const giving =
    input.trips || input.gifts
      ? givingMeasures({ trips: input.trips ?? [], gifts: input.gifts ?? [], now: input.now })
      : null;
  return { ties, follows, attributes: memberAttributes(input.members), newcomers, giving };
}
