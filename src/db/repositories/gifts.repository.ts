/** The give ledger: gifts recorded once per source, and the giving record of a member. */
import { and, asc, desc, eq, gt, isNotNull, lte, ne, sql } from "drizzle-orm";
import type { Database } from "../create-db";
import { offers, trips } from "../schema/arrivals";
import { gifts } from "../schema/gatherings";
import { cities, members } from "../schema/people";
import { notifications } from "../schema/system";
import { notBlockedWith } from "./events.repository";
import { visibleTripCondition } from "./trips.repository";

export type GiftRow = typeof gifts.$inferSelect;
export type NewGift = Pick<
  typeof gifts.$inferInsert,
  "giverId" | "receiverId" | "kind" | "occurredOn" | "cityId" | "thanks" | "source"
>;

/** Records a gift; a second record of the same source is ignored. True when it is new. */
export async function insertGift(db: Database, gift: NewGift): Promise<boolean> {
  const rows = await db
    .insert(gifts)
    .values(gift)
    .onConflictDoNothing({ target: gifts.source })
    .returning({ id: gifts.id });
  return rows.length === 1;
}

export async function deleteGiftBySource(db: Database, source: string): Promise<void> {
  await db.delete(gifts).where(eq(gifts.source, source));
}

export async function findGiftById(db: Database, id: number): Promise<GiftRow | undefined> {
  const [row] = await db.select().from(gifts).where(eq(gifts.id, id));
  return row;
}

export async function findGiftBySource(db: Database, source: string): Promise<GiftRow | undefined> {
  const [row] = await db.select().from(gifts).where(eq(gifts.source, source));
  return row;
}

export async function setGiftThanks(db: Database, id: number, thanks: string | null): Promise<void> {
  await db.update(gifts).set({ thanks }).where(eq(gifts.id, id));
}

export interface LedgerEntry {
  id: number;
  kind: string;
  occurredOn: string;
  cityId: number | null;
  thanks: string | null;
  otherId: number;
  otherName: string;
}

/** Gifts given (`side` giver) or received by a member, newest first. */
export async function listGifts(
  db: Database,
  memberId: number,
  side: "giver" | "receiver",
  limit: number,
  hiddenFor: number | null = null,
): Promise<LedgerEntry[]> {
  const self = side === "giver" ? gifts.giverId : gifts.receiverId;
  const other = side === "giver" ? gifts.receiverId : gifts.giverId;
  return db
    .select({
      id: gifts.id,
      kind: gifts.kind,
      occurredOn: gifts.occurredOn,
      cityId: gifts.cityId,
      thanks: gifts.thanks,
      otherId: members.id,
      otherName: members.name,
    })
    .from(gifts)
    .innerJoin(members, eq(members.id, other))
    .where(and(eq(self, memberId), hiddenFor === null ? undefined : notBlockedWith(other, hiddenFor)))
    .orderBy(desc(gifts.occurredOn), desc(gifts.id))
    .limit(limit);
}

/** Thank-you notes the member received for their gifts, newest first. */
export async function listThanksReceived(
  db: Database,
  memberId: number,
  limit: number,
  hiddenFor: number | null = null,
): Promise<LedgerEntry[]> {
  return db
    .select({
      id: gifts.id,
      kind: gifts.kind,
      occurredOn: gifts.occurredOn,
      cityId: gifts.cityId,
      thanks: gifts.thanks,
      otherId: members.id,
      otherName: members.name,
    })
    .from(gifts)
    .innerJoin(members, eq(members.id, gifts.receiverId))
    .where(
      and(
        eq(gifts.giverId, memberId),
        isNotNull(gifts.thanks),
        hiddenFor === null ? undefined : notBlockedWith(gifts.receiverId, hiddenFor),
      ),
    )
    .orderBy(desc(gifts.createdAt), desc(gifts.id))
    .limit(limit);
}

/**
 * Counts of gifts given and received, and "helped N newcomers": distinct receivers who were newcomers (expats or
 * visitors) or travellers to the gift's city (a trip of theirs to it).
 */
