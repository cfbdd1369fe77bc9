/** Members' feeds and their posts, and follows (A follows B's work). */
import { and, asc, desc, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { Database } from "../create-db";
import { blocks, feedPosts, follows, memberFeeds, members } from "../schema/people";

export type FeedRow = typeof memberFeeds.$inferSelect;
export type FeedPostRow = typeof feedPosts.$inferSelect;
export type NewFeedPost = Omit<typeof feedPosts.$inferInsert, "id" | "feedId">;

export async function listFeedsOfMember(db: Database, memberId: number): Promise<FeedRow[]> {
  return db.select().from(memberFeeds).where(eq(memberFeeds.memberId, memberId)).orderBy(asc(memberFeeds.id));
}

export async function countFeedsOfMember(db: Database, memberId: number): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(memberFeeds)
    .where(eq(memberFeeds.memberId, memberId));
  return row?.count ?? 0;
}

/** Adds a feed; undefined when the member already has this URL. */
export async function insertFeed(db: Database, memberId: number, url: string): Promise<FeedRow | undefined> {
  const [row] = await db.insert(memberFeeds).values({ memberId, url }).onConflictDoNothing().returning();
  return row;
}

export async function findFeed(db: Database, feedId: number): Promise<FeedRow | undefined> {
  const [row] = await db.select().from(memberFeeds).where(eq(memberFeeds.id, feedId));
  return row;
}

/** Removes one of the member's feeds with its posts; whether there was one. */
export async function deleteFeed(db: Database, memberId: number, feedId: number): Promise<boolean> {
  const rows = await db
    .delete(memberFeeds)
    .where(and(eq(memberFeeds.id, feedId), eq(memberFeeds.memberId, memberId)))
    .returning({ id: memberFeeds.id });
  return rows.length > 0;
}

/** Feeds never fetched or last fetched before `before`, oldest first, of members who are not suspended. */
export async function listDueFeeds(db: Database, before: Date, limit: number): Promise<FeedRow[]> {
  return db
    .select({ feed: memberFeeds })
    .from(memberFeeds)
    .innerJoin(members, eq(members.id, memberFeeds.memberId))
    .where(and(or(isNull(memberFeeds.fetchedAt), lt(memberFeeds.fetchedAt, before)), isNull(members.suspendedAt)))
    .orderBy(sql`${memberFeeds.fetchedAt} asc nulls first`, asc(memberFeeds.id))
    .limit(limit)
    .then((rows) => rows.map((row) => row.feed));
}

/**
 * Claims a feed for a fetch: stamps `fetchedAt` only if it is still due, so that two workers never fetch one feed
 * at once nor more than once in the interval. Returns the feed as it was, or undefined when it was not due.
 */
export async function claimDueFeed(
  db: Database,
  feedId: number,
  now: Date,
  notFetchedSince: Date,
): Promise<FeedRow | undefined> {
  const [row] = await db
    .update(memberFeeds)
    .set({ fetchedAt: now })
    .where(
      and(eq(memberFeeds.id, feedId), or(isNull(memberFeeds.fetchedAt), lt(memberFeeds.fetchedAt, notFetchedSince))),
    )
    .returning();
  return row;
}

/** Records a fetch's outcome: validators for the next conditional request, a title, or the error. */
export async function recordFeedFetch(
  db: Database,
  feedId: number,
  fields: { etag?: string | null; lastModified?: string | null; title?: string | null; lastError: string | null },
): Promise<void> {
  await db.update(memberFeeds).set(fields).where(eq(memberFeeds.id, feedId));
}

/** Stores a fetch's posts: new ones added, known ones (same guid) updated; the feed keeps its newest `keep`. */
export async function savePosts(db: Database, feedId: number, posts: NewFeedPost[], keep: number): Promise<void> {
  await db.transaction(async (tx) => {
    if (posts.length > 0) {
      await tx
        .insert(feedPosts)
        .values(posts.map((post) => ({ ...post, feedId })))
        .onConflictDoUpdate({
          target: [feedPosts.feedId, feedPosts.guid],
          set: {
            title: sql`excluded.title`,
            url: sql`excluded.url`,
            summary: sql`excluded.summary`,
            publishedAt: sql`excluded.published_at`,
          },
        });
    }
    await tx.execute(sql`
      delete from ${feedPosts} where ${feedPosts.feedId} = ${feedId} and ${feedPosts.id} not in (
        select ${feedPosts.id} from ${feedPosts} where ${feedPosts.feedId} = ${feedId}
        order by ${feedPosts.publishedAt} desc nulls last, ${feedPosts.id} desc limit ${keep})`);
  });
}

export interface MemberPostRow {
  id: number;
  title: string;
  url: string | null;
  summary: string;
  publishedAt: Date | null;
  feedTitle: string | null;
}

/** A member's latest posts across their feeds, newest first. */
export async function listLatestPostsOfMember(db: Database, memberId: number, limit: number): Promise<MemberPostRow[]> {
  return db
    .select({
      id: feedPosts.id,
      title: feedPosts.title,
      url: feedPosts.url,
      summary: feedPosts.summary,
      publishedAt: feedPosts.publishedAt,
      feedTitle: memberFeeds.title,
    })
    .from(feedPosts)
    .innerJoin(memberFeeds, eq(memberFeeds.id, feedPosts.feedId))
    .where(eq(memberFeeds.memberId, memberId))
    .orderBy(sql`${feedPosts.publishedAt} desc nulls last`, desc(feedPosts.id))
    .limit(limit);
}

/** Follows, ignoring those that exist; returns how many were new. */
export async function insertFollows(db: Database, followerId: number, followeeIds: number[]): Promise<number> {
  if (followeeIds.length === 0) return 0;
  const rows = await db
    .insert(follows)
    .values(followeeIds.map((followeeId) => ({ followerId, followeeId })))
    .onConflictDoNothing()
    .returning({ followeeId: follows.followeeId });
  return rows.length;
}

export async function deleteFollow(db: Database, followerId: number, followeeId: number): Promise<void> {
  await db.delete(follows).where(and(eq(follows.followerId, followerId), eq(follows.followeeId, followeeId)));
}

export async function isFollowing(db: Database, followerId: number, followeeId: number): Promise<boolean> {
  const [row] = await db
    .select({ one: sql<number>`1` })
    .from(follows)
    .where(and(eq(follows.followerId, followerId), eq(follows.followeeId, followeeId)))
    .limit(1);
  return row !== undefined;
}

export async function countFollowers(db: Database, memberId: number): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(follows)
    .where(eq(follows.followeeId, memberId));
  return row?.count ?? 0;
}

/**
 * Of the given members, those the follower may follow: existing, not suspended, not themself, no block either way.
 * Returned in the order given.
 */
export async function filterFollowable(db: Database, followerId: number, memberIds: number[]): Promise<number[]> {
  if (memberIds.length === 0) return [];
  const rows = await db
    .select({ id: members.id })
    .from(members)
    .where(
      and(
        sql`${members.id} = any(${sql.param(memberIds)}::int[])`,
        sql`${members.id} <> ${followerId}`,
        isNull(members.suspendedAt),
        sql`not exists (select 1 from ${blocks} where (${blocks.blockerId} = ${followerId} and ${blocks.blockedId} = ${members.id}) or (${blocks.blockerId} = ${members.id} and ${blocks.blockedId} = ${followerId}))`,
      ),
    );
  const allowed = new Set(rows.map((row) => row.id));
  return memberIds.filter((id) => allowed.has(id));
}
