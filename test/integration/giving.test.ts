import { eq } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import { invitePayItForward } from "../../src/app/giving/invite-pay-it-forward";
import { meetingFeedback, meetings, offers, trips } from "../../src/db/schema/arrivals";
import { gifts } from "../../src/db/schema/gatherings";
import { blocks, ties } from "../../src/db/schema/people";
import { notifications } from "../../src/db/schema/system";
import { describeOnDatabases } from "../support/databases";
import { createMember } from "../support/factories";
import { createCity, toulouseCity, type TestMember } from "../support/factories";
import { createTestApp } from "../support/test-app";

describeOnDatabases("give ledger and feedback", (database) => {
  let harness: ReturnType<typeof createTestApp>;
  let miamiId: number;
  let host: TestMember;
  let guest: TestMember;

  beforeEach(async () => {
    await database().reset();
    harness = createTestApp(database().handle);
    harness.context.now = () => new Date("2027-02-10T12:00:00Z");
    miamiId = (await createCity(harness.context)).id;
    [host, guest] = (await Promise.all([
      createMember(harness, { name: "Local", homeCityId: miamiId }),
      createMember(harness, { name: "Visitor", origin: "visitor" }),
    ])) as [TestMember, TestMember];
  });

  const db = () => database().handle.db;
  async function meeting(startsAt: string, hostId = host.member.id, guestId = guest.member.id) {
    const [row] = await db()
      .insert(meetings)
      .values({
        cityId: miamiId,
        hostId,
        guestId,
        kind: "coffee",
        startsAt: new Date(startsAt),
        endsAt: new Date(new Date(startsAt).getTime() + 3_600_000),
      })
      .returning();
    return row!;
  }
  const confirm = async (member: TestMember, id: number) => {
    const response = await member.client.post(`/api/meetings/${id}/confirm`);
    return { code: response.status, ...(await response.json()) };
  };

  it("records a meeting's gift only when both sides confirm, and makes or strengthens the tie", async () => {
    const early = await meeting("2027-02-09T00:30:00Z"); // 19:30 on 8 February in Miami
    const future = await meeting("2027-02-11T15:00:00Z");
    expect((await confirm(host, future.id)).code).toBe(409);
    const outsider = await createMember(harness, { name: "Outsider" });
    expect((await confirm(outsider, early.id)).code).toBe(404);

    expect(await confirm(host, early.id)).toMatchObject({
      status: "scheduled",
      hostConfirmed: true,
      guestConfirmed: false,
    });
    expect(await confirm(host, early.id)).toMatchObject({ status: "scheduled" });
    expect(await db().select().from(gifts)).toEqual([]);
    const refreshes = () => harness.jobs.filter((job) => job.name === "analytics.refresh").length;
    expect(refreshes()).toBe(0);
    expect(await confirm(guest, early.id)).toMatchObject({ status: "held", hostConfirmed: true, guestConfirmed: true });
    // The new tie changes the city's network, so its openness report is queued for a refresh.
    expect(refreshes()).toBe(1);
    expect(await confirm(guest, early.id)).toMatchObject({ status: "held" });
    const ledger = await db().select().from(gifts);
    expect(ledger).toEqual([
      expect.objectContaining({
        giverId: host.member.id,
        receiverId: guest.member.id,
        kind: "meeting",
        occurredOn: "2027-02-08",
        cityId: miamiId,
        source: `meeting:${early.id}`,
      }),
    ]);
    const [a, b] = [host.member.id, guest.member.id].sort((x, y) => x - y);
    expect(await db().select().from(ties)).toEqual([
      { aId: a, bId: b, strength: 1, firstMetOn: "2027-02-08", lastMetOn: "2027-02-08" },
    ]);

    // The guest hosts the second meeting: the same tie grows.
    const second = await meeting("2027-02-10T10:00:00Z", guest.member.id, host.member.id);
    await confirm(host, second.id);
    await confirm(guest, second.id);
    expect(await db().select().from(ties)).toEqual([
      { aId: a, bId: b, strength: 2, firstMetOn: "2027-02-08", lastMetOn: "2027-02-10" },
    ]);
    expect(await db().select().from(gifts)).toHaveLength(2);

    const third = await meeting("2027-02-10T11:00:00Z");
    await db().insert(blocks).values({ blockerId: guest.member.id, blockedId: host.member.id });
    expect((await confirm(host, third.id)).code).toBe(404);
  });

  it("keeps feedback private, shows public thanks, and thanks the host's gift", async () => {
    const met = await meeting("2027-02-09T15:00:00Z");
    const later = await meeting("2027-02-12T15:00:00Z");
    const save = (member: TestMember, id: number, body: unknown) =>
      member.client.post(`/api/meetings/${id}/feedback`, body);
    expect((await save(guest, later.id, { useful: true })).status).toBe(409);
    expect((await (await save(guest, met.id, { useful: "yes" })).json()).error.field).toBe("useful");
    expect((await save(guest, met.id, { useful: true, rating: 5 })).status).toBe(400);

    const saved = await save(guest, met.id, {
      useful: true,
      followUp: true,
      deal: false,
      thanks: "Thank you for the intro to the port!",
    });
    expect(await saved.json()).toMatchObject({ mine: { useful: true, followUp: true, deal: false } });
    await save(guest, met.id, { deal: true });
    const hostView = await (await host.client.get(`/api/meetings/${met.id}/feedback`)).json();
    expect(hostView).toEqual({
      mine: null,
      thanks: [{ memberId: guest.member.id, thanks: "Thank you for the intro to the port!" }],
    });
    const [row] = await db().select().from(meetingFeedback).where(eq(meetingFeedback.memberId, guest.member.id));
    expect(row).toMatchObject({ useful: true, followUp: true, deal: true });

    await confirm(host, met.id);
    await confirm(guest, met.id);
    const [gift] = await db().select().from(gifts);
    expect(gift?.thanks).toBe("Thank you for the intro to the port!");
    await save(guest, met.id, { thanks: "Thanks again" });
    expect((await db().select().from(gifts))[0]?.thanks).toBe("Thanks again");
    expect((await host.client.post(`/api/gifts/${gift!.id}/thanks`, { thanks: "Self-thanks" })).status).toBe(404);
    expect((await guest.client.post(`/api/gifts/${gift!.id}/thanks`, { thanks: "Merci" })).status).toBe(200);
  });

  it("records advice as a gift when the traveller who accepted it marks it helpful", async () => {
    const [trip] = await db()
      .insert(trips)
      .values({
        memberId: guest.member.id,
        cityId: miamiId,
        arrivalDate: "2027-02-08",
        departureDate: "2027-02-12",
        seeks: "banking",
        availability: { weekly: {} },
        visibleUntil: new Date("2027-02-13T05:00:00Z"),
      })
      .returning();
    const [open, accepted] = await db()
      .insert(offers)
      .values([
        { tripId: trip!.id, senderId: host.member.id, kind: "advice" },
        { tripId: trip!.id, senderId: host.member.id, kind: "advice", status: "accepted" },
      ])
      .returning();
    const mark = (member: TestMember, offerId: number, body: unknown = {}) =>
      member.client.post(`/api/gifts/advice/${offerId}`, body);
    expect((await mark(guest, open!.id)).status).toBe(409);
    expect((await mark(host, accepted!.id)).status).toBe(404);
    const marked = await (await mark(guest, accepted!.id, { thanks: "Saved me a week" })).json();
    expect((await (await mark(guest, accepted!.id)).json()).giftId).toBe(marked.giftId);
    expect(await db().select().from(gifts)).toEqual([
      expect.objectContaining({
        giverId: host.member.id,
        receiverId: guest.member.id,
        kind: "advice",
        source: `advice:${accepted!.id}`,
        thanks: "Saved me a week",
        occurredOn: "2027-02-10",
      }),
    ]);
  });

  it("shows a giving record: given, received, recent thanks and newcomers helped, hidden from blocked members", async () => {
    const [localFriend, traveller] = await Promise.all([
      createMember(harness, { name: "Local friend", origin: "local" }),
      createMember(harness, { name: "Traveller", origin: "local" }),
    ]);
    await db()
      .insert(trips)
      .values({
        memberId: traveller!.member.id,
        cityId: miamiId,
        arrivalDate: "2027-01-08",
        departureDate: "2027-01-12",
        seeks: "investors",
        availability: { weekly: {} },
        visibleUntil: new Date("2027-01-13T05:00:00Z"),
      });
    const gift = (receiverId: number, source: string, thanks: string | null = null) => ({
      giverId: host.member.id,
      receiverId,
      kind: "meeting",
      occurredOn: "2027-01-10",
      cityId: miamiId,
      source,
      thanks,
    });
    await db()
      .insert(gifts)
      .values([
        gift(guest.member.id, "meeting:1", "So helpful"),
        gift(guest.member.id, "meeting:2"),
        gift(localFriend!.member.id, "meeting:3"),
        gift(traveller!.member.id, "meeting:4"),
        { ...gift(host.member.id, "meeting:5"), giverId: localFriend!.member.id },
      ]);
    const record = await (await guest.client.get(`/api/members/${host.member.id}/giving`)).json();
    expect(record).toMatchObject({ name: "Local", given: 4, received: 1, newcomersHelped: 2 });
    expect(record.recentThanks).toEqual([
      expect.objectContaining({ thanks: "So helpful", other: { memberId: guest.member.id, name: "Visitor" } }),
    ]);
    expect(record.recentReceived[0].other.name).toBe("Local friend");

    await db().insert(blocks).values({ blockerId: host.member.id, blockedId: localFriend!.member.id });
    expect((await localFriend!.client.get(`/api/members/${host.member.id}/giving`)).status).toBe(404);
    const seenByGuest = await (await guest.client.get(`/api/members/${host.member.id}/giving`)).json();
    expect(seenByGuest.recentGiven).toHaveLength(4);
    expect((await guest.client.get(`/api/members/999999/giving`)).status).toBe(404);
  });

  it("invites a traveller to pay it forward after the trip, once, listing arrivals in their home city", async () => {
    const toulouseId = (await createCity(harness.context, { ...toulouseCity, locale: "en" })).id;
    const [visitorFromToulouse, miamiLocal, otherTraveller, hiddenTraveller] = await Promise.all([
      createMember(harness, { name: "Toulousain", homeCityId: toulouseId }),
      createMember(harness, { name: "Miami local", homeCityId: miamiId }),
      createMember(harness, { name: "Elsewhere" }),
      createMember(harness, { name: "Hidden" }),
    ]);
    const trip = (memberId: number, cityId: number, values: Partial<typeof trips.$inferInsert> = {}) => ({
      memberId,
      cityId,
      arrivalDate: "2027-02-20",
      departureDate: "2027-02-25",
      seeks: "partners",
      availability: { weekly: {} },
      audience: "members",
      visibleUntil: new Date("2027-02-26T00:00:00Z"),
      ...values,
    });
    const [past] = await db()
      .insert(trips)
      .values(
        trip(visitorFromToulouse!.member.id, miamiId, {
          arrivalDate: "2027-02-01",
          departureDate: "2027-02-08",
          visibleUntil: new Date("2027-02-09T05:00:00Z"),
        }),
      )
      .returning();
    await db()
      .insert(trips)
      .values([
        trip(miamiLocal!.member.id, toulouseId),
        trip(otherTraveller!.member.id, toulouseId, { arrivalDate: "2027-02-15" }),
        trip(hiddenTraveller!.member.id, toulouseId, { audience: "connections" }),
      ]);
    const lists = await (await visitorFromToulouse!.client.get(`/api/giving/pay-it-forward/${past!.id}`)).json();
    expect(lists.arrivals.map((arrival: { name: string }) => arrival.name)).toEqual(["Elsewhere", "Miami local"]);
    expect(lists.fromVisitedCity.map((arrival: { name: string }) => arrival.name)).toEqual(["Miami local"]);
    expect((await miamiLocal!.client.get(`/api/giving/pay-it-forward/${past!.id}`)).status).toBe(404);

    expect(await invitePayItForward(harness.context)).toBe(1);
    expect(await invitePayItForward(harness.context)).toBe(0);
    const notices = await db().select().from(notifications).where(eq(notifications.kind, "pay_it_forward"));
    expect(notices).toEqual([
      expect.objectContaining({ memberId: visitorFromToulouse!.member.id, payload: { tripId: past!.id } }),
    ]);
  });
});
