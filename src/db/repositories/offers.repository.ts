/** Offers, their slots, threads and the meetings they become, and the trip facts an offer needs. */
import { and, asc, eq, getTableColumns, gte, inArray, lt, ne, or, sql, type Table } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database } from "../create-db";
import { preparedStatement } from "../prepared";
import { meetings, offerMessages, offers, offerSlots, trips } from "../schema/arrivals";
import { events } from "../schema/gatherings";
import { blocks, cities, members, venues } from "../schema/people";
import { users } from "../schema/auth";
import type { ViewerRelation } from "../../domain/trips/can-see-trip";
import { tripRevisionOf } from "./trip-revisions.repository";
import { toViewerRelation, viewerRelationColumns } from "./trips.repository";

export type OfferRow = typeof offers.$inferSelect;
export type OfferSlotRow = typeof offerSlots.$inferSelect;
export type TripRow = typeof trips.$inferSelect;

export interface TripWithCity {
  trip: TripRow;
  city: { id: number; slug: string; timeZone: string; locale: string; name: string };
  traveller: {
    id: number;
    name: string;
    locale: string;
    isDemo: boolean;
    emailPreference: string;
    email: string | null;
  };
  /** The trip's revision as it was read, before anything else of it (`tripRevisionOf`). */
  revision: number;
}

const tripWithCityColumns = {
  trip: trips,
  city: { id: cities.id, slug: cities.slug, timeZone: cities.timeZone, locale: cities.locale, name: cities.name },
  traveller: {
    id: members.id,
    name: members.name,
    locale: members.locale,
    isDemo: members.isDemo,
    emailPreference: members.emailPreference,
    email: users.email,
  },
  revision: tripRevisionOf(trips.id),
};

/** A trip with its city and traveller (and the traveller's email, for notifications). */
export async function findTripWithCity(db: Database, tripId: number): Promise<TripWithCity | undefined> {
  const statement = preparedStatement(db, "find_trip_with_city", (db) =>
    db
      .select(tripWithCityColumns)
      .from(trips)
      .innerJoin(cities, eq(cities.id, trips.cityId))
      .innerJoin(members, eq(members.id, trips.memberId))
      .leftJoin(users, eq(users.id, members.userId))
      .where(eq(trips.id, sql.placeholder("tripId")))
      .prepare("find_trip_with_city"),
  );
  const [row] = await statement.execute({ tripId });
  return row;
}

/** `findTripWithCity` and how the viewer stands towards the trip, in one query. */
export async function findTripWithCityFor(
  db: Database,
  tripId: number,
  viewerId: number,
): Promise<{ found: TripWithCity; relation: ViewerRelation } | undefined> {
  const statement = preparedStatement(db, "find_trip_with_city_for", (db) =>
    db
      .select({ ...tripWithCityColumns, relation: viewerRelationColumns(sql.placeholder("viewerId")) })
      .from(trips)
      .innerJoin(cities, eq(cities.id, trips.cityId))
      .innerJoin(members, eq(members.id, trips.memberId))
      .leftJoin(users, eq(users.id, members.userId))
      .where(eq(trips.id, sql.placeholder("tripId")))
      .prepare("find_trip_with_city_for"),
  );
  const [row] = await statement.execute({ tripId, viewerId });
  if (!row) return undefined;
  const { relation, ...found } = row;
  return { found, relation: toViewerRelation(viewerId, relation) };
}

/** Whether a block stands between two members, either way. */
export async function isBlockedEitherWay(db: Database, a: number, b: number): Promise<boolean> {
  const [row] = await db
    .select({ one: sql<number>`1` })
    .from(blocks)
    .where(
      or(and(eq(blocks.blockerId, a), eq(blocks.blockedId, b)), and(eq(blocks.blockerId, b), eq(blocks.blockedId, a))),
    )
    .limit(1);
  return row !== undefined;
}

/**
 * Takes the sender's member row lock until the transaction ends (serialising the counting of their offers) and
 * returns what an offer view shows of them.
 */
