/**
 * Every create route of events, introductions and the give ledger accepts an Idempotency-Key: the same key twice
 * creates one row and replays the first response (marked Idempotent-Replayed), two racing requests with one key
 * create one row, and another key creates again.
 */
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import { meetingFeedback, meetings } from "../../src/db/schema/arrivals";
import { events, gifts, introductionMessages, introductions, invitations, rsvps } from "../../src/db/schema/gatherings";
import { idempotencyKeys } from "../../src/db/schema/system";
import { describeOnDatabases } from "../support/databases";
import { createCity, createMember, type TestMember } from "../support/factories";
import { createTestApp, type Client } from "../support/test-app";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are compared whole
type Json = any;

describeOnDatabases("idempotent creates", (database) => {
  let harness: ReturnType<typeof createTestApp>;
  let cityId: number;
  let host: TestMember;
  let guest: TestMember;
  let third: TestMember;
  const db = () => database().handle.db;
  const count = (table: Parameters<ReturnType<typeof db>["$count"]>[0]) => db().$count(table);

  beforeEach(async () => {
    await database().reset();
    harness = createTestApp(database().handle);
    harness.context.now = () => new Date("2027-02-10T12:00:00Z");
    cityId = (await createCity(harness.context)).id;
    [host, guest, third] = (await Promise.all(
      ["Host", "Guest", "Third"].map((name) => createMember(harness, { name, homeCityId: cityId })),
    )) as [TestMember, TestMember, TestMember];
  });

  const send = async (client: Client, path: string, body: object, key: string) => {
    const response = await client.request("POST", path, body, { "idempotency-key": key });
    return {
      status: response.status,
      body: (await response.json()) as Json,
      replayed: response.headers.get("idempotent-replayed") === "true",
    };
  };
  /** Sends one request twice with one key: the second replays the first. */
  const twice = async (client: Client, path: string, body: object = {}) => {
    const key = randomUUID();
    const first = await send(client, path, body, key);
    const second = await send(client, path, body, key);
    expect(first.status, JSON.stringify(first.body)).toBeLessThan(300);
    expect(first.replayed).toBe(false);
    expect(second).toEqual({ ...first, replayed: true });
    return first.body;
  };
  const evening = { startsAt: "2027-02-20T23:00:00Z", endsAt: "2027-02-21T01:00:00Z" };
  const createEventBody = (title = "Founders' drinks") => ({ cityId, title, ...evening, capacity: 2 });

  it("events, RSVPs and invitations: one row per key, the first response replayed", async () => {
    const event = await twice(host.client, "/api/events", createEventBody());
    expect(await count(events)).toBe(1);

    await twice(host.client, `/api/events/${event.id}/invitations`, { memberId: third.member.id });
    expect(await count(invitations)).toBe(1);

    const going = await twice(guest.client, `/api/events/${event.id}/rsvp`, { status: "going" });
    expect(going).toMatchObject({ status: "going" });
    expect(await count(rsvps)).toBe(1);
    const [seats] = await db().select({ seatsTaken: events.seatsTaken }).from(events);
    expect(seats?.seatsTaken).toBe(1);

    // Another key is another request.
    const again = await send(host.client, "/api/events", createEventBody("Second drinks"), randomUUID());
    expect(again.status).toBe(201);
    expect(again.body.id).not.toBe(event.id);
    expect(await count(events)).toBe(2);
  });

  it("two requests racing with one key create one event, and both answer it", async () => {
    const key = randomUUID();
    const [a, b] = await Promise.all([
      send(host.client, "/api/events", createEventBody(), key),
      send(host.client, "/api/events", createEventBody(), key),
    ]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.id).toBe(b.body.id);
    expect([a.replayed, b.replayed].filter(Boolean)).toHaveLength(1);
    expect(await count(events)).toBe(1);
    expect(await count(idempotencyKeys)).toBe(1);
  });

  it("a key is the member's own: the same key from another member creates their own row", async () => {
    const key = randomUUID();
    const mine = await send(host.client, "/api/events", createEventBody(), key);
    const theirs = await send(guest.client, "/api/events", createEventBody(), key);
    expect(theirs.replayed).toBe(false);
    expect(theirs.body.id).not.toBe(mine.body.id);
    expect(theirs.body.host.memberId).toBe(guest.member.id);
  });

  it("a malformed key answers 400 naming the header, and creates nothing", async () => {
    const response = await host.client.request("POST", "/api/events", createEventBody(), {
      "idempotency-key": "x".repeat(201),
    });
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toMatch(/idempotency-key/i);
    expect(await count(events)).toBe(0);
  });

  it("introductions and their messages: one row per key", async () => {
    const intro = await twice(host.client, "/api/introductions", {
      firstId: guest.member.id,
      secondId: third.member.id,
      reason: "Both of you work on climate tech",
    });
    expect(await count(introductions)).toBe(1);
    for (const member of [guest, third])
      await member.client.post(`/api/introductions/${intro.id}/answer`, { answer: "accepted" });
    const thread = await twice(guest.client, `/api/introductions/${intro.id}/messages`, { body: "Coffee next week?" });
    expect(thread.messages).toHaveLength(1);
    expect(await count(introductionMessages)).toBe(1);
  });

  it("meeting confirmations, feedback and thanks: one gift, one feedback, the first response replayed", async () => {
    const [met] = await db()
      .insert(meetings)
      .values({
        cityId,
        hostId: host.member.id,
        guestId: guest.member.id,
        kind: "coffee",
        startsAt: new Date("2027-02-09T15:00:00Z"),
        endsAt: new Date("2027-02-09T16:00:00Z"),
      })
      .returning();
    await twice(host.client, `/api/meetings/${met!.id}/confirm`);
    const held = await twice(guest.client, `/api/meetings/${met!.id}/confirm`);
    expect(held).toMatchObject({ status: "held" });
    expect(await count(gifts)).toBe(1);

    await twice(guest.client, `/api/meetings/${met!.id}/feedback`, { useful: true, thanks: "Thank you!" });
    expect(await db().select().from(meetingFeedback).where(eq(meetingFeedback.meetingId, met!.id))).toHaveLength(1);

    const [gift] = await db().select().from(gifts);
    const thanked = await twice(guest.client, `/api/gifts/${gift!.id}/thanks`, { thanks: "Merci encore" });
    expect(thanked).toEqual({ giftId: gift!.id, thanks: "Merci encore" });
    expect(await count(gifts)).toBe(1);
  });
});
