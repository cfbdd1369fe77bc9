import { and, eq } from "drizzle-orm";
import { beforeAll, beforeEach, expect, it } from "vitest";
import type { trips } from "../../src/db/schema/arrivals";
import { meetings, offers } from "../../src/db/schema/arrivals";
import { blocks, follows } from "../../src/db/schema/people";
import { emailOutbox, notifications } from "../../src/db/schema/system";
import { describeOnDatabases } from "../support/databases";
import { createCity, createMember, type TestMember, insertWeekTrip } from "../support/factories";
import { createTestApp, type Client } from "../support/test-app";

// Monday 4 March 2030, noon UTC; the trip is Wednesday 6 to Friday 8 March in Miami (UTC−5).
const fixedNow = new Date("2030-03-04T12:00:00Z");
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked field by field
type Json = any;
const at = (iso: string) => new Date(iso).toISOString();

describeOnDatabases("offers", (database) => {
  let harness: ReturnType<typeof createTestApp>;
  let cityId: number;
  let traveller: TestMember;
  let local: TestMember;
  let tripId: number;

  /** A week trip to Miami that sets no availability (the offers' own checks, not the agenda's, are under test). */
  const insertTrip = (memberId: number, overrides: Partial<typeof trips.$inferInsert> = {}) =>
    insertWeekTrip(harness.context.db, { memberId, cityId, availability: { weekly: {} }, ...overrides });

  const coffee = (startsAt = "2030-03-06T15:00:00Z", extra: object = {}) => ({
    kind: "coffee",
    message: "Happy to show you around Brickell",
    slots: [{ startsAt, durationMinutes: 45 }],
    venue: { name: "Panther Coffee", address: "2390 NW 2nd Ave", lat: 25.8, lon: -80.19 },
    ...extra,
  });

  async function offer(
    client: Client,
    body: object = coffee(),
    trip = tripId,
  ): Promise<{ response: Response; body: Json }> {
    const response = await client.post(`/api/trips/${trip}/offers`, body);
    return { response, body: await response.json() };
  }

  // One traveller and one local for the file (signing in costs a password hash); each test gets a fresh trip.
  beforeAll(async () => {
    await database().reset();
    harness = createTestApp(database().handle);
    cityId = (await createCity(harness.context)).id;
    traveller = await createMember(harness, { name: "Pierre Martin", locale: "fr" });
    local = await createMember(harness, { name: "Dana Local", headline: "Fintech founder", homeCityId: cityId });
  });
  beforeEach(async () => {
    harness.context.now = () => fixedNow;
    await harness.context.db.delete(meetings);
    await harness.context.db.delete(offers);
    tripId = await insertTrip(traveller.member.id);
  });

  it("sends an offer: the traveller lists it with slots, venue and sender, and is notified and emailed in French", async () => {
    const { response, body } = await offer(local.client);
    expect(response.status).toBe(201);
    expect(body).toMatchObject({
      tripId,
      kind: "coffee",
      status: "open",
      starred: false,
      sender: { memberId: local.member.id, name: "Dana Local", headline: "Fintech founder", isDemo: false },
      venue: { name: "Panther Coffee", lat: 25.8 },
      slots: [{ startsAt: at("2030-03-06T15:00:00Z"), durationMinutes: 45, endsAt: at("2030-03-06T15:45:00Z") }],
    });
    const listed = await traveller.client.get(`/api/trips/${tripId}/offers`);
    expect(listed.status).toBe(200);
    expect(((await listed.json()) as { offers: unknown[] }).offers).toEqual([body]);
    expect(
      ((await (await local.client.get("/api/offers/mine")).json()) as { offers: { id: number }[] }).offers,
    ).toEqual([body]);

    const [notification] = await harness.context.db
      .select()
      .from(notifications)
      .where(eq(notifications.memberId, traveller.member.id));
    expect(notification).toMatchObject({ kind: "offer_received", payload: { offerId: body.id, tripId } });
    const [email] = await harness.context.db
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.toAddress, traveller.email));
    expect(email?.messageId).toBe(`<offer-${body.id}@localhost>`);
    expect(email?.subject).toBe("Dana Local vous propose un café à Miami");
  });

  it("accepts at a slot once: a meeting is scheduled with the sender as host, and a second acceptance is refused", async () => {
    const { body } = await offer(local.client);
    const slotId = body.slots[0].id as number;
    expect((await local.client.post(`/api/offers/${body.id}/accept`, { slotId })).status).toBe(403);
    const accepted = await traveller.client.post(`/api/offers/${body.id}/accept`, { slotId });
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toMatchObject({ status: "accepted", acceptedSlotId: slotId });
    const rows = await harness.context.db.select().from(meetings);
    expect(rows).toEqual([
      expect.objectContaining({
        offerId: body.id,
        hostId: local.member.id,
        guestId: traveller.member.id,
        startsAt: new Date("2030-03-06T15:00:00Z"),
        endsAt: new Date("2030-03-06T15:45:00Z"),
        status: "scheduled",
      }),
    ]);
    const again = await traveller.client.post(`/api/offers/${body.id}/accept`, {});
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe("conflict");
    const late = await offer(local.client, coffee("2030-03-07T15:00:00Z"));
    harness.context.now = () => new Date("2030-03-10T12:00:00Z");
    expect((await traveller.client.post(`/api/offers/${late.body.id}/accept`, {})).status).toBe(409);
  });

  it("accepts without a slot (left to the agenda), declines with a kind word, stars, asks another time, withdraws", async () => {
    await harness.context.db.delete(notifications);
    const first = await offer(local.client);
    const second = await offer(local.client, coffee("2030-03-07T15:00:00Z"));
    const third = await offer(local.client, { kind: "advice", message: "Ask me anything about banking licences" });
    expect(third.response.status).toBe(201);

    const open = await traveller.client.post(`/api/offers/${first.body.id}/accept`, {});
    expect(await open.json()).toMatchObject({ status: "accepted", acceptedSlotId: null, meetingId: null });

    const starred = await traveller.client.post(`/api/offers/${second.body.id}/star`, { starred: true });
    expect(await starred.json()).toMatchObject({ starred: true, status: "open" });
    const another = await traveller.client.post(`/api/offers/${second.body.id}/another-time`, {
      message: "Could we meet on Friday morning?",
    });
    expect(await another.json()).toMatchObject({ anotherTimeRequested: true, status: "open" });
    const thread = await local.client.get(`/api/offers/${second.body.id}/messages`);
    expect(await thread.json()).toMatchObject({
      messages: [{ authorId: traveller.member.id, body: "Could we meet on Friday morning?" }],
    });

    const declined = await traveller.client.post(`/api/offers/${third.body.id}/decline`, {
      note: "Thank you, all set!",
    });
    expect(await declined.json()).toMatchObject({ status: "declined", declineNote: "Thank you, all set!" });
    expect((await traveller.client.post(`/api/offers/${second.body.id}/withdraw`, {})).status).toBe(403);
    const withdrawn = await local.client.post(`/api/offers/${second.body.id}/withdraw`, {});
    expect(await withdrawn.json()).toMatchObject({ status: "withdrawn" });
    expect((await traveller.client.post(`/api/offers/${second.body.id}/accept`, {})).status).toBe(409);

    const listed = (await (await traveller.client.get(`/api/trips/${tripId}/offers`)).json()) as {
      offers: { id: number; status: string }[];
    };
    expect(Object.fromEntries(listed.offers.map((o) => [o.id, o.status]))).toEqual({
      [first.body.id]: "accepted",
      [second.body.id]: "withdrawn",
      [third.body.id]: "declined",
    });
    const kinds = (await harness.context.db.select().from(notifications)).map((n) => `${n.memberId}:${n.kind}`);
    expect(kinds).toEqual(
      expect.arrayContaining([
        `${local.member.id}:offer_accepted`,
        `${local.member.id}:offer_another_time`,
        `${local.member.id}:offer_declined`,
        `${traveller.member.id}:offer_withdrawn`,
      ]),
    );
  });

  it("keeps a thread between the two parties only", async () => {
    const { body } = await offer(local.client);
    const stranger = await createMember(harness, { name: "Stranger" });
    expect((await local.client.post(`/api/offers/${body.id}/messages`, { body: "See you there!" })).status).toBe(201);
    expect((await traveller.client.post(`/api/offers/${body.id}/messages`, { body: "Merci !" })).status).toBe(201);
    expect((await stranger.client.post(`/api/offers/${body.id}/messages`, { body: "hi" })).status).toBe(404);
    expect((await stranger.client.get(`/api/offers/${body.id}/messages`)).status).toBe(404);
    expect((await stranger.client.get(`/api/offers/${body.id}`)).status).toBe(404);
    const thread = (await (await traveller.client.get(`/api/offers/${body.id}/messages`)).json()) as {
      messages: { body: string }[];
    };
    expect(thread.messages.map((message) => message.body)).toEqual(["See you there!", "Merci !"]);
    const empty = await local.client.post(`/api/offers/${body.id}/messages`, { body: "  " });
    expect(empty.status).toBe(400);
  });

  it("refuses a slot overlapping another accepted meeting of the traveller", async () => {
    const other = await createMember(harness, { name: "Other Local", homeCityId: cityId });
    const first = await offer(local.client);
    const second = await offer(other.client, coffee("2030-03-06T15:30:00Z"));
    await traveller.client.post(`/api/offers/${first.body.id}/accept`, { slotId: first.body.slots[0].id });
    const clash = await traveller.client.post(`/api/offers/${second.body.id}/accept`, {
      slotId: second.body.slots[0].id,
    });
    expect(clash.status).toBe(409);
    expect(await clash.json()).toMatchObject({ error: { code: "conflict", field: "slotId" } });
    expect((await (await traveller.client.get(`/api/offers/${second.body.id}`)).json()) as object).toMatchObject({
      status: "open",
    });
  });

  it("accepts once when two acceptance requests race", async () => {
    const { body } = await offer(local.client);
    const slotId = body.slots[0].id as number;
    const results = await Promise.all([
      traveller.client.post(`/api/offers/${body.id}/accept`, { slotId }),
      // Two requests in flight at once (one session is enough: the race is in the database).
      traveller.client.post(`/api/offers/${body.id}/accept`, { slotId }),
    ]);
    expect(results.map((response) => response.status).sort()).toEqual([200, 409]);
    expect(await harness.context.db.select().from(meetings)).toHaveLength(1);
  });

  it("names the wrong field and never answers 500 for a user's mistake", async () => {
    const expectField = async (body: object, field: string) => {
      const { response, body: answer } = await offer(local.client, body);
      expect(response.status, JSON.stringify(answer)).toBe(400);
      expect(answer.error.field).toBe(field);
    };
    await expectField({ ...coffee(), slots: [] }, "slots");
    await expectField(coffee("2030-03-10T15:00:00Z"), "slots.0.startsAt");
    await expectField(coffee("2030-03-06T04:00:00Z"), "slots.0.startsAt");
    await expectField(coffee("not a date"), "slots.0.startsAt");
    await expectField({ ...coffee(), kind: "brunch" }, "kind");
    const malformed = await local.client.request("POST", `/api/trips/${tripId}/offers`, undefined, {
      "content-type": "application/json",
    });
    expect(malformed.status).toBe(400);
    const unknown = await offer(local.client, { ...coffee(), surprise: true });
    expect(unknown.response.status).toBe(400);
    expect(unknown.body.error.message).toContain("surprise");
    await expectField({ ...coffee(), venue: undefined }, "venue");
    await expectField({ ...coffee(), venue: { id: 999 } }, "venue.id");
    await expectField({ kind: "event_invitation", slots: [] }, "eventId");
    await expectField(
      {
        ...coffee(),
        slots: [1, 2, 3, 4, 5].map((day) => ({ startsAt: `2030-03-0${day}T15:00:00Z`, durationMinutes: 30 })),
      },
      "slots",
    );
    harness.context.now = () => new Date("2030-03-06T16:00:00Z");
    await expectField(coffee("2030-03-06T15:30:00Z"), "slots.0.startsAt");
    expect(await harness.context.db.select().from(offers)).toHaveLength(0);
  });

  it("requires a verified email", async () => {
    const unverified = await createMember(harness, { name: "New", emailVerified: false });
    const { response, body } = await offer(unverified.client);
    expect(body.error?.code).toBe("email_not_verified");
    expect(response.status).toBe(403);
    expect(body.error.code).toBe("email_not_verified");
  });

  it("hides a trip outside its audience (404) and lets connections offer; blocks are absolute", async () => {
    const privateTrip = await insertTrip(traveller.member.id, { audience: "connections" });
    const outsider = await createMember(harness, { name: "Outsider", homeCityId: cityId });
    expect((await offer(outsider.client, coffee(), privateTrip)).response.status).toBe(404);
    expect((await outsider.client.get(`/api/trips/${privateTrip}/offers`)).status).toBe(404);
    expect((await offer(outsider.client, coffee(), 987654)).response.status).toBe(404);

    await harness.context.db
      .insert(follows)
      .values({ followerId: traveller.member.id, followeeId: outsider.member.id });
    expect((await offer(outsider.client, coffee(), privateTrip)).response.status).toBe(201);

    const blocked = await createMember(harness, { name: "Soon Blocked", homeCityId: cityId });
    const { body } = await offer(blocked.client);
    await harness.context.db.insert(blocks).values({ blockerId: traveller.member.id, blockedId: blocked.member.id });
    expect((await offer(blocked.client)).response.status).toBe(404);
    expect((await blocked.client.get(`/api/offers/${body.id}`)).status).toBe(404);
    expect((await traveller.client.get(`/api/offers/${body.id}`)).status).toBe(404);
    const listed = (await (await traveller.client.get(`/api/trips/${tripId}/offers`)).json()) as {
      offers: { sender: { memberId: number } }[];
    };
    expect(listed.offers.map((o) => o.sender.memberId)).not.toContain(blocked.member.id);
  });

  it("replays the first response for a repeated Idempotency-Key", async () => {
    const send = () =>
      local.client.request("POST", `/api/trips/${tripId}/offers`, coffee(), { "idempotency-key": "offer-abc" });
    const first = await send();
    const second = await send();
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(await second.json()).toEqual(await first.json());
    expect(await harness.context.db.select().from(offers)).toHaveLength(1);
  });

  it("caps offers per trip (3) and per rolling 24 hours (20), saying which limit and when it frees up", async () => {
    for (let i = 0; i < 3; i++)
      expect((await offer(local.client, coffee(`2030-03-0${6 + i}T15:00:00Z`))).response.status).toBe(201);
    const perTrip = await offer(local.client, coffee("2030-03-06T18:00:00Z"));
    expect(perTrip.response.status).toBe(429);
    expect(perTrip.body.error.code).toBe("rate_limited");
    expect(perTrip.body.error.message).toMatch(/3 offers on this trip.*does not free up/);

    // 17 more offers over the next minutes, on other trips: 20 in 24 hours.
    const otherTrips: number[] = [];
    for (let i = 0; i < 6; i++) otherTrips.push(await insertTrip(traveller.member.id));
    let minute = 0;
    for (let i = 0; i < 17; i++) {
      minute = i + 1;
      harness.context.now = () => new Date(fixedNow.getTime() + minute * 60_000);
      const sent = await offer(
        local.client,
        coffee(`2030-03-0${6 + (i % 3)}T15:00:00Z`),
        otherTrips[Math.floor(i / 3)],
      );
      expect(sent.response.status).toBe(201);
    }
    harness.context.now = () => new Date("2030-03-04T20:00:00Z");
    const daily = await offer(local.client, coffee(), otherTrips[5]);
    expect(daily.response.status).toBe(429);
    // The first offer (at noon on the 4th) leaves the window at noon on the 5th: 16 hours from now.
    expect(daily.body.error.message).toContain("20 offers in the last 24 hours");
    expect(daily.body.error.message).toContain("2030-03-05T12:00:00.000Z");
    expect(daily.response.headers.get("retry-after")).toBe(String(16 * 3600));

    harness.context.now = () => new Date("2030-03-05T12:00:01Z");
    expect((await offer(local.client, coffee(), otherTrips[5])).response.status).toBe(201);
    const [count] = await harness.context.db
      .select({ id: offers.id })
      .from(offers)
      .where(and(eq(offers.senderId, local.member.id), eq(offers.tripId, otherTrips[5] ?? 0)));
    expect(count).toBeDefined();
  });
});
