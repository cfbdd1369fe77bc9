/** Events, invitations and RSVPs; the seat counter that guards capacity; blocks. */
import { and, asc, eq, gte, inArray, lte, ne, or, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Database } from "../create-db";
import { offers, trips } from "../schema/arrivals";
import { users } from "../schema/auth";
import { events, invitations, rsvps } from "../schema/gatherings";
import { blocks, cities, members, venues } from "../schema/people";
import { visibleTripCondition } from "./trips.repository";

export type EventRow = typeof events.$inferSelect;
export type NewEvent = typeof events.$inferInsert;
export type RsvpRow = typeof rsvps.$inferSelect;
export type EventWithCity = EventRow & { timeZone: string; citySlug: string; hostName: string };

const eventWithCity = {
  event: events,
  timeZone: cities.timeZone,
  citySlug: cities.slug,
  hostName: members.name,
};

export async function insertEvent(db: Database, event: NewEvent): Promise<EventRow> {
  const [row] = await db.insert(events).values(event).returning();
  if (!row) throw new Error("insert returned no event");
  return row;
}

/** An event with its city's zone and slug and its host's name; `lock` holds the row until the transaction ends. */
export async function findEventById(
  db: Database,
  id: number,
  options: { lock?: boolean } = {},
): Promise<EventWithCity | undefined> {
  const query = db
    .select(eventWithCity)
    .from(events)
    .innerJoin(cities, eq(cities.id, events.cityId))
    .innerJoin(members, eq(members.id, events.hostId))
    .where(eq(events.id, id));
  const [row] = options.lock ? await query.for("update", { of: events }) : await query;
  return row && { ...row.event, timeZone: row.timeZone, citySlug: row.citySlug, hostName: row.hostName };
}

/** Applies an edit and counts it: the sequence goes up by one, as calendar clients expect. */
export async function updateEvent(
  db: Database,
  id: number,
  fields: Partial<Omit<NewEvent, "id" | "hostId" | "seatsTaken" | "sequence">>,
  now: Date,
): Promise<void> {
  await db
    .update(events)
    .set({ ...fields, sequence: sql`${events.sequence} + 1`, updatedAt: now })
    .where(eq(events.id, id));
}

/**
 * Takes one seat if one is left, in ONE statement: concurrent takers serialise on the row and each re-checks
 * `seats_taken < capacity` against the committed count, so capacity is never exceeded.
 */
export async function takeSeat(db: Database, eventId: number): Promise<boolean> {
  const rows = await db
    .update(events)
    .set({ seatsTaken: sql`${events.seatsTaken} + 1` })
    .where(and(eq(events.id, eventId), sql`${events.seatsTaken} < ${events.capacity}`, eq(events.status, "scheduled")))
    .returning({ seatsTaken: events.seatsTaken });
  return rows.length === 1;
}

export async function releaseSeat(db: Database, eventId: number): Promise<void> {
  await db
    .update(events)
    .set({ seatsTaken: sql`${events.seatsTaken} - 1` })
    .where(and(eq(events.id, eventId), sql`${events.seatsTaken} > 0`));
}

/**
 * Ensures the member's RSVP row exists and locks it, so that two requests of one member run one after the other;
 * answers the status it had before (null when the row is new).
 */
export async function lockRsvp(db: Database, eventId: number, memberId: number, now: Date): Promise<RsvpRow | null> {
  const [row] = await db
    .insert(rsvps)
    .values({ eventId, memberId, status: "not_going", requestedAt: sql`clock_timestamp()`, updatedAt: now })
    .onConflictDoUpdate({ target: [rsvps.eventId, rsvps.memberId], set: { updatedAt: sql`${rsvps.updatedAt}` } })
    .returning({
      eventId: rsvps.eventId,
      memberId: rsvps.memberId,
      status: rsvps.status,
      requestedAt: rsvps.requestedAt,
      attended: rsvps.attended,
      updatedAt: rsvps.updatedAt,
      inserted: sql<boolean>`(xmax = 0)`,
    });
  if (!row) throw new Error("upsert returned no RSVP");
  const { inserted, ...rsvp } = row;
  return inserted ? null : rsvp;
}

/** Sets a status; `requested` stamps the request time, which orders the waitlist. */
export async function setRsvpStatus(
  db: Database,
  eventId: number,
  memberId: number,
  status: string,
  now: Date,
  options: { requested?: boolean } = {},
): Promise<RsvpRow> {
  const [row] = await db
    .update(rsvps)
    .set({ status, updatedAt: now, ...(options.requested ? { requestedAt: sql`clock_timestamp()` } : {}) })
    .where(and(eq(rsvps.eventId, eventId), eq(rsvps.memberId, memberId)))
    .returning();
  if (!row) throw new Error("no RSVP to update");
  return row;
}

