/**
 * Known by your work (#9.1, #9.3): members add feeds (RSS 2.0, Atom, JSON Feed), fetched politely from a feed server
 * on 127.0.0.1 through the outside-URL fetcher (the server's endpoint allowed explicitly by the test), stored as
 * plain text and shown on the profile; following a member's work; the RSS feed of a city's public events.
 */
import { eq } from "drizzle-orm";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { FeedFormatError, parseFeed } from "../../src/app/feeds/parse-feed";
import { refreshDueFeeds } from "../../src/app/feeds/refresh-due-feeds";
import { refreshFeed } from "../../src/app/feeds/refresh-feed";
import { fanOutAlerts } from "../../src/app/alerts/fan-out-alerts";
import { alerts } from "../../src/db/schema/arrivals";
import { events } from "../../src/db/schema/gatherings";
import { feedJobs } from "../../src/jobs/feed-jobs";
import { blocks, feedPosts, follows, memberFeeds } from "../../src/db/schema/people";
import { describeOnDatabases } from "../support/databases";
import { createCity, createMember, toulouseCity } from "../support/factories";
import { feedFixtures, startFeedServer, type FeedServer } from "../support/feed-server";
import { Client, createTestApp, testSecret } from "../support/test-app";

const eqId = (id: number) => eq(memberFeeds.id, id);
const fixture = (name: string) => readFileSync(join(feedFixtures, name), "utf8");

describe("parsing feeds", () => {
  it("reads RSS 2.0, Atom and JSON Feed into plain-text posts, newest first, with only web links", () => {
    const rss = parseFeed(fixture("rss2.xml"));
    expect(rss.format).toBe("rss");
    expect(rss.title).toBe("Ana & the Kitchen");
    expect(rss.posts.map((post) => post.title)).toEqual([
      "Opening a restaurant in Miami",
      "Hiring cooks that stay",
      "An older note",
    ]);
    expect(rss.posts[0]).toMatchObject({
      guid: "ana-opening",
      url: "https://ana.example/blog/opening",
      summary: "What I learned about permits & leases.",
    });
    expect(rss.posts[0]!.publishedAt?.toISOString()).toBe("2026-11-10T09:00:00.000Z");
    expect(rss.posts[1]).toMatchObject({ url: null, summary: "Pay well, train well." });
    expect(rss.posts[2]).toMatchObject({ summary: "Plain text été here.", publishedAt: null });

    const atom = parseFeed(fixture("atom.xml"));
    expect(atom.format).toBe("atom");
    expect(atom.posts[0]).toMatchObject({
      title: "Aerospace in Toulouse <3",
      url: "https://bruno.example/posts/aero",
      summary: "Why the supply chain matters.",
      guid: "tag:bruno.example,2026:aero",
    });
    expect(atom.posts[1]!.url).toBe("https://bruno.example/posts/second");

    const json = parseFeed(fixture("feed.json"));
    expect(json.format).toBe("json");
    expect(json.title).toBe("Chloé's newsletter");
    expect(json.posts[0]).toMatchObject({ title: "Fundraising in 2026", summary: "Seed rounds are smaller & faster." });
    expect(json.posts[1]).toMatchObject({ url: null, guid: "41" });

    for (const post of [...rss.posts, ...atom.posts, ...json.posts]) {
      expect(`${post.title} ${post.summary}`).not.toMatch(/<[a-z!/]|onerror|script>/i);
    }
  });

  it("refuses malformed documents, entity declarations and other formats with a FeedFormatError", () => {
    for (const name of [
      "malformed.xml",
      "entity-bomb.xml",
      "not-a-feed.html",
      "malformed.json",
      "wrong-version.json",
    ]) {
      expect(() => parseFeed(fixture(name)), name).toThrow(FeedFormatError);
    }
    expect(() => parseFeed("plain words")).toThrow(FeedFormatError);
  });
});

