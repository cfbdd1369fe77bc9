/** Alerts (a local picked for a trip) and the members' alert preferences. */
import { and, desc, eq, gte, inArray, lt, sql } from "drizzle-orm";
import type { Database } from "../create-db";
import { preparedStatement } from "../prepared";
import { alerts, trips } from "../schema/arrivals";
import { users } from "../schema/auth";
import { members } from "../schema/people";
import { visibleTripCondition } from "./trips.repository";

export type AlertRow = typeof alerts.$inferSelect;
export type NewAlert = Pick<typeof alerts.$inferInsert, "tripId" | "memberId" | "score" | "reasons">;

/** Stores alerts; a (trip, member) pair already alerted is skipped. Returns only the rows this call created. */
export async function insertAlerts(db: Database, rows: readonly NewAlert[], now: Date): Promise<AlertRow[]> {
  if (rows.length === 0) return [];
  return db
    .insert(alerts)
    .values(rows.map((row) => ({ ...row, createdAt: now })))
    .onConflictDoNothing({ target: [alerts.tripId, alerts.memberId] })
    .returning();
}

export async function countAlertsOfTrip(db: Database, tripId: number): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(alerts)
    .where(eq(alerts.tripId, tripId));
  return row?.count ?? 0;
}

export async function listAlertedMemberIds(db: Database, tripId: number): Promise<number[]> {
  const rows = await db.select({ memberId: alerts.memberId }).from(alerts).where(eq(alerts.tripId, tripId));
  return rows.map((row) => row.memberId);
}

/** A member's alerts on the given trips, by trip id, in one query. */
export async function listAlertsOfMemberOnTrips(
  db: Database,
  memberId: number,
  tripIds: readonly number[],
): Promise<Map<number, AlertRow>> {
  if (tripIds.length === 0) return new Map();
  const statement = preparedStatement(db, "list_alerts_of_member_on_trips", (db) =>
    db
      .select()
      .from(alerts)
      .where(
        and(
          eq(alerts.memberId, sql.placeholder("memberId")),
          sql`${alerts.tripId} = any(${sql.placeholder("tripIds")}::int[])`,
        ),
      )
      .prepare("list_alerts_of_member_on_trips"),
  );
  const rows = await statement.execute({ memberId, tripIds: [...new Set(tripIds)] });
  return new Map(rows.map((row) => [row.tripId, row]));
}

/** A member's alerts on trips they may still see, newest first. */
export async function listAlertsOfMember(db: Database, memberId: number, now: Date, limit = 100): Promise<AlertRow[]> {
  return db
    .select({ alert: alerts })
    .from(alerts)
    .innerJoin(trips, eq(trips.id, alerts.tripId))
    .where(and(eq(alerts.memberId, memberId), visibleTripCondition(memberId, now)))
    .orderBy(desc(alerts.createdAt), desc(alerts.id))
    .limit(limit)
    .then((rows) => rows.map((row) => row.alert));
}

/** Marks one of the member's alerts seen (the first time only); undefined when it is not theirs. */
export async function markAlertSeen(
  db: Database,
  alertId: number,
  memberId: number,
  now: Date,
): Promise<AlertRow | undefined> {
  const [row] = await db
    .update(alerts)
    .set({ seenAt: sql`coalesce(${alerts.seenAt}, ${now.toISOString()}::timestamptz)` })
    .where(and(eq(alerts.id, alertId), eq(alerts.memberId, memberId)))
    .returning();
  return row;
}

/** Who receives alerts: name, language, email address (when the member has an account) and email preference. */
export interface AlertRecipient {
  memberId: number;
  name: string;
  locale: string;
  email: string | null;
  emailPreference: string;
}

export async function listAlertRecipients(db: Database, memberIds: readonly number[]): Promise<AlertRecipient[]> {
  if (memberIds.length === 0) return [];
  return db
    .select({
      memberId: members.id,
      name: members.name,
      locale: members.locale,
      email: users.email,
      emailPreference: members.emailPreference,
    })
    .from(members)
    .leftJoin(users, eq(users.id, members.userId))
    .where(inArray(members.id, [...memberIds]));
}

/** Alerts created in [from, to) for members who chose the daily digest, oldest first. */
export async function listDigestAlerts(db: Database, from: Date, to: Date): Promise<AlertRow[]> {
  return db
    .select({ alert: alerts })
    .from(alerts)
    .innerJoin(members, eq(members.id, alerts.memberId))
    .where(and(eq(members.emailPreference, "digest"), gte(alerts.createdAt, from), lt(alerts.createdAt, to)))
    .orderBy(alerts.memberId, alerts.createdAt, alerts.id)
    .then((rows) => rows.map((row) => row.alert));
}

export interface AlertPreferences {
  emailPreference: string;
  alertsPaused: boolean;
  alertCapPerWeek: number;
  defaultTripAudience: string;
  locale: string;
}

const preferenceColumns = {
  emailPreference: members.emailPreference,
  alertsPaused: members.alertsPaused,
  alertCapPerWeek: members.alertCapPerWeek,
  defaultTripAudience: members.defaultTripAudience,
  locale: members.locale,
};

export async function findPreferences(db: Database, memberId: number): Promise<AlertPreferences | undefined> {
  const [row] = await db.select(preferenceColumns).from(members).where(eq(members.id, memberId));
  return row;
}

export async function updatePreferences(
  db: Database,
  memberId: number,
  changes: Partial<AlertPreferences>,
): Promise<AlertPreferences | undefined> {
  if (Object.keys(changes).length === 0) return findPreferences(db, memberId);
  const [row] = await db.update(members).set(changes).where(eq(members.id, memberId)).returning(preferenceColumns);
  return row;
}
