/**
 * The traveller's agenda page never waits behind other solves: when the offers changed since the stored plan and
 * the solver is busy, GET answers the stored plan at once with `updating: true`; once the solve has stored the new
 * plan, GET answers it with `updating: false`. With the solver idle, GET solves but waits at most `agendaWaitMs`
 * before answering the stored plan the same way. A trip without any stored plan is solved, busy or not.
 */
import { beforeEach, expect, it } from "vitest";
import type { AgendaSolver } from "../../src/app/agenda/agenda-solver";
import { resolveTripAgenda } from "../../src/app/agenda/resolve-trip-agenda";
import { describeOnDatabases } from "../support/databases";
import { createCity, createMember, insertWeekTrip, postOffer, type TestMember } from "../support/factories";
import { createTestApp } from "../support/test-app";

const fixedNow = new Date("2030-03-04T12:00:00Z");

interface AgendaJson {
  version: number;
  updating: boolean;
  chosen: { offerId: number }[];
  unscheduled: { offerId: number }[];
}

describeOnDatabases("agenda while the solver is busy", (database) => {
  let harness: ReturnType<typeof createTestApp>;
  let traveller: TestMember;
  let locals: TestMember[];
  let cityId: number;
  /** While true, each solve waits for `release()` before it reaches the real pool. */
  let holding = false;
  let held = 0;
  let releases: (() => void)[] = [];
  const release = () => {
    holding = false;
    for (const go of releases.splice(0)) go();
  };

  beforeEach(async () => {
    await database().reset();
    harness = createTestApp(database().handle);
    harness.context.now = () => fixedNow;
    cityId = (await createCity(harness.context)).id;
    traveller = await createMember(harness, { name: "Pierre Martin" });
    locals = [];
    for (const name of ["Ana", "Ben", "Cleo"]) locals.push(await createMember(harness, { name, homeCityId: cityId }));
    const pool = harness.context.agendaSolver;
    const heldBack: AgendaSolver = {
      solve: async (request) => {
        if (holding) {
          held += 1;
          await new Promise<void>((resolve) => releases.push(resolve));
          held -= 1;
        }
        return pool.solve(request);
      },
      pending: () => held + pool.pending(),
      close: () => pool.close(),
    };
    harness.context.agendaSolver = heldBack;
    holding = false;
    held = 0;
    releases = [];
    return () => pool.close();
  });

  const agendaOf = async (tripId: number) => {
    const response = await traveller.client.get(`/api/trips/${tripId}/agenda`);
    expect(response.status).toBe(200);
    return (await response.json()) as AgendaJson;
  };
  const offerIds = (agenda: AgendaJson) => [...agenda.chosen, ...agenda.unscheduled].map((item) => item.offerId);

  it("answers the stored plan marked updating while another solve runs, then the new plan", async () => {
    const tripId = await insertWeekTrip(harness.context.db, { memberId: traveller.member.id, cityId });
    const first = await postOffer(locals[0]!.client, tripId, { startsAt: "2030-03-06T15:00:00Z" });
    const v1 = await agendaOf(tripId);
    expect(v1).toMatchObject({ version: 1, updating: false });
    expect(offerIds(v1)).toEqual([first]);

    const second = await postOffer(locals[1]!.client, tripId, { startsAt: "2030-03-07T15:00:00Z" });
    // The re-solve the change queued, as the job runs it: held in the solver, which is now busy.
    holding = true;
    const job = resolveTripAgenda(harness.context, tripId);
    while (held === 0) await new Promise((resolve) => setTimeout(resolve, 5));

    const stale = await agendaOf(tripId);
    expect(stale).toMatchObject({ version: 1, updating: true });
    expect(offerIds(stale)).toEqual([first]);

    release();
    expect((await job).version).toBe(2);
    const fresh = await agendaOf(tripId);
    expect(fresh).toMatchObject({ version: 2, updating: false });
    expect(offerIds(fresh).sort((a, b) => a - b)).toEqual([first, second].sort((a, b) => a - b));
  });

  it("solves when the solver is idle, and solves a trip without a stored plan even when it is busy", async () => {
    const tripId = await insertWeekTrip(harness.context.db, { memberId: traveller.member.id, cityId });
    await postOffer(locals[0]!.client, tripId, { startsAt: "2030-03-06T15:00:00Z" });
    expect(await agendaOf(tripId)).toMatchObject({ version: 1, updating: false });
    // Changed inputs, idle solver: GET solves and answers the new plan.
    const second = await postOffer(locals[1]!.client, tripId, { startsAt: "2030-03-07T15:00:00Z" });
    const solved = await agendaOf(tripId);
    expect(solved).toMatchObject({ version: 2, updating: false });
    expect(offerIds(solved)).toContain(second);
    // Asked again, unchanged: the stored plan answers as the JSON it is stored as, equal to the solved answer.
    expect(await agendaOf(tripId)).toEqual(solved);

    // Another trip, never solved: its GET waits for its own solve rather than answering nothing.
    const other = await insertWeekTrip(harness.context.db, { memberId: traveller.member.id, cityId });
    const third = await postOffer(locals[2]!.client, other, { startsAt: "2030-03-06T18:00:00Z" });
    // A change to the first trip, whose re-solve keeps the solver busy.
    await postOffer(locals[2]!.client, tripId, { startsAt: "2030-03-07T18:00:00Z" });
    holding = true;
    const busy = resolveTripAgenda(harness.context, tripId);
    while (held === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    const waiting = agendaOf(other);
    while (held < 2) await new Promise((resolve) => setTimeout(resolve, 5));
    release();
    const firstPlan = await waiting;
    expect(firstPlan).toMatchObject({ version: 1, updating: false });
    expect(offerIds(firstPlan)).toEqual([third]);
    await busy;
  });

  it("waits at most agendaWaitMs for a re-solve, then answers the stored plan marked updating while it goes on", async () => {
    harness.context.settings.agendaWaitMs = 50;
    const tripId = await insertWeekTrip(harness.context.db, { memberId: traveller.member.id, cityId });
    const first = await postOffer(locals[0]!.client, tripId, { startsAt: "2030-03-06T15:00:00Z" });
    expect(await agendaOf(tripId)).toMatchObject({ version: 1, updating: false });

    // The offers change and the solver is idle: GET starts the re-solve, which takes longer than the wait.
    const second = await postOffer(locals[1]!.client, tripId, { startsAt: "2030-03-07T15:00:00Z" });
    holding = true;
    const asked = Date.now();
    const stale = await agendaOf(tripId);
    expect(Date.now() - asked).toBeLessThan(5_000);
    expect(stale).toMatchObject({ version: 1, updating: true });
    expect(offerIds(stale)).toEqual([first]);
    expect(held).toBe(1);

    // The solve went on: released, it stores the new plan, which the next GET answers.
    release();
    while (held > 0 || harness.context.agendaSolver.pending() > 0)
      await new Promise((resolve) => setTimeout(resolve, 5));
    let fresh = await agendaOf(tripId);
    for (let tries = 0; fresh.version < 2 && tries < 200; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      fresh = await agendaOf(tripId);
    }
    expect(fresh).toMatchObject({ version: 2, updating: false });
    expect(offerIds(fresh).sort((a, b) => a - b)).toEqual([first, second].sort((a, b) => a - b));
  });
});
