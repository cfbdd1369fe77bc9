/**
 * Turns a city's matching rows into the engine's plain state: ids as strings, communities from the cached city
 * report when it names them, else one seeded Louvain pass over the loaded ties.
 */
import type { CityMatchingRows } from "../../db/repositories/matching-state.repository";
import type { CityId, EpochMs, MatchingMember, MatchingState, MemberId } from "../../domain/matching/types";
import { detectTieCommunities } from "../../domain/trips/tie-communities";

const youngStages = new Set(["student", "first_time_founder"]);

export const memberKey = (id: number): MemberId => String(id) as MemberId;
export const cityKey = (id: number): CityId => String(id) as CityId;

/**
 * Community per member from a cached report, when it carries them: either `communities.byMember` (id → community)
 * or `memberIds` beside `communities.membership` (same order). Anything else counts as absent.
 */
export function communitiesFromReport(report: unknown): Map<string, string> | null {
  if (!report || typeof report !== "object") return null;
  const communities = (report as { communities?: { byMember?: unknown; membership?: unknown } }).communities;
  const byMember = communities?.byMember;
  if (byMember && typeof byMember === "object") {
    return new Map(Object.entries(byMember as Record<string, unknown>).map(([id, c]) => [id, `r${String(c)}`]));
  }
  const ids = (report as { memberIds?: unknown }).memberIds;
  const membership = communities?.membership;
  if (Array.isArray(ids) && membership && typeof membership === "object") {
    const values = Object.values(membership as Record<string, unknown>);
    if (values.length !== ids.length) return null;
    return new Map(ids.map((id, i) => [String(id), `r${String(values[i])}`]));
  }
  return null;
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
  // Louvain only when the cached report does not cover everyone loaded.
  const detected =
    cached && ids.every((id) => cached.has(id))
      ? null
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
      communityId: cached?.get(String(member.id)) ?? detected?.get(String(member.id)) ?? `solo-${member.id}`,
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
