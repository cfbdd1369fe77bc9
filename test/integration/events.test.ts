import { and, eq } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import { offers, trips } from "../../src/db/schema/arrivals";
import { events, gifts, invitations } from "../../src/db/schema/gatherings";
import { blocks, follows } from "../../src/db/schema/people";
import { emailOutbox, notifications } from "../../src/db/schema/system";
import { describeOnDatabases } from "../support/databases";
import { createMember } from "../support/factories";
import { createCity, type TestMember } from "../support/factories";
import { Client, createTestApp } from "../support/test-app";

// 18:00 in Miami on the first Saturday after the 2027 DST change (UTC-4).
const evening = { startsAt: "2027-03-20T18:00:00-04:00", endsAt: "2027-03-20T21:00:00-04:00" };

describeOnDatabases("events", (database) => {
  let harness: ReturnType<typeof createTestApp>;
  let cityId: number;
  let host: TestMember;

  beforeEach(async () => {
    await database().reset();
    harness = createTestApp(database().handle);
    cityId = (await createCity(harness.context)).id;
    host = await createMember(harness, { name: "Hostess", homeCityId: cityId });
  });

  async function createEvent(overrides: Record<string, unknown> = {}, by: TestMember = host) {
    const response = await by.client.post("/api/events", {
      cityId,
      title: "Climate tech founders dinner",
      description: "Founders building climate tech",
      tags: ["climate", "founders"],
      ...evening,
      capacity: 20,
      audience: "members",
      ...overrides,
    });
    expect(response.status, await response.clone().text()).toBe(201);
    return (await response.json()) as { id: number; sequence: number; seatsTaken: number };
  }

  const rsvp = (member: TestMember, eventId: number, status: string) =>
    member.client
      .post(`/api/events/${eventId}/rsvp`, { status })
      .then(async (r) => ({ code: r.status, ...(await r.json()) }));

  it("creates, shows, edits (sequence + 1) and cancels an event, naming the wrong field on bad input", async () => {
    const event = await createEvent({ titleFr: "Dîner des fondateurs climat" });
    expect(event).toMatchObject({ sequence: 0, seatsTaken: 0 });
    const shown = await (await host.client.get(`/api/events/${event.id}`)).json();
    expect(shown).toMatchObject({ title: "Climate tech founders dinner", titleFr: "Dîner des fondateurs climat" });
    expect(shown.startsAt).toBe("2027-03-20T22:00:00.000Z");

    const bad = await host.client.post("/api/events", {
      cityId,
      title: "x",
      ...evening,
      endsAt: evening.startsAt,
      capacity: 3,
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.field).toBe("endsAt");
    const unknown = await host.client.post("/api/events", {
      cityId,
      title: "x",
      ...evening,
      capacity: 3,
      colour: "red",
    });
    expect(unknown.status).toBe(400);
    const zero = await host.client.post("/api/events", { cityId, title: "x", ...evening, capacity: 0 });
    expect((await zero.json()).error.field).toBe("capacity");
    const noCity = await host.client.post("/api/events", { cityId: 999, title: "x", ...evening, capacity: 3 });
    expect((await noCity.json()).error).toMatchObject({ code: "validation_failed", field: "cityId" });
    const past = await host.client.post("/api/events", {
      cityId,
      title: "x",
      startsAt: "2020-01-01T10:00:00Z",
      endsAt: "2020-01-01T11:00:00Z",
      capacity: 3,
    });
    expect((await past.json()).error.field).toBe("startsAt");

    const other = await createMember(harness, { name: "Other" });
    const guest = await createMember(harness, { name: "Guest", locale: "fr" });
    expect((await rsvp(guest, event.id, "going")).status).toBe("going");
    const foreignEdit = await other.client.request("PATCH", `/api/events/${event.id}`, { title: "Mine" });
    expect(foreignEdit.status).toBe(404);

    const edited = await host.client.request("PATCH", `/api/events/${event.id}`, {
      title: "Climate dinner, new place",
    });
    expect(await edited.json()).toMatchObject({ sequence: 1, title: "Climate dinner, new place" });
    const lowered = await host.client.request("PATCH", `/api/events/${event.id}`, { capacity: 0 });
    expect((await lowered.json()).error.field).toBe("capacity");

    const cancelled = await (await host.client.post(`/api/events/${event.id}/cancel`)).json();
    expect(cancelled).toMatchObject({ status: "cancelled", sequence: 2 });
    expect((await rsvp(other, event.id, "going")).code).toBe(409);

    const emails = await database()
      .handle.db.select()
      .from(emailOutbox)
      .where(eq(emailOutbox.memberId, guest.member.id));
    expect(emails.map((email) => email.messageId).sort()).toEqual([
      `<event.${event.id}.1.${guest.member.id}@localhost>`,
      `<event.${event.id}.2.${guest.member.id}@localhost>`,
    ]);
    expect(emails.find((email) => email.kind === "event_cancelled")?.subject).toMatch(/^Annulé/);
    const notices = await database()
      .handle.db.select()
      .from(notifications)
      .where(eq(notifications.memberId, guest.member.id));
    expect(notices.map((notice) => notice.kind).sort()).toEqual(["event_cancelled", "event_updated"]);
  });

  it("writes an .ics with the city's VTIMEZONE, a stable UID, SEQUENCE and STATUS:CANCELLED", async () => {
    const event = await createEvent({ audience: "public" });
    await host.client.request("PATCH", `/api/events/${event.id}`, { capacity: 30 });
    await host.client.post(`/api/events/${event.id}/cancel`);
    // The process's own zone must not leak into the calendar (the catch with plain Dates).
    const processZone = process.env.TZ;
    process.env.TZ = "Asia/Tokyo";
    const response = await new Client(harness.app)
      .get(`/api/events/${event.id}/calendar.ics`)
      .finally(() => (process.env.TZ = processZone));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/text\/calendar/);
    const text = await response.text();
    expect(text).toContain("BEGIN:VTIMEZONE\r\nTZID:America/New_York");
    expect(text).toMatch(/BEGIN:DAYLIGHT\r\nDTSTART:20270314T020000\r\nTZOFFSETFROM:-0500\r\nTZOFFSETTO:-0400/);
    expect(text).toContain("DTSTART;TZID=America/New_York:20270320T180000");
    expect(text).toContain("DTEND;TZID=America/New_York:20270320T210000");
    expect(text).toContain(`UID:event-${event.id}@localhost`);
    expect(text).toContain("SEQUENCE:2");
    expect(text).toContain("STATUS:CANCELLED");
    expect(text).toMatch(/^DTSTAMP:\d{8}T\d{6}Z\r$/m);
  });

  it("shows events as their audience allows, lists a city's upcoming events and feeds its public ones", async () => {
    const publicEvent = await createEvent({ audience: "public", title: "Open meetup" });
    const membersEvent = await createEvent({ audience: "members", title: "Members breakfast" });
    const privateEvent = await createEvent({ audience: "invite_only", title: "Private dinner" });
    const anonymous = new Client(harness.app);
    const member = await createMember(harness, { name: "Member" });
    const blocked = await createMember(harness, { name: "Blocked" });
    await database().handle.db.insert(blocks).values({ blockerId: host.member.id, blockedId: blocked.member.id });

    expect((await anonymous.get(`/api/events/${publicEvent.id}`)).status).toBe(200);
    expect((await anonymous.get(`/api/events/${membersEvent.id}`)).status).toBe(404);
    expect((await member.client.get(`/api/events/${membersEvent.id}`)).status).toBe(200);
    expect((await member.client.get(`/api/events/${privateEvent.id}`)).status).toBe(404);
    expect((await rsvp(member, privateEvent.id, "going")).code).toBe(404);
    expect((await blocked.client.get(`/api/events/${publicEvent.id}`)).status).toBe(404);

    const invite = await host.client.post(`/api/events/${privateEvent.id}/invitations`, { memberId: member.member.id });
    expect(invite.status).toBe(200);
    expect(
      (await host.client.post(`/api/events/${privateEvent.id}/invitations`, { memberId: blocked.member.id })).status,
    ).toBe(404);
    expect((await member.client.get(`/api/events/${privateEvent.id}`)).status).toBe(200);

    const titles = async (client: Client) =>
      ((await (await client.get("/api/cities/miami/events")).json()).events as { title: string }[]).map((e) => e.title);
    expect(await titles(anonymous)).toEqual(["Open meetup"]);
    expect((await titles(member.client)).sort()).toEqual(["Members breakfast", "Open meetup", "Private dinner"]);
    expect(await titles(blocked.client)).toEqual([]);
    expect((await anonymous.get("/api/cities/nowhere/events")).status).toBe(404);

    const feed = await (await anonymous.get("/api/cities/miami/events.ics")).text();
    expect(feed).toContain(`UID:event-${publicEvent.id}@localhost`);
    expect(feed).not.toContain(`UID:event-${membersEvent.id}@`);
    expect(feed).toContain("BEGIN:VTIMEZONE");
  });

  it("waitlists when full, promotes the first waitlisted when a seat frees, and asks the host when approval is required", async () => {
    const event = await createEvent({ capacity: 2 });
    const guests = await Promise.all(["Ana", "Ben", "Cy", "Dee"].map((name) => createMember(harness, { name })));
    const [ana, ben, cy, dee] = guests as [TestMember, TestMember, TestMember, TestMember];
    expect(await rsvp(ana, event.id, "going")).toMatchObject({ status: "going", waitlistPosition: null });
    expect(await rsvp(ben, event.id, "going")).toMatchObject({ status: "going" });
    expect(await rsvp(cy, event.id, "going")).toMatchObject({ status: "waitlisted", waitlistPosition: 1 });
    expect(await rsvp(dee, event.id, "going")).toMatchObject({ status: "waitlisted", waitlistPosition: 2 });
    expect(await rsvp(cy, event.id, "going")).toMatchObject({ status: "waitlisted", waitlistPosition: 1 });
    expect((await rsvp(ana, event.id, "perhaps")).code).toBe(400);

    expect(await rsvp(ana, event.id, "not_going")).toMatchObject({ status: "not_going" });
    expect(await (await cy.client.get(`/api/events/${event.id}`)).json()).toMatchObject({
      myRsvp: "going",
      seatsTaken: 2,
    });
    expect(await (await dee.client.get(`/api/events/${event.id}`)).json()).toMatchObject({ waitlistPosition: 1 });
    const seatNotices = await database()
      .handle.db.select()
      .from(notifications)
      .where(and(eq(notifications.memberId, cy.member.id), eq(notifications.kind, "event_seat_granted")));
    expect(seatNotices).toHaveLength(1);

    // Going → maybe frees a seat too; capacity raised by the host seats the rest of the waitlist.
    expect(await rsvp(ben, event.id, "maybe")).toMatchObject({ status: "maybe" });
    expect(await (await dee.client.get(`/api/events/${event.id}`)).json()).toMatchObject({ myRsvp: "going" });
    expect(await rsvp(ana, event.id, "going")).toMatchObject({ status: "waitlisted", waitlistPosition: 1 });
    await host.client.request("PATCH", `/api/events/${event.id}`, { capacity: 3 });
    expect(await (await ana.client.get(`/api/events/${event.id}`)).json()).toMatchObject({
      myRsvp: "going",
      seatsTaken: 3,
    });

    const guarded = await createEvent({ capacity: 1, approvalRequired: true });
    expect(await rsvp(ana, guarded.id, "going")).toMatchObject({ status: "pending_approval" });
    expect(await rsvp(ben, guarded.id, "going")).toMatchObject({ status: "pending_approval" });
    await host.client.post(`/api/events/${guarded.id}/invitations`, { memberId: cy.member.id });
    expect(await rsvp(cy, guarded.id, "going")).toMatchObject({ status: "going" });
    const approve = await host.client.post(`/api/events/${guarded.id}/guests/${ana.member.id}/approve`);
    expect(await approve.json()).toMatchObject({ status: "waitlisted", waitlistPosition: 1 });
    expect((await ana.client.post(`/api/events/${guarded.id}/guests/${ben.member.id}/approve`)).status).toBe(404);
    expect((await host.client.post(`/api/events/${guarded.id}/guests/${dee.member.id}/approve`)).status).toBe(404);
    expect(await rsvp(host, guarded.id, "going")).toMatchObject({ code: 400 });
  });

  it("shows the guest list as the audience allows, hiding blocked members", async () => {
    const event = await createEvent({ audience: "invite_only", capacity: 1 });
    const [ana, ben, outsider] = await Promise.all(
      ["Ana", "Ben", "Out"].map((name) => createMember(harness, { name })),
    );
    for (const guest of [ana!, ben!])
      await host.client.post(`/api/events/${event.id}/invitations`, { memberId: guest.member.id });
    await rsvp(ana!, event.id, "going");
    await rsvp(ben!, event.id, "going");
    const hostView = await (await host.client.get(`/api/events/${event.id}/guests`)).json();
    expect(hostView.guests.map((guest: { name: string; status: string }) => `${guest.name}:${guest.status}`)).toEqual([
      "Ana:going",
      "Ben:waitlisted",
    ]);
    const benView = await (await ben!.client.get(`/api/events/${event.id}/guests`)).json();
    expect(benView.guests.map((guest: { name: string }) => guest.name)).toEqual(["Ana"]);
    expect((await outsider!.client.get(`/api/events/${event.id}/guests`)).status).toBe(404);
    await database().handle.db.insert(blocks).values({ blockerId: ana!.member.id, blockedId: ben!.member.id });
    const blockedView = await (await ben!.client.get(`/api/events/${event.id}/guests`)).json();
    expect(blockedView.guests).toEqual([]);
  });

  it("lists travellers in town whose seeks match, and invites one in one click onto their agenda", async () => {
    const event = await createEvent({ title: "Climate tech founders dinner", tags: ["climate"] });
    const db = database().handle.db;
    const trip = async (member: TestMember, values: Partial<typeof trips.$inferInsert>) => {
      const [row] = await db
        .insert(trips)
        .values({
          memberId: member.member.id,
          cityId,
          arrivalDate: "2027-03-18",
          departureDate: "2027-03-22",
          seeks: "meet climate investors",
          availability: { weekly: {} },
          audience: "members",
          visibleUntil: new Date("2027-03-23T04:00:00Z"),
          ...values,
        })
        .returning();
      return row!;
    };
    const [match, tagged, offTopic, hidden, later, blocker] = await Promise.all(
      ["Match", "Tagged", "OffTopic", "Hidden", "Later", "Blocker"].map((name) => createMember(harness, { name })),
    );
    const matchTrip = await trip(match!, {});
    await trip(tagged!, { seeks: "", seeksTags: ["climate"] });
    await trip(offTopic!, { seeks: "surfing lessons" });
    await trip(hidden!, { audience: "connections" });
    await trip(later!, { arrivalDate: "2027-03-21", departureDate: "2027-03-25" });
    await trip(blocker!, {});
    await db.insert(blocks).values({ blockerId: blocker!.member.id, blockedId: host.member.id });
    // A trip shown to the traveller's connections reaches a host the traveller follows.
    const friend = await createMember(harness, { name: "Friend" });
    await trip(friend, { audience: "connections" });
    await db.insert(follows).values({ followerId: friend.member.id, followeeId: host.member.id });

    const listed = await (await host.client.get(`/api/events/${event.id}/newcomers`)).json();
    expect(listed.travellers.map((t: { name: string }) => t.name)).toEqual(["Tagged", "Match", "Friend"]);
    expect(listed.travellers[1]).toMatchObject({ tripId: matchTrip.id, invited: false, shared: ["climat"] });
    expect((await match!.client.get(`/api/events/${event.id}/newcomers`)).status).toBe(404);

    const invited = await host.client.post(`/api/events/${event.id}/newcomers/${matchTrip.id}/invite`);
    expect(invited.status).toBe(200);
    const { offerId } = await invited.json();
    const [offer] = await db.select().from(offers).where(eq(offers.id, offerId));
    expect(offer).toMatchObject({
      kind: "event_invitation",
      eventId: event.id,
      senderId: host.member.id,
      tripId: matchTrip.id,
    });
    expect(await db.select().from(invitations).where(eq(invitations.memberId, match!.member.id))).toHaveLength(1);
    const again = await (await host.client.post(`/api/events/${event.id}/newcomers/${matchTrip.id}/invite`)).json();
    expect(again.offerId).toBe(offerId);
    const relisted = await (await host.client.get(`/api/events/${event.id}/newcomers`)).json();
    expect(relisted.travellers.find((t: { name: string }) => t.name === "Match").invited).toBe(true);
    const hiddenTrips = await db.select().from(trips).where(eq(trips.audience, "connections"));
    expect((await host.client.post(`/api/events/${event.id}/newcomers/${hiddenTrips[0]!.id}/invite`)).status).toBe(404);
  });

  it("records the host's gift when an invited guest attended, and not before the event or for uninvited guests", async () => {
    const event = await createEvent({ capacity: 5 });
    const [invitee, walkIn] = await Promise.all(["Invitee", "WalkIn"].map((name) => createMember(harness, { name })));
    await host.client.post(`/api/events/${event.id}/invitations`, { memberId: invitee!.member.id });
    await rsvp(invitee!, event.id, "going");
    await rsvp(walkIn!, event.id, "going");
    const mark = (memberId: number, attended: boolean) =>
      host.client.post(`/api/events/${event.id}/attendance`, { memberId, attended });
    expect((await (await mark(invitee!.member.id, true)).json()).error.field).toBe("attended");

    harness.context.now = () => new Date("2027-03-20T23:00:00Z");
    expect(
      (
        await invitee!.client.post(`/api/events/${event.id}/attendance`, {
          memberId: walkIn!.member.id,
          attended: true,
        })
      ).status,
    ).toBe(404);
    expect(await (await mark(invitee!.member.id, true)).json()).toMatchObject({ giftRecorded: true });
    expect(await (await mark(walkIn!.member.id, true)).json()).toMatchObject({ giftRecorded: false });
    const recorded = await database().handle.db.select().from(gifts);
    expect(recorded).toEqual([
      expect.objectContaining({
        giverId: host.member.id,
        receiverId: invitee!.member.id,
        kind: "event_invitation",
        occurredOn: "2027-03-20",
        source: `event:${event.id}:${invitee!.member.id}`,
      }),
    ]);
    await mark(invitee!.member.id, false);
    expect(await database().handle.db.select().from(gifts)).toEqual([]);
    const [row] = await database().handle.db.select().from(events).where(eq(events.id, event.id));
    expect(row?.seatsTaken).toBe(2);
  });

  it("documents every event, introduction and giving endpoint in the OpenAPI document", async () => {
    const document = await (await new Client(harness.app).get("/api/openapi.json")).json();
    for (const path of [
      "/api/events",
      "/api/events/{id}/rsvp",
      "/api/events/{id}/calendar.ics",
      "/api/events/{id}/newcomers/{tripId}/invite",
      "/api/cities/{slug}/events.ics",
      "/api/introductions/{id}/answer",
      "/api/introductions/{id}/messages",
      "/api/meetings/{id}/confirm",
      "/api/meetings/{id}/feedback",
      "/api/members/{id}/giving",
      "/api/giving/pay-it-forward/{id}",
    ])
      expect(document.paths, path).toHaveProperty([path]);
  });
});
