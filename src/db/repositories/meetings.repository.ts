/** Meetings as far as the ledger needs them: both sides' confirmations, feedback, and the ties they build. */
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../create-db";
import { meetingFeedback, meetings } from "../schema/arrivals";
import { cities, ties } from "../schema/people";

export type MeetingRow = typeof meetings.$inferSelect;
export type MeetingFeedbackRow = typeof meetingFeedback.$inferSelect;

/** A meeting with its city's zone; `lock` holds it until the transaction ends. */
export async function findMeetingById(
  db: Database,
  id: number,
  options: { lock?: boolean } = {},
): Promise<(MeetingRow & { timeZone: string }) | undefined> {
  const query = db
    .select({ meeting: meetings, timeZone: cities.timeZone })
    .from(meetings)
    .innerJoin(cities, eq(cities.id, meetings.cityId))
    .where(eq(meetings.id, id));
  const [row] = options.lock ? await query.for("update", { of: meetings }) : await query;
  return row && { ...row.meeting, timeZone: row.timeZone };
}

/** Records one side's confirmation that the meeting took place. */
export async function confirmMeetingSide(db: Database, id: number, side: "host" | "guest"): Promise<MeetingRow> {
  const [row] = await db
    .update(meetings)
    .set(side === "host" ? { hostConfirmed: true } : { guestConfirmed: true })
    .where(eq(meetings.id, id))
    .returning();
  if (!row) throw new Error("no meeting to confirm");
  return row;
}

/** Marks the meeting held when both confirmed; true only for the call that made it so (once per meeting). */
export async function markMeetingHeld(db: Database, id: number): Promise<boolean> {
  const rows = await db
    .update(meetings)
    .set({ status: "held" })
    .where(
      and(
        eq(meetings.id, id),
        eq(meetings.status, "scheduled"),
        eq(meetings.hostConfirmed, true),
        eq(meetings.guestConfirmed, true),
      ),
    )
    .returning({ id: meetings.id });
  return rows.length === 1;
}

/** Creates the tie of two members who met, or strengthens it by one; stored once per pair with aId < bId. */
export async function strengthenTie(db: Database, aId: number, bId: number, metOn: string): Promise<void> {
  await db
    .insert(ties)
    .values({ aId, bId, strength: 1, firstMetOn: metOn, lastMetOn: metOn })
    .onConflictDoUpdate({
      target: [ties.aId, ties.bId],
      set: {
        strength: sql`${ties.strength} + 1`,
        lastMetOn: sql`greatest(${ties.lastMetOn}, excluded.last_met_on)`,
        firstMetOn: sql`least(${ties.firstMetOn}, excluded.first_met_on)`,
      },
    });
}

export async function findTie(db: Database, aId: number, bId: number) {
  const [row] = await db
    .select()
    .from(ties)
    .where(and(eq(ties.aId, aId), eq(ties.bId, bId)));
  return row;
}

/** Saves a member's feedback on a meeting; fields left undefined keep their saved value. */
export async function upsertMeetingFeedback(
  db: Database,
  feedback: {
    meetingId: number;
    memberId: number;
    useful?: boolean | null | undefined;
    followUp?: boolean | null | undefined;
    deal?: boolean | null | undefined;
    thanks?: string | null | undefined;
  },
): Promise<MeetingFeedbackRow> {
  const { meetingId, memberId, ...fields } = feedback;
  const set = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
  const query = db.insert(meetingFeedback).values({ meetingId, memberId, ...set });
  const [row] = await (
    Object.keys(set).length > 0
      ? query.onConflictDoUpdate({ target: [meetingFeedback.meetingId, meetingFeedback.memberId], set })
      : query.onConflictDoNothing()
  ).returning();
  return row ?? (await findMeetingFeedback(db, meetingId, memberId))!;
}

export async function findMeetingFeedback(
  db: Database,
  meetingId: number,
  memberId: number,
): Promise<MeetingFeedbackRow | undefined> {
  const [row] = await db
    .select()
    .from(meetingFeedback)
    .where(and(eq(meetingFeedback.meetingId, meetingId), eq(meetingFeedback.memberId, memberId)));
  return row;
}

export async function listMeetingFeedback(db: Database, meetingId: number): Promise<MeetingFeedbackRow[]> {
  return db.select().from(meetingFeedback).where(eq(meetingFeedback.meetingId, meetingId));
}
