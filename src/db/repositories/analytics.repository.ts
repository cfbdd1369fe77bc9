/**
 * Reads for the openness analytics and the cache of city reports. A city's network is read in one query per table,
 * ties and follows aggregated into columns (one row of arrays) so that a million ties never become a million objects.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../create-db";
import { offers, trips } from "../schema/arrivals";
import { gifts } from "../schema/gatherings";
import { follows, members, ties } from "../schema/people";
import { cityReports } from "../schema/system";

export interface NetworkMemberRow {
  id: number;
  origin: string;
  careerStage: string;
  /** Days since 1970-01-01 of the move to the city, or null. */
  arrivedDay: number | null;
  /** The member's main sector, or null. */
  sector: string | null;
}

export interface CityNetworkRows {
  members: NetworkMemberRow[];
  /** Undirected ties between two members of the city, as columns of member ids. */
  ties: { a: number[]; b: number[]; strength: number[]; firstMetDay: number[] };
  /** Follows between two members of the city, as columns of member ids. */
  follows: { follower: number[]; followed: number[] };
  /** Trips to the city with their first offer. */
  trips: { id: number; announcedAt: Date; firstOfferAt: Date | null }[];
  /** Gifts recorded in the city. */
  gifts: { giverId: number; receiverId: number; occurredDay: number }[];
}

const epochDay = (column: unknown) => sql<number>`(${column} - date '1970-01-01')`;

/** Everything the city report needs about one city's members (home city), in five queries. */
export async function loadCityNetworkRows(db: Database, cityId: number): Promise<CityNetworkRows> {
  const cityMembers = db.select({ id: members.id }).from(members).where(eq(members.homeCityId, cityId));
  const [memberRows, [tieColumns], [followColumns], tripRows, giftRows] = await Promise.all([
    db
      .select({
        id: members.id,
        origin: members.origin,
        careerStage: members.careerStage,
        arrivedDay: sql<number | null>`(${members.arrivedOn} - date '1970-01-01')`,
        sector: sql<string | null>`${members.sectors}[1]`,
      })
      .from(members)
      .where(eq(members.homeCityId, cityId))
      .orderBy(members.id),
    db
      .select({
        a: sql<number[]>`coalesce(array_agg(${ties.aId} order by ${ties.aId}, ${ties.bId}), '{}')`,
        b: sql<number[]>`coalesce(array_agg(${ties.bId} order by ${ties.aId}, ${ties.bId}), '{}')`,
        strength: sql<number[]>`coalesce(array_agg(${ties.strength} order by ${ties.aId}, ${ties.bId}), '{}')`,
        firstMetDay: sql<
          number[]
        >`coalesce(array_agg(${epochDay(ties.firstMetOn)} order by ${ties.aId}, ${ties.bId}), '{}')`,
      })
      .from(ties)
      .where(and(inArray(ties.aId, cityMembers), inArray(ties.bId, cityMembers))),
    db
      .select({
        follower: sql<
          number[]
        >`coalesce(array_agg(${follows.followerId} order by ${follows.followerId}, ${follows.followeeId}), '{}')`,
        followed: sql<
          number[]
        >`coalesce(array_agg(${follows.followeeId} order by ${follows.followerId}, ${follows.followeeId}), '{}')`,
      })
      .from(follows)
      .where(and(inArray(follows.followerId, cityMembers), inArray(follows.followeeId, cityMembers))),
    db
      .select({
        id: trips.id,
        announcedAt: trips.createdAt,
        firstOfferAt: sql<
          Date | string | null
        >`(select min(${offers.createdAt}) from ${offers} where ${offers.tripId} = ${trips.id})`,
      })
      .from(trips)
      .where(eq(trips.cityId, cityId))
      .orderBy(trips.id),
    db
      .select({ giverId: gifts.giverId, receiverId: gifts.receiverId, occurredDay: epochDay(gifts.occurredOn) })
      .from(gifts)
      .where(eq(gifts.cityId, cityId))
      .orderBy(gifts.id),
  ]);
  const numbers = (values: unknown): number[] => (Array.isArray(values) ? values.map(Number) : []);
  return {
    members: memberRows.map((row) => ({
      ...row,
      arrivedDay: row.arrivedDay === null ? null : Number(row.arrivedDay),
    })),
    ties: {
      a: numbers(tieColumns?.a),
      b: numbers(tieColumns?.b),
      strength: numbers(tieColumns?.strength),
      firstMetDay: numbers(tieColumns?.firstMetDay),
    },
    follows: { follower: numbers(followColumns?.follower), followed: numbers(followColumns?.followed) },
    trips: tripRows.map((row) => ({
      id: row.id,
      announcedAt: row.announcedAt,
      firstOfferAt: row.firstOfferAt === null ? null : new Date(row.firstOfferAt),
    })),
    gifts: giftRows.map((row) => ({ ...row, occurredDay: Number(row.occurredDay) })),
  };
}

/** Writes (or replaces) the cached report of a city. */
export async function saveCityReport(db: Database, cityId: number, report: unknown, computedAt: Date): Promise<void> {
  await db
    .insert(cityReports)
    .values({ cityId, report, computedAt })
    .onConflictDoUpdate({ target: cityReports.cityId, set: { report, computedAt } });
}

/** The cached report of a city, or undefined when none was computed yet. */
export async function findCityReport(
  db: Database,
  cityId: number,
): Promise<{ report: unknown; computedAt: Date } | undefined> {
  const [row] = await db
    .select({ report: cityReports.report, computedAt: cityReports.computedAt })
    .from(cityReports)
    .where(eq(cityReports.cityId, cityId));
  return row;
}

/** Names and analytics opt-out of some members, for naming individuals in a report. */
export async function listMemberLabels(
  db: Database,
  memberIds: readonly number[],
): Promise<{ id: number; name: string; analyticsOptOut: boolean }[]> {
  if (memberIds.length === 0) return [];
  return db
    .select({ id: members.id, name: members.name, analyticsOptOut: members.analyticsOptOut })
    .from(members)
    .where(inArray(members.id, [...memberIds]));
}