describeOnDatabases("profile feeds and follows", (database) => {
  let harness: ReturnType<typeof createTestApp>;
  let server: FeedServer;
  let now: Date;
  const allowed = () => ({ allowPrivateEndpoints: [server.endpoint], timeoutMs: 3000 });

  beforeAll(async () => {
    server = await startFeedServer();
  });
  afterAll(async () => {
    await server.close();
  });
  beforeEach(async () => {
    await database().reset();
    harness = createTestApp(database().handle);
    now = new Date("2026-11-20T12:00:00Z");
    harness.context.now = () => now;
    server.requests.length = 0;
  });

  it("adds feeds with validation, fetches them politely with conditional requests, and shows plain-text posts", async () => {
    const ana = await createMember(harness, { name: "Ana" });
    const visitor = await createMember(harness, { name: "Visitor" });

    for (const [url, field] of [
      ["javascript:alert(1)", "url"],
      ["ftp://example.test/feed", "url"],
      ["https://user:secret@example.test/feed", "url"],
    ] as const) {
      const refused = await ana.client.post("/api/me/feeds", { url });
      expect(refused.status, url).toBe(400);
      expect((await refused.json()).error.field).toBe(field);
    }
    expect((await ana.client.post("/api/me/feeds", { url: "https://a.test/", extra: 1 })).status).toBe(400);
    expect((await new Client(harness.app).post("/api/me/feeds", { url: `${server.url}/rss2.xml` })).status).toBe(401);

    const added = await ana.client.post("/api/me/feeds", { url: `${server.url}/rss2.xml` });
    expect(added.status).toBe(201);
    const feed = await added.json();
    expect(harness.jobs).toContainEqual({ name: "feeds.fetch", data: { feedId: feed.id } });
    expect((await ana.client.post("/api/me/feeds", { url: `${server.url}/rss2.xml` })).status).toBe(409);

    expect(await refreshFeed(harness.context, { feedId: feed.id, fetch: allowed() })).toBe("updated");
    const shown = await visitor.client.get(`/api/members/${ana.member.id}/posts`);
    expect(shown.status).toBe(200);
    const { posts } = await shown.json();
    expect(posts.map((post: { title: string }) => post.title)).toEqual([
      "Opening a restaurant in Miami",
      "Hiring cooks that stay",
      "An older note",
    ]);
    expect(posts[0]).toMatchObject({
      feedTitle: "Ana & the Kitchen",
      summary: "What I learned about permits & leases.",
    });
    expect(JSON.stringify(posts)).not.toMatch(/<\w|javascript:/);
    expect((await new Client(harness.app).get(`/api/members/${ana.member.id}/posts`)).status).toBe(200);

    // Within the hour: no request at all. After it: a conditional request, answered 304, changes nothing.
    expect(await refreshFeed(harness.context, { feedId: feed.id, fetch: allowed() })).toBe("not_due");
    expect(server.requests).toHaveLength(1);
    now = new Date(now.getTime() + 61 * 60_000);
    expect(await refreshFeed(harness.context, { feedId: feed.id, fetch: allowed() })).toBe("not_modified");
    expect(server.requests[1]).toMatchObject({ status: 304, ifNoneMatch: expect.stringMatching(/^"/) });
    expect(server.requests[1]!.ifModifiedSince).toBeDefined();

    // A new post: the next due fetch stores it, and the profile lists it first.
    server.serve(
      "/rss2.xml",
      fixture("rss2.xml").replace(
        "<item>",
        "<item><title>Brand new</title><guid>ana-new</guid><pubDate>Fri, 20 Nov 2026 10:00:00 GMT</pubDate></item><item>",
      ),
    );
    now = new Date(now.getTime() + 61 * 60_000);
    expect(await refreshDueFeeds(harness.context, { fetch: allowed() })).toMatchObject({ updated: 1 });
    const after = await (await visitor.client.get(`/api/members/${ana.member.id}/posts`)).json();
    expect(after.posts[0].title).toBe("Brand new");
    expect(after.posts).toHaveLength(4);

    const mine = await (await ana.client.get("/api/me/feeds")).json();
    expect(mine.feeds).toEqual([
      expect.objectContaining({
        id: feed.id,
        title: "Ana & the Kitchen",
        lastError: null,
        fetchedAt: now.toISOString(),
      }),
    ]);
    expect((await visitor.client.request("DELETE", `/api/me/feeds/${feed.id}`)).status).toBe(404);
    expect((await ana.client.request("DELETE", `/api/me/feeds/${feed.id}`)).status).toBe(204);
    expect(await harness.context.db.select().from(feedPosts)).toHaveLength(0);
  });

  it("follows redirects up to 3, and records redirects, size, time, status and format failures on the feed", async () => {
    const ana = await createMember(harness, { name: "Ana" });
    const add = async (path: string) =>
      (await (await ana.client.post("/api/me/feeds", { url: server.url + path })).json()).id as number;
    const atom = await add("/redirect/3/atom.xml");
    const json = await add("/redirect/1/feed.json");
    expect(await refreshFeed(harness.context, { feedId: atom, fetch: allowed() })).toBe("updated");
    expect(await refreshFeed(harness.context, { feedId: json, fetch: allowed() })).toBe("updated");
    const titles = (await (await ana.client.get(`/api/members/${ana.member.id}/posts`)).json()).posts.map(
      (post: { title: string }) => post.title,
    );
    expect(titles).toEqual([
      "Fundraising in 2026",
      "Aerospace in Toulouse <3",
      "Second entry",
      "A post without a title, only text that goes on for a while.",
    ]);

    const failing = {
      "/redirect/4/atom.xml": /redirects/,
      "/oversized.xml": /over \d+ bytes/,
      "/slow.xml": /too long/,
      "/status/500": /answered 500/,
    };
    await harness.context.db.delete(memberFeeds);
    for (const [path, reason] of Object.entries(failing)) {
      const id = await add(path);
      expect(await refreshFeed(harness.context, { feedId: id, fetch: { ...allowed(), timeoutMs: 1000 } }), path).toBe(
        "failed",
      );
      const [row] = await harness.context.db.select().from(memberFeeds).where(eqId(id));
      expect(row!.lastError, path).toMatch(reason);
    }
    await harness.context.db.delete(memberFeeds);
    const malformed = await add("/malformed.xml");
    const bomb = await add("/entity-bomb.xml");
    const page = await add("/not-a-feed.html");
    expect(await refreshDueFeeds(harness.context, { fetch: allowed() })).toMatchObject({ failed: 3 });
    const rows = await harness.context.db.select().from(memberFeeds);
    expect(rows.map((row) => [row.id, row.lastError !== null])).toEqual(
      [malformed, bomb, page].map((id) => [id, true]),
    );
    expect(await harness.context.db.select().from(feedPosts)).toHaveLength(0);
  });

  it("reads a feed in the charset its XML declaration names", async () => {
    const ana = await createMember(harness, { name: "Ana" });
    const { id } = await (await ana.client.post("/api/me/feeds", { url: `${server.url}/latin1.xml` })).json();
    expect(await refreshFeed(harness.context, { feedId: id, fetch: allowed() })).toBe("updated");
    const { posts } = await (await ana.client.get(`/api/members/${ana.member.id}/posts`)).json();
    expect(posts).toEqual([
      expect.objectContaining({ title: "Réseau à l'aéroport", summary: "Déjà vu.", feedTitle: "Café de Toulouse" }),
    ]);
  });

  it("without the test's explicit allowance, a feed on 127.0.0.1 is refused and never contacted", async () => {
    const ana = await createMember(harness, { name: "Ana" });
    const { id } = await (await ana.client.post("/api/me/feeds", { url: `${server.url}/rss2.xml` })).json();
    expect(await refreshFeed(harness.context, { feedId: id })).toBe("failed");
    const mine = await (await ana.client.get("/api/me/feeds")).json();
    expect(mine.feeds[0].lastError).toMatch(/not allowed/);
    expect(server.requests).toHaveLength(0);
  });

  it("follows and unfollows a member's work; not oneself, not across a block; posts hidden across a block", async () => {
    const ana = await createMember(harness, { name: "Ana" });
    const bruno = await createMember(harness, { name: "Bruno" });
    const blocked = await createMember(harness, { name: "Blocked" });
    await harness.context.db.insert(blocks).values({ blockerId: ana.member.id, blockedId: blocked.member.id });

    expect((await new Client(harness.app).request("PUT", `/api/members/${ana.member.id}/follow`)).status).toBe(401);
    const followed = await bruno.client.request("PUT", `/api/members/${ana.member.id}/follow`);
    expect(followed.status).toBe(200);
    expect(await followed.json()).toEqual({ following: true, followers: 1 });
    expect(await (await bruno.client.request("PUT", `/api/members/${ana.member.id}/follow`)).json()).toEqual({
      following: true,
      followers: 1,
    });
    expect(await (await new Client(harness.app).get(`/api/members/${ana.member.id}/follow`)).json()).toEqual({
      following: false,
      followers: 1,
    });
    expect((await ana.client.request("PUT", `/api/members/${ana.member.id}/follow`)).status).toBe(404);
    expect((await blocked.client.request("PUT", `/api/members/${ana.member.id}/follow`)).status).toBe(404);
    expect((await blocked.client.get(`/api/members/${ana.member.id}/follow`)).status).toBe(404);
    expect((await blocked.client.get(`/api/members/${ana.member.id}/posts`)).status).toBe(404);
    expect((await bruno.client.request("PUT", `/api/members/999999/follow`)).status).toBe(404);

    const rows = await harness.context.db.select().from(follows);
    expect(rows.map((row) => [row.followerId, row.followeeId])).toEqual([[bruno.member.id, ana.member.id]]);
    const unfollowed = await bruno.client.request("DELETE", `/api/members/${ana.member.id}/follow`);
    expect(await unfollowed.json()).toEqual({ following: false, followers: 0 });
    expect(await harness.context.db.select().from(follows)).toHaveLength(0);
  });

  it("counts following a member's work as knowing it when picking the locals for their trip", async () => {
    const miami = await createCity(harness.context);
    const toulouse = await createCity(harness.context, { ...toulouseCity, locale: "en" });
    const traveller = await createMember(harness, { name: "Pierre", homeCityId: toulouse.id, sectors: ["fintech"] });
    const local = (name: string) =>
      createMember(harness, { name, homeCityId: miami.id, sectors: ["fintech"], gives: "intros to investors" });
    const reader = await local("Reader");
    const other = await local("Other");
    expect((await reader.client.request("PUT", `/api/members/${traveller.member.id}/follow`)).status).toBe(200);

    const announced = await traveller.client.post("/api/trips", {
      city: "miami",
      arrivalDate: "2026-12-01",
      departureDate: "2026-12-04",
      purpose: "professional",
      seeks: "investors",
    });
    expect(announced.status).toBe(201);
    const trip = await announced.json();
    await fanOutAlerts(harness.context, { tripId: trip.id, secret: testSecret });
    const rows = await harness.context.db.select().from(alerts);
    const reasonsOf = (memberId: number) =>
      (rows.find((row) => row.memberId === memberId)?.reasons ?? []) as { code: string }[];
    expect(reasonsOf(reader.member.id)).toContainEqual({ code: "follows_your_work" });
    expect(rows.some((row) => row.memberId === other.member.id)).toBe(true);
    expect(reasonsOf(other.member.id)).not.toContainEqual({ code: "follows_your_work" });
  });

  it("the production job path (no allowance) refuses a feed on 127.0.0.1 without contacting it", async () => {
    const ana = await createMember(harness, { name: "Ana" });
    const { id } = await (await ana.client.post("/api/me/feeds", { url: `${server.url}/rss2.xml` })).json();
    const jobs = feedJobs({ context: harness.context });
    await jobs.handlers["feeds.fetch"]!({ feedId: id });
    now = new Date(now.getTime() + 61 * 60_000);
    await jobs.handlers["feeds.refresh"]!({});
    expect(jobs.schedules).toEqual({ "feeds.refresh": "*/10 * * * *" });
    const [row] = await harness.context.db.select().from(memberFeeds);
    expect(row!.lastError).toMatch(/not allowed/);
    expect(row!.fetchedAt?.toISOString()).toBe(now.toISOString());
    expect(server.requests).toHaveLength(0);
  });

  it("publishes a city's upcoming public events as RSS, and nothing of members' or invite-only events", async () => {
    const city = await createCity(harness.context);
    const host = await createMember(harness, { name: "Host", homeCityId: city.id });
    const at = (days: number) => new Date(now.getTime() + days * 86_400_000);
    await harness.context.db.insert(events).values([
      {
        cityId: city.id,
        hostId: host.member.id,
        title: "Founders <breakfast> & coffee",
        description: "Open to all",
        startsAt: at(2),
        endsAt: at(2.1),
        capacity: 20,
        audience: "public",
      },
      {
        cityId: city.id,
        hostId: host.member.id,
        title: "Members dinner",
        startsAt: at(3),
        endsAt: at(3.1),
        capacity: 8,
        audience: "members",
      },
      {
        cityId: city.id,
        hostId: host.member.id,
        title: "Secret invite-only",
        startsAt: at(4),
        endsAt: at(4.1),
        capacity: 8,
        audience: "invite_only",
      },
      {
        cityId: city.id,
        hostId: host.member.id,
        title: "Past public event",
        startsAt: at(-3),
        endsAt: at(-2.9),
        capacity: 8,
        audience: "public",
      },
    ]);
    for (const client of [new Client(harness.app), host.client]) {
      const response = await client.get(`/api/cities/${city.slug}/events.rss`);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toMatch(/application\/rss\+xml/);
      const text = await response.text();
      expect(text).toContain("Founders &lt;breakfast&gt; &amp; coffee");
      expect(XMLValidator.validate(text)).toBe(true);
      const items = new XMLParser({ isArray: (name) => name === "item" }).parse(text).rss.channel.item;
      expect(items.map((item: { title: string }) => item.title)).toEqual(["Founders <breakfast> & coffee"]);
      expect(parseFeed(text).posts).toHaveLength(1);
      expect(text).not.toMatch(/Members dinner|Secret invite-only|Past public event/);
    }
    const ics = await new Client(harness.app).get(`/api/cities/${city.slug}/events.ics`);
    expect(ics.status).toBe(200);
    expect(await ics.text()).not.toMatch(/Members dinner|Secret invite-only/);
    expect((await new Client(harness.app).get(`/api/cities/nowhere/events.rss`)).status).toBe(404);
  });
});
