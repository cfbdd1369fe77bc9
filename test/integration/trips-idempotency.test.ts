/** `POST /api/trips` with an Idempotency-Key: a retry replays the first response and stores no second trip. */
import { beforeEach, expect, it } from "vitest";
import { trips } from "../../src/db/schema/arrivals";
import { idempotencyKeys } from "../../src/db/schema/system";
import { describeOnDatabases } from "../support/databases";
import { createCity, createMember } from "../support/factories";
import { createTestApp } from "../support/test-app";

const now = new Date("2026-11-26T12:00:00Z");
const announceBody = {
  city: "miami",
  arrivalDate: "2026-12-01",
  departureDate: "2026-12-04",
  seeks: "investors in social internet",
};

describeOnDatabases("trips: Idempotency-Key", (database) => {
  let harness: ReturnType<typeof createTestApp>;
  let pierre: Awaited<ReturnType<typeof createMember>>;
  const announce = (client = pierre.client, key?: string, body: object = announceBody) =>
    client.request("POST", "/api/trips", body, key === undefined ? {} : { "Idempotency-Key": key });
  const tripCount = async () => (await harness.context.db.select().from(trips)).length;
  const fanOuts = () => harness.jobs.filter((job) => job.name === "alerts.fanout").length;

  beforeEach(async () => {
    await database().reset();
    harness = createTestApp(database().handle);
    harness.context.now = () => now;
    await createCity(harness.context);
    pierre = await createMember(harness, { name: "Pierre" });
  });

  it("replays the first response for the same key and member, with no second trip and no second fan-out", async () => {
    const first = await announce(pierre.client, "trip-7f3a");
    expect(first.status).toBe(201);
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    const firstBody = await first.json();

    // A later retry, even after the clock moved and with a changed body, replays the first response.
    harness.context.now = () => new Date(now.getTime() + 60_000);
    const retry = await announce(pierre.client, "trip-7f3a", { ...announceBody, seeks: "something else" });
    expect(retry.status).toBe(201);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(await retry.json()).toEqual(firstBody);
    expect(await tripCount()).toBe(1);
    expect(fanOuts()).toBe(1);
  });

  it("creates separate trips for different keys, for no key, and for another member's same key", async () => {
    const ana = await createMember(harness, { name: "Ana" });
    const a = (await (await announce(pierre.client, "k1")).json()) as { id: number };
    const b = (await (await announce(pierre.client, "k2")).json()) as { id: number };
    const c = (await (await announce(pierre.client)).json()) as { id: number };
    const d = await announce(ana.client, "k1");
    expect(d.status).toBe(201);
    expect(d.headers.get("idempotent-replayed")).toBeNull();
    const dBody = (await d.json()) as { id: number; traveller: { name: string } };
    expect(dBody.traveller.name).toBe("Ana");
    expect(new Set([a.id, b.id, c.id, dBody.id]).size).toBe(4);
    expect(await tripCount()).toBe(4);
  });

  it("answers two concurrent requests with one key with one trip", async () => {
    const [first, second] = await Promise.all([announce(pierre.client, "race"), announce(pierre.client, "race")]);
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(await second.json()).toEqual(await first.json());
    expect(await tripCount()).toBe(1);
  });

  it("rejects a malformed key with a 400 naming the header, and stores nothing", async () => {
    for (const key of ["", "a".repeat(201), "has space", "clé", "tab\tinside"]) {
      const response = await announce(pierre.client, key);
      expect(response.status, JSON.stringify(key)).toBe(400);
      const body = (await response.json()) as { error: { code: string; field?: string; message: string } };
      expect(body.error.code).toBe("validation_failed");
      expect(body.error.field?.toLowerCase()).toBe("idempotency-key");
    }
    expect((await announce(pierre.client, "a".repeat(200))).status).toBe(201);
    expect(await tripCount()).toBe(1);
    expect(await harness.context.db.select().from(idempotencyKeys)).toHaveLength(1);
  });

  it("documents the header in the OpenAPI document", async () => {
    const response = await harness.app.request("/api/openapi.json");
    expect(response.status).toBe(200);
    const openapi = (await response.json()) as {
      paths: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>>;
    };
    for (const [path, method] of [
      ["/api/trips", "post"],
      ["/api/trips/{id}/offers", "post"],
    ] as const)
      expect(openapi.paths[path]?.[method]?.parameters).toContainEqual(
        expect.objectContaining({ name: "idempotency-key", in: "header" }),
      );
  });

  it("stores no key when the trip is invalid, so a corrected retry with the same key creates it", async () => {
    const bad = await announce(pierre.client, "fix-me", { ...announceBody, city: "atlantis" });
    expect(bad.status).toBe(400);
    expect(await harness.context.db.select().from(idempotencyKeys)).toHaveLength(0);
    const good = await announce(pierre.client, "fix-me");
    expect(good.status).toBe(201);
    expect(await tripCount()).toBe(1);
  });
});
