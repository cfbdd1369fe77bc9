/**
 * Turns a city's matching rows into the engine's plain state: ids as strings, communities from the cached city
 * report when it names them, else one seeded Louvain pass over the loaded ties; and the report's gatekeepers.
 */
import type { CityMatchingRows } from "../../db/repositories/matching-state.repository";
import type { CityId, EpochMs, MatchingMember, MatchingState, MemberId } from "../../domain/matching/types";
import { detectTieCommunities } from "../../domain/trips/tie-communities";

const youngStages = new Set(["student", "first_time_founder"]);

export const memberKey = (id: number): MemberId => String(id) as MemberId;
export const cityKey = (id: number): CityId => String(id) as CityId;

/**
 * Community per member from a cached report, when it carries `communityOf` (member id → community index, written by
 * the analytics job; used here, never served). Anything else counts as absent.
 */
export function communitiesFromReport(report: unknown): Map<string, string> | null {
  if (!report || typeof report !== "object") return null;
  const communityOf = (report as { communityOf?: unknown }).communityOf;
  if (!communityOf || typeof communityOf !== "object" || Array.isArray(communityOf)) return null;
  const entries = Object.entries(communityOf as Record<string, unknown>).filter(
    (entry): entry is [string, number] => typeof entry[1] === "number" && Number.isInteger(entry[1]),
  );
  return new Map(entries.map(([id, community]) => [id, `r${community}`]));
}

/** Share of the members, by betweenness, who count as gatekeepers (issue #3: the top 5 %). */
export const gatekeeperShare = 0.05;

/**
 * The gatekeepers of a cached report: the top 5 % of its members by betweenness, from the snapshot's private
 * `gatekeeperIds` (the whole 5 %, best first). A report without it falls back to its served list, as far as that
 * goes (it stops at ten, so above 200 members it holds fewer than 5 %).
 */
export function gatekeepersFromReport(report: unknown): number[] {
  if (!report || typeof report !== "object") return [];
  const { gatekeepers, gatekeeperIds, counts } = report as {
    gatekeepers?: unknown;
    gatekeeperIds?: unknown;
    counts?: { members?: unknown };
  };
  if (typeof counts?.members !== "number") return [];
  const top = Math.ceil(gatekeeperShare * counts.members);
  const isId = (id: unknown): id is number => typeof id === "number" && Number.isInteger(id);
  if (Array.isArray(gatekeeperIds)) return gatekeeperIds.slice(0, top).filter(isId);
  if (!Array.isArray(gatekeepers)) return [];
  return gatekeepers
    .slice(0, top)
    .map((gatekeeper) => (gatekeeper as { memberId?: unknown }).memberId)
    .filter(isId);
}

/**
 * Communities from the report for the members it covers; a member who joined since takes the community most of
 * their ties belong to (weighted by strength, smallest label on a draw), or one of their own.
 */
function assignCommunities(
  ids: readonly string[],
  ties: CityMatchingRows["ties"],
  cached: Map<string, string>,
): Map<string, string> {
  const votes = new Map<string, Map<string, number>>();
  const vote = (member: string, other: string, weight: number) => {
    const label = cached.get(other);
    if (label === undefined || cached.has(member)) return;
    const tally = votes.get(member) ?? new Map<string, number>();
    tally.set(label, (tally.get(label) ?? 0) + weight);
    votes.set(member, tally);
  };
  for (const tie of ties) {
    vote(String(tie.a), String(tie.b), tie.strength);
    vote(String(tie.b), String(tie.a), tie.strength);
  }
  const result = new Map<string, string>();
  for (const id of ids) {
    const own = cached.get(id);
    if (own !== undefined) {
      result.set(id, own);
      continue;
    }
    const tally = [...(votes.get(id) ?? [])].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
    result.set(id, tally[0]?.[0] ?? `solo-${id}`);
  }
  return result;
}

/**
 * The engine's state for one trip. With `onlyConnections` (audience "connections"), everyone outside the traveller's
 * follows and ties is marked paused, so that only connections can be picked and nobody else learns of the stay.
 */
export function toMatchingState(
  rows: CityMatchingRows,
  options: { travellerId: number; onlyConnections: boolean },
): MatchingState {
  const ids = rows.members.map((member) => String(member.id));
  const cached = communitiesFromReport(rows.cityReport);
  // The seeded Louvain pass only when the report names no communities.
  const communityOf = cached
    ? assignCommunities(ids, rows.ties, cached)
    : detectTieCommunities(
        ids,
        rows.ties.map((tie) => ({ a: String(tie.a), b: String(tie.b), weight: tie.strength })),
      );
  const giving = new Map(rows.giving.map((entry) => [entry.memberId, entry]));
  const alertTimes = new Map<number, EpochMs[]>();
  for (const alert of rows.recentAlerts) {
    const list = alertTimes.get(alert.memberId) ?? [];
    list.push(alert.createdAt.getTime() as EpochMs);
    alertTimes.set(alert.memberId, list);
  }
  const connections = new Set<number>(rows.followees);
  for (const tie of rows.ties) {
    if (tie.a === options.travellerId) connections.add(tie.b);
    if (tie.b === options.travellerId) connections.add(tie.a);
  }
  const members: MatchingMember[] = rows.members.map((member) => {
    const record = giving.get(member.id);
    return {
      id: memberKey(member.id),
      homeCityId: member.homeCityId === null ? ("none" as CityId) : cityKey(member.homeCityId),
      currentCityId: member.currentCityId === null ? null : cityKey(member.currentCityId),
      sectors: member.sectors,
      tags: [...new Set([...member.tags, ...member.seeksTags, ...member.givesTags].map((t) => t.toLowerCase()))],
      seeks: [member.seeks, ...member.seeksTags].join(" "),
      gives: [member.gives, ...member.givesTags].join(" "),
      communityId: communityOf.get(String(member.id)) ?? `solo-${member.id}`,
      isYoungFounder: youngStages.has(member.careerStage),
      givingRecord: {
        giftsGiven: record?.giftsGiven ?? 0,
        offersAnswered: record?.offersAnswered ?? 0,
        usefulMeetings: record?.usefulMeetings ?? 0,
      },
      isPaused: member.alertsPaused || (options.onlyConnections && !connections.has(member.id)),
      recentAlertTimes: (alertTimes.get(member.id) ?? []).sort((a, b) => a - b),
      alertCap: member.alertCapPerWeek,
    };
  });
  const known = new Set(rows.members.map((member) => member.id));
  return {
    members,
    ties: rows.ties.map((tie) => ({ a: memberKey(tie.a), b: memberKey(tie.b), meetings: tie.strength })),
    follows: rows.followers
      .filter((id) => known.has(id))
      .map((id) => ({ followerId: memberKey(id), followedId: memberKey(options.travellerId) })),
    blocks: rows.blocked
      .filter((id) => known.has(id))
      .map((id) => ({ blockerId: memberKey(id), blockedId: memberKey(options.travellerId) })),
  };
}
