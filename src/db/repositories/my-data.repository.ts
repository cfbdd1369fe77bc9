/**
 * Everything linked to one member, for export (GDPR art. 15 and 20) and erasure (art. 17). The tables that point at
 * a member are found from the schema's foreign keys, so that a new table is exported and erased without a change here.
 */
import { and, eq, getTableColumns, inArray, or, sql, type SQL } from "drizzle-orm";
import { getTableConfig, type PgColumn, type PgTable } from "drizzle-orm/pg-core";
import type { Database } from "../create-db";
import { schema } from "../schema";
import { offerMessages, offers, trips } from "../schema/arrivals";
import { accounts, rateLimits, users, verifications } from "../schema/auth";
import { gifts, introductionMessages, introductions } from "../schema/gatherings";
import { feedPosts, memberFeeds, members } from "../schema/people";
import { emailOutbox } from "../schema/system";

/** Columns never exported: secrets that would let the file's holder act as the member. */
const secretColumns = new Set(["secret_hash", "password", "token", "access_token", "refresh_token", "id_token"]);

export interface MemberLink {
  table: PgTable;
  tableName: string;
  column: PgColumn;
}

/** Every (table, column) whose foreign key points at members.id. */
export function listMemberLinks(): MemberLink[] {
  const links: MemberLink[] = [];
  for (const value of Object.values(schema)) {
    if (!isTable(value)) continue;
    const config = getTableConfig(value);
    for (const foreignKey of config.foreignKeys) {
      const reference = foreignKey.reference();
      const target = reference.foreignColumns[0];
      const column = reference.columns[0];
      if (
        reference.columns.length === 1 &&
        target &&
        column &&
        getTableConfig(reference.foreignTable).name === "members" &&
        target.name === "id"
      )
        links.push({ table: value, tableName: config.name, column });
    }
  }
  return links;
}

function isTable(value: unknown): value is PgTable {
  try {
    return typeof getTableConfig(value as PgTable).name === "string";
  } catch {
    return false;
  }
}

function withoutSecrets(table: PgTable, row: Record<string, unknown>): Record<string, unknown> {
  const columns = getTableColumns(table);
  return Object.fromEntries(Object.entries(row).filter(([key]) => !secretColumns.has(columns[key]?.name ?? key)));
}

/** The rows linked to a member, by table and column (e.g. "offers.sender_id"), without secrets. */
export async function loadLinkedRows(db: Database, memberId: number): Promise<Record<string, unknown[]>> {
  const result: Record<string, unknown[]> = {};
  for (const link of listMemberLinks()) {
    const rows = (await db.select().from(link.table).where(eq(link.column, memberId))) as Record<string, unknown>[];
    if (rows.length > 0)
      result[`${link.tableName}.${link.column.name}`] = rows.map((row) => withoutSecrets(link.table, row));
  }
  return result;
}

/** What is linked to a member without pointing at them: offers on their trips, and the threads they are part of. */
export async function loadIndirectRows(db: Database, memberId: number) {
  const myTrips = db.select({ id: trips.id }).from(trips).where(eq(trips.memberId, memberId));
  const myOffers = db
    .select({ id: offers.id })
    .from(offers)
    .where(or(eq(offers.senderId, memberId), inArray(offers.tripId, myTrips)));
  const myIntroductions = db
    .select({ id: introductions.id })
    .from(introductions)
    .where(or(eq(introductions.firstId, memberId), eq(introductions.secondId, memberId)));
  const myFeeds = db.select({ id: memberFeeds.id }).from(memberFeeds).where(eq(memberFeeds.memberId, memberId));
  const [offersReceived, offerThreadMessages, introductionThreadMessages, feedPostsOfMyFeeds] = await Promise.all([
    db.select().from(offers).where(inArray(offers.tripId, myTrips)),
    db.select().from(offerMessages).where(inArray(offerMessages.offerId, myOffers)),
    db.select().from(introductionMessages).where(inArray(introductionMessages.introductionId, myIntroductions)),
    db.select().from(feedPosts).where(inArray(feedPosts.feedId, myFeeds)),
  ]);
  return { offersReceived, offerThreadMessages, introductionThreadMessages, feedPostsOfMyFeeds };
}

export async function findAccountOfMember(db: Database, memberId: number) {
  const [row] = await db
    .select({
      member: members,
      userId: users.id,
      email: users.email,
      emailVerified: users.emailVerified,
      accountCreatedAt: users.createdAt,
    })
    .from(members)
    .leftJoin(users, eq(users.id, members.userId))
    .where(eq(members.id, memberId));
  return row;
}

/** The password hash of a user's credential account, when they have one. */
export async function findPasswordHash(db: Database, userId: string): Promise<string | null> {
  const [row] = await db
    .select({ password: accounts.password })
    .from(accounts)
    .where(and(eq(accounts.userId, userId), eq(accounts.providerId, "credential")));
  return row?.password ?? null;
}

