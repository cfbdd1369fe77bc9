import { beforeAll, expect, it } from "vitest";
import { insertMember } from "../../src/db/repositories/members.repository";
import { trips } from "../../src/db/schema/arrivals";
import { blocks } from "../../src/db/schema/people";
import { describeOnDatabases } from "../support/databases";
import { createCity, createMember, toulouseCity, type TestMember } from "../support/factories";
import { Client, createTestApp } from "../support/test-app";

interface Page {
  members: { id: number; name: string }[];
  nextCursor: string | null;
}

describeOnDatabases("directory", (database) => {
  let harness: ReturnType<typeof createTestApp>;
  let viewer: TestMember;
  let blocked: TestMember;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    await database().reset();
    harness = createTestApp(database().handle);
    const miami = await createCity(harness.context);
    const toulouse = await createCity(harness.context, toulouseCity as never);
    const add = async (name: string, fields: Parameters<typeof insertMember>[1] | object = {}) => {
      ids[name] = (await insertMember(harness.context.db, { name, homeCityId: miami.id, ...fields })).id;
    };
    await add("Ximena Okonkwo", {
      headline: "Fintech founder",
      bio: "Building payments rails; happy to meet investors",
      sectors: ["fintech"],
      tags: ["fundraising", "payments"],
    });
    await add("Camille Durand", {
      headline: "Développeuse aéronautique",
      bio: "Je cherche des investisseurs pour ma jeune pousse",
      sectors: ["aerospace"],
      tags: ["hiring"],
      locale: "fr",
    });
    await add("John Smith", { headline: "Climate investor", sectors: ["climate"], tags: ["fundraising"] });
    await add("Sam Hidden", { headline: "Fintech investor", sectors: ["fintech"], suspendedAt: new Date() });
    await add("Riley Blocker", { headline: "Fintech investor", sectors: ["fintech"] });
    await add("Okonkwo Elsewhere", { homeCityId: toulouse.id, headline: "Fintech investor" });
    viewer = await createMember(harness, { name: "Viewer Person", homeCityId: miami.id });
    blocked = await createMember(harness, {
      name: "Blake Blocked",
      homeCityId: miami.id,
      headline: "Fintech investor",
    });
    await harness.context.db.insert(blocks).values([
      { blockerId: viewer.member.id, blockedId: blocked.member.id },
      { blockerId: ids["Riley Blocker"] ?? 0, blockedId: viewer.member.id },
    ]);
    await harness.context.db.insert(trips).values({
      memberId: ids["Ximena Okonkwo"] ?? 0,
      cityId: toulouse.id,
      arrivalDate: "2030-05-06",
      departureDate: "2030-05-08",
      seeks: "secret trip",
      availability: { weekly: {} },
      visibleUntil: new Date("2030-05-09T00:00:00Z"),
    });
  });

  const search = async (query: string, client: Client = viewer.client): Promise<Page> => {
    const response = await client.get(`/api/directory?city=miami&${query}`);
    expect(response.status, await response.clone().text()).toBe(200);
    return (await response.json()) as Page;
  };
  const names = (page: Page) => page.members.map((member) => member.name);

  it("finds a name despite a typo (trigram), best match first", async () => {
    const page = await search("q=Okonkow");
    expect(names(page)[0]).toBe("Ximena Okonkwo");
    expect(names(page)).not.toContain("Okonkwo Elsewhere");
  });

  it("finds French and English words through their stems", async () => {
    expect(names(await search("q=investisseur"))).toEqual(["Camille Durand"]);
    expect(names(await search(`q=${encodeURIComponent("aéronautique")}`))).toEqual(["Camille Durand"]);
    expect(names(await search("q=investors")).sort()).toEqual(["John Smith", "Ximena Okonkwo"]);
  });

  it("filters by sector and tag, hiding suspended members and blocked pairs both ways", async () => {
    expect(names(await search("sector=fintech"))).toEqual(["Ximena Okonkwo"]);
    expect(names(await search("tag=fundraising")).sort()).toEqual(["John Smith", "Ximena Okonkwo"]);
    const everyone = names(await search("limit=50"));
    expect(everyone).not.toContain("Sam Hidden");
    expect(everyone).not.toContain("Blake Blocked");
    expect(everyone).not.toContain("Riley Blocker");
    expect(names(await search("limit=50", blocked.client))).not.toContain("Viewer Person");
    expect(names(await search("q=Viewer", blocked.client))).toEqual([]);
  });

  it("pages with an opaque cursor and never reveals trips or dates", async () => {
    const first = await search("limit=2");
    expect(first.members).toHaveLength(2);
    expect(first.nextCursor).not.toBeNull();
    const second = await search(`limit=2&cursor=${first.nextCursor}`);
    expect(second.nextCursor).toBeNull();
    expect([...names(first), ...names(second)]).toEqual([
      "Camille Durand",
      "John Smith",
      "Viewer Person",
      "Ximena Okonkwo",
    ]);
    const text = JSON.stringify([first, second]);
    expect(text).not.toMatch(/2030|secret trip|arriv/i);
    const bad = await viewer.client.get("/api/directory?city=miami&cursor=nope");
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { field: "cursor" } });
  });

  it("answers 404 for an unknown city, 400 for an unknown parameter and 401 when signed out", async () => {
    expect((await viewer.client.get("/api/directory?city=atlantis")).status).toBe(404);
    const unknown = await viewer.client.get("/api/directory?city=miami&age=3");
    expect(unknown.status).toBe(400);
    expect((await new Client(harness.app).get("/api/directory?city=miami")).status).toBe(401);
  });
});
