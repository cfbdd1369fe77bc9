import { eq } from "drizzle-orm";
import { Temporal } from "temporal-polyfill";
import { beforeAll, expect, it } from "vitest";
import { queueDemoReplies, replyAsDemoLocals } from "../../src/app/demo/reply-as-demo-locals";
import { replyToUnansweredTrips } from "../../src/app/demo/replies/reply-to-unanswered-trips";
import { demoPersonasKey, type DemoPersona } from "../../src/app/demo/demo-personas";
import { seedDemoWorld } from "../../src/app/demo/seed-demo-world";
import { findCityBySlug } from "../../src/db/repositories/cities.repository";
import { readSetting } from "../../src/db/repositories/settings.repository";
import { offers, trips } from "../../src/db/schema/arrivals";
import { events } from "../../src/db/schema/gatherings";
import { emailOutbox } from "../../src/db/schema/system";
import { availabilityKindsOf, type OfferKind } from "../../src/domain/offers/offer-kinds";
import { isInsideAvailability } from "../../src/domain/offers/stay";
import { describeOnDatabases } from "../support/databases";
import { createMember, type TestMember } from "../support/factories";
import { createTestApp } from "../support/test-app";

// Monday 4 March 2030; the trip runs Monday 11 to Friday 15 March in Miami.
const fixedNow = new Date("2030-03-04T12:00:00Z");
const weekday = [
  { from: "08:30", to: "19:00" },
  { from: "19:00", to: "23:00", kinds: ["dinner", "event"] },
];
const availability = {
  weekly: { "1": weekday, "2": weekday, "3": weekday, "4": weekday, "5": weekday, "6": [], "7": [] },
};

interface OfferJson {
  id: number;
  kind: OfferKind;
  message: string;
  eventId: number | null;
  sender: { memberId: number; isDemo: boolean };
  venue: { id: number } | null;
  slots: { startsAt: string; durationMinutes: number }[];
}

