import { beforeEach, expect, it } from "vitest";
import { gifts } from "../../src/db/schema/gatherings";
import { blocks } from "../../src/db/schema/people";
import { describeOnDatabases } from "../support/databases";
import { createCity, createMember } from "../support/factories";
import { Client, createTestApp } from "../support/test-app";

describeOnDatabases("member profiles", (database) => {
  let harness: ReturnType<typeof createTestApp>;
  beforeEach(async () => {
    await database().reset();
    harness = createTestApp(database().handle);
  });

  it("reads and updates one's own profile, refusing unknown fields and naming the wrong one", async () => {
    const city = await createCity(harness.context);
    const { client, member } = await createMember(harness, { name: "Ana Lopez" });

    const initial = await client.get("/api/me/profile");
    expect(initial.status).toBe(200);
    expect(await initial.json()).toMatchObject({ memberId: member.id, name: "Ana Lopez", isComplete: false });

    const updated = await client.request("PUT", "/api/me/profile", {
      headline: "Founder of a food start-up",
      sectors: ["food", "food", "retail"],
      gives: "Advice on opening a restaurant",
      seeks: "Investors in Miami",
      languages: ["en", "es"],
      links: [{ label: "Blog", url: "https://example.test/blog" }],
      careerStage: "first_time_founder",
      homeCityId: city.id,
      locale: "fr",
    });
    expect(updated.status).toBe(200);
    expect(await updated.json()).toMatchObject({
      headline: "Founder of a food start-up",
      sectors: ["food", "retail"],
      homeCityId: city.id,
      locale: "fr",
      isComplete: true,
    });

    const unknown = await client.request("PUT", "/api/me/profile", { headline: "x", password: "nope" });
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).error.code).toBe("validation_failed");

    const badLink = await client.request("PUT", "/api/me/profile", {
      links: [{ label: "Site", url: "javascript:alert(1)" }],
    });
    expect(badLink.status).toBe(400);
    expect((await badLink.json()).error.field).toBe("links.0.url");

    const badCity = await client.request("PUT", "/api/me/profile", { currentCityId: 999_999 });
    expect(badCity.status).toBe(400);
    expect((await badCity.json()).error.field).toBe("currentCityId");

    const anonymous = new Client(harness.app);
    expect((await anonymous.get("/api/me/profile")).status).toBe(401);
    expect((await anonymous.request("PUT", "/api/me/profile", { headline: "x" })).status).toBe(401);
  });

  it("shows a public profile with the giving record and thanks, and hides it across a block", async () => {
    const city = await createCity(harness.context);
    const giver = await createMember(harness, { name: "Giver", gives: "Intros to chefs", homeCityId: city.id });
    const receiver = await createMember(harness, { name: "Receiver" });
    const stranger = await createMember(harness, { name: "Stranger" });
    await harness.context.db.insert(gifts).values([
      {
        giverId: giver.member.id,
        receiverId: receiver.member.id,
        kind: "meeting",
        occurredOn: "2026-10-01",
        thanks: "So useful, thank you!",
      },
      { giverId: giver.member.id, receiverId: stranger.member.id, kind: "introduction", occurredOn: "2026-10-02" },
      { giverId: receiver.member.id, receiverId: giver.member.id, kind: "advice", occurredOn: "2026-10-03" },
    ]);

    const seen = await stranger.client.get(`/api/members/${giver.member.id}`);
    expect(seen.status).toBe(200);
    const body = await seen.json();
    expect(body).toMatchObject({ name: "Giver", gives: "Intros to chefs", homeCity: { slug: "miami" } });
    expect(body.giving).toMatchObject({ given: 2, received: 1 });
    expect(body.giving.thanks).toEqual([
      {
        fromMemberId: receiver.member.id,
        fromName: "Receiver",
        text: "So useful, thank you!",
        occurredOn: "2026-10-01",
      },
    ]);
    expect(body).not.toHaveProperty("email");

    expect((await new Client(harness.app).get(`/api/members/${giver.member.id}`)).status).toBe(200);

    await harness.context.db.insert(blocks).values({ blockerId: giver.member.id, blockedId: stranger.member.id });
    expect((await stranger.client.get(`/api/members/${giver.member.id}`)).status).toBe(404);
    expect((await giver.client.get(`/api/members/${stranger.member.id}`)).status).toBe(404);
    expect((await stranger.client.get(`/api/members/999999`)).status).toBe(404);
    expect((await stranger.client.get(`/api/members/abc`)).status).toBe(400);
  });
});
