/** The give ledger: gifts recorded once per source, and the giving record of a member. */
import { and, desc, eq, isNotNull, sql } from "drizzle-orm";
import type { Database } from "../create-db";
import { trips } from "../schema/arrivals";
import { gifts } from "../schema/gatherings";
import { members } from "../schema/people";

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
    .where(eq(self, memberId))
    .orderBy(desc(gifts.occurredOn), desc(gifts.id))
    .limit(limit);
}

/** Thank-you notes the member received for their gifts, newest first. */
export async function listThanksReceived(db: Database, memberId: number, limit: number): Promise<LedgerEntry[]> {
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
    .where(and(eq(gifts.giverId, memberId), isNotNull(gifts.thanks)))
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
