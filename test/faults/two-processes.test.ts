/**
 * Issue #8, two processes: two server processes on one PostgreSQL (the throwaway cluster) take concurrent requests,
 * spread over both, and every invariant holds in the database afterwards: event capacity, the per-sender caps on
 * offers and introductions, one acceptance per offer, no double-booked slot for a traveller or for a local.
 */
import { and, eq, ne } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type DatabaseHandle } from "../../src/db/create-db";
import { meetings, offers } from "../../src/db/schema/arrivals";
import { events, introductions, rsvps } from "../../src/db/schema/gatherings";
import { createTestApp } from "../support/test-app";
import { startThrowawayCluster, type ThrowawayCluster } from "./support/postgres-cluster";
import { memberHeaders, startServerProcess, type ServerProcess } from "./support/server-process";
import { addMember, coffeeOffer, createFaultWorld, type FaultWorld, type WorldMember } from "./support/world";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are read field by field
type Json = any;

describe("two server processes on one PostgreSQL", () => {
  let cluster: ThrowawayCluster;
  let handle: DatabaseHandle;
  let servers: ServerProcess[] = [];
  let world: FaultWorld;
  let crowd: WorldMember[];

  beforeAll(async () => {
    cluster = await startThrowawayCluster();
    const url = await cluster.createDatabase("givefirst_two");
    handle = await createDb({ engine: "postgres", url, poolSize: 4 });
    const { context } = createTestApp(handle);
    world = await createFaultWorld(context, { travellers: 5, tripsEach: 5, locals: 10 });
    crowd = [];
    for (let i = 0; i < 40; i++) crowd.push(await addMember(context, { name: `Guest ${i}`, homeCityId: world.cityId }));
    servers = await Promise.all([startServerProcess({ databaseUrl: url }), startServerProcess({ databaseUrl: url })]);
  }, 300_000);
  afterAll(async () => {
    for (const server of servers) await server.kill();
    await handle?.close();
    await cluster?.destroy();
  });

  /** Sends the request to server i % 2, so that concurrent requests are split over both processes. */
  const post = async (i: number, member: WorldMember, path: string, body: object = {}) => {
    const response = await fetch(`${servers[i % 2]!.url}${path}`, {
      method: "POST",
      headers: memberHeaders(member.cookie),
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Json };
  };
  const statuses = (results: { status: number }[]) =>
    results.reduce<Record<number, number>>(
      (counts, { status }) => ({ ...counts, [status]: (counts[status] ?? 0) + 1 }),
      {},
    );

  it("event capacity: 40 concurrent RSVPs for 5 seats take exactly 5, the rest wait in distinct places", async () => {
    const startsAt = new Date(Date.now() + 10 * 86_400_000);
    const created = await post(0, world.locals[0]!, "/api/events", {
      cityId: world.cityId,
      title: "Founders' drinks",
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 7_200_000).toISOString(),
      capacity: 5,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const eventId = created.body.id as number;

    const answers = await Promise.all(
      crowd.map((guest, i) => post(i, guest, `/api/events/${eventId}/rsvp`, { status: "going" })),
    );
    expect(statuses(answers)).toEqual({ 200: 40 });
    expect(answers.filter((answer) => answer.body.status === "going")).toHaveLength(5);
    const rows = await handle.db.select().from(rsvps).where(eq(rsvps.eventId, eventId));
    expect(rows.filter((row) => row.status === "going")).toHaveLength(5);
    expect(rows.filter((row) => row.status === "waitlisted")).toHaveLength(35);
    const [event] = await handle.db
      .select({ seatsTaken: events.seatsTaken })
      .from(events)
      .where(eq(events.id, eventId));
    expect(event?.seatsTaken).toBe(5);
    // The waitlist, read back once the race is over, is one order: places 1 to 35, each once.
    const waiting = crowd.filter((_, i) => answers[i]!.body.status === "waitlisted");
    const places = await Promise.all(
      waiting.map(async (guest, i) => {
        const response = await fetch(`${servers[i % 2]!.url}/api/events/${eventId}`, {
          headers: memberHeaders(guest.cookie),
        });
        return ((await response.json()) as Json).waitlistPosition as number;
      }),
    );
    expect(places.sort((a, b) => a - b)).toEqual(Array.from({ length: 35 }, (_, i) => i + 1));
  });

  it("per-sender caps: 25 concurrent offers from one local make 20 (a day), 8 on one trip make 3", async () => {
    const [daily, perTrip] = [world.locals[1]!, world.locals[2]!];
    const perDay = await Promise.all(
      world.tripIds.map((tripId, i) => post(i, daily, `/api/trips/${tripId}/offers`, coffeeOffer(world, `day ${i}`))),
    );
    expect(statuses(perDay)).toEqual({ 201: 20, 429: 5 });
    expect(await handle.db.$count(offers, eq(offers.senderId, daily.member.id))).toBe(20);

    const tripId = world.tripIds[0]!;
    const onOneTrip = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        post(i, perTrip, `/api/trips/${tripId}/offers`, coffeeOffer(world, `trip ${i}`)),
      ),
    );
    expect(statuses(onOneTrip)).toEqual({ 201: 3, 429: 5 });
    expect(await handle.db.$count(offers, and(eq(offers.senderId, perTrip.member.id), eq(offers.tripId, tripId)))).toBe(
      3,
    );
  });

  it("per-connector cap: 15 concurrent introductions make 10", async () => {
    const connector = world.locals[3]!;
    const proposals = await Promise.all(
      Array.from({ length: 15 }, (_, i) =>
        post(i, connector, "/api/introductions", {
          firstId: crowd[2 * i]!.member.id,
          secondId: crowd[2 * i + 1]!.member.id,
          reason: "You both build fintech in Miami",
        }),
      ),
    );
    expect(statuses(proposals)).toEqual({ 201: 10, 429: 5 });
    expect(await handle.db.$count(introductions, eq(introductions.connectorId, connector.member.id))).toBe(10);
  });

  it("one acceptance per offer, and no double-booked slot for the traveller", async () => {
    const traveller = world.travellers[1]!;
    const tripId = world.tripIds[5]!;
    // One offer with two slots, accepted 10 times at once (both slots, both servers): one meeting.
    const twoSlots = await post(0, world.locals[4]!, `/api/trips/${tripId}/offers`, {
      ...coffeeOffer(world, "two slots"),
      slots: [
        { startsAt: world.slotStartsAt, durationMinutes: 45 },
        { startsAt: new Date(new Date(world.slotStartsAt).getTime() + 7_200_000).toISOString(), durationMinutes: 45 },
      ],
    });
    expect(twoSlots.status, JSON.stringify(twoSlots.body)).toBe(201);
    const slotIds = (twoSlots.body.slots as { id: number }[]).map((slot) => slot.id);
    const accepts = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        post(i, traveller, `/api/offers/${twoSlots.body.id}/accept`, { slotId: slotIds[i % 2] }),
      ),
    );
    expect(statuses(accepts)).toEqual({ 200: 1, 409: 9 });
    expect(await handle.db.$count(meetings, eq(meetings.offerId, twoSlots.body.id))).toBe(1);

    // Five offers at one and the same time, from five locals on another trip, accepted at once: one meeting.
    const other = world.travellers[2]!;
    const sameTime = await Promise.all(
      [5, 6, 7, 8, 9].map((l, i) =>
        post(i, world.locals[l]!, `/api/trips/${world.tripIds[10]}/offers`, coffeeOffer(world, `same ${l}`)),
      ),
    );
    expect(statuses(sameTime)).toEqual({ 201: 5 });
    const clashing = await Promise.all(
      sameTime.map((offer, i) =>
        post(i, other, `/api/offers/${offer.body.id}/accept`, { slotId: offer.body.slots[0].id }),
      ),
    );
    expect(statuses(clashing)).toEqual({ 200: 1, 409: 4 });
    expect(await handle.db.$count(meetings, eq(meetings.guestId, other.member.id))).toBe(1);
  });

  it("no double-booked local: overlapping acceptances of one local's offers through both processes", async () => {
    const local = world.locals[0]!;
    const start = new Date(world.slotStartsAt).getTime() + 86_400_000;
    // Six offers from one local to three travellers (two trips each), starting 10 minutes apart, 45 minutes long:
    // each overlaps its neighbours, so at most two (the first and the last) can both be held.
    const targets = [1, 2, 16, 17, 21, 22].map((t) => world.tripIds[t]!);
    const sent = await Promise.all(
      targets.map((tripId, i) =>
        post(i, local, `/api/trips/${tripId}/offers`, {
          ...coffeeOffer(world, `chain ${i}`),
          slots: [{ startsAt: new Date(start + i * 600_000).toISOString(), durationMinutes: 45 }],
        }),
      ),
    );
    expect(statuses(sent)).toEqual({ 201: 6 });
    const travellerOf = (t: number) => world.travellers[Math.floor(t / 5)]!;
    const accepts = await Promise.all(
      sent.map((offer, i) =>
        post(i, travellerOf([1, 2, 16, 17, 21, 22][i]!), `/api/offers/${offer.body.id}/accept`, {
          slotId: offer.body.slots[0].id,
        }),
      ),
    );
    const counts = statuses(accepts);
    expect(Object.keys(counts).sort()).toEqual(expect.arrayContaining(["200"]));
    expect((counts[200] ?? 0) + (counts[409] ?? 0)).toBe(6);
    expect(counts[200]).toBeLessThanOrEqual(2);
    const held = await handle.db
      .select({ startsAt: meetings.startsAt, endsAt: meetings.endsAt })
      .from(meetings)
      .where(and(eq(meetings.hostId, local.member.id), ne(meetings.status, "cancelled")));
    expect(held).toHaveLength(counts[200]!);
    for (const [i, a] of held.entries())
      for (const b of held.slice(i + 1)) expect(a.startsAt < b.endsAt && b.startsAt < a.endsAt).toBe(false);

    // The same start for three travellers at once: exactly one of them gets the local.
    const sameStart = new Date(start + 86_400_000).toISOString();
    const same = await Promise.all(
      [3, 18, 23].map((t, i) =>
        post(i, local, `/api/trips/${world.tripIds[t]}/offers`, {
          ...coffeeOffer(world, `same start ${t}`),
          slots: [{ startsAt: sameStart, durationMinutes: 45 }],
        }),
      ),
    );
    expect(statuses(same)).toEqual({ 201: 3 });
    const raced = await Promise.all(
      same.map((offer, i) =>
        post(i + 1, travellerOf([3, 18, 23][i]!), `/api/offers/${offer.body.id}/accept`, {
          slotId: offer.body.slots[0].id,
        }),
      ),
    );
    expect(statuses(raced)).toEqual({ 200: 1, 409: 2 });
    expect(
      await handle.db.$count(
        meetings,
        and(eq(meetings.hostId, local.member.id), eq(meetings.startsAt, new Date(sameStart))),
      ),
    ).toBe(1);
  });
});
