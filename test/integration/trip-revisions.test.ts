/**
 * A trip's revision (as the trip lookups read it, `TripWithCity.revision`, raised by migration 0005's triggers): the same while nothing changes, raised
 * by every change its offer views or agenda are made of (an offer, its slots, time proposals and meeting, its
 * sender's name, its venue and event, the trip's busy times and alerts, a block of its traveller), raised when the
 * transaction commits and not before, and blind to other trips and to what the views do not show.
 */
import { eq } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import type { Database } from "../../src/db/create-db";
import { findTripWithCity } from "../../src/db/repositories/offers.repository";
import { alerts, busyTimes, meetings, offers, offerSlots, offerTimeProposals } from "../../src/db/schema/arrivals";
import { events } from "../../src/db/schema/gatherings";
import { blocks, members, venues } from "../../src/db/schema/people";
import { describeOnDatabases } from "../support/databases";
import { createCity, createMember, insertWeekTrip, postOffer } from "../support/factories";
import { createTestApp } from "../support/test-app";

/** The trip's revision as every trip lookup reads it. */
async function findTripRevision(db: Database, tripId: number): Promise<number> {
  const found = await findTripWithCity(db, tripId);
  if (!found) throw new Error(`no trip ${tripId}`);
  return found.revision;
}

describeOnDatabases("trip revisions", (database) => {
  let harness: ReturnType<typeof createTestApp>;
  beforeEach(async () => {
    await database().reset();
    harness = createTestApp(database().handle);
    harness.context.now = () => new Date("2030-03-04T12:00:00Z");
  });

  it("rise with every change of what the trip's offers and agenda show, and with nothing else", async () => {
    const db = harness.context.db;
    const cityId = (await createCity(harness.context)).id;
    const traveller = await createMember(harness, { name: "Pierre Martin" });
    const ana = await createMember(harness, { name: "Ana", homeCityId: cityId });
    const carla = await createMember(harness, { name: "Carla", homeCityId: cityId });
    const tripId = await insertWeekTrip(db, { memberId: traveller.member.id, cityId });
    const otherTrip = await insertWeekTrip(db, { memberId: carla.member.id, cityId });
    const revision = () => findTripRevision(db, tripId);

    expect(await revision()).toBe(0);
    const offer = (trip: number) => postOffer(ana.client, trip, { startsAt: "2030-03-06T15:00:00Z" });
    const offerId = await offer(tripId);
    let last = await revision();
    expect(last).toBeGreaterThan(0);
    /** Applies a change and expects a higher revision, which then holds while nothing else changes. */
    const expectRaised = async (change: () => Promise<unknown>) => {
      await change();
      const now = await revision();
      expect(now).toBeGreaterThan(last);
      expect(await revision()).toBe(now);
      last = now;
    };
    const expectSame = async (change: () => Promise<unknown>) => {
      await change();
      expect(await revision()).toBe(last);
    };

    // Another trip's offer, and what no view shows, change nothing here.
    await expectSame(() => offer(otherTrip));
    await expectSame(() => db.update(members).set({ bio: "Fintech" }).where(eq(members.id, ana.member.id)));

    await expectRaised(() => db.update(members).set({ name: "Ana Lopez" }).where(eq(members.id, ana.member.id)));
    await expectRaised(() => db.update(members).set({ headline: "Angel" }).where(eq(members.id, ana.member.id)));
    const [row] = await db.select({ venueId: offers.venueId }).from(offers).where(eq(offers.id, offerId));
    await expectRaised(() => db.update(venues).set({ lat: 25.81 }).where(eq(venues.id, row!.venueId!)));
    const slot = await expectRaisedReturning(() =>
      db
        .insert(offerSlots)
        .values({ offerId, startsAt: new Date("2030-03-07T15:00:00Z"), durationMin: 45 })
        .returning({ id: offerSlots.id }),
    );
    await expectRaised(() => db.update(offerSlots).set({ durationMin: 60 }).where(eq(offerSlots.id, slot.id)));
    await expectRaised(() => db.delete(offerSlots).where(eq(offerSlots.id, slot.id)));
    await expectRaised(() =>
      db.insert(offerTimeProposals).values({
        offerId,
        proposedById: traveller.member.id,
        startsAt: new Date("2030-03-08T15:00:00Z"),
        durationMin: 45,
      }),
    );
    await expectRaised(() => db.update(offers).set({ starred: true }).where(eq(offers.id, offerId)));
    await expectRaised(() =>
      db.insert(busyTimes).values({
        tripId,
        startsAt: new Date("2030-03-06T12:00:00Z"),
        endsAt: new Date("2030-03-06T13:00:00Z"),
        label: "Dentist",
      }),
    );
    await expectRaised(() => db.insert(alerts).values({ tripId, memberId: ana.member.id, score: 12.5, reasons: [] }));
    await expectRaised(() => db.update(alerts).set({ score: 13 }).where(eq(alerts.tripId, tripId)));
    await expectSame(() => db.update(alerts).set({ seenAt: new Date() }).where(eq(alerts.tripId, tripId)));
    await expectRaised(() =>
      db.insert(meetings).values({
        offerId,
        tripId,
        cityId,
        hostId: ana.member.id,
        guestId: traveller.member.id,
        kind: "coffee",
        startsAt: new Date("2030-03-06T15:00:00Z"),
        endsAt: new Date("2030-03-06T15:45:00Z"),
      }),
    );
    const [event] = await db
      .insert(events)
      .values({
        cityId,
        hostId: carla.member.id,
        title: "Founders' evening",
        startsAt: new Date("2030-03-07T22:00:00Z"),
        endsAt: new Date("2030-03-08T01:00:00Z"),
        capacity: 40,
      })
      .returning({ id: events.id });
    await expectRaised(() => db.update(offers).set({ eventId: event!.id }).where(eq(offers.id, offerId)));
    await expectRaised(() => db.update(events).set({ seatsTaken: 1 }).where(eq(events.id, event!.id)));
    await expectRaised(() => db.insert(blocks).values({ blockerId: ana.member.id, blockedId: traveller.member.id }));
    await expectRaised(() => db.delete(blocks).where(eq(blocks.blockerId, ana.member.id)));
    await expectRaised(() => db.update(offers).set({ status: "declined" }).where(eq(offers.id, offerId)));
    await expectRaised(() => db.delete(offers).where(eq(offers.id, offerId)));

    /** Like `expectRaised`, with the change's one returned row. */
    async function expectRaisedReturning<T>(change: () => Promise<T[]>): Promise<T> {
      let returned: T[] = [];
      await expectRaised(async () => (returned = await change()));
      return returned[0]!;
    }
  });

  it("rise when the change commits, and not for a change rolled back", async () => {
    const db = harness.context.db;
    const cityId = (await createCity(harness.context)).id;
    const traveller = await createMember(harness, { name: "Pierre Martin" });
    const tripId = await insertWeekTrip(db, { memberId: traveller.member.id, cityId });
    const busy = {
      tripId,
      startsAt: new Date("2030-03-06T12:00:00Z"),
      endsAt: new Date("2030-03-06T13:00:00Z"),
      label: "Dentist",
    };
    await expect(
      db.transaction(async (tx) => {
        await tx.insert(busyTimes).values(busy);
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    expect(await findTripRevision(db, tripId)).toBe(0);
    await db.transaction(async (tx) => {
      await tx.insert(busyTimes).values([busy, { ...busy, label: "Gym" }]);
      // Deferred to the commit: inside the transaction the revision has not moved yet.
      expect(await findTripRevision(tx, tripId)).toBe(0);
    });
    expect(await findTripRevision(db, tripId)).toBe(2);
  });
});
