/** The admins' API: add cities, grant and revoke roles (a city's moderator gets that city's queue); 404 to others. */
import { beforeEach, expect, it } from "vitest";
import { grantRole } from "../../src/db/repositories/members.repository";
import { describeOnDatabases } from "../support/databases";
import { createCity, createMember, type TestMember } from "../support/factories";
import { Client, createTestApp } from "../support/test-app";

describeOnDatabases("admin: cities and roles", (database) => {
  let harness: ReturnType<typeof createTestApp>;
  let admin: TestMember;
  let member: TestMember;

  beforeEach(async () => {
    await database().reset();
    harness = createTestApp(database().handle);
    await createCity(harness.context);
    admin = await createMember(harness, { name: "Ada Admin" });
    member = await createMember(harness, { name: "Mo", email: "mo@example.test" });
    await grantRole(harness.context.db, admin.member.id, "admin", null);
  });

  const city = { slug: "lyon", name: "Lyon", country: "FR", timeZone: "Europe/Paris", locale: "fr" };

  it("adds a city after checking every field, and only for admins", async () => {
    const badZone = await admin.client.post("/api/admin/cities", { ...city, timeZone: "Europe/Lyon" });
    expect(badZone.status).toBe(400);
    expect(((await badZone.json()) as { error: { field: string } }).error.field).toBe("timeZone");
    const badSlug = await admin.client.post("/api/admin/cities", { ...city, slug: "Lyon City" });
    expect(((await badSlug.json()) as { error: { field: string } }).error.field).toBe("slug");
    expect((await member.client.post("/api/admin/cities", city)).status).toBe(404);
    expect((await new Client(harness.app).post("/api/admin/cities", city)).status).toBe(401);
    const slugs = async () =>
      ((await (await member.client.get("/api/cities")).json()) as { cities: { slug: string }[] }).cities.map(
        (item) => item.slug,
      );
    expect(await slugs()).toEqual(["miami"]);
    const created = await admin.client.post("/api/admin/cities", { ...city, nameFr: "Lyon" });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ slug: "lyon", timeZone: "Europe/Paris", locale: "fr" });
    expect((await slugs()).sort()).toEqual(["lyon", "miami"]);
  });

  it("grants a city's moderator role by email, which opens that city's queue, and revokes it", async () => {
    expect((await member.client.get("/api/moderation/reports")).status).toBe(404);
    expect((await member.client.get("/api/admin/roles")).status).toBe(404);
    const organiserWithoutCity = await admin.client.post("/api/admin/roles", {
      member: "mo@example.test",
      role: "organiser",
    });
    expect(organiserWithoutCity.status).toBe(400);
    expect(
      (await admin.client.post("/api/admin/roles", { member: "nobody@example.test", role: "moderator" })).status,
    ).toBe(404);
    const granted = await admin.client.post("/api/admin/roles", {
      member: "mo@example.test",
      role: "moderator",
      citySlug: "miami",
    });
    expect(granted.status).toBe(201);
    expect(await granted.json()).toEqual({ memberName: "Mo" });
    expect((await member.client.get("/api/moderation/reports")).status).toBe(200);
    const roles = (await (await admin.client.get("/api/admin/roles")).json()) as {
      grants: { memberId: number; role: string; citySlug: string | null }[];
    };
    expect(roles.grants).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ memberId: admin.member.id, role: "admin", citySlug: null }),
        expect.objectContaining({ memberId: member.member.id, role: "moderator", citySlug: "miami" }),
      ]),
    );
    const revoked = await admin.client.post("/api/admin/roles/revoke", {
      member: String(member.member.id),
      role: "moderator",
      citySlug: "miami",
    });
    expect(await revoked.json()).toEqual({ memberName: "Mo", revoked: true });
    expect((await member.client.get("/api/moderation/reports")).status).toBe(404);
    expect((await member.client.post("/api/admin/roles", { member: "mo@example.test", role: "admin" })).status).toBe(
      404,
    );
  });
});
