/** Privacy settings of a member: the members they blocked (listed, added and removed by the blocker only) and the analytics opt-out. */
import { and, desc, eq } from "drizzle-orm";
import type { Database } from "../create-db";
import { blocks, members } from "../schema/people";

export async function listBlockedBy(db: Database, blockerId: number) {
  return db
    .select({ memberId: members.id, name: members.name, blockedAt: blocks.createdAt })
    .from(blocks)
    .innerJoin(members, eq(members.id, blocks.blockedId))
    .where(eq(blocks.blockerId, blockerId))
    .orderBy(desc(blocks.createdAt));
}

/** Adds a block; blocking twice is harmless. */
export async function insertBlock(db: Database, blockerId: number, blockedId: number, now: Date): Promise<void> {
  await db.insert(blocks).values({ blockerId, blockedId, createdAt: now }).onConflictDoNothing();
}

/** Removes a block; false when there was none. */
export async function deleteBlock(db: Database, blockerId: number, blockedId: number): Promise<boolean> {
  const removed = await db
    .delete(blocks)
    .where(and(eq(blocks.blockerId, blockerId), eq(blocks.blockedId, blockedId)))
    .returning({ blockedId: blocks.blockedId });
  return removed.length > 0;
}

export async function findAnalyticsOptOut(db: Database, memberId: number): Promise<boolean | undefined> {
  const [row] = await db
    .select({ analyticsOptOut: members.analyticsOptOut })
    .from(members)
    .where(eq(members.id, memberId));
  return row?.analyticsOptOut;
}

export async function setAnalyticsOptOut(db: Database, memberId: number, optOut: boolean): Promise<void> {
  await db.update(members).set({ analyticsOptOut: optOut }).where(eq(members.id, memberId));
}
