/** Members and their profile. */
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Database } from "../create-db";
import { preparedStatement } from "../prepared";
import { sessions, users } from "../schema/auth";
import { cities, memberRoles, members } from "../schema/people";

export type MemberRow = typeof members.$inferSelect;
export type NewMember = typeof members.$inferInsert;

export async function insertMember(db: Database, member: NewMember): Promise<MemberRow> {
  const [row] = await db.insert(members).values(member).returning();
  if (!row) throw new Error("insert returned no member");
  return row;
}

export async function findMemberById(db: Database, id: number): Promise<MemberRow | undefined> {
  const [row] = await db.select().from(members).where(eq(members.id, id));
  return row;
}

/** What every request knows of its signed-in member. */
export interface ViewerRow {
  memberId: number;
  name: string;
  locale: string;
  isDemo: boolean;
  suspendedAt: Date | null;
  /** Where the member is: their current city, else their home city. */
  cityId: number | null;
  email: string;
  emailVerified: boolean;
  roles: { role: string; citySlug: string | null }[];
}

/** A signed-in member as found by the token of their session, with the session's expiry. */
export interface SessionViewerRow extends ViewerRow {
  userId: string;
  sessionExpiresAt: Date;
}

/**
 * The member behind a session token, with the user's email, whether it is verified, the member's roles and when the
 * session expires (the caller refuses an expired one). Every API request runs this: one prepared query, only the
 * columns a viewer needs, roles folded in as JSON.
 */
export async function findViewerBySessionToken(db: Database, token: string): Promise<SessionViewerRow | undefined> {
  const statement = preparedStatement(db, "find_viewer_by_session_token", (db) =>
    db
      .select({
        memberId: members.id,
        userId: users.id,
        name: members.name,
        locale: members.locale,
        isDemo: members.isDemo,
        suspendedAt: members.suspendedAt,
        cityId: sql<number | null>`coalesce(${members.currentCityId}, ${members.homeCityId})`,
        email: users.email,
        emailVerified: users.emailVerified,
        roles: sql<{ role: string; citySlug: string | null }[]>`coalesce((
        select json_agg(json_build_object('role', ${memberRoles.role}, 'citySlug', ${cities.slug}))
        from ${memberRoles} left join ${cities} on ${cities.id} = ${memberRoles.cityId}
        where ${memberRoles.memberId} = ${members.id}), '[]'::json)`,
        sessionExpiresAt: sessions.expiresAt,
      })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .innerJoin(members, eq(members.userId, users.id))
      .where(eq(sessions.token, sql.placeholder("token")))
      .prepare("find_viewer_by_session_token"),
  );
  const [row] = await statement.execute({ token });
  return row;
}

/** Pushes a session's expiry to `expiresAt`; false when the session is gone (signed out, ended meanwhile). */
export async function extendSession(db: Database, token: string, expiresAt: Date, now: Date): Promise<boolean> {
  const rows = await db
    .update(sessions)
    .set({ expiresAt, updatedAt: now })
    .where(eq(sessions.token, token))
    .returning({ id: sessions.id });
  return rows.length === 1;
}

/** Deletes a session (an expired one found by a request). */
export async function deleteSessionByToken(db: Database, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.token, token));
}

export async function findMemberByEmail(db: Database, email: string): Promise<MemberRow | undefined> {
  const [row] = await db
    .select({ member: members })
    .from(members)
    .innerJoin(users, eq(users.id, members.userId))
    .where(eq(sql`lower(${users.email})`, email.toLowerCase()));
  return row?.member;
}

export async function findEmailOfMember(db: Database, memberId: number): Promise<string | undefined> {
  const [row] = await db
    .select({ email: users.email })
    .from(members)
    .innerJoin(users, eq(users.id, members.userId))
    .where(eq(members.id, memberId));
  return row?.email;
}

/** Grants a role (for a city, or everywhere when cityId is null); granting twice is harmless. */
export async function grantRole(db: Database, memberId: number, role: string, cityId: number | null): Promise<void> {
  await db.insert(memberRoles).values({ memberId, role, cityId }).onConflictDoNothing();
}

export async function revokeRole(db: Database, memberId: number, role: string, cityId: number | null): Promise<number> {
  const result = await db
    .delete(memberRoles)
    .where(
      and(
        eq(memberRoles.memberId, memberId),
        eq(memberRoles.role, role),
        cityId === null ? isNull(memberRoles.cityId) : eq(memberRoles.cityId, cityId),
      ),
    )
    .returning({ id: memberRoles.id });
  return result.length;
}

export async function countMembers(db: Database): Promise<number> {
  const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(members);
  return row?.count ?? 0;
}
