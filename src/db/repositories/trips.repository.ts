/** Trips: storing, finding and listing stays, and the SQL form of the visibility rule (src/domain/trips/can-see-trip). */
import { and, asc, eq, gt, inArray, isNull, lt, lte, ne, or, sql, type Placeholder, type SQL } from "drizzle-orm";
import type { ViewerRelation } from "../../domain/trips/can-see-trip";
import type { Database } from "../create-db";
import { preparedStatement } from "../prepared";
import { alerts, trips } from "../schema/arrivals";
import { blocks, cities, follows, members, ties } from "../schema/people";

export type TripRow = typeof trips.$inferSelect;
export type NewTrip = typeof trips.$inferInsert;

/** A trip with what its presentation needs: the city and the traveller. */
export interface TripWithContext {
  trip: TripRow;
  city: { id: number; slug: string; name: string; nameFr: string | null; timeZone: string };
  traveller: { id: number; name: string; headline: string };
}

const withContext = {
  trip: trips,
  city: { id: cities.id, slug: cities.slug, name: cities.name, nameFr: cities.nameFr, timeZone: cities.timeZone },
  traveller: { id: members.id, name: members.name, headline: members.headline },
};

function selectWithContext(db: Database) {
  return db
    .select(withContext)
    .from(trips)
    .innerJoin(cities, eq(cities.id, trips.cityId))
    .innerJoin(members, eq(members.id, trips.memberId));
}

export async function insertTrip(db: Database, trip: NewTrip): Promise<TripRow> {
  const [row] = await db.insert(trips).values(trip).returning();
  if (!row) throw new Error("insert returned no trip");
  return row;
}

export async function findTripWithContext(db: Database, id: number): Promise<TripWithContext | undefined> {
  const [row] = await selectWithContext(db).where(eq(trips.id, id));
  return row;
}

/** Several trips with their city and traveller, in one query (unknown ids are left out; no order). */
export async function listTripsWithContext(db: Database, ids: readonly number[]): Promise<TripWithContext[]> {
  if (ids.length === 0) return [];
  return selectWithContext(db).where(inArray(trips.id, [...new Set(ids)]));
}

/** Changes a trip; `updatedAt` follows. */
export async function updateTrip(
  db: Database,
  id: number,
  changes: Partial<Omit<NewTrip, "id" | "memberId" | "cityId" | "createdAt">>,
  now: Date,
): Promise<void> {
  await db
    .update(trips)
    .set({ ...changes, updatedAt: now })
    .where(eq(trips.id, id));
}

/** A traveller's trips, soonest first; without `includePast`, only those still shown. */
export async function listTripsOfMember(
  db: Database,
  memberId: number,
  options: { includePast: boolean; now: Date },
): Promise<TripWithContext[]> {
  return selectWithContext(db)
    .where(
      and(
        eq(trips.memberId, memberId),
        options.includePast ? undefined : and(eq(trips.status, "active"), gt(trips.visibleUntil, options.now)),
      ),
    )
    .orderBy(asc(trips.arrivalDate), asc(trips.id));
}

/**
 * The visibility rule as one SQL condition over `trips`, for any query that lists trips (offers, directory, events):
 * the same rule as `canSeeTrip`. Kept beside it so that the two change together. The viewer's relations (blocks,
 * followers, ties, alerts) are subqueries that do not depend on the trip: PostgreSQL gathers each once per query
 * into a hash (a member has tens of ties, not thousands of trips to check), instead of probing an index per trip.
 */
