/** What the agenda needs of a trip (offers with slots, busy times, venues), its stored plans and calendar feeds. */
import { and, asc, desc, eq, gte, inArray, isNull, lt, sql } from "drizzle-orm";
import type { Database } from "../create-db";
import { preparedStatement } from "../prepared";
import { agendas, alerts, busyTimes, offers, offerSlots, trips } from "../schema/arrivals";
import { events } from "../schema/gatherings";
import { members, venues } from "../schema/people";
import { calendarFeeds, notifications } from "../schema/system";

export interface AgendaOfferRow {
  id: number;
  kind: string;
  status: string;
  starred: boolean;
  acceptedSlotId: number | null;
  senderId: number;
  senderName: string;
  venue: { id: number; name: string; lat: number | null; lon: number | null } | null;
  /** The sender's alert score on this trip (the matching engine's points), or null when they were not alerted. */
  alertScore: number | null;
  /** For an event invitation: the guests going to the event. */
  attendeeCount: number | null;
}

export interface AgendaSlotRow {
  id: number;
  offerId: number;
  startsAt: Date;
  durationMin: number;
}

/** The offers an agenda is made of: a trip's open and accepted ones (placeholder `tripId`). */
const agendaOfferStatuses = ["open", "accepted"];

/** The open and accepted offers of a trip, oldest first, with sender and venue, as a query (placeholder `tripId`). */
function agendaOffersQuery(db: Database) {
  return db
    .select({
      id: offers.id,
      kind: offers.kind,
      status: offers.status,
      starred: offers.starred,
      acceptedSlotId: offers.acceptedSlotId,
      senderId: offers.senderId,
      senderName: members.name,
      venueId: venues.id,
      venueName: venues.name,
      lat: venues.lat,
      lon: venues.lon,
      alertScore: alerts.score,
      attendeeCount: events.seatsTaken,
    })
    .from(offers)
    .innerJoin(members, eq(members.id, offers.senderId))
    .leftJoin(venues, eq(venues.id, offers.venueId))
    .leftJoin(alerts, and(eq(alerts.tripId, offers.tripId), eq(alerts.memberId, offers.senderId)))
    .leftJoin(events, eq(events.id, offers.eventId))
    .where(and(eq(offers.tripId, sql.placeholder("tripId")), inArray(offers.status, agendaOfferStatuses)))
    .orderBy(asc(offers.id));
}

/** The open and accepted offers of a trip, oldest first, with sender and venue. */
export async function listAgendaOffers(db: Database, tripId: number): Promise<AgendaOfferRow[]> {
  const statement = preparedStatement(db, "list_agenda_offers", (db) =>
    agendaOffersQuery(db).prepare("list_agenda_offers"),
  );
  const rows = await statement.execute({ tripId });
  return rows.map(({ venueId, venueName, lat, lon, ...row }) => ({
    ...row,
    venue: venueId === null ? null : { id: venueId, name: venueName ?? "", lat, lon },
  }));
}

/** What the traveller's agenda view needs to know whether its latest stored plan still holds. */
export interface AgendaViewState {
  /** The latest stored version, if any. */
  version: number | null;
  /** The inputs key stored with it. */
  inputsKey: string | null;
  /** Whether it was stored with its changes (plans stored before they were kept were not): `findAgendaViewJson`. */
  hasView: boolean;
}

/** What the trip's latest stored plan was solved from, in one short statement (no plan is read). */
export async function findAgendaViewState(db: Database, tripId: number): Promise<AgendaViewState> {
  const statement = preparedStatement(db, "find_agenda_view_state", (db) =>
    db
      .select({
        version: agendas.version,
        inputsKey: sql<string | null>`${agendas.plan} ->> 'inputsKey'`,
        hasView: sql<boolean>`${agendas.plan} ? 'changes'`,
      })
      .from(agendas)
      .where(eq(agendas.tripId, sql.placeholder("tripId")))
      .orderBy(desc(agendas.version))
      .limit(1)
      .prepare("find_agenda_view_state"),
  );
  const [row] = await statement.execute({ tripId });
  return { version: row?.version ?? null, inputsKey: row?.inputsKey ?? null, hasView: row?.hasView === true };
}

