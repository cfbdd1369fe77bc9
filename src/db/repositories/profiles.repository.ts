/** Member profiles: reading one with its cities and giving record, updating one's own, and blocks between two. */
import { and, desc, eq, or, sql } from "drizzle-orm";
import type { Database } from "../create-db";
import { gifts } from "../schema/gatherings";
import { blocks, cities, members } from "../schema/people";
import type { MemberRow } from "./members.repository";

export type ProfileFields = Partial<
  Pick<
    MemberRow,
    | "name"
    | "headline"
    | "bio"
    | "sectors"
    | "tags"
    | "gives"
    | "givesTags"
    | "seeks"
    | "seeksTags"
    | "languages"
    | "links"
    | "careerStage"
    | "homeCityId"
    | "currentCityId"
    | "locale"
  >
>;

export interface CityRef {
  id: number;
  slug: string;
  name: string;
}

/** Whether either member blocked the other. */
export async function isBlockedEitherWay(db: Database, firstId: number, secondId: number): Promise<boolean> {
  const [row] = await db
    .select({ one: sql<number>`1` })
    .from(blocks)
    .where(
      or(
        and(eq(blocks.blockerId, firstId), eq(blocks.blockedId, secondId)),
        and(eq(blocks.blockerId, secondId), eq(blocks.blockedId, firstId)),
      ),
    )
    .limit(1);
  return row !== undefined;
}

export async function findCityRefs(db: Database, ids: number[]): Promise<Map<number, CityRef>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: cities.id, slug: cities.slug, name: cities.name })
    .from(cities)
    .where(sql`${cities.id} = any(${sql.param(ids)}::int[])`);
  return new Map(rows.map((row) => [row.id, row]));
}

export async function updateProfile(db: Database, memberId: number, fields: ProfileFields): Promise<MemberRow> {
  if (Object.keys(fields).length === 0) {
    const [current] = await db.select().from(members).where(eq(members.id, memberId));
    if (!current) throw new Error(`no member ${memberId}`);
    return current;
  }
  const [row] = await db.update(members).set(fields).where(eq(members.id, memberId)).returning();
  if (!row) throw new Error(`no member ${memberId}`);
  return row;
}

export interface GivingSummary {
  given: number;
  received: number;
  byKind: { kind: string; count: number }[];
  thanks: { fromMemberId: number; fromName: string; text: string; occurredOn: string }[];
}

/** What a member gave and received in the give ledger, and the latest thanks they received. */
export async function findGivingSummary(db: Database, memberId: number, thanksLimit = 10): Promise<GivingSummary> {
  const [counts] = await db
    .select({
      given: sql<number>`count(*) filter (where ${gifts.giverId} = ${memberId})::int`,
      received: sql<number>`count(*) filter (where ${gifts.receiverId} = ${memberId})::int`,
    })
    .from(gifts)
    .where(or(eq(gifts.giverId, memberId), eq(gifts.receiverId, memberId)));
  const byKind = await db
    .select({ kind: gifts.kind, count: sql<number>`count(*)::int` })
    .from(gifts)
    .where(eq(gifts.giverId, memberId))
    .groupBy(gifts.kind)
    .orderBy(desc(sql`count(*)`), gifts.kind);
  const thanks = await db
    .select({
      fromMemberId: gifts.receiverId,
      fromName: members.name,
      text: gifts.thanks,
      occurredOn: gifts.occurredOn,
    })
    .from(gifts)
    .innerJoin(members, eq(members.id, gifts.receiverId))
    .where(and(eq(gifts.giverId, memberId), sql`${gifts.thanks} is not null and ${gifts.thanks} <> ''`))
    .orderBy(desc(gifts.occurredOn), desc(gifts.id))
    .limit(thanksLimit);
  return {
    given: counts?.given ?? 0,
    received: counts?.received ?? 0,
    byKind,
    thanks: thanks.map((row) => ({ ...row, text: row.text ?? "" })),
  };
}
