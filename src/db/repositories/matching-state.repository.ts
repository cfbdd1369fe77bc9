/**
 * The raw matching state of a city for one traveller, in a few set-based queries: the locals (living in or now in
 * the city), the traveller and the traveller's ties (for mutual connections), the ties among them, who follows the
 * traveller, blocks on either side, the giving record, recent alerts (for caps) and the cached city report.
 */
import { and, eq, gt, isNull, or, sql, type SQL } from "drizzle-orm";
import type { Database } from "../create-db";
import { alerts, meetingFeedback, meetings, offers } from "../schema/arrivals";
import { gifts } from "../schema/gatherings";
import { blocks, follows, members, ties } from "../schema/people";
import { cityReports } from "../schema/system";

export interface MatchingMemberRow {
  id: number;
  homeCityId: number | null;
  currentCityId: number | null;
  sectors: string[];
  tags: string[];
  seeks: string;
  gives: string;
  seeksTags: string[];
  givesTags: string[];
  careerStage: string;
  alertsPaused: boolean;
  alertCapPerWeek: number;
}

export interface CityMatchingRows {
  members: MatchingMemberRow[];
  ties: { a: number; b: number; strength: number }[];
  /** Members of the set who follow the traveller. */
  followers: number[];
  /** Members the traveller follows. */
  followees: number[];
  /** Members of the set in a block with the traveller, either way. */
  blocked: number[];
  giving: { memberId: number; giftsGiven: number; offersAnswered: number; usefulMeetings: number }[];
  recentAlerts: { memberId: number; createdAt: Date }[];
  /** The cached openness report of the city, as stored by the analytics job. */
  cityReport: unknown;
}

/** Loads everything matching needs for a trip of `travellerId` into `cityId`; alerts count from `alertsSince`. */
export async function loadCityMatchingRows(
  db: Database,
  options: { cityId: number; travellerId: number; alertsSince: Date },
): Promise<CityMatchingRows> {
  const { cityId, travellerId } = options;
  const friends = sql`select case when ${ties.aId} = ${travellerId} then ${ties.bId} else ${ties.aId} end from ${ties} where ${ties.aId} = ${travellerId} or ${ties.bId} = ${travellerId}`;
  const inSet = (column: SQL | typeof members.id): SQL =>
    sql`${column} in (select ${members.id} from ${members} where (${members.homeCityId} = ${cityId} or ${members.currentCityId} = ${cityId} or ${members.id} = ${travellerId} or ${members.id} in (${friends})) and ${members.suspendedAt} is null)`;

  const memberRows = await db
    .select({
      id: members.id,
      homeCityId: members.homeCityId,
      currentCityId: members.currentCityId,
      sectors: members.sectors,
      tags: members.tags,
      seeks: members.seeks,
      gives: members.gives,
      seeksTags: members.seeksTags,
      givesTags: members.givesTags,
      careerStage: members.careerStage,
      alertsPaused: members.alertsPaused,
      alertCapPerWeek: members.alertCapPerWeek,
    })
    .from(members)
    .where(
      and(
        isNull(members.suspendedAt),
        or(
          eq(members.homeCityId, cityId),
          eq(members.currentCityId, cityId),
          eq(members.id, travellerId),
          sql`${members.id} in (${friends})`,
        ),
      ),
    );

  const tieRows = await db
    .select({ a: ties.aId, b: ties.bId, strength: ties.strength })
    .from(ties)
    .where(and(inSet(sql`${ties.aId}`), inSet(sql`${ties.bId}`)));

  const followerRows = await db
    .select({ id: follows.followerId })
    .from(follows)
    .where(eq(follows.followeeId, travellerId));

  const followeeRows = await db
    .select({ id: follows.followeeId })
    .from(follows)
    .where(eq(follows.followerId, travellerId));

  const blockRows = await db
    .select({ blocker: blocks.blockerId, blocked: blocks.blockedId })
    .from(blocks)
    .where(or(eq(blocks.blockerId, travellerId), eq(blocks.blockedId, travellerId)));

  const giftCounts = await db
    .select({ memberId: gifts.giverId, count: sql<number>`count(*)::int` })
    .from(gifts)
    .where(inSet(sql`${gifts.giverId}`))
    .groupBy(gifts.giverId);
  const offerCounts = await db
    .select({ memberId: offers.senderId, count: sql<number>`count(*)::int` })
    .from(offers)
    .where(inSet(sql`${offers.senderId}`))
    .groupBy(offers.senderId);
  // A meeting counts for a member when the other side marked it useful.
  const usefulCounts = await db
    .select({
      memberId: sql<number>`case when ${meetingFeedback.memberId} = ${meetings.hostId} then ${meetings.guestId} else ${meetings.hostId} end`,
      count: sql<number>`count(*)::int`,
    })
    .from(meetingFeedback)
    .innerJoin(meetings, eq(meetings.id, meetingFeedback.meetingId))
    .where(
      and(
        eq(meetingFeedback.useful, true),
        inSet(
          sql`case when ${meetingFeedback.memberId} = ${meetings.hostId} then ${meetings.guestId} else ${meetings.hostId} end`,
        ),
      ),
    )
    .groupBy(sql`1`);

  const recentAlerts = await db
    .select({ memberId: alerts.memberId, createdAt: alerts.createdAt })
    .from(alerts)
    .where(and(gt(alerts.createdAt, options.alertsSince), inSet(sql`${alerts.memberId}`)));

  const [report] = await db
    .select({ report: cityReports.report })
    .from(cityReports)
    .where(eq(cityReports.cityId, cityId));

  const giving = new Map<
    number,
    { memberId: number; giftsGiven: number; offersAnswered: number; usefulMeetings: number }
  >();
  const entry = (memberId: number) => {
    let found = giving.get(memberId);
    if (!found) giving.set(memberId, (found = { memberId, giftsGiven: 0, offersAnswered: 0, usefulMeetings: 0 }));
    return found;
  };
  for (const row of giftCounts) entry(row.memberId).giftsGiven = row.count;
  for (const row of offerCounts) entry(row.memberId).offersAnswered = row.count;
  for (const row of usefulCounts) entry(Number(row.memberId)).usefulMeetings = row.count;

  return {
    members: memberRows,
    ties: tieRows,
    followers: followerRows.map((row) => row.id),
    followees: followeeRows.map((row) => row.id),
    blocked: blockRows.map((row) => (row.blocker === travellerId ? row.blocked : row.blocker)),
    giving: [...giving.values()],
    recentAlerts,
    cityReport: report?.report ?? null,
  };
}
