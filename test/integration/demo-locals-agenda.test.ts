/**
 * The demo locals' offers change what the traveller's agenda is made of, like real offers: writing them queues the
 * trip's `agenda.resolve` (by the announcement's job and by the sweep alike), a no-op run queues nothing, and the
 * queued job stores a plan made of the demo offers.
 */
import { eq } from "drizzle-orm";
import { beforeAll, beforeEach, expect, it } from "vitest";
import { agendaResolveJob } from "../../src/app/agenda/queue-agenda-resolve";
import { replyAsDemoLocals } from "../../src/app/demo/reply-as-demo-locals";
import { replyToUnansweredTrips } from "../../src/app/demo/replies/reply-to-unanswered-trips";
import { seedDemoWorld } from "../../src/app/demo/seed-demo-world";
import { findCityBySlug } from "../../src/db/repositories/cities.repository";
import { agendas, offers, trips } from "../../src/db/schema/arrivals";
import { createAgendaJobHandlers } from "../../src/jobs/agenda-jobs";
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

describeOnDatabases("demo locals' offers re-solve the agenda", (database) => {
  let harness: ReturnType<typeof createTestApp>;
  let traveller: TestMember;
  let miamiId: number;

  const insertTrip = async (createdAt: Date) => {
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
  const resolvesQueued = () =>
    harness.jobs.filter((job) => job.name === agendaResolveJob).map((job) => (job.data as { tripId: number }).tripId);

  beforeAll(async () => {
    await database().reset();
    harness = createTestApp(database().handle, { demo: true });
    harness.context.now = () => fixedNow;
    await seedDemoWorld(harness.context, { membersPerCity: 150, seed: "demo-agenda-test" });
    miamiId = (await findCityBySlug(harness.context.db, "miami"))?.id ?? 0;
    traveller = await createMember(harness, { name: "Pierre Martin" });
  });
  beforeEach(() => {
    harness.jobs.length = 0;
  });

  it("queues the trip's re-solve once the demo offers are written, and not on a no-op run", async () => {
    const tripId = await insertTrip(new Date(fixedNow.getTime() - 60_000));
    expect(await replyAsDemoLocals(harness.context, tripId)).toBeGreaterThan(0);
    expect(resolvesQueued()).toEqual([tripId]);

    harness.jobs.length = 0;
    expect(await replyAsDemoLocals(harness.context, tripId)).toBe(0);
    expect(resolvesQueued()).toEqual([]);

    // The queued job solves a plan from the demo offers.
    await createAgendaJobHandlers(() => harness.context)[agendaResolveJob]!({ tripId });
    const [stored] = await harness.context.db.select().from(agendas).where(eq(agendas.tripId, tripId));
    expect(stored).toBeDefined();
    const demoOfferIds = new Set(
      (await harness.context.db.select({ id: offers.id }).from(offers).where(eq(offers.tripId, tripId))).map(
        (row) => row.id,
      ),
    );
    const planned = JSON.stringify(stored?.plan);
    expect([...demoOfferIds].some((id) => planned.includes(`"offerId":${id}`))).toBe(true);
  });

  it("the sweep's answer queues the re-solve too", async () => {
    const tripId = await insertTrip(new Date(fixedNow.getTime() - 3_600_000));
    expect(await replyToUnansweredTrips(harness.context)).toBeGreaterThan(0);
    expect(resolvesQueued()).toContain(tripId);
  });
});