export async function findRsvp(db: Database, eventId: number, memberId: number): Promise<RsvpRow | undefined> {
  const [row] = await db
    .select()
    .from(rsvps)
    .where(and(eq(rsvps.eventId, eventId), eq(rsvps.memberId, memberId)));
  return row;
}

/** The first on the waitlist (by request time), locked. */
export async function lockFirstWaitlisted(db: Database, eventId: number): Promise<RsvpRow | undefined> {
  const [row] = await db
    .select()
    .from(rsvps)
    .where(and(eq(rsvps.eventId, eventId), eq(rsvps.status, "waitlisted")))
    .orderBy(asc(rsvps.requestedAt), asc(rsvps.memberId))
    .limit(1)
    .for("update");
  return row;
}

/** 1 for the first on the waitlist; compared in SQL, where request times keep their microseconds. */
export async function waitlistPosition(db: Database, eventId: number, memberId: number): Promise<number> {
  const [row] = await db
    .select({ ahead: sql<number>`count(*)::int` })
    .from(rsvps)
    .where(
      and(
        eq(rsvps.eventId, eventId),
        eq(rsvps.status, "waitlisted"),
        sql`(${rsvps.requestedAt}, ${rsvps.memberId}) < (select r.requested_at, r.member_id from rsvps r where r.event_id = ${eventId} and r.member_id = ${memberId})`,
      ),
    );
  return (row?.ahead ?? 0) + 1;
}

export interface GuestRow {
  memberId: number;
  name: string;
  status: string;
  requestedAt: Date;
  attended: boolean | null;
}

/** Everyone who answered, waitlist in order, without members blocked with `hiddenFor`. */
export async function listGuests(db: Database, eventId: number, hiddenFor: number | null): Promise<GuestRow[]> {
  return db
    .select({
      memberId: rsvps.memberId,
      name: members.name,
      status: rsvps.status,
      requestedAt: rsvps.requestedAt,
      attended: rsvps.attended,
    })
    .from(rsvps)
    .innerJoin(members, eq(members.id, rsvps.memberId))
    .where(and(eq(rsvps.eventId, eventId), hiddenFor === null ? undefined : notBlockedWith(rsvps.memberId, hiddenFor)))
    .orderBy(asc(rsvps.requestedAt), asc(rsvps.memberId));
}

export async function setAttended(db: Database, eventId: number, memberId: number, attended: boolean): Promise<void> {
  await db
    .update(rsvps)
    .set({ attended })
    .where(and(eq(rsvps.eventId, eventId), eq(rsvps.memberId, memberId)));
}

export interface Recipient {
  memberId: number;
  name: string;
  email: string;
  locale: string;
}

/** Those who answered going, maybe, or wait for a seat or an approval: they hear of changes. */
export async function listEventAttendees(db: Database, eventId: number): Promise<Recipient[]> {
  return db
    .select({ memberId: members.id, name: members.name, email: users.email, locale: members.locale })
    .from(rsvps)
    .innerJoin(members, eq(members.id, rsvps.memberId))
    .innerJoin(users, eq(users.id, members.userId))
    .where(and(eq(rsvps.eventId, eventId), inArray(rsvps.status, ["going", "maybe", "waitlisted", "pending_approval"])))
    .orderBy(asc(members.id));
}

export async function findRecipient(db: Database, memberId: number): Promise<Recipient | undefined> {
  const [row] = await db
    .select({ memberId: members.id, name: members.name, email: users.email, locale: members.locale })
    .from(members)
    .innerJoin(users, eq(users.id, members.userId))
    // A suspended member is no one to invite, introduce or notify.
    .where(and(eq(members.id, memberId), sql`${members.suspendedAt} is null`));
  return row;
}

export async function findInvitation(db: Database, eventId: number, memberId: number) {
  const [row] = await db
    .select()
    .from(invitations)
    .where(and(eq(invitations.eventId, eventId), eq(invitations.memberId, memberId)));
  return row;
}

/** Invites a member; true when the invitation is new. */
export async function insertInvitation(
  db: Database,
  invitation: { eventId: number; memberId: number; invitedBy: number },
): Promise<boolean> {
  const rows = await db.insert(invitations).values(invitation).onConflictDoNothing().returning({ id: invitations.id });
  return rows.length === 1;
}

