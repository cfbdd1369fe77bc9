/** Abuse reports, the moderation queue, the record of moderation actions, and suspensions. */
import { aliasedTable, and, desc, eq, gt, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import type { Database } from "../create-db";
import { offerMessages, offers, trips } from "../schema/arrivals";
import { users, sessions } from "../schema/auth";
import { events, introductionMessages, introductions } from "../schema/gatherings";
import { cities, memberRoles, members } from "../schema/people";
import { moderationActions, reports } from "../schema/system";

export type ReportRow = typeof reports.$inferSelect;
export type ModerationActionRow = typeof moderationActions.$inferSelect;

/** Holds the reporter's row until the transaction ends, so that concurrent reports are counted one after another. */
export async function lockReporter(tx: Database, memberId: number): Promise<void> {
  await tx.select({ id: members.id }).from(members).where(eq(members.id, memberId)).for("update");
}

export async function listReportTimesSince(tx: Database, reporterId: number, since: Date): Promise<Date[]> {
  const rows = await tx
    .select({ createdAt: reports.createdAt })
    .from(reports)
    .where(and(eq(reports.reporterId, reporterId), gt(reports.createdAt, since)));
  return rows.map((row) => row.createdAt);
}

export async function countOpenReportsOnTarget(
  tx: Database,
  target: { reporterId: number; subjectId: number; targetKind: string; targetId: number | null },
): Promise<number> {
  const rows = await tx
    .select({ id: reports.id })
    .from(reports)
    .where(
      and(
        eq(reports.reporterId, target.reporterId),
        eq(reports.subjectId, target.subjectId),
        eq(reports.targetKind, target.targetKind),
        target.targetId === null ? isNull(reports.targetId) : eq(reports.targetId, target.targetId),
        eq(reports.status, "open"),
      ),
    );
  return rows.length;
}

export async function insertReport(tx: Database, report: typeof reports.$inferInsert): Promise<ReportRow> {
  const [row] = await tx.insert(reports).values(report).returning();
  if (!row) throw new Error("insert returned no report");
  return row;
}

export async function listReportsBy(db: Database, reporterId: number): Promise<ReportRow[]> {
  return db.select().from(reports).where(eq(reports.reporterId, reporterId)).orderBy(desc(reports.id));
}

/** A member's home city and whether they are suspended; undefined when there is no such member. */
export async function findReportableMember(db: Database, memberId: number) {
  const [row] = await db
    .select({
      id: members.id,
      cityId: members.homeCityId,
      suspendedAt: members.suspendedAt,
      hasAccount: sql<boolean>`${members.userId} is not null`,
    })
    .from(members)
    .where(eq(members.id, memberId));
  return row;
}

/** An offer with its sender, traveller and city: a party may report it. */
export async function findOfferParties(db: Database, offerId: number) {
  const [row] = await db
    .select({ senderId: offers.senderId, travellerId: trips.memberId, cityId: trips.cityId })
    .from(offers)
    .innerJoin(trips, eq(trips.id, offers.tripId))
    .where(eq(offers.id, offerId));
  return row;
}

/** A message of an offer's thread, with the offer's two parties and city. */
export async function findOfferMessageParties(db: Database, messageId: number) {
  const [row] = await db
    .select({
      authorId: offerMessages.authorId,
      senderId: offers.senderId,
      travellerId: trips.memberId,
      cityId: trips.cityId,
    })
    .from(offerMessages)
    .innerJoin(offers, eq(offers.id, offerMessages.offerId))
    .innerJoin(trips, eq(trips.id, offers.tripId))
    .where(eq(offerMessages.id, messageId));
  return row;
}

/** A message of an introduction's conversation, with the two introduced members. */
export async function findIntroductionMessageParties(db: Database, messageId: number) {
  const [row] = await db
    .select({
      authorId: introductionMessages.authorId,
      firstId: introductions.firstId,
      secondId: introductions.secondId,
    })
    .from(introductionMessages)
    .innerJoin(introductions, eq(introductions.id, introductionMessages.introductionId))
    .where(eq(introductionMessages.id, messageId));
  return row;
}

/** The moderation roles of a member, with their city ids. */
export async function listModerationRoles(db: Database, memberId: number) {
  return db
    .select({ role: memberRoles.role, cityId: memberRoles.cityId })
    .from(memberRoles)
    .where(and(eq(memberRoles.memberId, memberId), inArray(memberRoles.role, ["moderator", "admin"])));
}

const reporter = aliasedTable(members, "reporter");
const subject = aliasedTable(members, "subject");

/** What the target of a report says, so that a moderator judges with context (null when it is gone). */
const targetExcerpt: SQL<string | null> = sql<string | null>`case ${reports.targetKind}
  when 'trip' then (select t.seeks from ${trips} t where t.id = ${reports.targetId})
  when 'offer' then (select o.message from ${offers} o where o.id = ${reports.targetId})
  when 'event' then (select e.title || ' — ' || e.description from ${events} e where e.id = ${reports.targetId})
  when 'offer_message' then (select m.body from ${offerMessages} m where m.id = ${reports.targetId})
  when 'introduction_message' then (select m.body from ${introductionMessages} m where m.id = ${reports.targetId})
  else ${subject.headline} end`;

export interface QueueItem {
  report: ReportRow;
  reporterName: string;
  subjectName: string;
  subjectSuspendedAt: Date | null;
  cityName: string | null;
  excerpt: string | null;
  /** Reports about the same member, this one included. */
  reportsOnSubject: number;
}

/** Reports in a moderator's scope, oldest first, with the context to judge them. */
export async function listQueue(
  db: Database,
  options: { everywhere: boolean; cityIds: readonly number[]; status: "open" | "handled"; limit: number },
): Promise<QueueItem[]> {
  const inScope = options.everywhere
    ? undefined
    : options.cityIds.length > 0
      ? inArray(reports.cityId, [...options.cityIds])
      : sql`false`;
  const rows = await db
    .select({
      report: reports,
      reporterName: reporter.name,
      subjectName: subject.name,
      subjectSuspendedAt: subject.suspendedAt,
      cityName: cities.name,
      excerpt: targetExcerpt,
      reportsOnSubject: sql<number>`(select count(*)::int from ${reports} r2 where r2.subject_id = ${reports.subjectId})`,
    })
    .from(reports)
    .innerJoin(reporter, eq(reporter.id, reports.reporterId))
    .innerJoin(subject, eq(subject.id, reports.subjectId))
    .leftJoin(cities, eq(cities.id, reports.cityId))
    .where(and(inScope, options.status === "open" ? eq(reports.status, "open") : sql`${reports.status} <> 'open'`))
    .orderBy(options.status === "open" ? reports.createdAt : desc(reports.handledAt), reports.id)
    .limit(options.limit);
  return rows.map((row) => ({ ...row, excerpt: row.excerpt === null ? null : row.excerpt.slice(0, 500) }));
}

/** Locks a report for a moderator's action; undefined when it does not exist. */
export async function findReportForUpdate(tx: Database, reportId: number): Promise<ReportRow | undefined> {
  const [row] = await tx.select().from(reports).where(eq(reports.id, reportId)).for("update");
  return row;
}

export async function closeReport(
  tx: Database,
  reportId: number,
  change: { status: string; handledBy: number; handledAt: Date },
): Promise<ReportRow> {
  const [row] = await tx.update(reports).set(change).where(eq(reports.id, reportId)).returning();
  if (!row) throw new Error("report vanished");
  return row;
}

export async function insertModerationAction(
  tx: Database,
  action: typeof moderationActions.$inferInsert,
): Promise<ModerationActionRow> {
  const [row] = await tx.insert(moderationActions).values(action).returning();
  if (!row) throw new Error("insert returned no action");
  return row;
}

/** Sets or clears a member's suspension; returns the member's home city, or undefined when there is no member. */
export async function setMemberSuspension(
  tx: Database,
  memberId: number,
  suspendedAt: Date | null,
): Promise<{ id: number; cityId: number | null } | undefined> {
  const [row] = await tx
    .update(members)
    .set({ suspendedAt })
    .where(eq(members.id, memberId))
    .returning({ id: members.id, cityId: members.homeCityId });
  return row;
}

/** Ends every session of a member's account (signed out everywhere). */
export async function deleteSessionsOfMember(tx: Database, memberId: number): Promise<number> {
  const ended = await tx
    .delete(sessions)
    .where(
      inArray(
        sessions.userId,
        tx
          .select({ userId: sql<string>`${members.userId}` })
          .from(members)
          .where(eq(members.id, memberId)),
      ),
    )
    .returning({ id: sessions.id });
  return ended.length;
}

/** Whether the account of a user belongs to a suspended member (sign-in is refused). */
export async function isUserSuspended(db: Database, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: members.id })
    .from(members)
    .where(and(eq(members.userId, userId), sql`${members.suspendedAt} is not null`));
  return row !== undefined;
}

