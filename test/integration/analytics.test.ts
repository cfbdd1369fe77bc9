import { beforeAll, expect, it } from "vitest";
import { findCityReport } from "../../src/db/repositories/analytics.repository";
import { grantRole, insertMember } from "../../src/db/repositories/members.repository";
import { ties } from "../../src/db/schema/people";
import { runCityReportJob } from "../../src/app/analytics/run-city-report-job";
import { optedOutName } from "../../src/app/analytics/city-report-access";
import { analyticsJobs } from "../../src/jobs/analytics-jobs";
import { describeOnDatabases } from "../support/databases";
import { createCity, createMember, type TestMember } from "../support/factories";
import { Client, createTestApp } from "../support/test-app";

/** Light budgets: the privacy and cache rules do not depend on them. */
const quick = { report: { seed: 1, randomizations: 2 }, trendQuarters: 2 };

/**
 * A small clannish city: four clans of ten, joined only through two brokers, one of whom opted out of analytics.
 * Signed-in members: an organiser of the city, a plain member, an organiser of another city.
 */
describeOnDatabases("openness analytics: cache, endpoints and privacy", (database) => {
  let harness: ReturnType<typeof createTestApp>;
  let cityId: number;
  let organiser: TestMember;
  let member: TestMember;
  let otherOrganiser: TestMember;
  const gatekeeperName = "Gaston Gatekeeper";
  const hiddenName = "Hortense Hidden";
  const clanNames: string[] = [];

  beforeAll(async () => {
    await database().reset();
    harness = createTestApp(database().handle);
    const { context } = harness;
    const toulouse = await createCity(context, { slug: "toulouse", name: "Toulouse", country: "FR" });
    const miami = await createCity(context);
    cityId = toulouse.id;
    organiser = await createMember(harness, { name: "Olga Organiser", homeCityId: cityId });
    await grantRole(context.db, organiser.member.id, "organiser", cityId);
    member = await createMember(harness, { name: "Paul Plain", homeCityId: cityId });
    otherOrganiser = await createMember(harness, { name: "Mia Miami", homeCityId: miami.id });
    await grantRole(context.db, otherOrganiser.member.id, "organiser", miami.id);

    const clans: number[][] = [];
    for (let c = 0; c < 4; c++) {
      const ids: number[] = [];
      for (let i = 0; i < 10; i++) {
        const name = `Clan${c} Member${i}`;
        clanNames.push(name);
        ids.push((await insertMember(context.db, { name, homeCityId: cityId, origin: i % 2 ? "expat" : "local" })).id);
      }
      clans.push(ids);
    }
    const broker = await insertMember(context.db, { name: gatekeeperName, homeCityId: cityId });
    const hidden = await insertMember(context.db, { name: hiddenName, homeCityId: cityId, analyticsOptOut: true });
    const pairs: [number, number][] = [[broker.id, hidden.id]];
    for (const clan of clans)
      for (let i = 0; i < clan.length; i++)
        for (let j = i + 1; j < clan.length; j++) pairs.push([clan[i] as number, clan[j] as number]);
    for (const [c, brokerId] of [
      [0, broker.id],
      [1, broker.id],
      [2, hidden.id],
      [3, hidden.id],
    ] as const)
      for (const memberId of (clans[c] as number[]).slice(0, 3)) pairs.push([brokerId, memberId]);
    await context.db.insert(ties).values(
      pairs.map(([x, y]) => ({
        aId: Math.min(x, y),
        bId: Math.max(x, y),
        strength: 1,
        firstMetOn: "2026-01-15",
        lastMetOn: "2026-03-01",
      })),
    );
  });

  it("answers 'being computed' and queues the report when nothing is cached; 404 for an unknown city", async () => {
    const anonymous = new Client(harness.app);
    const response = await anonymous.get("/api/cities/toulouse/report");
    expect(response.status).toBe(202);
    expect(response.headers.get("retry-after")).toBe("10");
    expect(await response.json()).toMatchObject({ status: "computing", city: { slug: "toulouse" } });
    expect(harness.jobs).toContainEqual({ name: "analytics.refresh", data: expect.objectContaining({ cityId }) });
    expect((await anonymous.get("/api/cities/toulouse/network")).status).toBe(202);
    for (const path of ["/api/cities/atlantis/report", "/api/cities/atlantis/network"])
      expect((await anonymous.get(path)).status).toBe(404);
    expect((await organiser.client.post("/api/cities/atlantis/report/refresh")).status).toBe(404);
    expect((await anonymous.get("/api/cities/Not_A_Slug/report")).status).toBe(400);
    const openapi = await (await anonymous.get("/api/openapi.json")).json();
    expect(Object.keys(openapi.paths)).toEqual(
      expect.arrayContaining([
        "/api/cities/{slug}/report",
        "/api/cities/{slug}/network",
        "/api/cities/{slug}/report/refresh",
      ]),
    );
  });

  it("a worker that fails fails the job cleanly: nothing is cached and the process carries on", async () => {
    // A heap too small to even load the report's code: the worker dies of it, as it would on a city too big for it.
    const { handlers } = analyticsJobs(
      { context: harness.context },
      { ...quick, worker: { resourceLimits: { maxOldGenerationSizeMb: 4 } } },
    );
    await expect(handlers["analytics.refresh"]?.({ cityId, requestedAt: 0 })).rejects.toThrow(
      /city report worker failed: .*memory/,
    );
    expect(await findCityReport(harness.context.db, cityId)).toBeUndefined();
    expect((await new Client(harness.app).get("/api/cities/toulouse/report")).status).toBe(202);
  });

  it("the refresh job writes the cache, the endpoint serves it, and a debounced duplicate does nothing", async () => {
    const { handlers } = analyticsJobs({ context: harness.context }, quick);
    const requestedAt = harness.context.now().getTime();
    await handlers["analytics.refresh"]?.({ cityId, requestedAt });
    const cached = await findCityReport(harness.context.db, cityId);
    expect(cached?.computedAt.getTime()).toBeGreaterThanOrEqual(requestedAt);
    expect(await runCityReportJob(harness.context, { cityId, requestedAt }, quick)).toBe("up-to-date");
    // The cache carries every member's community for the alert fan-out (Int32Array membership → id → index).
    const communityOf = (cached?.report as { communityOf: Record<string, number> }).communityOf;
    const memberCount = (cached?.report as { counts: { members: number } }).counts.members;
    expect(Object.keys(communityOf)).toHaveLength(memberCount);
    const communityCount = (cached?.report as { communities: { count: number } }).communities.count;
    for (const community of Object.values(communityOf)) {
      expect(Number.isInteger(community)).toBe(true);
      expect(community).toBeGreaterThanOrEqual(0);
      expect(community).toBeLessThan(communityCount);
    }

    const response = await new Client(harness.app).get("/api/cities/toulouse/report");
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ status: "ready", audience: "public", counts: { members: 44 }, gatekeepers: null });
    expect(body.computedAt).toBe(cached?.computedAt.toISOString());
    expect(body.openness.status).toBe("ok");
    expect(body.communities.count).toBeGreaterThanOrEqual(4);
    expect(body.trend).toHaveLength(2);
    expect(body.bridges.length).toBeGreaterThan(0);
    expect(body.bridges.every((bridge: { between: unknown }) => bridge.between === null)).toBe(true);
  });

  it("names individuals only to the city's organisers, and never a member who opted out", async () => {
    const everyName = [gatekeeperName, hiddenName, ...clanNames];
    for (const client of [new Client(harness.app), member.client, otherOrganiser.client]) {
      for (const path of ["/api/cities/toulouse/report", "/api/cities/toulouse/network"]) {
        const response = await client.get(path);
        expect(response.status).toBe(200);
        const text = await response.text();
        expect(JSON.parse(text).audience).toBe("public");
        for (const name of everyName) expect(text).not.toContain(name);
        expect(text).not.toContain('"memberId"');
        expect(text).not.toContain("communityOf");
      }
    }

    const report = await organiser.client.get("/api/cities/toulouse/report");
    const reportText = await report.text();
    const body = JSON.parse(reportText);
    expect(body.audience).toBe("organiser");
    expect(reportText).not.toContain(hiddenName);
    // Who is in which community stays in the cache, even for organisers.
    expect(reportText).not.toContain("communityOf");
    const names = body.gatekeepers.map((gatekeeper: { member: { name: string } }) => gatekeeper.member.name);
    expect(names.slice(0, 2)).toEqual(expect.arrayContaining([gatekeeperName, optedOutName]));
    const hidden = body.gatekeepers.find((gatekeeper: { member: { optedOut: boolean } }) => gatekeeper.member.optedOut);
    expect(hidden.member).toEqual({ memberId: null, name: optedOutName, optedOut: true });
    expect(body.bridges[0].between).toHaveLength(2);

    const network = await organiser.client.get("/api/cities/toulouse/network");
    const networkText = await network.text();
    const graph = JSON.parse(networkText);
    expect(networkText).not.toContain(hiddenName);
    expect(networkText).not.toContain("communityOf");
    expect(graph).toMatchObject({ audience: "organiser", totalMembers: 44, sampling: null });
    expect(graph.nodes).toHaveLength(44);
    expect(graph.edges.length).toBe(graph.totalTies);
    const gaston = graph.nodes.find((node: { member: { name: string } }) => node.member.name === gatekeeperName);
    expect(gaston).toMatchObject({ isGatekeeper: true });
    expect(graph.nodes.filter((node: { member: { optedOut: boolean } }) => node.member.optedOut)).toHaveLength(1);
    expect(graph.communityLinks.reduce((sum: number, link: { ties: number }) => sum + link.ties, 0)).toBe(
      graph.totalTies,
    );
  });

  it("lets only the city's organisers queue a refresh", async () => {
    expect((await new Client(harness.app).post("/api/cities/toulouse/report/refresh")).status).toBe(401);
    expect((await member.client.post("/api/cities/toulouse/report/refresh")).status).toBe(403);
    expect((await otherOrganiser.client.post("/api/cities/toulouse/report/refresh")).status).toBe(403);
    harness.jobs.length = 0;
    const response = await organiser.client.post("/api/cities/toulouse/report/refresh");
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ queued: true, city: { slug: "toulouse", name: "Toulouse" } });
    expect(harness.jobs).toEqual([{ name: "analytics.refresh", data: expect.objectContaining({ cityId }) }]);
  });
});
