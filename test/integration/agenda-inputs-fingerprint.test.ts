/**
 * The database's fingerprint of what a trip's agenda is solved from (`findAgendaInputsFingerprint`): the same while
 * nothing changes, different after any change the plan depends on (an offer, its status, its sender's name, its
 * venue, its slots, the trip's busy times, its alert scores), and blind to other trips.
 */
import { eq } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import { findAgendaInputsFingerprint } from "../../src/db/repositories/agenda.repository";
import { alerts, busyTimes, offers, offerSlots } from "../../src/db/schema/arrivals";
import { members, venues } from "../../src/db/schema/people";
import { describeOnDatabases } from "../support/databases";
import { createCity, createMember, insertWeekTrip, postOffer } from "../support/factories";
import { createTestApp } from "../support/test-app";

describeOnDatabases("agenda inputs fingerprint", (database) => {
  let harness: ReturnType<typeof createTestApp>;
  beforeEach(async () => {
    await database().reset();
    harness = createTestApp(database().handle);
    harness.context.now = () => new Date("2030-03-04T12:00:00Z");
  });

  it("changes with every input of the plan, and with nothing else", async () => {
    const db = harness.context.db;
    const cityId = (await createCity(harness.context)).id;
    const traveller = await createMember(harness, { name: "Pierre Martin" });
    const ana = await createMember(harness, { name: "Ana", homeCityId: cityId });
    const tripId = await insertWeekTrip(db, { memberId: traveller.member.id, cityId });
    const otherTrip = await insertWeekTrip(db, { memberId: traveller.member.id, cityId });
    const fingerprint = () => findAgendaInputsFingerprint(db, tripId);

    const empty = await fingerprint();
    expect(empty).toMatch(/^[0-9a-f]{32}$/);
    expect(await fingerprint()).toBe(empty);

    const offer = (trip: number) => postOffer(ana.client, trip, { startsAt: "2030-03-06T15:00:00Z" });
    const offerId = await offer(tripId);
    const seen = new Set([empty]);
    /** Applies a change and expects a fingerprint never seen before. */
    const expectNew = async (change: () => Promise<unknown>) => {
      await change();
      const now = await fingerprint();
      expect(seen.has(now)).toBe(false);
      seen.add(now);
      expect(await fingerprint()).toBe(now);
    };
    await expectNew(async () => {});
    // Another trip's offer changes nothing here.
    const before = await fingerprint();
    await offer(otherTrip);
    expect(await fingerprint()).toBe(before);

    await expectNew(() => db.update(members).set({ name: "Ana Lopez" }).where(eq(members.id, ana.member.id)));
    const [row] = await db.select({ venueId: offers.venueId }).from(offers).where(eq(offers.id, offerId));
    await expectNew(() => db.update(venues).set({ lat: 25.81 }).where(eq(venues.id, row!.venueId!)));
    await expectNew(() =>
      db.insert(offerSlots).values({ offerId, startsAt: new Date("2030-03-07T15:00:00Z"), durationMin: 45 }),
    );
    await expectNew(() => db.update(offerSlots).set({ durationMin: 60 }).where(eq(offerSlots.offerId, offerId)));
    await expectNew(() => db.update(offers).set({ starred: true }).where(eq(offers.id, offerId)));
    await expectNew(() =>
      db.insert(busyTimes).values({
        tripId,
        startsAt: new Date("2030-03-06T12:00:00Z"),
        endsAt: new Date("2030-03-06T13:00:00Z"),
        label: "Dentist",
      }),
    );
    await expectNew(() => db.insert(alerts).values({ tripId, memberId: ana.member.id, score: 12.5, reasons: [] }));
    await expectNew(() => db.update(alerts).set({ score: 13 }).where(eq(alerts.tripId, tripId)));
    // A declined offer leaves the agenda: the fingerprint is the one of a trip without offers, but with busy times.
    await expectNew(() => db.update(offers).set({ status: "declined" }).where(eq(offers.id, offerId)));
  });
});
