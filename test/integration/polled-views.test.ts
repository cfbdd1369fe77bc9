/**
 * The views a trip page polls (its offers, its agenda) carry an ETag keyed by the trip's revision: a copy that still
 * holds is answered 304 with no body, any change the view shows gives a new ETag and the new view, an ETag is
 * never another member's answer, and visibility is checked before any of it.
 */
import { eq } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import { members } from "../../src/db/schema/people";
import { describeOnDatabases } from "../support/databases";
import { createCity, createMember, insertWeekTrip, postOffer } from "../support/factories";
import { createTestApp, type Client } from "../support/test-app";

interface OfferList {
  offers: { id: number; sender: { name: string } }[];
}

describeOnDatabases("polled views", (database) => {
  let harness: ReturnType<typeof createTestApp>;
  beforeEach(async () => {
    await database().reset();
    harness = createTestApp(database().handle);
    harness.context.now = () => new Date("2030-03-04T12:00:00Z");
  });

  async function world() {
    const db = harness.context.db;
    const cityId = (await createCity(harness.context)).id;
    const traveller = await createMember(harness, { name: "Pierre Martin" });
    const ana = await createMember(harness, { name: "Ana", homeCityId: cityId });
    const bruno = await createMember(harness, { name: "Bruno", homeCityId: cityId });
    const tripId = await insertWeekTrip(db, { memberId: traveller.member.id, cityId });
    return { db, traveller, ana, bruno, tripId };
  }

  const getWith = (client: Client, path: string, etag: string) =>
    client.request("GET", path, undefined, { "if-none-match": etag });

  it("answers the offers 304 while the copy holds, and anew after any change they show", async () => {
    const { db, traveller, ana, bruno, tripId } = await world();
    const path = `/api/trips/${tripId}/offers`;
    const first = await traveller.client.get(path);
    expect(first.status).toBe(200);
    expect(first.headers.get("cache-control")).toBe("private, no-cache");
    const empty = first.headers.get("etag")!;
    expect(empty).toMatch(/^W\/"/);
    expect(((await first.json()) as OfferList).offers).toEqual([]);

    const unchanged = await getWith(traveller.client, path, empty);
    expect(unchanged.status).toBe(304);
    expect(await unchanged.text()).toBe("");
    expect(unchanged.headers.get("etag")).toBe(empty);

    const offerId = await postOffer(ana.client, tripId, { startsAt: "2030-03-06T15:00:00Z" });
    const changed = await getWith(traveller.client, path, empty);
    expect(changed.status).toBe(200);
    const withOffer = changed.headers.get("etag")!;
    expect(withOffer).not.toBe(empty);
    expect(((await changed.json()) as OfferList).offers.map((offer) => offer.id)).toEqual([offerId]);
    // A list of several ETags, as a browser may send, matches when one of them does.
    expect((await getWith(traveller.client, path, `W/"stale", ${withOffer}`)).status).toBe(304);
    // Answered again from the kept text, it is the same list.
    const again = await traveller.client.get(path);
    expect(again.headers.get("etag")).toBe(withOffer);
    expect(((await again.json()) as OfferList).offers.map((offer) => offer.id)).toEqual([offerId]);

    // What the list shows of the sender changes it too.
    await db.update(members).set({ name: "Ana Lopez" }).where(eq(members.id, ana.member.id));
    const renamed = await getWith(traveller.client, path, withOffer);
    expect(renamed.status).toBe(200);
    expect(((await renamed.json()) as OfferList).offers[0]!.sender.name).toBe("Ana Lopez");

    // Another member's ETag is never theirs: Bruno's own list (empty) is not the traveller's.
    const current = renamed.headers.get("etag")!;
    const brunos = await getWith(bruno.client, path, current);
    expect(brunos.status).toBe(200);
    expect(((await brunos.json()) as OfferList).offers).toEqual([]);
    expect(brunos.headers.get("etag")).not.toBe(current);
    // Ana sees her own offer, under her own ETag.
    const anas = await getWith(ana.client, path, current);
    expect(anas.status).toBe(200);
    expect(((await anas.json()) as OfferList).offers.map((offer) => offer.id)).toEqual([offerId]);
  });

  it("checks who may see the trip before any ETag", async () => {
    const { traveller, ana, tripId } = await world();
    const path = `/api/trips/${tripId}/offers`;
    await postOffer(ana.client, tripId, { startsAt: "2030-03-06T15:00:00Z" });
    const etag = (await ana.client.get(path)).headers.get("etag")!;
    expect((await getWith(ana.client, path, etag)).status).toBe(304);
    expect((await traveller.client.post("/api/me/blocks", { memberId: ana.member.id })).status).toBe(201);
    expect((await getWith(ana.client, path, etag)).status).toBe(404);
    expect((await getWith(ana.client, path, "*")).status).toBe(404);
  });

  it("answers the stored agenda 304 while it holds, and a new one after an offer", async () => {
    const { traveller, ana, bruno, tripId } = await world();
    const path = `/api/trips/${tripId}/agenda`;
    await postOffer(ana.client, tripId, { startsAt: "2030-03-06T15:00:00Z" });
    // The first answer solves; the next one is the stored plan, with its ETag.
    expect((await traveller.client.get(path)).status).toBe(200);
    const stored = await traveller.client.get(path);
    const etag = stored.headers.get("etag")!;
    expect(etag).toMatch(/^W\/"agenda-/);
    const plan = (await stored.json()) as { version: number; chosen: unknown[]; updating: boolean };
    expect(plan.chosen).toHaveLength(1);
    expect(plan.updating).toBe(false);
    const unchanged = await getWith(traveller.client, path, etag);
    expect(unchanged.status).toBe(304);
    expect(await unchanged.text()).toBe("");
    // Nobody else gets it, ETag or not.
    expect((await getWith(ana.client, path, etag)).status).toBe(404);

    await postOffer(bruno.client, tripId, { startsAt: "2030-03-07T15:00:00Z" });
    const changed = await getWith(traveller.client, path, etag);
    expect(changed.status).toBe(200);
    const replanned = (await changed.json()) as { version: number; chosen: unknown[] };
    expect(replanned.chosen).toHaveLength(2);
    expect(replanned.version).toBeGreaterThan(plan.version);
  });
});
