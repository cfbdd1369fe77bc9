/**
 * My data and the blog side of a profile: the export holds my blog feeds, the posts fetched from them and my follows
 * in both directions (and nobody else's); erasure removes all of them and leaves other members' feeds, posts and
 * follows alone.
 */
import { eq, inArray, or } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import { feedPosts, follows, memberFeeds } from "../../src/db/schema/people";
import { describeOnDatabases } from "../support/databases";
import {
  createCity,
  createMember,
  createMemberWithPassword,
  testPassword,
  type TestMember,
} from "../support/factories";
import { createTestApp } from "../support/test-app";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the export is read field by field
type Json = any;

describeOnDatabases("my data: feeds, feed posts and follows", (database) => {
  let harness: ReturnType<typeof createTestApp>;
  let me: TestMember;
  let friend: TestMember;
  let other: TestMember;
  let myFeedIds: number[];
  let friendFeedId: number;

  const insertFeed = async (memberId: number, url: string, posts: string[]) => {
    const [feed] = await harness.context.db
      .insert(memberFeeds)
      .values({ memberId, url, title: `Feed at ${url}` })
      .returning({ id: memberFeeds.id });
    if (posts.length > 0)
      await harness.context.db
        .insert(feedPosts)
        .values(posts.map((title, i) => ({ feedId: feed!.id, guid: `${url}#${i}`, title, url: `${url}/${i}` })));
    return feed!.id;
  };

  beforeEach(async () => {
    await database().reset();
    harness = createTestApp(database().handle);
    const cityId = (await createCity(harness.context)).id;
    me = await createMemberWithPassword(harness, { name: "Maya Writer", homeCityId: cityId });
    friend = await createMember(harness, { name: "Felix Friend", homeCityId: cityId });
    other = await createMember(harness, { name: "Olga Other", homeCityId: cityId });
    myFeedIds = [
      await insertFeed(me.member.id, "https://maya.example.test/rss", ["On fintech in Miami", "Why I give first"]),
      await insertFeed(me.member.id, "https://maya.example.test/atom", ["Talk slides"]),
    ];
    friendFeedId = await insertFeed(friend.member.id, "https://felix.example.test/rss", ["Felix's post"]);
    await harness.context.db.insert(follows).values([
      { followerId: me.member.id, followeeId: friend.member.id },
      { followerId: other.member.id, followeeId: me.member.id },
      { followerId: friend.member.id, followeeId: other.member.id },
    ]);
  });

  it("exports my feeds, the posts of my feeds and my follows both ways, and nothing of the others'", async () => {
    const response = await me.client.get("/api/me/export");
    expect(response.status).toBe(200);
    const data = (await response.json()) as Json;
    expect(data.linked["member_feeds.member_id"].map((feed: Json) => feed.url).sort()).toEqual([
      "https://maya.example.test/atom",
      "https://maya.example.test/rss",
    ]);
    expect(data.feedPostsOfMyFeeds.map((post: Json) => post.title).sort()).toEqual([
      "On fintech in Miami",
      "Talk slides",
      "Why I give first",
    ]);
    expect(data.linked["follows.follower_id"]).toEqual([
      expect.objectContaining({ followerId: me.member.id, followeeId: friend.member.id }),
    ]);
    expect(data.linked["follows.followee_id"]).toEqual([
      expect.objectContaining({ followerId: other.member.id, followeeId: me.member.id }),
    ]);
    const text = JSON.stringify(data);
    expect(text).not.toContain("Felix's post");
    expect(text).not.toContain("felix.example.test");

    // The friend's export holds their own posts and none of mine.
    const theirs = (await (await friend.client.get("/api/me/export")).json()) as Json;
    expect(theirs.feedPostsOfMyFeeds.map((post: Json) => post.title)).toEqual(["Felix's post"]);
  });

  it("erasure removes my feeds, their posts and my follows both ways; the others' stay", async () => {
    const erased = await me.client.request("DELETE", "/api/me", { password: testPassword });
    expect(erased.status).toBe(204);
    const db = harness.context.db;
    expect(await db.$count(memberFeeds, eq(memberFeeds.memberId, me.member.id))).toBe(0);
    expect(await db.$count(feedPosts, inArray(feedPosts.feedId, myFeedIds))).toBe(0);
    expect(
      await db.$count(follows, or(eq(follows.followerId, me.member.id), eq(follows.followeeId, me.member.id))),
    ).toBe(0);
    expect(await db.$count(feedPosts, eq(feedPosts.feedId, friendFeedId))).toBe(1);
    expect(await db.$count(follows)).toBe(1);
  });
});