/** A member to warn: their language and email address. */
export async function findRecipient(db: Database, memberId: number) {
  const [row] = await db
    .select({ memberId: members.id, name: members.name, locale: members.locale, email: users.email })
    .from(members)
    .innerJoin(users, eq(users.id, members.userId))
    .where(eq(members.id, memberId));
  return row;
}

export interface ActionLogItem {
  action: ModerationActionRow;
  subjectName: string;
  moderatorName: string | null;
}

/** The latest moderation actions in a scope (by the acted-on member's home city), newest first. */
export async function listModerationLog(
  db: Database,
  options: { everywhere: boolean; cityIds: readonly number[]; limit: number },
): Promise<ActionLogItem[]> {
  const moderator = aliasedTable(members, "moderator");
  return db
    .select({ action: moderationActions, subjectName: subject.name, moderatorName: moderator.name })
    .from(moderationActions)
    .innerJoin(subject, eq(subject.id, moderationActions.subjectId))
    .leftJoin(moderator, eq(moderator.id, moderationActions.moderatorId))
    .where(
      options.everywhere
        ? undefined
        : or(
            options.cityIds.length > 0 ? inArray(subject.homeCityId, [...options.cityIds]) : sql`false`,
            options.cityIds.length > 0
              ? sql`${moderationActions.reportId} in (select id from ${reports} where ${inArray(reports.cityId, [...options.cityIds])})`
              : sql`false`,
          ),
    )
    .orderBy(desc(moderationActions.id))
    .limit(options.limit);
}

/** Suspended members in a scope (by home city), for the unsuspend list. */
export async function listSuspendedMembers(
  db: Database,
  options: { everywhere: boolean; cityIds: readonly number[] },
): Promise<{ id: number; name: string; suspendedAt: Date; cityId: number | null }[]> {
  const rows = await db
    .select({ id: members.id, name: members.name, suspendedAt: members.suspendedAt, cityId: members.homeCityId })
    .from(members)
    .where(
      and(
        sql`${members.suspendedAt} is not null`,
        // Placeholders left by erased accounts have no user and are suspended for good.
        sql`${members.userId} is not null`,
        options.everywhere
          ? undefined
          : options.cityIds.length > 0
            ? inArray(members.homeCityId, [...options.cityIds])
            : sql`false`,
      ),
    )
    .orderBy(desc(members.suspendedAt))
    .limit(200);
  return rows.map((row) => ({ ...row, suspendedAt: row.suspendedAt ?? new Date(0) }));
}
