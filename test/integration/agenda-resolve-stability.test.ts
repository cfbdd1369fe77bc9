/**
 * Plan stability (issue #4.4): re-solving a trip whose stored plan still holds keeps it when the new plan is no better
 * (the solver is time-budgeted and its ties may fall either way), so no new version is stored and the traveller is
 * not told "your plan changed" when nothing did; a strictly better offer still changes the plan.
 */
import { and, eq } from "drizzle-orm";
import { beforeAll, beforeEach, expect, it } from "vitest";
import { agendaResolveJob } from "../../src/app/agenda/queue-agenda-resolve";
import { agendas, alerts, busyTimes, meetings, offers, trips } from "../../src/db/schema/arrivals";
import { emailOutbox, notifications } from "../../src/db/schema/system";
import { createAgendaJobHandlers } from "../../src/jobs/agenda-jobs";
import { describeOnDatabases } from "../support/databases";
import { createCity, createMember, type TestMember } from "../support/factories";
import { createTestApp, type Client } from "../support/test-app";

// Monday 4 March 2030; the trip is Wednesday 6 to Friday 8 March in Miami (UTC−5 that week).
const fixedNow = new Date("2030-03-04T12:00:00Z");
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked field by field
type Json = any;

describeOnDatabases("agenda re-solving keeps an unchanged week", (database) => {
  let harness: ReturnType<typeof createTestApp>;
  let cityId: number;
  let traveller: TestMember;
  let locals: TestMember[];
  let tripId: number;
  const venue = { name: "Panther Coffee", address: "2390 NW 2nd Ave", lat: 25.8, lon: -80.19 };

  beforeAll(async () => {
    await database().reset();
    harness = createTestApp(database().handle);
    cityId = (await createCity(harness.context)).id;
    traveller = await createMember(harness, { name: "Pierre Martin", locale: "en", emailPreference: "instant" });
    locals = [];
    for (const name of ["Ana", "Ben", "Cleo", "Dev"])
      locals.push(await createMember(harness, { name, homeCityId: cityId }));
  });
  beforeEach(async () => {
    harness.context.now = () => fixedNow;
    for (const table of [agendas, busyTimes, meetings, offers, alerts, notifications, emailOutbox])
      await harness.context.db.delete(table);
    harness.jobs.length = 0;
    const weekly: Record<string, { from: string; to: string }[]> = {};
    for (const day of ["1", "2", "3", "4", "5", "6", "7"]) weekly[day] = [{ from: "08:00", to: "22:00" }];
    const [row] = await harness.context.db
      .insert(trips)
      .values({
        memberId: traveller.member.id,
        cityId,
        arrivalDate: "2030-03-06",
        departureDate: "2030-03-08",
        seeks: "investors in fintech",
        availability: { weekly },
        audience: "members",
        visibleUntil: new Date("2030-03-09T05:00:00Z"),
        fannedOutAt: fixedNow,
      })
      .returning({ id: trips.id });
    tripId = row!.id;
  });

  const local = (index: number) => locals[index]!;
  async function offer(client: Client, kind: string, startsAt: string, durationMinutes: number): Promise<Json> {
    const response = await client.post(`/api/trips/${tripId}/offers`, {
      kind,
      message: "Happy to meet",
      slots: [{ startsAt, durationMinutes }],
      venue,
    });
    expect(response.status).toBe(201);
    return response.json();
  }
  /** Runs the re-solve jobs queued so far, as the queue would (once per trip while one waits). */
  async function runQueuedResolves(): Promise<number> {
    const queued = harness.jobs.filter((job) => job.name === agendaResolveJob);
    harness.jobs.length = 0;
    const handler = createAgendaJobHandlers(() => harness.context)[agendaResolveJob]!;
    for (const tripIdOf of new Set(queued.map((job) => (job.data as { tripId: number }).tripId)))
      await handler({ tripId: tripIdOf });
    return queued.length;
  }
  const versions = async () =>
    (await harness.context.db.select().from(agendas).where(eq(agendas.tripId, tripId)))
      .map((row) => row.version)
      .sort();
  const agendaNotices = async () =>
    harness.context.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.memberId, traveller.member.id), eq(notifications.kind, "agenda_changed")))
      .orderBy(notifications.id);
  const agendaEmails = async () =>
    harness.context.db.select().from(emailOutbox).where(eq(emailOutbox.kind, "agenda_changed")).orderBy(emailOutbox.id);
  const getAgenda = async (): Promise<Json> => {
    const response = await traveller.client.get(`/api/trips/${tripId}/agenda`);
    expect(response.status).toBe(200);
    return response.json();
  };

  it("re-solving with no meaningful change keeps the stored plan of a tie: no new version, no notification", async () => {
    // Two equally matched coffees at the same time: either is an optimal plan.
    const first = await offer(local(0).client, "coffee", "2030-03-06T15:00:00Z", 45);
    const second = await offer(local(1).client, "coffee", "2030-03-06T15:00:00Z", 45);
    await runQueuedResolves();
    expect(await versions()).toEqual([1]);
    const solvedAlone = (await getAgenda()).chosen.map((item: Json) => item.id);
    expect(solvedAlone).toHaveLength(1);

    // Store the other side of the tie, as an earlier solve might have, and forget the inputs it was solved from so
    // that the next run solves again.
    const [row] = await harness.context.db.select().from(agendas).where(eq(agendas.tripId, tripId));
    const plan = row!.plan as Json;
    const [chosen] = plan.chosen;
    const left = plan.unscheduled.find((item: Json) => item.id !== chosen.id);
    expect(left).toBeDefined();
    const [leftOffer] = await harness.context.db
      .select({ venueId: offers.venueId })
      .from(offers)
      .where(eq(offers.id, left.offerId));
    const swapped = {
      ...plan,
      inputsKey: undefined,
      chosen: [
        {
          ...chosen,
          id: left.id,
          offerId: left.offerId,
          counterpart: left.counterpart,
          venue: { ...chosen.venue, id: leftOffer!.venueId },
        },
      ],
      unscheduled: plan.unscheduled.map((item: Json) =>
        item.id === left.id
          ? { ...item, id: chosen.id, offerId: chosen.offerId, counterpart: chosen.counterpart }
          : item,
      ),
    };
    await harness.context.db
      .update(agendas)
      .set({ plan: swapped })
      .where(and(eq(agendas.tripId, tripId), eq(agendas.version, 1)));
    const kept = [left.id];
    expect(kept).not.toEqual(solvedAlone);
    expect([`offer-${first.id}`, `offer-${second.id}`]).toContain(left.id);

    // The job runs again (as after an offer event that changes nothing): the stored plan stays.
    const handler = createAgendaJobHandlers(() => harness.context)[agendaResolveJob]!;
    await handler({ tripId });
    await handler({ tripId });
    expect(await versions()).toEqual([1]);
    expect(await agendaNotices()).toEqual([]);
    expect(await agendaEmails()).toEqual([]);
    const shown = await getAgenda();
    expect(shown.version).toBe(1);
    expect(shown.chosen.map((item: Json) => item.id)).toEqual(kept);

    // A strictly better offer (starred, at the same time) still changes the plan, and the traveller is told.
    const better = await offer(local(2).client, "coffee", "2030-03-06T15:00:00Z", 45);
    expect((await traveller.client.post(`/api/offers/${better.id}/star`, { starred: true })).status).toBe(200);
    await runQueuedResolves();
    expect(await versions()).toEqual([1, 2]);
    expect((await getAgenda()).chosen.map((item: Json) => item.id)).toEqual([`offer-${better.id}`]);
    const notices = await agendaNotices();
    expect(notices).toHaveLength(1);
    expect(notices[0]?.payload).toMatchObject({
      version: 2,
      changes: { added: [`offer-${better.id}`], removed: kept, moved: [] },
    });
  });
});
