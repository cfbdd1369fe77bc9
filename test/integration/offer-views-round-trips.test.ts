import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { beforeAll, beforeEach, expect, it } from "vitest";
import { loadOfferViews } from "../../src/app/offers/offer-view";
import type { Database } from "../../src/db/create-db";
import { schema } from "../../src/db/schema";
import { offers, offerSlots, offerTimeProposals } from "../../src/db/schema/arrivals";
import { events } from "../../src/db/schema/gatherings";
import { venues } from "../../src/db/schema/people";
import { describeOnDatabases } from "../support/databases";
import { createCity, createMember, insertWeekTrip, type TestMember } from "../support/factories";
import { createTestApp } from "../support/test-app";

// Monday 4 March 2030, noon UTC; the trips are Wednesday 6 to Friday 8 March in Miami.
const fixedNow = new Date("2030-03-04T12:00:00Z");
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked field by field
type Json = any;

/**
 * Round trips of the offer hot paths: a page of offer views is one statement whatever its size (no N+1), and a new
 * offer's response, built from the rows just written, is the offer as any later read shows it.
 */
describeOnDatabases("offers: round trips", (database) => {
  let harness: ReturnType<typeof createTestApp>;
  let counted: Database;
  let statements: string[] = [];
  let cityId: number;
  let traveller: TestMember;
  let locals: TestMember[];
  let tripId: number;

  /** Statements the app sent (BEGIN and COMMIT aside) while `run` ran. */
  async function statementsOf(run: () => Promise<unknown>): Promise<string[]> {
    statements = [];
    await run();
    return [...statements];
  }

  /** Offers number `from` to `to - 1`, each newer than the last, with two slots and a proposal. */
  async function insertOffersWithTimes(from: number, to: number): Promise<void> {
    for (let i = from; i < to; i++) {
      const [offer] = await counted
        .insert(offers)
        .values({
          tripId,
          senderId: locals[i % locals.length]!.member.id,
          kind: "coffee",
          message: `Offer ${i}`,
          createdAt: new Date(fixedNow.getTime() - (100 - i) * 60_000),
        })
        .returning({ id: offers.id });
      await counted.insert(offerSlots).values([
        { offerId: offer!.id, startsAt: new Date("2030-03-07T15:00:00Z"), durationMin: 60 },
        { offerId: offer!.id, startsAt: new Date("2030-03-06T15:00:00Z"), durationMin: 45 },
      ]);
      await counted.insert(offerTimeProposals).values({
        offerId: offer!.id,
        proposedById: traveller.member.id,
        startsAt: new Date("2030-03-08T14:30:00.250Z"),
        durationMin: 30,
      });
    }
  }

  beforeAll(async () => {
    await database().reset();
    const { handle } = database();
    const client = (handle.db as unknown as { $client: never }).$client;
    const logger = {
      logQuery: (query: string) => {
        if (!/^\s*(begin|commit|rollback|savepoint|release)\b/i.test(query)) statements.push(query);
      },
    };
    counted = (handle.engine === "pglite"
      ? drizzlePglite(client, { schema, logger })
      : drizzlePg(client, { schema, logger })) as unknown as Database;
    harness = createTestApp({ ...handle, db: counted });
    cityId = (await createCity(harness.context)).id;
    traveller = await createMember(harness, { name: "Pierre Martin" });
    locals = [];
    for (let i = 0; i < 4; i++)
      locals.push(await createMember(harness, { name: `Local ${i}`, headline: "Founder", homeCityId: cityId }));
  });
  beforeEach(async () => {
    harness.context.now = () => fixedNow;
    await counted.delete(offers);
    await counted.delete(events);
    tripId = await insertWeekTrip(counted, { memberId: traveller.member.id, cityId });
  });

  it("loads a page of 12 offers with slots and proposals in as many statements as a page of 2: one", async () => {
    await insertOffersWithTimes(0, 2);
    const ofTrip = { tripId, travellerId: traveller.member.id };
    await traveller.client.get(`/api/trips/${tripId}/offers`); // the session's first use may extend it
    const forTwo = await statementsOf(() => loadOfferViews(counted, ofTrip));
    const requestForTwo = await statementsOf(() => traveller.client.get(`/api/trips/${tripId}/offers`));
    await insertOffersWithTimes(2, 12);
    let views: Awaited<ReturnType<typeof loadOfferViews>> = [];
    const forTwelve = await statementsOf(async () => {
      views = await loadOfferViews(counted, ofTrip);
    });
    const requestForTwelve = await statementsOf(() => traveller.client.get(`/api/trips/${tripId}/offers`));

    expect(forTwo).toHaveLength(1);
    expect(forTwelve).toHaveLength(1);
    // The request: the viewer, the trip (with its revision), the offers. The first request above already read the two
    // offers, and nothing changed since: they are answered without being read again.
    expect(requestForTwo).toHaveLength(2);
    expect(requestForTwelve).toHaveLength(3);
    expect(requestForTwelve.slice(0, 2)).toEqual(requestForTwo);
    expect(views).toHaveLength(12);
    // Newest first; slots and proposals earliest first, instants as the ISO strings they were.
    expect(views.map((view) => view.message)).toEqual(Array.from({ length: 12 }, (_, i) => `Offer ${11 - i}`));
    for (const view of views) {
      expect(view.slots.map((slot) => [slot.startsAt, slot.endsAt, slot.durationMinutes])).toEqual([
        ["2030-03-06T15:00:00.000Z", "2030-03-06T15:45:00.000Z", 45],
        ["2030-03-07T15:00:00.000Z", "2030-03-07T16:00:00.000Z", 60],
      ]);
      expect(view.proposals).toEqual([
        {
          id: expect.any(Number),
          startsAt: "2030-03-08T14:30:00.250Z",
          durationMinutes: 30,
          status: "pending",
          slotId: null,
        },
      ]);
    }
  });

  it("answers a new offer with the view a later read gives, whatever the venue, its venue and slots written in its own statement", async () => {
    const [venue] = await counted
      .insert(venues)
      .values({ cityId, name: "Panther Coffee", address: "2390 NW 2nd Ave", lat: 25.8, lon: -80.19 })
      .returning({ id: venues.id });
    const [event] = await counted
      .insert(events)
      .values({
        cityId,
        hostId: locals[2]!.member.id,
        title: "Founders' drinks",
        startsAt: new Date("2030-03-07T23:00:00Z"),
        endsAt: new Date("2030-03-08T01:00:00Z"),
        venueId: venue!.id,
        capacity: 20,
      })
      .returning({ id: events.id });
    const slot = (startsAt: string) => ({ startsAt, durationMinutes: 45 });
    const bodies = [
      // Slots given out of order: the answer lists them earliest first, as reads do.
      {
        kind: "coffee",
        message: "Three times",
        slots: ["2030-03-07T15:00:00Z", "2030-03-06T15:00:00Z", "2030-03-08T15:00:00Z"].map(slot),
        venue: { name: "New place", address: "1 Main St" },
      },
      { kind: "coffee", message: "One time", slots: [slot("2030-03-06T16:00:00Z")], venue: { id: venue!.id } },
      { kind: "event_invitation", message: "Join us", eventId: event!.id },
    ];
    const counts: number[] = [];
    const seen: string[][] = [];
    for (const [index, body] of bodies.entries()) {
      let response: Response | undefined;
      counts.push(
        (
          await statementsOf(async () => {
            response = await locals[index]!.client.post(`/api/trips/${tripId}/offers`, body);
            seen.push([...statements]);
          })
        ).length,
      );
      const created = (await response!.json()) as Json;
      expect(response!.status, JSON.stringify(created)).toBe(201);
      const read = await locals[index]!.client.get(`/api/offers/${created.id}`);
      expect(created).toEqual(await read.json());
      expect(created.sender).toEqual({
        memberId: locals[index]!.member.id,
        name: `Local ${index}`,
        headline: "Founder",
        isDemo: false,
      });
    }
    // Three slots and a new venue are written in the offer's own statement: one statement fewer than one slot and a
    // known venue, which is checked first.
    expect(seen[0]!.filter((text) => /insert into "(venues|offer_slots)"/.test(text))).toEqual([
      expect.stringMatching(/^\s*with new_venue as \(\s*insert into "venues"/),
    ]);
    expect(counts[1]).toBe(counts[0]! + 1);
    const listed = (await (await traveller.client.get(`/api/trips/${tripId}/offers`)).json()) as Json;
    expect(listed.offers.map((offer: Json) => offer.venue?.name)).toEqual([
      "Panther Coffee",
      "Panther Coffee",
      "New place",
    ]);
  });

  it("holds the per-trip cap of 3 when six offers from one sender race", async () => {
    const send = (hour: number) =>
      locals[0]!.client.post(`/api/trips/${tripId}/offers`, {
        kind: "advice",
        message: `Try ${hour}`,
        slots: [{ startsAt: `2030-03-06T${hour}:00:00Z`, durationMinutes: 30 }],
      });
    const responses = await Promise.all([14, 15, 16, 17, 18, 19].map(send));
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses).toEqual([201, 201, 201, 429, 429, 429]);
    expect(await counted.select({ id: offers.id }).from(offers)).toHaveLength(3);
  });
});
