/**
 * One-click alternative (#4.3): the traveller proposes the agenda's alternative start for an offer it left out; the
 * proposal joins the thread and the sender is notified; the sender accepts it, which adds that slot, and the
 * re-solved agenda then schedules the offer.
 */
import { and, eq } from "drizzle-orm";
import { beforeAll, beforeEach, expect, it } from "vitest";
import { agendaResolveJob } from "../../src/app/agenda/queue-agenda-resolve";
import { agendas, meetings, offers, offerTimeProposals } from "../../src/db/schema/arrivals";
import { notifications } from "../../src/db/schema/system";
import { createAgendaJobHandlers } from "../../src/jobs/agenda-jobs";
import { describeOnDatabases } from "../support/databases";
import { createCity, createMember, insertWeekTrip, type TestMember } from "../support/factories";
import { createTestApp } from "../support/test-app";

const fixedNow = new Date("2030-03-04T12:00:00Z");
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked field by field
type Json = any;

describeOnDatabases("offers: proposing the agenda's alternative time", (database) => {
  let harness: ReturnType<typeof createTestApp>;
  let cityId: number;
  let traveller: TestMember;
  let ana: TestMember;
  let ben: TestMember;
  let stranger: TestMember;
  let tripId: number;
  const venue = { name: "Panther Coffee", address: "2390 NW 2nd Ave", lat: 25.8, lon: -80.19 };

  beforeAll(async () => {
    await database().reset();
    harness = createTestApp(database().handle);
    cityId = (await createCity(harness.context)).id;
    traveller = await createMember(harness, { name: "Pierre", locale: "fr" });
    ana = await createMember(harness, { name: "Ana", homeCityId: cityId });
    ben = await createMember(harness, { name: "Ben", homeCityId: cityId });
    stranger = await createMember(harness, { name: "Stranger", homeCityId: cityId });
  });
  beforeEach(async () => {
    harness.context.now = () => fixedNow;
    for (const table of [agendas, meetings, offers, notifications]) await harness.context.db.delete(table);
    tripId = await insertWeekTrip(harness.context.db, {
      memberId: traveller.member.id,
      cityId,
      maxMeetingsPerDay: 1,
      fannedOutAt: fixedNow,
    });
  });

  async function offer(from: TestMember, startsAt: string): Promise<Json> {
    const response = await from.client.post(`/api/trips/${tripId}/offers`, {
      kind: "coffee",
      message: "Coffee?",
      slots: [{ startsAt, durationMinutes: 45 }],
      venue,
    });
    expect(response.status).toBe(201);
    return response.json();
  }
  async function agenda(): Promise<Json> {
    const handler = createAgendaJobHandlers(() => harness.context)[agendaResolveJob]!;
    await handler({ tripId });
    return (await traveller.client.get(`/api/trips/${tripId}/agenda`)).json();
  }

  it("proposes the alternative, the sender accepts it as a slot, and the agenda then schedules the offer", async () => {
    // One meeting a day: Ben's coffee on the same day as Ana's is left out, with an alternative start.
    await offer(ana, "2030-03-06T15:00:00Z");
    const benOffer = await offer(ben, "2030-03-06T17:00:00Z");
    const before = await agenda();
    const [leftOut] = before.unscheduled;
    expect(leftOut).toMatchObject({ offerId: benOffer.id });
    expect(leftOut.alternative).not.toBeNull();
    const startsAt = leftOut.alternative.start as string;

    const proposed = await traveller.client.post(`/api/offers/${benOffer.id}/propose-time`, { startsAt });
    expect(proposed.status).toBe(200);
    const proposedBody = (await proposed.json()) as Json;
    expect(proposedBody.proposals).toEqual([
      {
        id: expect.any(Number),
        startsAt: new Date(startsAt).toISOString(),
        durationMinutes: 45,
        status: "pending",
        slotId: null,
      },
    ]);
    // Twice: still one proposal, one message, one notification.
    expect((await traveller.client.post(`/api/offers/${benOffer.id}/propose-time`, { startsAt })).status).toBe(200);
    const thread = (await (await ben.client.get(`/api/offers/${benOffer.id}/messages`)).json()) as Json;
    expect(thread.messages).toEqual([
      expect.objectContaining({
        authorName: "Pierre",
        body: expect.stringMatching(/^Pourrions-nous plutôt nous voir le .+ \?$/),
      }),
    ]);
    const told = await harness.context.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.memberId, ben.member.id), eq(notifications.kind, "offer_time_proposed")));
    expect(told).toHaveLength(1);

    // Only the sender accepts; only the traveller proposes; outsiders see nothing.
    const proposalId = proposedBody.proposals[0].id as number;
    expect((await traveller.client.post(`/api/offers/${benOffer.id}/proposals/${proposalId}/accept`, {})).status).toBe(
      403,
    );
    expect((await ben.client.post(`/api/offers/${benOffer.id}/propose-time`, { startsAt })).status).toBe(403);
    expect((await stranger.client.post(`/api/offers/${benOffer.id}/propose-time`, { startsAt })).status).toBe(404);

    const accepted = await ben.client.post(`/api/offers/${benOffer.id}/proposals/${proposalId}/accept`, {});
    expect(accepted.status).toBe(200);
    const acceptedBody = (await accepted.json()) as Json;
    const newSlot = acceptedBody.slots.find((slot: Json) => slot.startsAt === new Date(startsAt).toISOString());
    expect(newSlot).toBeDefined();
    expect(acceptedBody.proposals[0]).toMatchObject({ status: "accepted", slotId: newSlot.id });
    expect((await ben.client.post(`/api/offers/${benOffer.id}/proposals/${proposalId}/accept`, {})).status).toBe(409);
    expect(harness.jobs).toContainEqual({ name: agendaResolveJob, data: { tripId } });

    const after = await agenda();
    expect(after.unscheduled).toEqual([]);
    expect(after.chosen.map((item: Json) => [item.offerId, item.start])).toContainEqual([
      benOffer.id,
      new Date(startsAt).toISOString().replace(".000", ""),
    ]);
  });

  it("refuses a start outside the stay or in the past, naming the field, and stores nothing", async () => {
    const benOffer = await offer(ben, "2030-03-06T17:00:00Z");
    for (const startsAt of ["2030-03-20T15:00:00Z", "2030-03-01T15:00:00Z", "tomorrow"]) {
      const response = await traveller.client.post(`/api/offers/${benOffer.id}/propose-time`, { startsAt });
      expect(response.status, startsAt).toBe(400);
      expect(((await response.json()) as Json).error.field).toBe("startsAt");
    }
    expect(await harness.context.db.select().from(offerTimeProposals)).toEqual([]);
  });
});
