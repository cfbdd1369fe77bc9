/**
 * POST /api/offers/{id}/messages accepts an Idempotency-Key like the other create routes: the same key twice writes
 * one message (and one notification) and replays the first response; two racing requests with one key write one;
 * another key writes again; a malformed key is refused naming the header.
 */
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { beforeAll, beforeEach, expect, it } from "vitest";
import { offerMessages, offers } from "../../src/db/schema/arrivals";
import { idempotencyKeys, notifications } from "../../src/db/schema/system";
import { describeOnDatabases } from "../support/databases";
import { createCity, createMember, type TestMember, insertWeekTrip } from "../support/factories";
import { createTestApp, type Client } from "../support/test-app";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are compared whole
type Json = any;

describeOnDatabases("offer messages with an Idempotency-Key", (database) => {
  let harness: ReturnType<typeof createTestApp>;
  let traveller: TestMember;
  let local: TestMember;
  let offerId: number;
  const db = () => database().handle.db;
  const messageCount = () => db().$count(offerMessages, eq(offerMessages.offerId, offerId));
  const messageNotices = () =>
    db().$count(
      notifications,
      and(eq(notifications.memberId, traveller.member.id), eq(notifications.kind, "offer_message")),
    );

  beforeAll(async () => {
    await database().reset();
    harness = createTestApp(database().handle);
    harness.context.now = () => new Date("2030-03-04T12:00:00Z");
    const cityId = (await createCity(harness.context)).id;
    traveller = await createMember(harness, { name: "Pierre Martin" });
    local = await createMember(harness, { name: "Dana Local", homeCityId: cityId });
    const tripId = await insertWeekTrip(harness.context.db, {
      memberId: traveller.member.id,
      cityId,
      availability: { weekly: {} },
    });
    const created = await local.client.post(`/api/trips/${tripId}/offers`, {
      kind: "coffee",
      message: "Coffee?",
      slots: [{ startsAt: "2030-03-06T15:00:00Z", durationMinutes: 45 }],
      venue: { name: "Panther Coffee", address: "2390 NW 2nd Ave", lat: 25.8, lon: -80.19 },
    });
    expect(created.status).toBe(201);
    offerId = ((await created.json()) as Json).id;
  });
  beforeEach(async () => {
    await db().delete(offerMessages);
    await db().delete(notifications);
    await db().delete(idempotencyKeys);
  });

  const send = async (client: Client, body: object, key: string) => {
    const response = await client.request("POST", `/api/offers/${offerId}/messages`, body, { "idempotency-key": key });
    return {
      status: response.status,
      body: (await response.json()) as Json,
      replayed: response.headers.get("idempotent-replayed") === "true",
    };
  };

  it("the same key twice writes one message and one notification, and replays the first response", async () => {
    const key = randomUUID();
    const first = await send(local.client, { body: "See you at Panther!" }, key);
    const second = await send(local.client, { body: "See you at Panther!" }, key);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.replayed).toBe(false);
    expect(second).toEqual({ ...first, replayed: true });
    expect(await messageCount()).toBe(1);
    expect(await messageNotices()).toBe(1);

    const other = await send(local.client, { body: "See you at Panther!" }, randomUUID());
    expect(other.status).toBe(201);
    expect(other.body.id).not.toBe(first.body.id);
    expect(await messageCount()).toBe(2);
  });

  it("two requests racing with one key write one message, and both answer it", async () => {
    const key = randomUUID();
    const [a, b] = await Promise.all([
      send(local.client, { body: "On my way" }, key),
      send(local.client, { body: "On my way" }, key),
    ]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.id).toBe(b.body.id);
    expect([a.replayed, b.replayed].filter(Boolean)).toHaveLength(1);
    expect(await messageCount()).toBe(1);
  });

  it("without a key every request writes; a malformed key answers 400 naming the header and writes nothing", async () => {
    expect((await local.client.post(`/api/offers/${offerId}/messages`, { body: "One" })).status).toBe(201);
    expect((await local.client.post(`/api/offers/${offerId}/messages`, { body: "One" })).status).toBe(201);
    expect(await messageCount()).toBe(2);
    const bad = await local.client.request(
      "POST",
      `/api/offers/${offerId}/messages`,
      { body: "Two" },
      {
        "idempotency-key": "x".repeat(201),
      },
    );
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toMatch(/idempotency-key/i);
    expect(await messageCount()).toBe(2);
  });

  it("a refused message (a stranger's) saves no key, so nothing is replayed", async () => {
    const stranger = await createMember(harness, { name: "Stranger" });
    const key = randomUUID();
    expect((await send(stranger.client, { body: "Hi" }, key)).status).toBe(404);
    expect(await db().$count(idempotencyKeys)).toBe(0);
    expect(await db().$count(offers)).toBe(1);
  });
});
