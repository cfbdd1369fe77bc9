import ICAL from "ical.js";
import { beforeAll, beforeEach, expect, it } from "vitest";
import { agendas, busyTimes, meetings, offers } from "../../src/db/schema/arrivals";
import { describeOnDatabases } from "../support/databases";
import { createCity, createMember, insertWeekTrip, type TestMember } from "../support/factories";
import { createTestApp, type Client } from "../support/test-app";

// Monday 4 March 2030; the trip is Wednesday 6 to Friday 8 March in Miami (America/New_York, UTC−5 that week).
const fixedNow = new Date("2030-03-04T12:00:00Z");
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked field by field
type Json = any;

describeOnDatabases("agenda", (database) => {
  let harness: ReturnType<typeof createTestApp>;
  let cityId: number;
  let traveller: TestMember;
  let locals: TestMember[];
  let tripId: number;

  const venueA = { name: "Panther Coffee", address: "2390 NW 2nd Ave", lat: 25.8, lon: -80.19 };
  const venueB = { name: "All Day", address: "1035 N Miami Ave", lat: 25.783, lon: -80.193 };

  async function offer(client: Client, kind: string, startsAt: string, durationMinutes: number, venue?: object) {
    const response = await client.post(`/api/trips/${tripId}/offers`, {
      kind,
      message: "Happy to meet",
      slots: [{ startsAt, durationMinutes }],
      ...(venue ? { venue } : {}),
    });
    expect(response.status).toBe(201);
    return (await response.json()) as Json;
  }

  beforeAll(async () => {
    await database().reset();
    harness = createTestApp(database().handle);
    cityId = (await createCity(harness.context)).id;
    traveller = await createMember(harness, { name: "Pierre Martin", locale: "fr" });
    locals = [];
    for (const name of ["Ana Lunch", "Ben Coffee", "Cleo Coffee", "Dev Overlap", "Eve Later"])
      locals.push(await createMember(harness, { name, homeCityId: cityId }));
  });
  beforeEach(async () => {
    harness.context.now = () => fixedNow;
    await harness.context.db.delete(agendas);
    await harness.context.db.delete(busyTimes);
    await harness.context.db.delete(meetings);
    await harness.context.db.delete(offers);
    tripId = await insertWeekTrip(harness.context.db, { memberId: traveller.member.id, cityId });
  });

  const local = (index: number): TestMember => {
    const found = locals[index];
    if (!found) throw new Error("no local");
    return found;
  };

  it("plans lunch, two coffees and a locked accepted slot; an overlapping offer is left out with a reason", async () => {
    const lunch = await offer(local(0).client, "lunch", "2030-03-06T17:00:00Z", 60, venueA);
    await offer(local(1).client, "coffee", "2030-03-06T15:00:00Z", 45, venueA);
    await offer(local(2).client, "coffee", "2030-03-07T15:00:00Z", 45, venueB);
    const overlap = await offer(local(3).client, "coffee", "2030-03-06T17:15:00Z", 30, venueB);
    const accepted = await traveller.client.post(`/api/offers/${lunch.id}/accept`, { slotId: lunch.slots[0].id });
    expect(accepted.status).toBe(200);

    const response = await traveller.client.get(`/api/trips/${tripId}/agenda`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as Json;
    expect(body).toMatchObject({ tripId, version: 1, timeZone: "America/New_York" });
    expect(["optimal", "feasible"]).toContain(body.status);
    expect(body.chosen).toHaveLength(3);
    expect(body.chosen[0]).toMatchObject({
      kind: "coffee",
      counterpart: { name: "Ben Coffee" },
      venue: { name: "Panther Coffee" },
      start: "2030-03-06T15:00:00Z",
      end: "2030-03-06T15:45:00Z",
      localStart: "2030-03-06T10:00",
      localEnd: "2030-03-06T10:45",
      locked: false,
    });
    expect(body.chosen[1]).toMatchObject({
      id: `offer-${lunch.id}`,
      kind: "lunch",
      counterpart: { name: "Ana Lunch" },
      localStart: "2030-03-06T12:00",
      locked: true,
    });
    expect(body.chosen[2]).toMatchObject({ counterpart: { name: "Cleo Coffee" }, localStart: "2030-03-07T10:00" });
    expect(body.unscheduled).toEqual([
      expect.objectContaining({
        id: `offer-${overlap.id}`,
        counterpart: expect.objectContaining({ name: "Dev Overlap" }),
      }),
    ]);
    expect(typeof body.unscheduled[0].code).toBe("string");
    expect(body.unscheduled[0].reason.length).toBeGreaterThan(0);
    expect(body.changes.added).toHaveLength(3);

    // Nobody else sees it, not even a local who may see the trip.
    expect((await local(0).client.get(`/api/trips/${tripId}/agenda`)).status).toBe(404);
    expect((await traveller.client.get(`/api/trips/999999/agenda`)).status).toBe(404);

    // Unchanged: no new version.
    const again = (await (await traveller.client.get(`/api/trips/${tripId}/agenda`)).json()) as Json;
    expect(again.version).toBe(1);
    expect(await harness.context.db.select().from(agendas)).toHaveLength(1);
  });

  it("reports the changes after a new offer", async () => {
    const first = await offer(local(1).client, "coffee", "2030-03-06T15:00:00Z", 45, venueA);
    const before = (await (await traveller.client.get(`/api/trips/${tripId}/agenda`)).json()) as Json;
    expect(before.version).toBe(1);
    expect(before.changes).toEqual({ added: [`offer-${first.id}`], removed: [], moved: [] });

    const later = await offer(local(4).client, "dinner", "2030-03-08T00:00:00Z", 90, venueB);
    const after = (await (await traveller.client.get(`/api/trips/${tripId}/agenda`)).json()) as Json;
    expect(after.version).toBe(2);
    expect(after.changes).toEqual({ added: [`offer-${later.id}`], removed: [], moved: [] });
    expect(after.chosen.map((item: Json) => item.localStart)).toEqual(["2030-03-06T10:00", "2030-03-07T19:00"]);

    await local(1).client.post(`/api/offers/${first.id}/withdraw`);
    const withdrawn = (await (await traveller.client.get(`/api/trips/${tripId}/agenda`)).json()) as Json;
    expect(withdrawn.version).toBe(3);
    expect(withdrawn.changes).toEqual({ added: [], removed: [`offer-${first.id}`], moved: [] });
  });

  /** The VEVENTs of a calendar file, after registering its time zones, as uid → fields. */
  function parseCalendar(text: string) {
    const root = new ICAL.Component(ICAL.parse(text));
    for (const zone of root.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(zone);
    return root.getAllSubcomponents("vevent").map((component) => {
      const event = new ICAL.Event(component);
      return {
        uid: event.uid,
        summary: event.summary,
        sequence: event.sequence,
        status: String(component.getFirstPropertyValue("status")),
        zone: event.startDate.zone?.tzid,
        localStart: event.startDate.toString(),
        utcStart: event.startDate.toJSDate().toISOString(),
        localEnd: event.endDate.toString(),
      };
    });
  }

  it("downloads the agenda as iCalendar: local times in America/New_York, French titles, cancelled items", async () => {
    const coffee = await offer(local(1).client, "coffee", "2030-03-06T15:00:00Z", 45, venueA);
    const lunch = await offer(local(0).client, "lunch", "2030-03-07T17:00:00Z", 60, venueB);
    const response = await traveller.client.get(`/api/trips/${tripId}/agenda.ics`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/calendar/);
    const text = await response.text();
    expect(text).toContain("BEGIN:VTIMEZONE");
    const events = parseCalendar(text);
    expect(events).toEqual([
      {
        uid: `agenda-${tripId}-offer-${coffee.id}@localhost`,
        summary: "Café avec Ben Coffee",
        sequence: 1,
        status: "CONFIRMED",
        zone: "America/New_York",
        localStart: "2030-03-06T10:00:00",
        utcStart: "2030-03-06T15:00:00.000Z",
        localEnd: "2030-03-06T10:45:00",
      },
      expect.objectContaining({
        uid: `agenda-${tripId}-offer-${lunch.id}@localhost`,
        summary: "Déjeuner avec Ana Lunch",
        localStart: "2030-03-07T12:00:00",
        utcStart: "2030-03-07T17:00:00.000Z",
      }),
    ]);
    expect((await local(0).client.get(`/api/trips/${tripId}/agenda.ics`)).status).toBe(404);

    await local(1).client.post(`/api/offers/${coffee.id}/withdraw`);
    const after = parseCalendar(await (await traveller.client.get(`/api/trips/${tripId}/agenda.ics`)).text());
    expect(after).toEqual([
      expect.objectContaining({
        uid: `agenda-${tripId}-offer-${lunch.id}@localhost`,
        sequence: 2,
        status: "CONFIRMED",
      }),
      expect.objectContaining({
        uid: `agenda-${tripId}-offer-${coffee.id}@localhost`,
        sequence: 2,
        status: "CANCELLED",
      }),
    ]);
  });

  it("serves a subscription feed by its secret; a wrong or revoked secret is not found", async () => {
    await offer(local(1).client, "coffee", "2030-03-06T15:00:00Z", 45, venueA);
    expect((await local(0).client.post(`/api/trips/${tripId}/calendar-feeds`)).status).toBe(404);
    const created = await traveller.client.post(`/api/trips/${tripId}/calendar-feeds`);
    expect(created.status).toBe(201);
    const feed = (await created.json()) as Json;
    const url = new URL(feed.url as string);
    expect(url.pathname).toMatch(/^\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const anonymous = createTestApp(database().handle).app;
    const read = await anonymous.request(url.pathname);
    expect(read.status).toBe(200);
    expect(parseCalendar(await read.text())).toEqual([expect.objectContaining({ summary: "Café avec Ben Coffee" })]);

    const secret = url.pathname.slice("/api/calendar/".length, -".ics".length);
    const wrong = `${secret.slice(0, -1)}${secret.endsWith("A") ? "B" : "A"}`;
    expect((await anonymous.request(`/api/calendar/${wrong}.ics`)).status).toBe(404);
    expect((await anonymous.request(`/api/calendar/nonsense.ics`)).status).toBe(404);

    expect((await local(0).client.request("DELETE", `/api/calendar-feeds/${feed.id}`)).status).toBe(404);
    expect((await traveller.client.request("DELETE", `/api/calendar-feeds/${feed.id}`)).status).toBe(204);
    expect((await anonymous.request(url.pathname)).status).toBe(404);
  });

  /** Posts a raw calendar file as the member (the test client only sends JSON bodies). */
  async function upload(member: TestMember, text: string): Promise<Response> {
    const jar = (member.client as unknown as { cookies: Map<string, string> }).cookies;
    return harness.app.request(`/api/trips/${tripId}/busy-times`, {
      method: "POST",
      headers: {
        origin: "http://localhost:3999",
        "content-type": "text/calendar",
        cookie: [...jar].map(([key, value]) => `${key}=${value}`).join("; "),
      },
      body: text,
    });
  }

  const newYorkZone = [
    "BEGIN:VTIMEZONE",
    "TZID:America/New_York",
    "BEGIN:STANDARD",
    "DTSTART:19701101T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU",
    "TZOFFSETFROM:-0400",
    "TZOFFSETTO:-0500",
    "END:STANDARD",
    "BEGIN:DAYLIGHT",
    "DTSTART:19700308T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU",
    "TZOFFSETFROM:-0500",
    "TZOFFSETTO:-0400",
    "END:DAYLIGHT",
    "END:VTIMEZONE",
  ];

  it("imports busy times from an .ics with a recurrence, within the trip; they keep offers out of the agenda", async () => {
    const standup = [
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//test//EN",
      ...newYorkZone,
      "BEGIN:VEVENT",
      "UID:standup@test",
      "DTSTAMP:20300101T000000Z",
      "DTSTART;TZID=America/New_York:20300301T090000",
      "DTEND;TZID=America/New_York:20300301T093000",
      "RRULE:FREQ=DAILY;COUNT=1000",
      "SUMMARY:Standup",
      "END:VEVENT",
      "END:VCALENDAR",
      "",
    ].join("\r\n");
    const clash = await offer(local(1).client, "coffee", "2030-03-06T14:00:00Z", 45, venueA);
    expect((await upload(local(0), standup)).status).toBe(404);
    const response = await upload(traveller, standup);
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ imported: 3 });
    const rows = await harness.context.db.select().from(busyTimes).orderBy(busyTimes.startsAt);
    expect(rows.map((row) => [row.startsAt.toISOString(), row.endsAt.toISOString(), row.label])).toEqual([
      ["2030-03-06T14:00:00.000Z", "2030-03-06T14:30:00.000Z", "Standup"],
      ["2030-03-07T14:00:00.000Z", "2030-03-07T14:30:00.000Z", "Standup"],
      ["2030-03-08T14:00:00.000Z", "2030-03-08T14:30:00.000Z", "Standup"],
    ]);
    const agenda = (await (await traveller.client.get(`/api/trips/${tripId}/agenda`)).json()) as Json;
    expect(agenda.chosen).toEqual([]);
    expect(agenda.unscheduled).toEqual([expect.objectContaining({ id: `offer-${clash.id}` })]);
  });

  it("rejects a malformed .ics with a clear 400 and stores nothing; a file over 512 KB is refused with 413", async () => {
    const broken = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nDTSTART:not-a-date\r\nEND:VCALENDAR\r\n";
    const response = await upload(traveller, broken);
    expect(response.status).toBe(400);
    const body = (await response.json()) as Json;
    expect(body.error).toMatchObject({ code: "validation_failed", field: "file" });
    expect(body.error.message).toMatch(/iCalendar/);
    expect(await harness.context.db.select().from(busyTimes)).toEqual([]);

    const huge = `BEGIN:VCALENDAR\r\nX-PAD:${"x".repeat(600 * 1024)}\r\nEND:VCALENDAR\r\n`;
    expect((await upload(traveller, huge)).status).toBe(413);
    expect(await harness.context.db.select().from(busyTimes)).toEqual([]);
  });
});