export async function lockSenderRow(
  tx: Database,
  memberId: number,
): Promise<{ id: number; name: string; headline: string; isDemo: boolean }> {
  const [row] = await tx
    .select({ id: members.id, name: members.name, headline: members.headline, isDemo: members.isDemo })
    .from(members)
    .where(eq(members.id, memberId))
    .for("update");
  if (!row) throw new Error(`no member ${memberId}`);
  return row;
}

/**
 * What the offer caps count, in one statement: the creation instants of the sender's offers since `since`, and how
 * many offers (of any status) the sender made on the trip. Run it after `lockSenderRow`, as a statement of its own,
 * so that its snapshot sees every offer committed before the lock was granted.
 */
export async function countSenderOffersForCaps(
  tx: Database,
  options: { senderId: number; tripId: number; since: Date },
): Promise<{ sentInLastDay: Date[]; sentOnTrip: number }> {
  const { senderId, tripId, since } = options;
  const [row] = await tx
    .select({
      sentOnTrip: sql<number>`(select count(*)::int from ${offers} where ${offers.senderId} = ${senderId} and ${offers.tripId} = ${tripId})`,
      // Instants inside JSON arrive as text on both engines.
      sentInLastDay: sql<
        string[]
      >`coalesce((select json_agg(${offers.createdAt}) from ${offers} where ${offers.senderId} = ${senderId} and ${offers.createdAt} > ${since.toISOString()}::timestamptz), '[]'::json)`,
    })
    .from(members)
    .where(eq(members.id, senderId));
  if (!row) throw new Error(`no member ${senderId}`);
  return { sentOnTrip: row.sentOnTrip, sentInLastDay: row.sentInLastDay.map((instant) => new Date(instant)) };
}

export type VenueFacts = { id: number; name: string; address: string; lat: number | null; lon: number | null };

const venueColumns = {
  id: venues.id,
  name: venues.name,
  address: venues.address,
  lat: venues.lat,
  lon: venues.lon,
};

export async function findVenueInCity(db: Database, venueId: number, cityId: number): Promise<VenueFacts | undefined> {
  const [row] = await db
    .select(venueColumns)
    .from(venues)
    .where(and(eq(venues.id, venueId), eq(venues.cityId, cityId)));
  return row;
}

/** A scheduled event of a city, with its times and venue. */
export async function findEventInCity(
  db: Database,
  eventId: number,
  cityId: number,
): Promise<{ id: number; startsAt: Date; endsAt: Date; venue: VenueFacts | null } | undefined> {
  const [row] = await db
    .select({ id: events.id, startsAt: events.startsAt, endsAt: events.endsAt, venue: venueColumns })
    .from(events)
    .leftJoin(venues, eq(venues.id, events.venueId))
    .where(and(eq(events.id, eventId), eq(events.cityId, cityId), eq(events.status, "scheduled")));
  return row && { ...row, venue: row.venue?.id == null ? null : row.venue };
}

/** A venue an offer names: one of the city's, or a new one written with the offer. */
export type OfferVenue =
  { id: number } | { cityId: number; name: string; address: string; lat: number | null; lon: number | null };

/**
 * Inserts an offer with its slots and, when it names a new one, its venue, in one statement (data-modifying CTEs):
 * two round trips fewer (the venue's and the slots'). `createdAt` is the app's clock so that limits count on one time
 * line. Returns the rows written, slots earliest first as views list them, and the new venue if there is one.
 */