describeOnDatabases("demo locals", (database) => {
  let harness: ReturnType<typeof createTestApp>;
  let traveller: TestMember;
  let miamiId: number;

  const insertTrip = async (createdAt = new Date(fixedNow.getTime() - 60_000)) => {
    const [row] = await harness.context.db
      .insert(trips)
      .values({
        memberId: traveller.member.id,
        cityId: miamiId,
        arrivalDate: "2030-03-11",
        departureDate: "2030-03-15",
        seeks: "investors in fintech",
        availability,
        visibleUntil: new Date("2030-03-16T05:00:00Z"),
        createdAt,
      })
      .returning({ id: trips.id });
    return row?.id ?? 0;
  };

  beforeAll(async () => {
    await database().reset();
    harness = createTestApp(database().handle, { demo: true });
    harness.context.now = () => fixedNow;
    await seedDemoWorld(harness.context, { membersPerCity: 150, seed: "demo-locals-test" });
    miamiId = (await findCityBySlug(harness.context.db, "miami"))?.id ?? 0;
    traveller = await createMember(harness, { name: "Pierre Martin", locale: "fr" });
  });

  it("answers a real member's trip to Miami with eight timed offers and two event invitations, once", async () => {
    const tripId = await insertTrip();
    await queueDemoReplies(harness.context, tripId);
    expect(harness.jobs).toContainEqual({ name: "demo.reply", data: { tripId } });

    expect(await replyAsDemoLocals(harness.context, tripId)).toBeGreaterThanOrEqual(10);
    expect(await replyAsDemoLocals(harness.context, tripId)).toBe(0);

    const response = await traveller.client.get(`/api/trips/${tripId}/offers`);
    expect(response.status).toBe(200);
    const list = ((await response.json()) as { offers: OfferJson[] }).offers;
    expect(list.length).toBeGreaterThanOrEqual(10);
    expect(list.every((offer) => offer.sender.isDemo)).toBe(true);
    const perSender = new Map<number, number>();
    for (const offer of list) perSender.set(offer.sender.memberId, (perSender.get(offer.sender.memberId) ?? 0) + 1);
    // One offer per local: the agenda meets each member once, so every offer can be accepted together.
    expect(Math.max(...perSender.values())).toBe(1);

    const timed = list.filter((offer) => ["coffee", "lunch", "dinner", "visit"].includes(offer.kind));
    expect(timed.length).toBeGreaterThanOrEqual(8);
    expect(new Set(timed.map((offer) => offer.kind))).toEqual(new Set(["coffee", "lunch", "dinner", "visit"]));
    const days = new Set<string>();
    for (const offer of list) {
      expect(offer.slots.length).toBeGreaterThanOrEqual(1);
      expect(offer.message).toContain("investors in fintech");
      for (const slot of offer.slots) {
        const start = Temporal.Instant.from(slot.startsAt);
        const local = start.toZonedDateTimeISO("America/New_York");
        days.add(local.toPlainDate().toString());
        expect(local.toPlainDate().toString() >= "2030-03-11" && local.toPlainDate().toString() <= "2030-03-15").toBe(
          true,
        );
        expect(
          isInsideAvailability(
            availability,
            "America/New_York",
            start,
            slot.durationMinutes,
            availabilityKindsOf(offer.kind),
          ),
          `${offer.kind} at ${local.toString()}`,
        ).toBe(true);
        const minute = local.hour * 60 + local.minute;
        if (offer.kind === "lunch")
          expect(minute >= 12 * 60 && minute + slot.durationMinutes <= 14 * 60 + 30).toBe(true);
        if (offer.kind === "dinner") expect(minute >= 19 * 60 && minute + slot.durationMinutes <= 23 * 60).toBe(true);
      }
      if (offer.kind !== "advice") expect(offer.venue).not.toBeNull();
    }
    expect(days.size).toBeGreaterThanOrEqual(3);

    const invitations = list.filter((offer) => offer.kind === "event_invitation");
    expect(invitations.length).toBeGreaterThanOrEqual(2);
    for (const invitation of invitations) {
      const [event] = await harness.context.db
        .select()
        .from(events)
        .where(eq(events.id, invitation.eventId ?? 0));
      expect(event?.cityId).toBe(miamiId);
      expect(event?.startsAt.toISOString()).toBe(invitation.slots[0]?.startsAt);
    }
    // Evening events, on two different days.
    const eveningStarts = invitations.map((invitation) =>
      Temporal.Instant.from(invitation.slots[0]?.startsAt ?? "").toZonedDateTimeISO("America/New_York"),
    );
    for (const start of eveningStarts) expect(start.hour).toBeGreaterThanOrEqual(17);
    expect(new Set(eveningStarts.map((start) => start.toPlainDate().toString())).size).toBe(invitations.length);
    const emails = await harness.context.db
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.toAddress, traveller.email));
    expect(emails.length).toBe(list.length);
  });

  it("answers even when a persona offered by hand first, and never answers as a persona", async () => {
    const tripId = await insertTrip();
    const personas = (await readSetting<DemoPersona[]>(harness.context.db, demoPersonasKey)) ?? [];
    const local = personas.find((persona) => persona.city === "miami");
    if (!local) throw new Error("no Miami persona");
    await harness.context.db
      .insert(offers)
      .values({ tripId, senderId: local.memberId, kind: "coffee", message: "Hi!" });

    // The sweep still sees the trip as unanswered, and the reply writes the demo locals' offers.
    expect(await replyToUnansweredTrips(harness.context)).toBeGreaterThanOrEqual(10);
    const senders = await harness.context.db
      .select({ senderId: offers.senderId })
      .from(offers)
      .where(eq(offers.tripId, tripId));
    const personaIds = new Set(personas.map((persona) => persona.memberId));
    expect(senders.filter((row) => personaIds.has(row.senderId))).toEqual([{ senderId: local.memberId }]);
    expect(await replyAsDemoLocals(harness.context, tripId)).toBe(0);
  });

  it("catches a trip whose reply was never queued, and leaves demo travellers alone", async () => {
    const tripId = await insertTrip();
    expect(await replyToUnansweredTrips(harness.context)).toBeGreaterThanOrEqual(10);
    expect(await replyToUnansweredTrips(harness.context)).toBe(0);
    const count = await harness.context.db.select({ id: offers.id }).from(offers).where(eq(offers.tripId, tripId));
    expect(count.length).toBeGreaterThanOrEqual(10);

    const [demoTrip] = await harness.context.db.select().from(trips).where(eq(trips.cityId, miamiId)).limit(1);
    if (demoTrip && demoTrip.memberId !== traveller.member.id)
      expect(await replyAsDemoLocals(harness.context, demoTrip.id)).toBe(0);
  });
});