export function visibleTripCondition(viewerId: number | Placeholder, now: Date | Placeholder): SQL {
  const blocked = sql`${trips.memberId} in (select ${blocks.blockedId} from ${blocks} where ${blocks.blockerId} = ${viewerId} union all select ${blocks.blockerId} from ${blocks} where ${blocks.blockedId} = ${viewerId})`;
  const followed = sql`${trips.memberId} in (select ${follows.followerId} from ${follows} where ${follows.followeeId} = ${viewerId})`;
  const tied = sql`${trips.memberId} in (select ${ties.bId} from ${ties} where ${ties.aId} = ${viewerId} union all select ${ties.aId} from ${ties} where ${ties.bId} = ${viewerId})`;
  const picked = sql`${trips.id} in (select ${alerts.tripId} from ${alerts} where ${alerts.memberId} = ${viewerId})`;
  return or(
    eq(trips.memberId, viewerId),
    and(
      eq(trips.status, "active"),
      gt(trips.visibleUntil, now),
      sql`not ${blocked}`,
      or(eq(trips.audience, "members"), followed, tied, and(eq(trips.audience, "connections_and_picked"), picked)),
    ),
  ) as SQL;
}

/** The ids among `tripIds` that the viewer may see (for callers that hold trip ids from elsewhere). */
export async function listVisibleTripIds(
  db: Database,
  viewerId: number,
  tripIds: readonly number[],
  now: Date,
): Promise<Set<number>> {
  if (tripIds.length === 0) return new Set();
  const rows = await db
    .select({ id: trips.id })
    .from(trips)
    .where(and(inArray(trips.id, [...tripIds]), visibleTripCondition(viewerId, now)));
  return new Set(rows.map((row) => row.id));
}

/** Trips in a city that the viewer may see, other than the viewer's own, soonest first (the arrivals feed). */
export async function listVisibleTripsInCity(
  db: Database,
  viewerId: number,
  cityId: number,
  now: Date,
  limit = 200,
): Promise<TripWithContext[]> {
  const statement = preparedStatement(db, "list_visible_trips_in_city", (db) => {
    const viewer = sql.placeholder("viewerId");
    const at = sql.placeholder("now");
    return selectWithContext(db)
      .where(
        and(
          eq(trips.cityId, sql.placeholder("cityId")),
          ne(trips.memberId, viewer),
          eq(trips.status, "active"),
          gt(trips.visibleUntil, at),
          visibleTripCondition(viewer, at),
        ),
      )
      .orderBy(asc(trips.arrivalDate), asc(trips.id))
      .limit(sql.placeholder("limit"))
      .prepare("list_visible_trips_in_city");
  });
  return statement.execute({ viewerId, cityId, now, limit });
}

/** How a viewer stands towards a traveller and a trip, in one query, for `canSeeTrip`. */
export async function loadViewerRelation(
  db: Database,
  trip: { id: number; memberId: number },
  viewerId: number,
): Promise<ViewerRelation> {
  const traveller = trip.memberId;
  const [row] = await db
    .select({
      blocked: sql<boolean>`exists (select 1 from ${blocks} where (${blocks.blockerId} = ${traveller} and ${blocks.blockedId} = ${viewerId}) or (${blocks.blockerId} = ${viewerId} and ${blocks.blockedId} = ${traveller}))`,
      followed: sql<boolean>`exists (select 1 from ${follows} where ${follows.followerId} = ${traveller} and ${follows.followeeId} = ${viewerId})`,
      tied: sql<boolean>`exists (select 1 from ${ties} where ${ties.aId} = ${Math.min(traveller, viewerId)} and ${ties.bId} = ${Math.max(traveller, viewerId)})`,
      picked: sql<boolean>`exists (select 1 from ${alerts} where ${alerts.tripId} = ${trip.id} and ${alerts.memberId} = ${viewerId})`,
    })
    .from(members)
    .where(eq(members.id, viewerId));
  return toViewerRelation(viewerId, row);
}

/**
 * The same facts as `loadViewerRelation`, as columns of a query over `trips`: a trip and how the viewer stands
 * towards it load in one round trip.
 */