export async function insertOffer(
  tx: Database,
  offer: Pick<typeof offers.$inferInsert, "tripId" | "senderId" | "kind" | "message" | "eventId" | "createdAt">,
  venue: OfferVenue | null,
  slots: { startsAt: Date; durationMin: number }[],
): Promise<{ offer: OfferRow; slots: OfferSlotRow[]; newVenue: VenueFacts | null }> {
  const createdAt = offer.createdAt ?? new Date();
  const newVenue = venue && !("id" in venue) ? venue : null;
  const slotsJson = JSON.stringify(
    slots.map((slot) => ({ starts_at: slot.startsAt.toISOString(), duration_min: slot.durationMin })),
  );
  const result = (await tx.execute(sql`
    with new_venue as (
      insert into ${venues} (city_id, name, address, lat, lon)
      select ${newVenue?.cityId ?? null}::int, ${newVenue?.name ?? null}, ${newVenue?.address ?? null},
        ${newVenue?.lat ?? null}::float8, ${newVenue?.lon ?? null}::float8
      where ${newVenue !== null}
      returning id, name, address, lat, lon
    ), new_offer as (
      insert into ${offers} (trip_id, sender_id, kind, message, venue_id, event_id, created_at, updated_at)
      values (${offer.tripId}, ${offer.senderId}, ${offer.kind}, ${offer.message ?? ""},
        coalesce((select id from new_venue), ${venue && "id" in venue ? venue.id : null}::int),
        ${offer.eventId ?? null}::int, ${createdAt.toISOString()}::timestamptz, ${createdAt.toISOString()}::timestamptz)
      returning *
    ), new_slots as (
      insert into ${offerSlots} (offer_id, starts_at, duration_min)
      select new_offer.id, slot.starts_at, slot.duration_min
      from new_offer, jsonb_to_recordset(${slotsJson}::jsonb) as slot(starts_at timestamptz, duration_min int)
      returning *
    )
    select (select row_to_json(new_offer)::text from new_offer) as offer,
      (select row_to_json(new_venue)::text from new_venue) as venue,
      (select coalesce(json_agg(new_slots order by new_slots.starts_at, new_slots.id), '[]')::text from new_slots) as slots`)) as unknown as {
    rows: { offer: string | null; venue: string | null; slots: string }[];
  };
  const [row] = result.rows;
  if (!row?.offer) throw new Error("insert returned no offer");
  return {
    offer: rowFromJson(offers, JSON.parse(row.offer) as Record<string, unknown>),
    slots: (JSON.parse(row.slots) as Record<string, unknown>[]).map((slot) => rowFromJson(offerSlots, slot)),
    newVenue: row.venue ? (JSON.parse(row.venue) as VenueFacts) : null,
  };
}

/** A table's row from its `row_to_json` (column names, instants as text), as drizzle maps the same row. */
function rowFromJson<T extends Table>(table: T, json: Record<string, unknown>): T["$inferSelect"] {
  const row: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    const value = json[column.name];
    row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return row as T["$inferSelect"];
}

/** An offer with the trip facts its actions need. */
export async function findOfferWithTrip(
  db: Database,
  offerId: number,
): Promise<
  { offer: OfferRow; travellerId: number; cityId: number; tripStatus: string; tripVisibleUntil: Date } | undefined
> {
  const [row] = await db
    .select({
      offer: offers,
      travellerId: trips.memberId,
      cityId: trips.cityId,
      tripStatus: trips.status,
      tripVisibleUntil: trips.visibleUntil,
    })
    .from(offers)
    .innerJoin(trips, eq(trips.id, offers.tripId))
    .where(eq(offers.id, offerId));
  return row;
}

/** One new offer for a traveller who reads the daily digest. */
export interface DigestOfferRow {
  offerId: number;
  tripId: number;
  travellerId: number;
  kind: string;
  senderName: string;
  cityName: string;
}

/**
 * Offers created in [from, to) to travellers on the daily digest, oldest first; offers withdrawn since, and senders
 * now in a block with the traveller, are left out.
 */