/** The name a placeholder of an erased member shows, in every language. */
export const formerMemberName = "A former member";

/**
 * A blank member that stands in for an erased one where the other party keeps a record (a gift they gave or
 * received, an introduction they owe to them): no account, no city, suspended so that it appears nowhere.
 */
export async function insertPlaceholderMember(tx: Database, now: Date): Promise<number> {
  const [row] = await tx
    .insert(members)
    .values({ name: formerMemberName, suspendedAt: now, alertsPaused: true, analyticsOptOut: true, alertCapPerWeek: 0 })
    .returning({ id: members.id });
  if (!row) throw new Error("insert returned no placeholder");
  return row.id;
}

/** Points the records the other party keeps at the placeholder instead of the erased member. */
export async function reassignKeptRecords(tx: Database, memberId: number, placeholderId: number): Promise<void> {
  await tx.update(gifts).set({ giverId: placeholderId }).where(eq(gifts.giverId, memberId));
  await tx.update(gifts).set({ receiverId: placeholderId }).where(eq(gifts.receiverId, memberId));
  await tx
    .update(gifts)
    .set({ thanks: null })
    .where(and(eq(gifts.receiverId, placeholderId), sql`${gifts.thanks} is not null`));
  await tx.update(introductions).set({ connectorId: placeholderId }).where(eq(introductions.connectorId, memberId));
}

/** Deletes the emails to a member (sent or waiting), the account's pending verifications and its sign-in counters. */
export async function deleteMailAndTokens(
  tx: Database,
  memberId: number,
  account: { userId: string | null; email: string | null },
): Promise<void> {
  const conditions: SQL[] = [eq(emailOutbox.memberId, memberId)];
  if (account.email) conditions.push(sql`lower(${emailOutbox.toAddress}) = lower(${account.email})`);
  await tx.delete(emailOutbox).where(or(...conditions));
  if (account.userId) {
    const byUser: SQL[] = [
      eq(verifications.value, account.userId),
      sql`strpos(${verifications.identifier}, ${account.userId}) > 0`,
    ];
    if (account.email) byUser.push(sql`lower(${verifications.identifier}) = lower(${account.email})`);
    await tx.delete(verifications).where(or(...byUser));
  }
  // Failed sign-ins are counted under keys that hold the address; the account they guard is going.
  if (account.email)
    await tx.delete(rateLimits).where(sql`strpos(lower(${rateLimits.key}), lower(${account.email})) > 0`);
}

/**
 * Replaces a member's name where the app copied it into other members' records: JSON payloads (notifications,
 * agendas, cached reports, alerts' reasons) of every table, and the emails to others. Found from the catalog, so that
 * a new JSON column is covered too.
 */
export async function scrubNameCopies(tx: Database, name: string, htmlName: string): Promise<void> {
  if (name.length === 0) return;
  const jsonName = JSON.stringify(name).slice(1, -1);
  const jsonReplacement = JSON.stringify(formerMemberName).slice(1, -1);
  // Both drivers answer raw SQL with `{ rows }`; drizzle types it per driver, hence the cast.
  const columns = (await tx.execute(
    sql`select table_name, column_name from information_schema.columns
        where table_schema = 'public' and data_type = 'jsonb' order by table_name, column_name`,
  )) as unknown as { rows: { table_name: string; column_name: string }[] };
  for (const { table_name: table, column_name: column } of columns.rows) {
    const target = sql.identifier(column);
    await tx.execute(
      sql`update ${sql.identifier(table)} set ${target} = replace(${target}::text, ${jsonName}, ${jsonReplacement})::jsonb
          where strpos(${target}::text, ${jsonName}) > 0`,
    );
  }
  const replaceIn = (column: PgColumn, found: string) => sql`replace(${column}, ${found}, ${formerMemberName})`;
  const mentions = (column: PgColumn, found: string) => sql`strpos(${column}, ${found}) > 0`;
  await tx
    .update(emailOutbox)
    .set({ subject: replaceIn(emailOutbox.subject, name) })
    .where(mentions(emailOutbox.subject, name));
  await tx
    .update(emailOutbox)
    .set({ textBody: replaceIn(emailOutbox.textBody, name) })
    .where(mentions(emailOutbox.textBody, name));
  await tx
    .update(emailOutbox)
    .set({ htmlBody: replaceIn(emailOutbox.htmlBody, htmlName) })
    .where(mentions(emailOutbox.htmlBody, htmlName));
}

/** Deletes the member (every row pointing at them goes with it, by the foreign keys) and their account. */
export async function deleteMemberAndAccount(tx: Database, memberId: number, userId: string | null): Promise<void> {
  await tx.delete(members).where(eq(members.id, memberId));
  if (userId) await tx.delete(users).where(eq(users.id, userId));
}
