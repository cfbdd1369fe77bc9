/**
 * The agenda solve runs in the context's worker pool, and two concurrent resolves of one trip's unchanged inputs
 * share one solve; changed inputs are solved again.
 */
import { eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import type { AgendaSolver } from "../../src/app/agenda/agenda-solver";
import { resolveTripAgenda } from "../../src/app/agenda/resolve-trip-agenda";
import { agendas } from "../../src/db/schema/arrivals";
import { describeOnDatabases } from "../support/databases";
import { createCity, createMember, insertWeekTrip, postOffer, type TestMember } from "../support/factories";
import { createTestApp } from "../support/test-app";

const fixedNow = new Date("2030-03-04T12:00:00Z");

describeOnDatabases("agenda solves shared between concurrent resolves", (database) => {
  let harness: ReturnType<typeof createTestApp>;
  let locals: TestMember[];
  let tripId: number;
  /** The candidate count of every solve the pool was asked for. */
  const solves: number[] = [];
  /** Wakes the solves held until a second one arrives (a failure) or the hold ends. */
  let wake = (): void => {};

  beforeAll(async () => {
    await database().reset();
    harness = createTestApp(database().handle);
    harness.context.now = () => fixedNow;
    const cityId = (await createCity(harness.context)).id;
    const traveller = await createMember(harness, { name: "Pierre Martin" });
    locals = [];
    for (const name of ["Ana", "Ben", "Cleo", "Dev"])
      locals.push(await createMember(harness, { name, homeCityId: cityId }));
    tripId = await insertWeekTrip(harness.context.db, { memberId: traveller.member.id, cityId, fannedOutAt: fixedNow });
    // The real pool, counted on its way in. A solve of a few offers takes a few milliseconds, less than the second
    // resolve's reads may take: each solve is held back a second (or until another arrives, which fails the test),
    // so that the two resolves overlap whatever the database's timing.
    const pool = harness.context.agendaSolver;
    const counted: AgendaSolver = {
      solve: async (request) => {
        solves.push(request.input.candidates.length);
        wake();
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, 1_000);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        return pool.solve(request);
      },
      pending: () => pool.pending(),
      close: () => pool.close(),
    };
    harness.context.agendaSolver = counted;
    return () => pool.close();
  });

  const versions = async () =>
    (await harness.context.db.select().from(agendas).where(eq(agendas.tripId, tripId))).map((row) => row.version);

  it("two concurrent resolves of the same inputs solve once and answer the same version", async () => {
    const coffee = await postOffer(locals[0]!.client, tripId, {
      kind: "coffee",
      startsAt: "2030-03-06T15:00:00Z",
      durationMinutes: 45,
    });
    await postOffer(locals[1]!.client, tripId, {
      kind: "lunch",
      startsAt: "2030-03-07T17:00:00Z",
      durationMinutes: 60,
    });

    const [first, second] = await Promise.all([
      resolveTripAgenda(harness.context, tripId),
      resolveTripAgenda(harness.context, tripId),
    ]);
    expect(solves).toEqual([2]);
    expect(first.version).toBe(1);
    expect(second.version).toBe(1);
    expect([first.stored, second.stored].sort()).toEqual([false, true]);
    expect(second.plan).toEqual(first.plan);
    expect(first.plan.chosen.map((item) => item.offerId)).toContain(coffee);
    expect(await versions()).toEqual([1]);

    // Unchanged inputs afterwards: the stored plan answers, nothing is solved.
    await resolveTripAgenda(harness.context, tripId);
    expect(solves).toEqual([2]);
  });

  it("changed inputs are solved again, once for two concurrent resolves", async () => {
    await postOffer(locals[2]!.client, tripId, {
      kind: "dinner",
      startsAt: "2030-03-07T00:00:00Z",
      durationMinutes: 90,
    });
    const before = solves.length;
    const [first, second] = await Promise.all([
      resolveTripAgenda(harness.context, tripId),
      resolveTripAgenda(harness.context, tripId),
    ]);
    expect(solves.slice(before)).toEqual([3]);
    expect(first.version).toBe(2);
    expect(second.version).toBe(2);
    expect(first.plan.chosen).toHaveLength(3);
    expect(await versions()).toEqual([1, 2]);
  });

  it("a failed solve rejects both sharers and is not remembered: the next resolve solves", async () => {
    const pool = harness.context.agendaSolver;
    harness.context.agendaSolver = {
      solve: (request) => pool.solve({ ...request, input: { ...request.input, candidates: null as never } }),
      pending: () => pool.pending(),
      close: () => pool.close(),
    };
    await postOffer(locals[3]!.client, tripId, {
      kind: "coffee",
      startsAt: "2030-03-08T14:00:00Z",
      durationMinutes: 30,
    });
    const outcomes = await Promise.allSettled([
      resolveTripAgenda(harness.context, tripId),
      resolveTripAgenda(harness.context, tripId),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(["rejected", "rejected"]);
    harness.context.agendaSolver = pool;
    const resolved = await resolveTripAgenda(harness.context, tripId);
    expect(resolved.version).toBe(3);
    expect(resolved.plan.chosen).toHaveLength(4);
  });
});
