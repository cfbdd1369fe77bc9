import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { fanOutAlerts } from "../../src/app/alerts/fan-out-alerts";
import { deliverOutbox } from "../../src/app/mail/deliver-outbox";
import { expireTrips } from "../../src/app/trips/expire-trips";
import { alerts, trips } from "../../src/db/schema/arrivals";
import { emailOutbox, notifications } from "../../src/db/schema/system";
import { createSmtpSender } from "../../src/jobs/smtp-sender";
import { createLocal } from "./trips-support";
import { describeOnDatabases } from "../support/databases";
import { startTestSmtpServer, type ReceivedMail, type TestSmtpServer } from "../support/smtp";
import { createCity, createMember, toulouseCity } from "../support/factories";
import { createTestApp, testSecret } from "../support/test-app";

const now = new Date("2026-11-26T12:00:00Z");

type Json = Record<string, unknown>;
const json = async (response: Response) => (await response.json()) as Json;

/** Miami with a fintech traveller from Toulouse and five locals who would help, one of them French-speaking. */
async function world(database: Parameters<typeof createTestApp>[0]) {
  const harness = createTestApp(database);
  harness.context.now = () => now;
  const miami = await createCity(harness.context);
  const toulouse = await createCity(harness.context, { ...toulouseCity, locale: "en" });
  const pierre = await createMember(harness, {
    name: "Pierre",
    homeCityId: toulouse.id,
    sectors: ["fintech"],
    locale: "fr",
  });
  const local = (name: string, extra: Json = {}) =>
    createLocal(harness, {
      name,
      homeCityId: miami.id,
      sectors: ["fintech"],
      gives: "intros to investors in social internet",
      ...extra,
    });
  const ana = await createMember(harness, {
    name: "Ana",
    homeCityId: miami.id,
    sectors: ["fintech"],
    gives: "intros to investors in social internet",
  });
  const bob = await local("Bob", { locale: "fr" });
  const cleo = await local("Cleo", { careerStage: "first_time_founder" });
  const dan = await local("Dan");
  const eve = await local("Eve");
  // Not relevant: another sector, nothing in common.
  const outsider = await createLocal(harness, { name: "Olga", homeCityId: miami.id, sectors: ["farming"] });
  return { harness, miami, toulouse, pierre, ana, bob, cleo, dan, eve, outsider };
}

const announceBody = {
  city: "miami",
  arrivalDate: "2026-12-01",
  departureDate: "2026-12-04",
  purpose: "professional",
  seeks: "investors in social internet",
  gives: "advice on payments",
};

async function tripCount(db: ReturnType<typeof createTestApp>["context"]["db"]): Promise<number> {
  return (await db.select().from(trips)).length;
}

