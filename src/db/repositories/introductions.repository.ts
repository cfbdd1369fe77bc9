/** Introductions, their answers and the conversation that opens when both accept. */
import { and, asc, desc, eq, gt, lte, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database } from "../create-db";
import { offers } from "../schema/arrivals";
import { introductionMessages, introductions } from "../schema/gatherings";
import { members } from "../schema/people";

export type IntroductionRow = typeof introductions.$inferSelect;
export type IntroductionWithNames = IntroductionRow & { connectorName: string; firstName: string; secondName: string };

const connector = alias(members, "connector");
const first = alias(members, "first_member");
const second = alias(members, "second_member");

/**
 * Inserts the introduction only while the connector has fewer than `limit` introductions since `since`. The
 * connector's member row is locked first (to the end of the caller's transaction), so that concurrent proposals of one
 * connector are counted one after the other and the limit holds on any number of connections.
 */
export async function insertIntroductionWithinLimit(
  db: Database,
  values: { connectorId: number; firstId: number; secondId: number; reason: string; createdAt: Date; expiresAt: Date },
  window: { since: Date; limit: number },
): Promise<{ inserted: IntroductionRow } | { oldestInWindow: Date }> {
  await db.select({ id: members.id }).from(members).where(eq(members.id, values.connectorId)).for("update");
  const recent = await db
    .select({ createdAt: introductions.createdAt })
    .from(introductions)
    .where(and(eq(introductions.connectorId, values.connectorId), gt(introductions.createdAt, window.since)))
    .orderBy(asc(introductions.createdAt))
    .limit(window.limit);
  const oldest = recent[0];
  if (recent.length >= window.limit && oldest) return { oldestInWindow: oldest.createdAt };
  const [inserted] = await db.insert(introductions).values(values).returning();
  if (!inserted) throw new Error("insert returned no introduction");
  return { inserted };
}

/** A pending introduction of the same two members by the same connector, either way round. */
export async function findPendingIntroduction(
  db: Database,
  connectorId: number,
  firstId: number,
  secondId: number,
): Promise<IntroductionRow | undefined> {
  const [row] = await db
    .select()
    .from(introductions)
    .where(
      and(
        eq(introductions.connectorId, connectorId),
        eq(introductions.status, "pending"),
        or(
          and(eq(introductions.firstId, firstId), eq(introductions.secondId, secondId)),
          and(eq(introductions.firstId, secondId), eq(introductions.secondId, firstId)),
        ),
      ),
    )
    .limit(1);
  return row;
}

function selectWithNames(db: Database) {
  return db
    .select({
      introduction: introductions,
      connectorName: connector.name,
      firstName: first.name,
      secondName: second.name,
    })
    .from(introductions)
    .innerJoin(connector, eq(connector.id, introductions.connectorId))
    .innerJoin(first, eq(first.id, introductions.firstId))
    .innerJoin(second, eq(second.id, introductions.secondId));
}

type NamedRow = { introduction: IntroductionRow; connectorName: string; firstName: string; secondName: string };
const flatten = (row: NamedRow): IntroductionWithNames => ({
  ...row.introduction,
  connectorName: row.connectorName,
  firstName: row.firstName,
  secondName: row.secondName,
});

/** One introduction with the three names; `lock` holds it until the transaction ends. */
export async function findIntroductionById(
  db: Database,
  id: number,
  options: { lock?: boolean } = {},
): Promise<IntroductionWithNames | undefined> {
  const query = selectWithNames(db).where(eq(introductions.id, id));
  const [row] = options.lock ? await query.for("update", { of: introductions }) : await query;
  return row && flatten(row);
}

/** The introductions a member is part of, newest first. */
export async function listIntroductionsOf(
  db: Database,
  memberId: number,
  limit: number,
): Promise<IntroductionWithNames[]> {
  const rows = await selectWithNames(db)
    .where(
      or(
        eq(introductions.connectorId, memberId),
        eq(introductions.firstId, memberId),
        eq(introductions.secondId, memberId),
      ),
    )
    .orderBy(desc(introductions.createdAt), desc(introductions.id))
    .limit(limit);
  return rows.map(flatten);
}

export async function setIntroductionAnswer(
  db: Database,
  id: number,
  side: "first" | "second",
  answer: "accepted" | "declined",
): Promise<IntroductionRow> {
  const [row] = await db
    .update(introductions)
    .set(side === "first" ? { firstAnswer: answer } : { secondAnswer: answer })
    .where(eq(introductions.id, id))
    .returning();
  if (!row) throw new Error("no introduction to answer");
  return row;
}

export async function markIntroductionAccepted(db: Database, id: number): Promise<void> {
  await db
    .update(introductions)
    .set({ status: "accepted" })
    .where(and(eq(introductions.id, id), eq(introductions.status, "pending")));
}

/** Marks every pending introduction whose time is up as expired, and answers them (locked rows, skipped if busy). */
export async function expireDueIntroductions(db: Database, now: Date, limit: number): Promise<IntroductionRow[]> {
  const due = db
    .select({ id: introductions.id })
    .from(introductions)
    .where(and(eq(introductions.status, "pending"), lte(introductions.expiresAt, now)))
    .orderBy(asc(introductions.expiresAt))
    .limit(limit)
    .for("update", { skipLocked: true });
  return db
    .update(introductions)
    .set({ status: "expired" })
    .where(sql`${introductions.id} in ${due}`)
    .returning();
}

export async function insertIntroductionMessage(
  db: Database,
  message: { introductionId: number; authorId: number; body: string },
) {
  const [row] = await db.insert(introductionMessages).values(message).returning();
  if (!row) throw new Error("insert returned no message");
  return row;
}

export async function listIntroductionMessages(db: Database, introductionId: number) {
  return db
    .select({
      id: introductionMessages.id,
      authorId: introductionMessages.authorId,
      authorName: members.name,
      body: introductionMessages.body,
      createdAt: introductionMessages.createdAt,
    })
    .from(introductionMessages)
    .innerJoin(members, eq(members.id, introductionMessages.authorId))
    .where(eq(introductionMessages.introductionId, introductionId))
    .orderBy(asc(introductionMessages.id));
}

/** Who sent an offer, to check that a member links only their own offers. */
export async function findOfferSender(db: Database, offerId: number): Promise<number | undefined> {
  const [row] = await db.select({ senderId: offers.senderId }).from(offers).where(eq(offers.id, offerId));
  return row?.senderId;
}
