/**
 * Re-solving (issue #4.4): offers arriving, accepted, declined or withdrawn queue `agenda.resolve`; the job stores a
 * new version only when the plan changed, keeps accepted items locked, and tells the traveller what changed (in-app
 * and, by their preference, by email). The candidate values use the senders' real match scores. A stored plan that
 * still holds is kept when the new one is no better (plan stability).
 */
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { buildAgendaInput, matchScoreOf } from "../../src/app/agenda/build-agenda-input";
import { agendaResolveJob } from "../../src/app/agenda/queue-agenda-resolve";
import type { AgendaOfferRow } from "../../src/db/repositories/agenda.repository";
import { agendas, alerts, busyTimes, meetings, offers } from "../../src/db/schema/arrivals";
import { emailOutbox, notifications } from "../../src/db/schema/system";
import { createAgendaJobHandlers } from "../../src/jobs/agenda-jobs";
import { describeOnDatabases } from "../support/databases";
import { createCity, createMember, insertWeekTrip, type TestMember } from "../support/factories";
import { createViewCache } from "../../src/app/view-cache";
import { createTestApp, type Client } from "../support/test-app";

// Monday 4 March 2030; the trip is Wednesday 6 to Friday 8 March in Miami (UTC−5 that week).
const fixedNow = new Date("2030-03-04T12:00:00Z");
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked field by field
type Json = any;