/** Upcoming (not yet ended) events of a city from `from`, for the audiences given, without hosts blocked with the viewer. */
export async function listCityEvents(
  db: Database,
  options: { cityId: number; from: Date; audiences: string[]; viewerId: number | null; limit: number },
): Promise<EventWithCity[]> {
  const rows = await db
    .select(eventWithCity)
    .from(events)
    .innerJoin(cities, eq(cities.id, events.cityId))
    .innerJoin(members, eq(members.id, events.hostId))
    .where(
      and(
        eq(events.cityId, options.cityId),
        gte(events.endsAt, options.from),
        // Events of a suspended host disappear with them.
        sql`${members.suspendedAt} is null`,
        options.viewerId === null
          ? inArray(events.audience, options.audiences)
          : and(
              or(
                inArray(events.audience, options.audiences),
                eq(events.hostId, options.viewerId),
                sql`exists (select 1 from ${invitations} where ${invitations.eventId} = ${events.id} and ${invitations.memberId} = ${options.viewerId})`,
              ),
              notBlockedWith(events.hostId, options.viewerId),
            ),
      ),
    )
    .orderBy(asc(events.startsAt), asc(events.id))
    .limit(options.limit);
  return rows.map((row) => ({ ...row.event, timeZone: row.timeZone, citySlug: row.citySlug, hostName: row.hostName }));
}

/** `memberColumn` and `memberId` did not block each other, either way. */
export function notBlockedWith(memberColumn: AnyPgColumn, memberId: number) {
  return sql`not exists (select 1 from ${blocks} where (${blocks.blockerId} = ${memberColumn} and ${blocks.blockedId} = ${memberId}) or (${blocks.blockerId} = ${memberId} and ${blocks.blockedId} = ${memberColumn}))`;
}

/** True when one of the two blocked the other. */
export async function isBlockedBetween(db: Database, first: number, second: number): Promise<boolean> {
  const [row] = await db
    .select({ blockerId: blocks.blockerId })
    .from(blocks)
    .where(
      or(
        and(eq(blocks.blockerId, first), eq(blocks.blockedId, second)),
        and(eq(blocks.blockerId, second), eq(blocks.blockedId, first)),
      ),
    )
    .limit(1);
  return row !== undefined;
}

export interface TravellerRow {
  tripId: number;
  memberId: number;
  name: string;
  headline: string;
  arrivalDate: string;
  departureDate: string | null;
  seeks: string;
  seeksTags: string[];
  invited: boolean;
}

/**
 * Active trips to a city whose stay overlaps [fromDate, toDate] (local dates) that the host may see (the traveller's
 * audience, never across a block), of travellers other than the host.
 */
export async function listTravellersInTown(
  db: Database,
  options: {
    cityId: number;
    hostId: number;
    eventId: number;
    fromDate: string;
    toDate: string;
    now: Date;
    tripId?: number;
  },
): Promise<TravellerRow[]> {
  return db
    .select({
      tripId: trips.id,
      memberId: trips.memberId,
      name: members.name,
      headline: members.headline,
      arrivalDate: trips.arrivalDate,
      departureDate: trips.departureDate,
      seeks: trips.seeks,
      seeksTags: trips.seeksTags,
      invited: sql<boolean>`exists (select 1 from ${invitations} where ${invitations.eventId} = ${options.eventId} and ${invitations.memberId} = ${trips.memberId})`,
    })
    .from(trips)
    .innerJoin(members, eq(members.id, trips.memberId))
    .where(
      and(
        eq(trips.cityId, options.cityId),
        eq(trips.status, "active"),
        // The trip's own audience decides, as canSeeTrip does (its SQL twin): the host must be allowed to see it.
        visibleTripCondition(options.hostId, options.now),
        ne(trips.memberId, options.hostId),
        sql`${members.suspendedAt} is null`,
        lte(trips.arrivalDate, options.toDate),
        or(
          gte(trips.departureDate, options.fromDate),
          and(sql`${trips.departureDate} is null`, gte(sql`(${trips.visibleUntil})::date`, options.fromDate)),
        ),
        options.tripId === undefined ? undefined : eq(trips.id, options.tripId),
        notBlockedWith(members.id, options.hostId),
      ),
    )
    .orderBy(asc(trips.arrivalDate), asc(trips.id));
}

/** The traveller's agenda candidate: an event-invitation offer on the trip, once per trip and event. */
export async function insertEventInvitationOffer(
  db: Database,
  offer: { tripId: number; senderId: number; eventId: number; message: string },
): Promise<number> {
  const [existing] = await db
    .select({ id: offers.id })
    .from(offers)
    .where(
      and(eq(offers.tripId, offer.tripId), eq(offers.eventId, offer.eventId), eq(offers.kind, "event_invitation")),
    );
  if (existing) return existing.id;
  const [row] = await db
    .insert(offers)
    .values({ ...offer, kind: "event_invitation" })
    .returning({ id: offers.id });
  if (!row) throw new Error("insert returned no offer");
  return row.id;
}

/** A venue of a city, or undefined. */
export async function findVenueInCity(db: Database, venueId: number, cityId: number) {
  const [row] = await db
    .select({ id: venues.id })
    .from(venues)
    .where(and(eq(venues.id, venueId), eq(venues.cityId, cityId)));
  return row;
}