export async function listDigestOffers(db: Database, from: Date, to: Date): Promise<DigestOfferRow[]> {
  const traveller = alias(members, "traveller");
  return db
    .select({
      offerId: offers.id,
      tripId: offers.tripId,
      travellerId: trips.memberId,
      kind: offers.kind,
      senderName: members.name,
      cityName: cities.name,
    })
    .from(offers)
    .innerJoin(trips, eq(trips.id, offers.tripId))
    .innerJoin(traveller, eq(traveller.id, trips.memberId))
    .innerJoin(members, eq(members.id, offers.senderId))
    .innerJoin(cities, eq(cities.id, trips.cityId))
    .where(
      and(
        eq(traveller.emailPreference, "digest"),
        gte(offers.createdAt, from),
        lt(offers.createdAt, to),
        ne(offers.status, "withdrawn"),
        sql`not exists (select 1 from ${blocks} where (${blocks.blockerId} = ${trips.memberId} and ${blocks.blockedId} = ${offers.senderId}) or (${blocks.blockerId} = ${offers.senderId} and ${blocks.blockedId} = ${trips.memberId}))`,
      ),
    )
    .orderBy(asc(offers.createdAt), asc(offers.id));
}

export async function listSlotsOfOffers(db: Database, offerIds: number[]): Promise<OfferSlotRow[]> {
  if (offerIds.length === 0) return [];
  return db
    .select()
    .from(offerSlots)
    .where(inArray(offerSlots.offerId, offerIds))
    .orderBy(asc(offerSlots.startsAt), asc(offerSlots.id));
}

/**
 * Accepts an open offer. The status guard is in the statement, so of two racing acceptances exactly one returns the
 * row; the other gets undefined.
 */
export async function acceptOpenOffer(
  tx: Database,
  offerId: number,
  slotId: number | null,
  now: Date,
): Promise<OfferRow | undefined> {
  const [row] = await tx
    .update(offers)
    .set({ status: "accepted", acceptedSlotId: slotId, updatedAt: now })
    .where(and(eq(offers.id, offerId), eq(offers.status, "open")))
    .returning();
  return row;
}

/** Changes an offer only if its status is one of `fromStatuses`; undefined when it was not. */
export async function updateOfferWhereStatus(
  tx: Database,
  offerId: number,
  fromStatuses: string[],
  changes: Partial<Pick<OfferRow, "status" | "starred" | "declineNote" | "anotherTimeRequested">> & { updatedAt: Date },
): Promise<OfferRow | undefined> {
  const [row] = await tx
    .update(offers)
    .set(changes)
    .where(and(eq(offers.id, offerId), inArray(offers.status, fromStatuses)))
    .returning();
  return row;
}

export async function insertMeeting(tx: Database, meeting: typeof meetings.$inferInsert): Promise<number> {
  const [row] = await tx.insert(meetings).values(meeting).returning({ id: meetings.id });
  if (!row) throw new Error("insert returned no meeting");
  return row.id;
}

/** Cancels the meeting an offer became, if any. */
export async function cancelMeetingOfOffer(tx: Database, offerId: number): Promise<void> {
  await tx
    .update(meetings)
    .set({ status: "cancelled", sequence: sql`${meetings.sequence} + 1` })
    .where(and(eq(meetings.offerId, offerId), eq(meetings.status, "scheduled")));
}

export async function insertOfferMessage(
  tx: Database,
  message: { offerId: number; authorId: number; body: string; createdAt: Date },
): Promise<{ id: number; createdAt: Date }> {
  const [row] = await tx
    .insert(offerMessages)
    .values(message)
    .returning({ id: offerMessages.id, createdAt: offerMessages.createdAt });
  if (!row) throw new Error("insert returned no message");
  return row;
}

export async function listOfferMessages(
  db: Database,
  offerId: number,
): Promise<{ id: number; authorId: number; authorName: string; body: string; createdAt: Date }[]> {
  return db
    .select({
      id: offerMessages.id,
      authorId: offerMessages.authorId,
      authorName: members.name,
      body: offerMessages.body,
      createdAt: offerMessages.createdAt,
    })
    .from(offerMessages)
    .innerJoin(members, eq(members.id, offerMessages.authorId))
    .where(eq(offerMessages.offerId, offerId))
    .orderBy(asc(offerMessages.createdAt), asc(offerMessages.id));
}