describeOnDatabases("agenda re-solving", (database) => {
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
    tripId = await insertWeekTrip(harness.context.db, { memberId: traveller.member.id, cityId, fannedOutAt: fixedNow });
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

  it("an arriving offer stores a new version with the change listed, tells the traveller once, GET shows it", async () => {
    const coffee = await offer(local(0).client, "coffee", "2030-03-06T15:00:00Z", 45);
    expect(await runQueuedResolves()).toBe(1);
    expect(await versions()).toEqual([1]);
    // The first plan is not news: the offer was.
    expect(await agendaNotices()).toEqual([]);

    const dinner = await offer(local(1).client, "dinner", "2030-03-08T00:00:00Z", 90);
    expect(await runQueuedResolves()).toBe(1);
    expect(await versions()).toEqual([1, 2]);
    const [notice] = await agendaNotices();
    expect(notice?.payload).toMatchObject({
      tripId,
      version: 2,
      changes: { added: [`offer-${dinner.id}`], removed: [], moved: [] },
    });
    const [email] = await agendaEmails();
    expect(email?.messageId).toBe(`<agenda-${tripId}-v2@localhost>`);
    expect(email?.subject).toBe("Your agenda in Miami changed");
    expect(email?.textBody).toContain("added: Ben (dinner)");

    const shown = await getAgenda();
    expect(shown.version).toBe(2);
    expect(shown.changes).toEqual({ added: [`offer-${dinner.id}`], removed: [], moved: [] });
    expect(shown.chosen.map((item: Json) => item.id)).toEqual([`offer-${coffee.id}`, `offer-${dinner.id}`]);

    // Idempotent: the same job again stores and tells nothing more.
    await createAgendaJobHandlers(() => harness.context)[agendaResolveJob]!({ tripId });
    expect(await versions()).toEqual([1, 2]);
    expect(await agendaNotices()).toHaveLength(1);
    expect(await agendaEmails()).toHaveLength(1);
  });

  it("a declined offer leaves the plan; a withdrawn one too; each queues the re-solve", async () => {
    const coffee = await offer(local(0).client, "coffee", "2030-03-06T15:00:00Z", 45);
    const lunch = await offer(local(1).client, "lunch", "2030-03-07T17:00:00Z", 60);
    await runQueuedResolves();
    expect((await getAgenda()).chosen).toHaveLength(2);

    expect((await traveller.client.post(`/api/offers/${lunch.id}/decline`, { note: "Thanks!" })).status).toBe(200);
    expect(await runQueuedResolves()).toBe(1);
    const afterDecline = await getAgenda();
    expect(afterDecline.chosen.map((item: Json) => item.id)).toEqual([`offer-${coffee.id}`]);
    expect(afterDecline.changes).toEqual({ added: [], removed: [`offer-${lunch.id}`], moved: [] });
    expect((await agendaNotices()).at(-1)?.payload).toMatchObject({ changes: { removed: [`offer-${lunch.id}`] } });

    expect((await local(0).client.post(`/api/offers/${coffee.id}/withdraw`)).status).toBe(200);
    expect(await runQueuedResolves()).toBe(1);
    const afterWithdraw = await getAgenda();
    expect(afterWithdraw.chosen).toEqual([]);
    expect(afterWithdraw.changes.removed).toEqual([`offer-${coffee.id}`]);
  });

  it("keeps an accepted item locked when a starred, overlapping offer arrives", async () => {
    const coffee = await offer(local(0).client, "coffee", "2030-03-06T15:00:00Z", 45);
    expect(
      (await traveller.client.post(`/api/offers/${coffee.id}/accept`, { slotId: coffee.slots[0].id })).status,
    ).toBe(200);
    expect(await runQueuedResolves()).toBe(2);
    // Accepting locked the item where it was: a new version, but nothing to tell.
    expect((await getAgenda()).chosen).toEqual([expect.objectContaining({ id: `offer-${coffee.id}`, locked: true })]);
    expect(await agendaNotices()).toEqual([]);
    const rival = await offer(local(2).client, "lunch", "2030-03-06T15:15:00Z", 60);
    expect((await traveller.client.post(`/api/offers/${rival.id}/star`, { starred: true })).status).toBe(200);
    await runQueuedResolves();
    const shown = await getAgenda();
    expect(shown.chosen).toEqual([expect.objectContaining({ id: `offer-${coffee.id}`, locked: true })]);
    expect(shown.unscheduled).toEqual([expect.objectContaining({ id: `offer-${rival.id}` })]);
  });

  it("uses the senders' alert scores: of two clashing offers, the better-matched local's is chosen", async () => {
    await harness.context.db.insert(alerts).values([
      { tripId, memberId: local(0).member.id, score: 20, reasons: [] },
      { tripId, memberId: local(3).member.id, score: 80, reasons: [] },
    ]);
    // Same kind, same time: with one fixed score the first offer would win the tie.
    await offer(local(0).client, "coffee", "2030-03-06T15:00:00Z", 45);
    const better = await offer(local(3).client, "coffee", "2030-03-06T15:00:00Z", 45);
    await runQueuedResolves();
    expect((await getAgenda()).chosen.map((item: Json) => item.id)).toEqual([`offer-${better.id}`]);
  });
  it("GET shows the stored plan while its inputs are unchanged and solves again only once they change", async () => {
    const coffee = await offer(local(0).client, "coffee", "2030-03-06T15:00:00Z", 45);
    await runQueuedResolves();
    // Mark the stored plan: a GET that solved again would answer the solver's name, not the mark.
    await harness.context.db
      .update(agendas)
      .set({ plan: sql`jsonb_set(${agendas.plan}, '{solver}', '"stored-mark"')` })
      .where(eq(agendas.tripId, tripId));
    const unchanged = await getAgenda();
    expect(unchanged).toMatchObject({ version: 1, solver: "stored-mark" });
    expect(unchanged.chosen.map((item: Json) => item.id)).toEqual([`offer-${coffee.id}`]);
    expect(unchanged).not.toHaveProperty("inputsKey");

    // A new offer changes the inputs: GET solves before the job runs, and the job finds nothing left to do.
    const dinner = await offer(local(1).client, "dinner", "2030-03-08T00:00:00Z", 90);
    const changed = await getAgenda();
    expect(changed.version).toBe(2);
    expect(changed.solver).not.toBe("stored-mark");
    expect(changed.changes.added).toEqual([`offer-${dinner.id}`]);
    await runQueuedResolves();
    expect(await versions()).toEqual([1, 2]);

    // A starred offer that changes no choice keeps the version, and its inputs are remembered on it.
    expect((await traveller.client.post(`/api/offers/${dinner.id}/star`, { starred: true })).status).toBe(200);
    expect((await getAgenda()).version).toBe(2);
    await harness.context.db
      .update(agendas)
      .set({ plan: sql`jsonb_set(${agendas.plan}, '{solver}', '"stored-mark"')` })
      .where(and(eq(agendas.tripId, tripId), eq(agendas.version, 2)));
    expect(await getAgenda()).toMatchObject({ version: 2, solver: "stored-mark" });
  });

  // Plan stability: the solver is time-budgeted and its ties may fall either way; a stored plan that still holds is
  // kept when the new plan is no better, so the traveller is not told "your plan changed" when nothing did.
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
    // The product never rewrites a stored version (the view cache keeps each one's text): this hand-made one drops it.
    harness.context.viewCache = createViewCache();
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

describe("agenda input: match scores and event crowds", () => {
  const trip = {
    kind: "visit",
    arrivalDate: "2030-03-06",
    departureDate: "2030-03-06",
    availability: { weekly: { "3": [{ from: "08:00", to: "23:00" }] } },
    maxMeetingsPerDay: 4,
    timeZone: "America/New_York",
  };
  const row = (id: number, kind: string, extra: Partial<AgendaOfferRow> = {}): AgendaOfferRow => ({
    id,
    kind,
    status: "open",
    starred: false,
    acceptedSlotId: null,
    senderId: 100 + id,
    senderName: `Sender ${id}`,
    venue: null,
    alertScore: null,
    attendeeCount: null,
    ...extra,
  });
  const slot = (offerId: number) => ({
    id: offerId,
    offerId,
    startsAt: new Date("2030-03-07T00:00:00Z"),
    durationMin: 60,
  });

  it("scales match scores by the trip's best alert and values a crowded event above an empty one", () => {
    expect(matchScoreOf(80, 80)).toBe(1);
    expect(matchScoreOf(20, 80)).toBe(0.25);
    expect(matchScoreOf(null, 80)).toBe(0.5);
    const { input } = buildAgendaInput(
      trip,
      [
        row(1, "coffee", { alertScore: 80 }),
        row(2, "coffee", { alertScore: 20 }),
        row(3, "event_invitation", { attendeeCount: 40 }),
        row(4, "event_invitation", { attendeeCount: 0 }),
      ],
      [slot(1), slot(2), slot(3), slot(4)],
      [],
      80,
    );
    const value = (id: number) => input.candidates.find((candidate) => candidate.id === `offer-${id}`)!.value;
    expect(value(1)).toBeGreaterThan(value(2));
    expect(value(3)).toBeGreaterThan(value(4));
  });
});
