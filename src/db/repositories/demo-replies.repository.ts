/** What the demo locals need to answer a trip: who they are, the city's venues and events, and whether they answered. */
import { and, asc, eq, gte, inArray, isNull, lte, ne, not, sql } from "drizzle-orm";
import type { Database } from "../create-db";
import { offers, trips } from "../schema/arrivals";
import { events, invitations } from "../schema/gatherings";
import { blocks, members, venues } from "../schema/people";

export interface DemoLocalRow {
  id: number;
  name: string;
  headline: string;
  locale: string;
}

/**
 * The demo members of a city who answer trips: its demo locals first, then, when there are fewer than `atLeast`, other
 * demo members of the city. Never the traveller, a suspended member, anyone in a block with the traveller, nor the
 * `excluded` members (the personas, whom visitors act as by hand).
 */
export async function listDemoLocals(
  db: Database,
  cityId: number,
  travellerId: number,
  atLeast: number,
  excluded: readonly number[] = [],
): Promise<DemoLocalRow[]> {
  const eligible = and(
    eq(members.homeCityId, cityId),
    excluded.length > 0 ? not(inArray(members.id, [...excluded])) : undefined,
    eq(members.isDemo, true),
    isNull(members.suspendedAt),
    ne(members.id, travellerId),
    sql`not exists (select 1 from ${blocks} where (${blocks.blockerId} = ${travellerId} and ${blocks.blockedId} = ${members.id}) or (${blocks.blockerId} = ${members.id} and ${blocks.blockedId} = ${travellerId}))`,
  );
  const columns = { id: members.id, name: members.name, headline: members.headline, locale: members.locale };
  const locals = await db
    .select(columns)
    .from(members)
    .where(and(eligible, eq(members.isDemoLocal, true)))
    .orderBy(asc(members.id))
    .limit(50);
  if (locals.length >= atLeast) return locals;
  const others = await db
    .select(columns)
    .from(members)
    .where(and(eligible, eq(members.isDemoLocal, false)))
    .orderBy(asc(members.id))
    .limit(atLeast - locals.length);
  return [...locals, ...others];
}

export async function listCityVenues(
  db: Database,
  cityId: number,
  limit: number,
): Promise<{ id: number; name: string }[]> {
  return db
    .select({ id: venues.id, name: venues.name })
    .from(venues)
    .where(eq(venues.cityId, cityId))
    .orderBy(asc(venues.id))
    .limit(limit);
}

/** Scheduled events of a city starting within [from, to], earliest first. */
export async function listCityEventsBetween(
  db: Database,
  cityId: number,
  from: Date,
  to: Date,
): Promise<
  { id: number; title: string; titleFr: string | null; startsAt: Date; endsAt: Date; venueId: number | null }[]
> {
  return db
    .select({
      id: events.id,
      title: events.title,
      titleFr: events.titleFr,
      startsAt: events.startsAt,
      endsAt: events.endsAt,
      venueId: events.venueId,
    })
    .from(events)
    .where(
      and(
        eq(events.cityId, cityId),
        eq(events.status, "scheduled"),
        gte(events.startsAt, from),
        lte(events.startsAt, to),
      ),
    )
    .orderBy(asc(events.startsAt), asc(events.id))
    .limit(200);
}

export async function insertDemoEvent(
  tx: Database,
  event: Pick<
    typeof events.$inferInsert,
    | "cityId"
    | "hostId"
    | "title"
    | "titleFr"
    | "description"
    | "descriptionFr"
    | "venueId"
    | "startsAt"
    | "endsAt"
    | "tags"
  >,
): Promise<number> {
  const [row] = await tx
    .insert(events)
    .values({ ...event, capacity: 60, audience: "members" })
    .returning({ id: events.id });
  if (!row) throw new Error("insert returned no event");
  return row.id;
}

/** Records that the traveller was invited (so the event's own RSVP flow knows them); inviting twice is harmless. */
export async function insertInvitation(
  tx: Database,
  eventId: number,
  memberId: number,
  invitedBy: number,
): Promise<void> {
  await tx.insert(invitations).values({ eventId, memberId, invitedBy }).onConflictDoNothing();
}

/** Locks the trip until the transaction ends, so that two runs of the demo reply job take turns. */
export async function lockTrip(tx: Database, tripId: number): Promise<boolean> {
  const rows = await tx.select({ id: trips.id }).from(trips).where(eq(trips.id, tripId)).for("update");
  return rows.length > 0;
}

/** Whether demo members already answered this trip. */
/** Whether demo members other than the `excluded` ones (the personas, who offer by hand) made offers on the trip. */
export async function hasDemoOffers(db: Database, tripId: number, excluded: readonly number[] = []): Promise<boolean> {
  const [row] = await db
    .select({ one: sql<number>`1` })
    .from(offers)
    .innerJoin(members, eq(members.id, offers.senderId))
    .where(
      and(
        eq(offers.tripId, tripId),
        eq(members.isDemo, true),
        excluded.length > 0 ? not(inArray(members.id, [...excluded])) : undefined,
      ),
    )
    .limit(1);
  return row !== undefined;
}

/**
 * Recent active trips of real (non-demo) members in cities that have demo locals, with no demo offer yet, created
 * before `createdBefore`: the ones a missed or lost job left unanswered. Offers of the `excluded` members (personas,
 * acting by hand) are no answer.
 */
export async function listUnansweredRealTrips(
  db: Database,
  createdAfter: Date,
  createdBefore: Date,
  excluded: readonly number[] = [],
): Promise<number[]> {
  const notExcluded =
    excluded.length > 0
      ? sql` and sender.id not in (${sql.join(
          excluded.map((id) => sql`${id}`),
          sql`, `,
        )})`
      : sql``;
  const rows = await db
    .select({ id: trips.id })
    .from(trips)
    .innerJoin(members, eq(members.id, trips.memberId))
    .where(
      and(
        eq(members.isDemo, false),
        eq(trips.status, "active"),
        gte(trips.createdAt, createdAfter),
        lte(trips.createdAt, createdBefore),
        sql`exists (select 1 from ${members} local where local.is_demo_local and local.home_city_id = ${trips.cityId})`,
        sql`not exists (select 1 from ${offers} o join ${members} sender on sender.id = o.sender_id where o.trip_id = ${trips.id} and sender.is_demo${notExcluded})`,
      ),
    )
    .orderBy(asc(trips.id))
    .limit(20);
  return rows.map((row) => row.id);
}
