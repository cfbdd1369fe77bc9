/**
 * Matching an imported contact list against members: by the links on their profiles (compared in the normalised
 * form of `linkKey`, computed here in SQL) and by the sha256 of their account email, so that the emails of the file
 * are sent as hashes only. Suspended members, the importer and anyone blocked either way are never returned.
 */
import { sql } from "drizzle-orm";
import type { Database } from "../create-db";

export interface MatchedMemberRow {
  memberId: number;
  name: string;
  headline: string;
  /** The link keys or email hashes of the file that found this member. */
  keys: string[];
  by: "link" | "email";
  alreadyFollowing: boolean;
}

// Both drivers (PGlite, node-postgres) answer `execute` with `{ rows }`.
type LinkRow = { member_id: number; name: string; headline: string; keys: string[]; following: boolean };
type EmailRow = { member_id: number; name: string; headline: string; hash: string; following: boolean };

const visibleTo = (viewerId: number) => sql`
  m.suspended_at is null and m.id <> ${viewerId}
  and not exists (select 1 from blocks b where (b.blocker_id = ${viewerId} and b.blocked_id = m.id)
                                           or (b.blocker_id = m.id and b.blocked_id = ${viewerId}))`;

/** Members with a profile link whose normalised form is one of `linkKeys`. */
export async function findMembersByLinkKeys(
  db: Database,
  viewerId: number,
  linkKeys: string[],
): Promise<MatchedMemberRow[]> {
  if (linkKeys.length === 0) return [];
  const rows = (await db.execute(sql`
    select m.id as member_id, m.name, m.headline, array_agg(distinct k.key) as keys,
           exists (select 1 from follows f where f.follower_id = ${viewerId} and f.followee_id = m.id) as following
    from members m
    cross join lateral jsonb_array_elements(m.links) as l(link)
    cross join lateral (
      select rtrim(regexp_replace(regexp_replace(lower(trim(l.link->>'url')), '^https?://(www\\.)?', ''), '[?#].*$', ''), '/') as key
    ) k
    where k.key = any(${sql.param(linkKeys)}::text[]) and ${visibleTo(viewerId)}
    group by m.id`)) as unknown as { rows: LinkRow[] };
  return rows.rows.map((row) => ({
    memberId: Number(row.member_id),
    name: row.name,
    headline: row.headline,
    keys: row.keys,
    by: "link" as const,
    alreadyFollowing: Boolean(row.following),
  }));
}

/** Members whose account email, trimmed and lowercased, has one of the given sha256 hashes (hex). */
export async function findMembersByEmailHashes(
  db: Database,
  viewerId: number,
  emailHashes: string[],
): Promise<MatchedMemberRow[]> {
  if (emailHashes.length === 0) return [];
  const rows = (await db.execute(sql`
    select m.id as member_id, m.name, m.headline, h.hash,
           exists (select 1 from follows f where f.follower_id = ${viewerId} and f.followee_id = m.id) as following
    from members m
    join users u on u.id = m.user_id
    cross join lateral (select encode(sha256(convert_to(lower(trim(u.email)), 'UTF8')), 'hex') as hash) h
    where h.hash = any(${sql.param(emailHashes)}::text[]) and ${visibleTo(viewerId)}`)) as unknown as {
    rows: EmailRow[];
  };
  return rows.rows.map((row) => ({
    memberId: Number(row.member_id),
    name: row.name,
    headline: row.headline,
    keys: [row.hash],
    by: "email" as const,
    alreadyFollowing: Boolean(row.following),
  }));
}