export async function countGiving(
  db: Database,
  memberId: number,
): Promise<{ given: number; received: number; newcomersHelped: number }> {
  const [row] = await db
    .select({
      given: sql<number>`(select count(*)::int from ${gifts} where ${gifts.giverId} = ${memberId})`,
      received: sql<number>`(select count(*)::int from ${gifts} where ${gifts.receiverId} = ${memberId})`,
      newcomersHelped: sql<number>`(select count(distinct g.receiver_id)::int from ${gifts} g join ${members} m on m.id = g.receiver_id
        where g.giver_id = ${memberId}
          and (m.origin <> 'local' or exists (select 1 from ${trips} t where t.member_id = g.receiver_id and t.city_id = g.city_id)))`,
    })
    .from(members)
    .where(eq(members.id, memberId));
  return { given: row?.given ?? 0, received: row?.received ?? 0, newcomersHelped: row?.newcomersHelped ?? 0 };
}

/** An advice offer with its trip's traveller and city, for marking it helpful. */
export async function findAdviceOffer(db: Database, offerId: number) {
  const [row] = await db
    .select({
      id: offers.id,
      kind: offers.kind,
      status: offers.status,
      senderId: offers.senderId,
      travellerId: trips.memberId,
      cityId: trips.cityId,
      timeZone: cities.timeZone,
    })
    .from(offers)
    .innerJoin(trips, eq(trips.id, offers.tripId))
    .innerJoin(cities, eq(cities.id, trips.cityId))
    .where(eq(offers.id, offerId));
  return row;
}

export async function findTripOwner(db: Database, tripId: number) {
  const [row] = await db
    .select({ id: trips.id, memberId: trips.memberId, cityId: trips.cityId, homeCityId: members.homeCityId })
    .from(trips)
    .innerJoin(members, eq(members.id, trips.memberId))
    .where(eq(trips.id, tripId));
  return row;
}

export interface ArrivalRow {
  tripId: number;
  memberId: number;
  name: string;
  homeCityId: number | null;
  arrivalDate: string;
  departureDate: string | null;
  seeks: string;
}

/**
 * Current and coming trips to a city that `viewerId` may see (the traveller's audience, as canSeeTrip), of others
 * than the viewer; soonest first. `fromCityId` keeps only travellers who live there.
 */
export async function listArrivals(
  db: Database,
  options: { cityId: number; viewerId: number; now: Date; fromCityId?: number; limit: number },
): Promise<ArrivalRow[]> {
  return db
    .select({
      tripId: trips.id,
      memberId: trips.memberId,
      name: members.name,
      homeCityId: members.homeCityId,
      arrivalDate: trips.arrivalDate,
      departureDate: trips.departureDate,
      seeks: trips.seeks,
    })
    .from(trips)
    .innerJoin(members, eq(members.id, trips.memberId))
    .where(
      and(
        eq(trips.cityId, options.cityId),
        eq(trips.status, "active"),
        visibleTripCondition(options.viewerId, options.now),
        ne(trips.memberId, options.viewerId),
        sql`${members.suspendedAt} is null`,
        options.fromCityId === undefined ? undefined : eq(members.homeCityId, options.fromCityId),
        notBlockedWith(members.id, options.viewerId),
      ),
    )
    .orderBy(asc(trips.arrivalDate), asc(trips.id))
    .limit(options.limit);
}

/** Visits that ended between `since` and `now` whose traveller was not yet invited to pay it forward. */
export async function listEndedTripsToInvite(db: Database, since: Date, now: Date, limit: number) {
  return db
    .select({ tripId: trips.id, memberId: trips.memberId, cityId: trips.cityId, cityName: cities.name })
    .from(trips)
    .innerJoin(cities, eq(cities.id, trips.cityId))
    .where(
      and(
        eq(trips.kind, "visit"),
        ne(trips.status, "cancelled"),
        gt(trips.visibleUntil, since),
        lte(trips.visibleUntil, now),
        sql`not exists (select 1 from ${notifications} n where n.member_id = ${trips.memberId} and n.kind = 'pay_it_forward' and n.payload->>'tripId' = ${trips.id}::text)`,
      ),
    )
    .orderBy(asc(trips.visibleUntil))
    .limit(limit);
}