/**
 * A stored plan as the JSON text the view sends (its fields, `tripId`, `version` and `changes`, without the inputs
 * key), so that answering it parses and serializes nothing (a week of 250 offers is about 100 KB of JSON); null when
 * it was stored without its changes, or is not there.
 */
export async function findAgendaViewJson(db: Database, tripId: number, version: number): Promise<string | null> {
  const statement = preparedStatement(db, "find_agenda_view_json", (db) =>
    db
      .select({
        json: sql<string>`((${agendas.plan} - 'inputsKey') || jsonb_build_object('tripId', ${agendas.tripId}, 'version', ${agendas.version}))::text`,
      })
      .from(agendas)
      .where(
        and(
          eq(agendas.tripId, sql.placeholder("tripId")),
          eq(agendas.version, sql.placeholder("version")),
          sql`${agendas.plan} ? 'changes'`,
        ),
      )
      .prepare("find_agenda_view_json"),
  );
  const [row] = await statement.execute({ tripId, version });
  return row?.json ?? null;
}

/** The highest alert score on a trip (the scale of its senders' match scores), or null without alerts. */
export async function findMaxAlertScore(db: Database, tripId: number): Promise<number | null> {
  const statement = preparedStatement(db, "find_max_alert_score", (db) =>
    db
      .select({ max: sql<number | null>`max(${alerts.score})` })
      .from(alerts)
      .where(eq(alerts.tripId, sql.placeholder("tripId")))
      .prepare("find_max_alert_score"),
  );
  const [row] = await statement.execute({ tripId });
  return row?.max === null || row?.max === undefined ? null : Number(row.max);
}

/** Locks a trip's row until the end of the transaction (one agenda notification at a time per trip). */
export async function lockTripRow(tx: Database, tripId: number): Promise<void> {
  await tx.select({ id: trips.id }).from(trips).where(eq(trips.id, tripId)).for("update");
}

/** The agenda version the traveller was last told about ("agenda_changed" notifications), or 0. */
export async function findLastNotifiedAgendaVersion(db: Database, memberId: number, tripId: number): Promise<number> {
  const [row] = await db
    .select({ version: sql<number | null>`max((${notifications.payload}->>'version')::int)` })
    .from(notifications)
    .where(
      and(
        eq(notifications.memberId, memberId),
        eq(notifications.kind, "agenda_changed"),
        sql`${notifications.payload}->>'tripId' = ${String(tripId)}`,
      ),
    );
  return row?.version === null || row?.version === undefined ? 0 : Number(row.version);
}

/** An "agenda changed" notification of a traveller who reads the daily digest. */
export interface DigestAgendaChange {
  memberId: number;
  payload: Record<string, unknown>;
}

/** "agenda_changed" notifications created in [from, to) for members on the daily digest, oldest first. */
export async function listDigestAgendaChanges(db: Database, from: Date, to: Date): Promise<DigestAgendaChange[]> {
  return db
    .select({ memberId: notifications.memberId, payload: notifications.payload })
    .from(notifications)
    .innerJoin(members, eq(members.id, notifications.memberId))
    .where(
      and(
        eq(notifications.kind, "agenda_changed"),
        eq(members.emailPreference, "digest"),
        gte(notifications.createdAt, from),
        lt(notifications.createdAt, to),
      ),
    )
    .orderBy(asc(notifications.createdAt), asc(notifications.id));
}

/** The slots of some offers, earliest first. */
export async function listSlotsOfOffers(db: Database, offerIds: readonly number[]): Promise<AgendaSlotRow[]> {
  if (offerIds.length === 0) return [];
  const statement = preparedStatement(db, "list_slots_of_offers", (db) =>
    db
      .select({
        id: offerSlots.id,
        offerId: offerSlots.offerId,
        startsAt: offerSlots.startsAt,
        durationMin: offerSlots.durationMin,
      })
      .from(offerSlots)
      .where(sql`${offerSlots.offerId} = any(${sql.placeholder("offerIds")}::int[])`)
      .orderBy(asc(offerSlots.startsAt), asc(offerSlots.id))
      .prepare("list_slots_of_offers"),
  );
  return statement.execute({ offerIds: [...offerIds] });
}

