/** Settings through the HTTP app: blocked members (block from a profile, list, unblock), the analytics opt-out. */
import { and, eq } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import { blocks, members } from "../../src/db/schema/people";
import { describeOnDatabases } from "../support/databases";
import { createCity, createMember, type TestMember } from "../support/factories";
import { Client, createTestApp } from "../support/test-app";

describeOnDatabases("settings: blocks and privacy", (database) => {
  let harness: ReturnType<typeof createTestApp>;
  let me: TestMember;
  let pest: TestMember;

  beforeEach(async () => {
    await database().reset();
    harness = createTestApp(database().handle);
    const cityId = (await createCity(harness.context)).id;
    me = await createMember(harness, { name: "Me", homeCityId: cityId });
    pest = await createMember(harness, { name: "Pest", homeCityId: cityId });
  });

  it("blocks a member: both stop seeing each other; the block is listed and can be lifted", async () => {
    expect((await pest.client.get(`/api/members/${me.member.id}`)).status).toBe(200);
    expect((await me.client.post("/api/me/blocks", { memberId: pest.member.id })).status).toBe(201);
    expect((await me.client.post("/api/me/blocks", { memberId: pest.member.id })).status).toBe(201);
    const listed = (await (await me.client.get("/api/me/blocks")).json()) as {
      blocked: { memberId: number; name: string }[];
    };
    expect(listed.blocked).toEqual([expect.objectContaining({ memberId: pest.member.id, name: "Pest" })]);
    // Both ways, and the blocked member does not learn of it from their own list.
    expect((await pest.client.get(`/api/members/${me.member.id}`)).status).toBe(404);
    expect((await me.client.get(`/api/members/${pest.member.id}`)).status).toBe(404);
    expect(((await (await pest.client.get("/api/me/blocks")).json()) as { blocked: unknown[] }).blocked).toEqual([]);
    // Only the blocker lifts it.
    expect((await pest.client.request("DELETE", `/api/me/blocks/${me.member.id}`)).status).toBe(404);
    expect((await me.client.request("DELETE", `/api/me/blocks/${pest.member.id}`)).status).toBe(204);
    expect((await me.client.request("DELETE", `/api/me/blocks/${pest.member.id}`)).status).toBe(404);
    expect((await pest.client.get(`/api/members/${me.member.id}`)).status).toBe(200);
    const rows = await database()
      .handle.db.select()
      .from(blocks)
      .where(and(eq(blocks.blockerId, me.member.id), eq(blocks.blockedId, pest.member.id)));
    expect(rows).toHaveLength(0);
  });

  it("refuses blocking oneself, a missing member, and malformed input", async () => {
    const self = await me.client.post("/api/me/blocks", { memberId: me.member.id });
    expect(self.status).toBe(400);
    expect((await me.client.post("/api/me/blocks", { memberId: 999_999 })).status).toBe(404);
    const wrong = await me.client.post("/api/me/blocks", { memberId: "x" });
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as { error: { field: string } }).error.field).toBe("memberId");
    expect((await me.client.post("/api/me/blocks", { memberId: pest.member.id, extra: 1 })).status).toBe(400);
    expect(await database().handle.db.select().from(blocks)).toHaveLength(0);
    expect((await new Client(harness.app).post("/api/me/blocks", { memberId: pest.member.id })).status).toBe(401);
  });

  it("turns the analytics opt-out on and off", async () => {
    expect(await (await me.client.get("/api/me/privacy")).json()).toEqual({ analyticsOptOut: false });
    const on = await me.client.request("PUT", "/api/me/privacy", { analyticsOptOut: true });
    expect(await on.json()).toEqual({ analyticsOptOut: true });
    const [row] = await database().handle.db.select().from(members).where(eq(members.id, me.member.id));
    expect(row!.analyticsOptOut).toBe(true);
    expect((await me.client.request("PUT", "/api/me/privacy", { analyticsOptOut: "yes" })).status).toBe(400);
    expect(await (await me.client.request("PUT", "/api/me/privacy", { analyticsOptOut: false })).json()).toEqual({
      analyticsOptOut: false,
    });
    expect(await (await pest.client.get("/api/me/privacy")).json()).toEqual({ analyticsOptOut: false });
  });

  it("keeps the existing preferences API working beside them (language, email, audience, alert cap and pause)", async () => {
    const saved = await me.client.request("PUT", "/api/me/preferences", {
      locale: "fr",
      emailPreference: "digest",
      defaultTripAudience: "members",
      alertCapPerWeek: 7,
      alertsPaused: true,
    });
    expect(saved.status).toBe(200);
    expect(await (await me.client.get("/api/me/preferences")).json()).toMatchObject({
      locale: "fr",
      emailPreference: "digest",
      defaultTripAudience: "members",
      alertCapPerWeek: 7,
      alertsPaused: true,
    });
  });
});