describeOnDatabases("trips", (database) => {
  let smtp: TestSmtpServer;
  let received: ReceivedMail[] = [];
  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    received = smtp.received;
  });
  afterAll(() => smtp.close());
  beforeEach(async () => {
    await database().reset();
    received.length = 0;
  });

  it("announces a trip, picks the locals with reasons, and emails them in their language over SMTP", async () => {
    const w = await world(database().handle);
    const announced = await w.pierre.client.post("/api/trips", announceBody);
    expect(announced.status).toBe(201);
    const trip = await json(announced);
    expect(trip).toMatchObject({
      kind: "visit",
      audience: "connections_and_picked",
      isMine: true,
      alertedCount: 0,
      city: { slug: "miami" },
    });
    // The default availability: weekdays, with evenings for dinners and events.
    expect((trip.availability as { weekly: Json }).weekly["1"]).toEqual([
      { from: "08:30", to: "19:00" },
      { from: "19:00", to: "23:00", kinds: ["dinner", "event_invitation"] },
    ]);
    expect(w.harness.jobs).toContainEqual({ name: "alerts.fanout", data: { tripId: trip.id } });

    const result = await fanOutAlerts(w.harness.context, { tripId: trip.id as number, secret: testSecret });
    expect(result.alerted).toBe(5);
    const rows = await w.harness.context.db.select().from(alerts);
    expect(rows.map((row) => row.memberId).sort()).toEqual(
      [w.ana, w.bob, w.cleo, w.dan, w.eve].map((m) => m.member.id).sort(),
    );
    expect(rows.every((row) => row.reasons.length > 0 && row.score > 0)).toBe(true);
    expect(w.harness.jobs.some((job) => job.name === "outbox.deliver")).toBe(true);
    expect(await w.harness.context.db.select().from(notifications)).toHaveLength(5);

    // The local sees the trip with why they were picked, in their language.
    const seen = await json(await w.ana.client.get(`/api/trips/${trip.id}`));
    expect((seen.alert as Json).text).toBe(
      "Pierre arrives in Miami Tue 1 – Fri 4 Dec. You were picked because you both work in fintech and Pierre seeks what you offer (internet, investors, social). How can you help?",
    );
    expect(seen.audience).toBeUndefined();
    const mine = await json(await w.pierre.client.get(`/api/trips/${trip.id}`));
    expect(mine.alertedCount).toBe(5);

    const sender = createSmtpSender(`smtp://127.0.0.1:${smtp.port}`, "Givefirst <no-reply@localhost>");
    expect(await deliverOutbox(w.harness.context, sender.send)).toBe(5);
    sender.close();
    expect(received.map((mail) => mail.messageId).sort()).toEqual(
      rows.map((row) => `<alert-${row.id}@localhost>`).sort(),
    );
    const toBob = received.find((mail) => mail.to === w.bob.email);
    expect(toBob?.subject).toBe("Pierre arrive à Miami du mar. 1 au ven. 4 déc.");
    expect(toBob?.text).toContain("Cette alerte vous est envoyée parce que Pierre et vous travaillez dans ce secteur");
    expect(toBob?.text).toContain("Comment pouvez-vous aider ?");
    expect(toBob?.text).toContain(`http://localhost:3999/trips/${trip.id}`);
    const toAna = received.find((mail) => mail.to === w.ana.email);
    expect(toAna?.subject).toBe("Pierre arrives in Miami Tue 1 – Fri 4 Dec");
    expect(received.some((mail) => mail.to === w.outsider.email)).toBe(false);

    // The unsubscribe link turns alert emails off in one click, without signing in.
    const link = /http:\/\/localhost:3999(\/api\/unsubscribe\?token=\S+)/.exec(toAna?.text ?? "")?.[1];
    expect(link).toBeDefined();
    const off = await w.harness.app.request(link!);
    expect(off.status).toBe(200);
    expect(await json(await w.ana.client.get("/api/me/preferences"))).toMatchObject({ emailPreference: "off" });
    expect(
      (await w.harness.app.request("/api/unsubscribe?token=1.forgedforgedforgedforgedforgedforgedforgedfor")).status,
    ).toBe(404);
  });

  it("refuses each invalid stay naming its field, and stores nothing", async () => {
    const w = await world(database().handle);
    const cases: [Json, string][] = [
      [{ departureDate: "2026-11-20", arrivalDate: "2026-11-10" }, "departureDate"],
      [{ departureDate: "2027-02-15" }, "departureDate"],
      [{ city: "atlantis" }, "city"],
      [{ seeks: "  " }, "seeks"],
      [{ arrivalDate: "2026-13-01" }, "arrivalDate"],
      [{ departureDate: "2026-11-30" }, "departureDate"],
      [{ kind: "move" }, "departureDate"],
      [{ audience: "everyone" }, "audience"],
      [{ maxMeetingsPerDay: 40 }, "maxMeetingsPerDay"],
      [{ availability: { weekly: { "1": [{ from: "19:00", to: "08:00" }] } } }, "availability.weekly.1.0.to"],
      [{ unknownField: 1 }, ""],
    ];
    for (const [change, field] of cases) {
      const response = await w.pierre.client.post("/api/trips", { ...announceBody, ...change });
      expect(response.status, JSON.stringify(change)).toBe(400);
      const error = (await json(response)).error as Json;
      expect(error.code).toBe("validation_failed");
      if (field) expect(error.field, JSON.stringify(change)).toBe(field);
    }
    expect(await tripCount(w.harness.context.db)).toBe(0);
    // A stay that has begun is fine; a move has no departure and is shown for 90 days.
    expect((await w.pierre.client.post("/api/trips", { ...announceBody, arrivalDate: "2026-11-20" })).status).toBe(201);
    const move = await json(
      await w.pierre.client.post("/api/trips", { ...announceBody, kind: "move", departureDate: null }),
    );
    expect(move.visibleUntil).toBe("2027-03-02T05:00:00.000Z");
    // An unverified email may not announce.
    const unverified = await createMember(w.harness, { name: "Nina", emailVerified: false });
    const refused = await unverified.client.post("/api/trips", announceBody);
    expect(refused.status).toBe(403);
    expect(((await json(refused)).error as Json).code).toBe("email_not_verified");
    expect(await tripCount(w.harness.context.db)).toBe(2);
    expect((await w.harness.app.request("/api/trips", { method: "POST" })).status).toBe(400);
  });

  it("edits, cancels and expires a trip", async () => {
    const w = await world(database().handle);
    const trip = await json(await w.pierre.client.post("/api/trips", announceBody));
    await fanOutAlerts(w.harness.context, { tripId: trip.id as number, secret: testSecret });
    const patched = await w.pierre.client.request("PATCH", `/api/trips/${trip.id}`, {
      departureDate: "2026-12-06",
      departureTime: "18:30",
      seeks: "angel investors",
    });
    expect(patched.status).toBe(200);
    expect(await json(patched)).toMatchObject({
      departureDate: "2026-12-06",
      departureTime: "18:30",
      seeks: "angel investors",
    });
    const tooLong = await w.pierre.client.request("PATCH", `/api/trips/${trip.id}`, { departureDate: "2027-03-01" });
    expect(((await json(tooLong)).error as Json).field).toBe("departureDate");
    // Only the traveller edits; for anyone else the trip does not exist.
    expect((await w.ana.client.request("PATCH", `/api/trips/${trip.id}`, { seeks: "x" })).status).toBe(404);
    expect((await w.ana.client.post(`/api/trips/${trip.id}/cancel`)).status).toBe(404);

    // Expiry: after the departure day ends in Miami, the trip leaves every list.
    w.harness.context.now = () => new Date("2026-12-07T04:59:00Z");
    expect(((await json(await w.ana.client.get("/api/arrivals?city=miami"))).trips as Json[]).length).toBe(1);
    w.harness.context.now = () => new Date("2026-12-07T05:00:00Z");
    expect(((await json(await w.ana.client.get("/api/arrivals?city=miami"))).trips as Json[]).length).toBe(0);
    expect((await w.ana.client.get(`/api/trips/${trip.id}`)).status).toBe(404);
    expect(((await json(await w.ana.client.get("/api/alerts"))).alerts as Json[]).length).toBe(0);
    expect(((await json(await w.pierre.client.get("/api/trips/mine"))).trips as Json[]).length).toBe(0);
    expect(await expireTrips(w.harness.context)).toBe(1);
    const history = await json(await w.pierre.client.get("/api/trips/mine?includePast=true"));
    expect((history.trips as Json[])[0]).toMatchObject({ id: trip.id, status: "expired" });

    // Cancel: the trip disappears for the picked locals, who get an in-app notice.
    w.harness.context.now = () => now;
    const second = await json(await w.pierre.client.post("/api/trips", announceBody));
    await fanOutAlerts(w.harness.context, { tripId: second.id as number, secret: testSecret });
    expect((await w.ana.client.get(`/api/trips/${second.id}`)).status).toBe(200);
    const cancelled = await w.pierre.client.post(`/api/trips/${second.id}/cancel`);
    expect(await json(cancelled)).toMatchObject({ status: "cancelled" });
    expect((await w.pierre.client.post(`/api/trips/${second.id}/cancel`)).status).toBe(200);
    expect((await w.ana.client.get(`/api/trips/${second.id}`)).status).toBe(404);
    expect((await w.pierre.client.request("PATCH", `/api/trips/${second.id}`, { seeks: "x" })).status).toBe(409);
    const notices = await w.harness.context.db.select().from(notifications);
    expect(notices.filter((notice) => notice.kind === "trip_cancelled")).toHaveLength(5);
  });

  it("preferences: read, change, and reject bad values", async () => {
    const w = await world(database().handle);
    expect(await json(await w.ana.client.get("/api/me/preferences"))).toEqual({
      emailPreference: "instant",
      alertsPaused: false,
      alertCapPerWeek: 3,
      defaultTripAudience: "connections_and_picked",
      locale: "en",
    });
    const changed = await w.ana.client.request("PUT", "/api/me/preferences", {
      emailPreference: "digest",
      alertCapPerWeek: 5,
    });
    expect(await json(changed)).toMatchObject({ emailPreference: "digest", alertCapPerWeek: 5 });
    const bad = await w.ana.client.request("PUT", "/api/me/preferences", { alertCapPerWeek: 99 });
    expect(((await json(bad)).error as Json).field).toBe("alertCapPerWeek");
    expect((await w.harness.app.request("/api/me/preferences")).status).toBe(401);
    const openapi = await json(await w.harness.app.request("/api/openapi.json"));
    expect(Object.keys(openapi.paths as Json)).toEqual(
      expect.arrayContaining([
        "/api/trips",
        "/api/trips/{id}",
        "/api/trips/{id}/cancel",
        "/api/trips/mine",
        "/api/arrivals",
        "/api/alerts",
        "/api/alerts/{id}/seen",
        "/api/me/preferences",
        "/api/unsubscribe",
      ]),
    );
    expect(await w.harness.context.db.select().from(emailOutbox)).toHaveLength(0);
  });
});
