import { eq } from "drizzle-orm";
import { beforeAll, beforeEach, expect, it } from "vitest";
import { meetings, offers, trips } from "../../src/db/schema/arrivals";
import { events, rsvps } from "../../src/db/schema/gatherings";
import { describeOnDatabases } from "../support/databases";
import { createCity, createMember, type TestMember, insertWeekTrip } from "../support/factories";
import { createTestApp, type Client } from "../support/test-app";

// Monday 4 March 2030, noon UTC; the trips are Wednesday 6 to Friday 8 March.
const fixedNow = new Date("2030-03-04T12:00:00Z");
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked field by field
type Json = any;

/** No double booking on the local's side: two travellers cannot both take overlapping times of one local. */
describeOnDatabases("offers: no double-booked local", (database) => {
  let harness: ReturnType<typeof createTestApp>;
  let cityId: number;
  let local: TestMember;
  let anna: TestMember;
  let boris: TestMember;
  let annaTrip: number;
  let borisTrip: number;

  const insertTrip = (memberId: number) =>
    insertWeekTrip(harness.context.db, { memberId, cityId, availability: { weekly: {} } });

  async function offerCoffee(trip: number, startsAt: string, client: Client = local.client): Promise<Json> {
    const response = await client.post(`/api/trips/${trip}/offers`, {
      kind: "coffee",
      message: "Coffee near the office?",
      slots: [{ startsAt, durationMinutes: 60 }],
      venue: { name: "Panther Coffee", address: "2390 NW 2nd Ave", lat: 25.8, lon: -80.19 },
    });
    const body = (await response.json()) as Json;
    expect(response.status, JSON.stringify(body)).toBe(201);
    return body;
  }

  const accept = (client: Client, offer: Json) =>
    client.post(`/api/offers/${offer.id}/accept`, { slotId: offer.slots[0].id });

  const scheduledMeetingsOfLocal = () =>
    harness.context.db.select().from(meetings).where(eq(meetings.hostId, local.member.id));

  beforeAll(async () => {
    await database().reset();
    harness = createTestApp(database().handle);
    cityId = (await createCity(harness.context)).id;
    local = await createMember(harness, { name: "Dana Local", homeCityId: cityId });
    anna = await createMember(harness, { name: "Anna Traveller" });
    boris = await createMember(harness, { name: "Boris Traveller" });
  });
  beforeEach(async () => {
    harness.context.now = () => fixedNow;
    await harness.context.db.delete(meetings);
    await harness.context.db.delete(offers);
    await harness.context.db.delete(rsvps);
    await harness.context.db.delete(events);
    await harness.context.db.delete(trips);
    annaTrip = await insertTrip(anna.member.id);
    borisTrip = await insertTrip(boris.member.id);
  });

  it("refuses the second traveller a slot overlapping the local's accepted meeting, with a clear 409", async () => {
    const toAnna = await offerCoffee(annaTrip, "2030-03-06T15:00:00Z");
    const toBoris = await offerCoffee(borisTrip, "2030-03-06T15:30:00Z");
    expect((await accept(anna.client, toAnna)).status).toBe(200);
    const clash = await accept(boris.client, toBoris);
    expect(clash.status).toBe(409);
    const body = (await clash.json()) as Json;
    expect(body.error).toMatchObject({ code: "conflict", field: "slotId" });
    expect(body.error.message).toMatch(/already booked/);
    // The refusal names the clash without telling Boris who Dana meets.
    expect(body.error.message).not.toContain("Anna");
    expect((await (await boris.client.get(`/api/offers/${toBoris.id}`)).json()) as Json).toMatchObject({
      status: "open",
    });
    expect(await scheduledMeetingsOfLocal()).toHaveLength(1);
  });

  it("lets both accept when the local's slots do not overlap (back to back)", async () => {
    const toAnna = await offerCoffee(annaTrip, "2030-03-06T15:00:00Z");
    const toBoris = await offerCoffee(borisTrip, "2030-03-06T16:00:00Z");
    expect((await accept(anna.client, toAnna)).status).toBe(200);
    expect((await accept(boris.client, toBoris)).status).toBe(200);
    expect(await scheduledMeetingsOfLocal()).toHaveLength(2);
  });

  it("lets exactly one of two concurrent acceptances of one local's overlapping slots win", async () => {
    for (let round = 0; round < 3; round += 1) {
      await harness.context.db.delete(meetings);
      await harness.context.db.delete(offers);
      const toAnna = await offerCoffee(annaTrip, `2030-03-0${6 + round}T15:00:00Z`);
      const toBoris = await offerCoffee(borisTrip, `2030-03-0${6 + round}T15:20:00Z`);
      const results = await Promise.all([accept(anna.client, toAnna), accept(boris.client, toBoris)]);
      expect(results.map((response) => response.status).sort()).toEqual([200, 409]);
      expect(await scheduledMeetingsOfLocal()).toHaveLength(1);
      const accepted = await harness.context.db.select().from(offers).where(eq(offers.status, "accepted"));
      expect(accepted).toHaveLength(1);
    }
  });

  it("refuses a slot during an event the local hosts, and one during an event the traveller is going to", async () => {
    const [hosted] = await harness.context.db
      .insert(events)
      .values({
        cityId,
        hostId: local.member.id,
        title: "Fintech breakfast",
        startsAt: new Date("2030-03-07T13:00:00Z"),
        endsAt: new Date("2030-03-07T15:00:00Z"),
        capacity: 20,
      })
      .returning({ id: events.id });
    const duringHosted = await offerCoffee(annaTrip, "2030-03-07T14:00:00Z");
    const refused = await accept(anna.client, duringHosted);
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as Json).error.message).toMatch(/already booked/);

    const other = await createMember(harness, { name: "Eve Host", homeCityId: cityId });
    const [party] = await harness.context.db
      .insert(events)
      .values({
        cityId,
        hostId: other.member.id,
        title: "Rooftop drinks",
        startsAt: new Date("2030-03-08T18:00:00Z"),
        endsAt: new Date("2030-03-08T20:00:00Z"),
        capacity: 20,
        seatsTaken: 1,
      })
      .returning({ id: events.id });
    await harness.context.db.insert(rsvps).values({ eventId: party!.id, memberId: anna.member.id, status: "going" });
    const duringParty = await offerCoffee(annaTrip, "2030-03-08T19:00:00Z");
    const own = await accept(anna.client, duringParty);
    expect(own.status).toBe(409);
    expect(((await own.json()) as Json).error.message).toContain('"Rooftop drinks"');

    // A cancelled event is no commitment.
    await harness.context.db.update(events).set({ status: "cancelled" }).where(eq(events.id, hosted!.id));
    expect((await accept(anna.client, duringHosted)).status).toBe(200);
  });

  it("lets every invited traveller accept the invitations to one event the local hosts (no clash with itself)", async () => {
    const [event] = await harness.context.db
      .insert(events)
      .values({
        cityId,
        hostId: local.member.id,
        title: "Founders' drinks",
        startsAt: new Date("2030-03-07T23:00:00Z"),
        endsAt: new Date("2030-03-08T01:00:00Z"),
        capacity: 20,
      })
      .returning({ id: events.id });
    const invite = async (trip: number) => {
      const response = await local.client.post(`/api/trips/${trip}/offers`, {
        kind: "event_invitation",
        message: "Join us",
        eventId: event!.id,
      });
      const body = (await response.json()) as Json;
      expect(response.status, JSON.stringify(body)).toBe(201);
      return body;
    };
    const [toAnna, toBoris] = [await invite(annaTrip), await invite(borisTrip)];
    const results = await Promise.all([accept(anna.client, toAnna), accept(boris.client, toBoris)]);
    expect(results.map((response) => response.status)).toEqual([200, 200]);
    expect(await scheduledMeetingsOfLocal()).toHaveLength(2);
    // A coffee during the event still clashes with it (and with the invitations' meetings).
    const coffee = await offerCoffee(annaTrip, "2030-03-08T00:00:00Z");
    expect((await accept(anna.client, coffee)).status).toBe(409);
  });
});