export function viewerRelationColumns(viewerId: number | Placeholder) {
  return {
    blocked: sql<boolean>`exists (select 1 from ${blocks} where (${blocks.blockerId} = ${trips.memberId} and ${blocks.blockedId} = ${viewerId}) or (${blocks.blockerId} = ${viewerId} and ${blocks.blockedId} = ${trips.memberId}))`,
    followed: sql<boolean>`exists (select 1 from ${follows} where ${follows.followerId} = ${trips.memberId} and ${follows.followeeId} = ${viewerId})`,
    tied: sql<boolean>`exists (select 1 from ${ties} where ${ties.aId} = least(${trips.memberId}, ${viewerId}::int) and ${ties.bId} = greatest(${trips.memberId}, ${viewerId}::int))`,
    picked: sql<boolean>`exists (select 1 from ${alerts} where ${alerts.tripId} = ${trips.id} and ${alerts.memberId} = ${viewerId})`,
  };
}

/** The relation from the columns of `viewerRelationColumns` (or `loadViewerRelation`'s row). */
export function toViewerRelation(
  viewerId: number,
  row: { blocked: boolean; followed: boolean; tied: boolean; picked: boolean } | undefined,
): ViewerRelation {
  return {
    viewerId,
    isBlocked: row?.blocked === true,
    travellerFollowsViewer: row?.followed === true,
    hasTie: row?.tied === true,
    wasPicked: row?.picked === true,
  };
}

/** A trip with its city and traveller, and how the viewer stands towards it, in one query. */
export async function findTripWithContextFor(
  db: Database,
  tripId: number,
  viewerId: number,
): Promise<{ found: TripWithContext; relation: ViewerRelation } | undefined> {
  const statement = preparedStatement(db, "find_trip_with_context_for", (db) =>
    db
      .select({ ...withContext, relation: viewerRelationColumns(sql.placeholder("viewerId")) })
      .from(trips)
      .innerJoin(cities, eq(cities.id, trips.cityId))
      .innerJoin(members, eq(members.id, trips.memberId))
      .where(eq(trips.id, sql.placeholder("tripId")))
      .prepare("find_trip_with_context_for"),
  );
  const [row] = await statement.execute({ tripId, viewerId });
  if (!row) return undefined;
  const { relation, ...found } = row;
  return { found, relation: toViewerRelation(viewerId, relation) };
}

/** Records that the alerts fan-out of a trip ran (the first time only). */
export async function markTripFannedOut(db: Database, tripId: number, now: Date): Promise<void> {
  await db
    .update(trips)
    .set({ fannedOutAt: now })
    .where(and(eq(trips.id, tripId), isNull(trips.fannedOutAt)));
}

/** Active trips still shown whose fan-out never ran, announced before `announcedBefore`, oldest first. */
export async function listTripsAwaitingFanOut(
  db: Database,
  options: { now: Date; announcedBefore: Date; limit: number },
): Promise<number[]> {
  const rows = await db
    .select({ id: trips.id })
    .from(trips)
    .where(
      and(
        eq(trips.status, "active"),
        gt(trips.visibleUntil, options.now),
        isNull(trips.fannedOutAt),
        lt(trips.createdAt, options.announcedBefore),
      ),
    )
    .orderBy(asc(trips.createdAt), asc(trips.id))
    .limit(options.limit);
  return rows.map((row) => row.id);
}

/** Marks active trips past their last shown instant as expired; returns how many. */
export async function expirePastTrips(db: Database, now: Date): Promise<number> {
  const rows = await db
    .update(trips)
    .set({ status: "expired", updatedAt: now })
    .where(and(eq(trips.status, "active"), lte(trips.visibleUntil, now)))
    .returning({ id: trips.id });
  return rows.length;
}

/** How many locals were alerted, per trip. */
export async function countAlertsByTrip(db: Database, tripIds: readonly number[]): Promise<Map<number, number>> {
  if (tripIds.length === 0) return new Map();
  const rows = await db
    .select({ tripId: alerts.tripId, count: sql<number>`count(*)::int` })
    .from(alerts)
    .where(inArray(alerts.tripId, [...tripIds]))
    .groupBy(alerts.tripId);
  return new Map(rows.map((row) => [row.tripId, row.count]));
}
