import { beforeEach, expect, it } from "vitest";
import { describeOnDatabases } from "../support/databases";
import { createCity, createMember, toulouseCity } from "../support/factories";
import { createTestApp } from "../support/test-app";

describeOnDatabases("test factories", (database) => {
  beforeEach(() => database().reset());

  it("create signed-in members of a city, verified or not", async () => {
    const harness = createTestApp(database().handle);
    const city = await createCity(harness.context, toulouseCity);
    const ana = await createMember(harness, { name: "Ana", homeCityId: city.id });
    const bob = await createMember(harness, { name: "Bob", emailVerified: false });
    expect(await (await ana.client.get("/api/me")).json()).toMatchObject({ name: "Ana", emailVerified: true });
    expect(await (await bob.client.get("/api/me")).json()).toMatchObject({ name: "Bob", emailVerified: false });
    expect(ana.member.homeCityId).toBe(city.id);
  });
});