export type BusyTimeRow = typeof busyTimes.$inferSelect;

export async function listBusyTimes(db: Database, tripId: number): Promise<BusyTimeRow[]> {
  const statement = preparedStatement(db, "list_busy_times", (db) =>
    db
      .select()
      .from(busyTimes)
      .where(eq(busyTimes.tripId, sql.placeholder("tripId")))
      .orderBy(asc(busyTimes.startsAt))
      .prepare("list_busy_times"),
  );
  return statement.execute({ tripId });
}

/** Stores imported busy times in one transaction. */
export async function insertBusyTimes(
  db: Database,
  tripId: number,
  items: readonly { startsAt: Date; endsAt: Date; label: string }[],
): Promise<number> {
  if (items.length === 0) return 0;
  return db.transaction(async (tx) => {
    const rows = await tx
      .insert(busyTimes)
      .values(items.map((item) => ({ tripId, ...item })))
      .returning({ id: busyTimes.id });
    return rows.length;
  });
}

export interface StoredAgenda {
  version: number;
  plan: unknown;
  createdAt: Date;
}

/** The latest stored plans of a trip, newest first. */
export async function listLatestAgendas(db: Database, tripId: number, limit: number): Promise<StoredAgenda[]> {
  const statement = preparedStatement(db, "list_latest_agendas", (db) =>
    db
      .select({ version: agendas.version, plan: agendas.plan, createdAt: agendas.createdAt })
      .from(agendas)
      .where(eq(agendas.tripId, sql.placeholder("tripId")))
      .orderBy(desc(agendas.version))
      .limit(sql.placeholder("limit"))
      .prepare("list_latest_agendas"),
  );
  return statement.execute({ tripId, limit });
}

/** Stores a plan as the next version; a concurrent writer of the same version makes this fail and retry. */
export async function insertAgendaVersion(
  db: Database,
  tripId: number,
  version: number,
  plan: unknown,
): Promise<boolean> {
  const rows = await db
    .insert(agendas)
    .values({ tripId, version, plan })
    .onConflictDoNothing()
    .returning({ version: agendas.version });
  return rows.length > 0;
}

/**
 * Records on a stored plan the key of newer inputs that solve to the same plan, and its changes from the version
 * before when it was stored without them.
 */
export async function setAgendaInputsKey(
  db: Database,
  tripId: number,
  version: number,
  inputsKey: string,
  changes: unknown,
): Promise<void> {
  await db
    .update(agendas)
    .set({
      plan: sql`jsonb_build_object('changes', ${JSON.stringify(changes)}::jsonb) || ${agendas.plan} || jsonb_build_object('inputsKey', ${inputsKey}::text)`,
    })
    .where(and(eq(agendas.tripId, tripId), eq(agendas.version, version)));
}

export async function insertCalendarFeed(
  db: Database,
  feed: { memberId: number; tripId: number; secretHash: string },
): Promise<number> {
  const [row] = await db.insert(calendarFeeds).values(feed).returning({ id: calendarFeeds.id });
  if (!row) throw new Error("calendar feed not stored");
  return row.id;
}

/** A live feed by the hash of its secret. */
export async function findCalendarFeedByHash(
  db: Database,
  secretHash: string,
): Promise<{ id: number; memberId: number; tripId: number | null } | undefined> {
  const [row] = await db
    .select({ id: calendarFeeds.id, memberId: calendarFeeds.memberId, tripId: calendarFeeds.tripId })
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.secretHash, secretHash), isNull(calendarFeeds.revokedAt)));
  return row;
}

/** Revokes a member's feed; false when it is not theirs or already revoked. */
export async function revokeCalendarFeed(db: Database, feedId: number, memberId: number, now: Date): Promise<boolean> {
  const rows = await db
    .update(calendarFeeds)
    .set({ revokedAt: now })
    .where(and(eq(calendarFeeds.id, feedId), eq(calendarFeeds.memberId, memberId), isNull(calendarFeeds.revokedAt)))
    .returning({ id: calendarFeeds.id });
  return rows.length > 0;
}
