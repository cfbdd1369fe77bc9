import { beforeEach, expect, it } from "vitest";
import { fanOutAlerts } from "../../src/app/alerts/fan-out-alerts";
import { sendAlertDigests } from "../../src/app/alerts/send-alert-digests";
import { alerts } from "../../src/db/schema/arrivals";
import { blocks, follows, members, ties } from "../../src/db/schema/people";
import { emailOutbox, notifications } from "../../src/db/schema/system";
import { eq } from "drizzle-orm";
import { describeOnDatabases } from "../support/databases";
import { createCity, createMember, signInAgain, toulouseCity } from "../support/factories";
import { Client, createTestApp, testSecret } from "../support/test-app";
import { createLocal } from "./trips-support";

const now = new Date("2026-11-26T12:00:00Z");
type Json = Record<string, unknown>;
const json = async (response: Response) => (await response.json()) as Json;
const relevant = { sectors: ["fintech"], gives: "intros to investors in social internet" };

async function world(database: Parameters<typeof createTestApp>[0]) {
  const harness = createTestApp(database);
  harness.context.now = () => now;
  const miami = await createCity(harness.context);
  const toulouse = await createCity(harness.context, { ...toulouseCity, locale: "en" });
  const pierre = await createMember(harness, { name: "Pierre", homeCityId: toulouse.id, sectors: ["fintech"] });
  const ana = await createMember(harness, { name: "Ana", homeCityId: miami.id, ...relevant });
  // Relevant but outside the audience unless picked; signed in to look.
  const olga = await createMember(harness, { name: "Olga", homeCityId: miami.id, sectors: ["farming"] });
  const locals = [];
  for (const name of ["Bob", "Cleo", "Dan", "Eve"])
    locals.push(await createLocal(harness, { name, homeCityId: miami.id, ...relevant }));
  const [bob, cleo, dan, eve] = locals as [
    (typeof locals)[0],
    (typeof locals)[0],
    (typeof locals)[0],
    (typeof locals)[0],
  ];
  const announce = async (extra: Json = {}) => {
    const response = await pierre.client.post("/api/trips", {
      city: "miami",
      arrivalDate: "2026-12-01",
      departureDate: "2026-12-04",
      seeks: "investors in social internet",
      ...extra,
    });
    expect(response.status).toBe(201);
    return (await json(response)).id as number;
  };
  const fanOut = (tripId: number) => fanOutAlerts(harness.context, { tripId, secret: testSecret });
  const alertedIds = async (tripId: number) =>
    (await harness.context.db.select().from(alerts).where(eq(alerts.tripId, tripId))).map((row) => row.memberId).sort();
  return { harness, miami, pierre, ana, olga, bob, cleo, dan, eve, announce, fanOut, alertedIds };
}

describeOnDatabases("trip privacy and alert rules", (database) => {
  beforeEach(() => database().reset());

  it("shows a trip only to its audience: 404 and absent from every list for anyone else", async () => {
    const w = await world(database().handle);
    const db = w.harness.context.db;
    // Zed lives elsewhere but Pierre follows his work: a connection.
    const zed = await createMember(w.harness, { name: "Zed" });
    await db.insert(follows).values({ followerId: w.pierre.member.id, followeeId: zed.member.id });
    const tripId = await w.announce();
    await w.fanOut(tripId);
    expect(await w.alertedIds(tripId)).not.toContain(w.olga.member.id);

    expect((await w.ana.client.get(`/api/trips/${tripId}`)).status).toBe(200);
    expect((await zed.client.get(`/api/trips/${tripId}`)).status).toBe(200);
    const hidden = await w.olga.client.get(`/api/trips/${tripId}`);
    expect(hidden.status).toBe(404);
    expect(await json(hidden)).toEqual((await json(await w.olga.client.get("/api/trips/999999"))) as Json);
    expect((await json(await w.olga.client.get("/api/arrivals?city=miami"))).trips).toEqual([]);
    expect((await json(await w.olga.client.get("/api/arrivals"))).trips).toEqual([]);
    expect((await json(await w.olga.client.get("/api/alerts"))).alerts).toEqual([]);
    const mails = await db.select().from(emailOutbox);
    expect(mails.some((mail) => mail.memberId === w.olga.member.id)).toBe(false);
    expect(mails.some((mail) => mail.textBody.includes("Pierre") && mail.memberId === zed.member.id)).toBe(false);

    // "Arriving in my city" for a picked local: the trip with the reasons.
    const arrivals = (await json(await w.ana.client.get("/api/arrivals?city=miami"))).trips as Json[];
    expect(arrivals).toHaveLength(1);
    expect((arrivals[0]?.alert as Json).text).toContain("You were picked because");
    // My alerts, and marking one seen; someone else's alert does not exist for me.
    const mine = (await json(await w.ana.client.get("/api/alerts"))).alerts as Json[];
    expect(mine).toHaveLength(1);
    const alertId = mine[0]?.id as number;
    expect((await w.ana.client.post(`/api/alerts/${alertId}/seen`)).status).toBe(200);
    expect((await w.olga.client.post(`/api/alerts/${alertId}/seen`)).status).toBe(404);
    expect(((await json(await w.ana.client.get("/api/alerts"))).alerts as Json[])[0]?.seenAt).not.toBeNull();

    // Audience "members": everyone sees it, offered help without an alert.
    const open = await w.announce({ audience: "members", arrivalDate: "2026-12-10", departureDate: "2026-12-12" });
    expect((await w.olga.client.get(`/api/trips/${open}`)).status).toBe(200);
    expect(
      ((await json(await w.olga.client.get("/api/arrivals?city=miami"))).trips as Json[]).map((t) => t.id),
    ).toEqual([open]);
  });

  it("audience 'connections' alerts only connections, and picked outsiders never see it", async () => {
    const w = await world(database().handle);
    const db = w.harness.context.db;
    const [a, b] = [w.pierre.member.id, w.bob.member.id].sort((x, y) => x - y) as [number, number];
    await db.insert(ties).values({ aId: a, bId: b, strength: 1, firstMetOn: "2025-01-01", lastMetOn: "2025-01-01" });
    const tripId = await w.announce({ audience: "connections" });
    await w.fanOut(tripId);
    expect(await w.alertedIds(tripId)).toEqual([w.bob.member.id]);
    expect((await w.ana.client.get(`/api/trips/${tripId}`)).status).toBe(404);
    // The lists too, whichever side of the tie (lower or higher id) the traveller is on: Pierre's id is below
    // Bob's, Quentin's above.
    const quentin = await createMember(w.harness, { name: "Quentin", homeCityId: w.pierre.member.homeCityId });
    await db.insert(ties).values({
      aId: w.bob.member.id,
      bId: quentin.member.id,
      strength: 1,
      firstMetOn: "2025-01-01",
      lastMetOn: "2025-01-01",
    });
    const response = await quentin.client.post("/api/trips", {
      city: "miami",
      arrivalDate: "2026-12-02",
      departureDate: "2026-12-05",
      seeks: "investors in social internet",
      audience: "connections",
    });
    expect(response.status).toBe(201);
    const quentinTrip = (await json(response)).id as number;
    const arrivalIds = async (client: Client) =>
      ((await json(await client.get("/api/arrivals?city=miami"))).trips as Json[]).map((trip) => trip.id);
    const bob = await signInAgain(w.harness, { ...w.bob, client: new Client(w.harness.app) });
    expect(await arrivalIds(bob)).toEqual([tripId, quentinTrip]);
    expect(await arrivalIds(w.ana.client)).toEqual([]);
  });

  it("never picks a blocked pair, whoever blocked whom, and keeps the trip hidden from them", async () => {
    const w = await world(database().handle);
    const db = w.harness.context.db;
    await db.insert(blocks).values([
      { blockerId: w.dan.member.id, blockedId: w.pierre.member.id },
      { blockerId: w.pierre.member.id, blockedId: w.ana.member.id },
    ]);
    const tripId = await w.announce({ audience: "members" });
    await w.fanOut(tripId);
    const picked = await w.alertedIds(tripId);
    expect(picked).not.toContain(w.dan.member.id);
    expect(picked).not.toContain(w.ana.member.id);
    expect(picked).toContain(w.bob.member.id);
    expect((await w.ana.client.get(`/api/trips/${tripId}`)).status).toBe(404);
    expect((await json(await w.ana.client.get("/api/arrivals?city=miami"))).trips).toEqual([]);
  });

  it("respects pauses and weekly caps, and a re-run or a concurrent run duplicates nothing", async () => {
    const w = await world(database().handle);
    const db = w.harness.context.db;
    await db.update(members).set({ alertsPaused: true }).where(eq(members.id, w.cleo.member.id));
    await db.update(members).set({ alertCapPerWeek: 1 }).where(eq(members.id, w.dan.member.id));
    const first = await w.announce({ arrivalDate: "2026-12-01", departureDate: "2026-12-02" });
    await w.fanOut(first);
    expect(await w.alertedIds(first)).toEqual(
      [w.ana.member.id, w.bob.member.id, w.dan.member.id, w.eve.member.id].sort(),
    );

    const second = await w.announce({ arrivalDate: "2026-12-08", departureDate: "2026-12-09" });
    await Promise.all([w.fanOut(second), w.fanOut(second)]);
    await w.fanOut(second);
    const picked = await w.alertedIds(second);
    expect(picked).not.toContain(w.cleo.member.id);
    expect(picked).not.toContain(w.dan.member.id);
    expect(picked).toEqual([w.ana.member.id, w.bob.member.id, w.eve.member.id].sort());
    const all = await db.select().from(alerts);
    const mails = await db.select().from(emailOutbox);
    expect(mails).toHaveLength(all.length);
    expect(new Set(mails.map((mail) => mail.messageId)).size).toBe(all.length);
    expect(await db.select().from(notifications)).toHaveLength(all.length);
  });

  it("sends one daily digest to digest readers and nothing to those who turned email off", async () => {
    const w = await world(database().handle);
    await w.ana.client.request("PUT", "/api/me/preferences", { emailPreference: "digest" });
    await w.harness.context.db.update(members).set({ emailPreference: "off" }).where(eq(members.id, w.bob.member.id));
    await w.fanOut(await w.announce());
    await w.fanOut(await w.announce({ arrivalDate: "2026-12-08", departureDate: "2026-12-09" }));
    const instant = await w.harness.context.db.select().from(emailOutbox);
    expect(instant.some((mail) => mail.memberId === w.ana.member.id || mail.memberId === w.bob.member.id)).toBe(false);
    expect(await sendAlertDigests(w.harness.context, { secret: testSecret, day: "2026-11-26" })).toBe(1);
    expect(await sendAlertDigests(w.harness.context, { secret: testSecret, day: "2026-11-26" })).toBe(1);
    const digests = (await w.harness.context.db.select().from(emailOutbox)).filter(
      (mail) => mail.kind === "daily_digest",
    );
    expect(digests).toHaveLength(1);
    expect(digests[0]?.subject).toBe("Who arrives in your city: 2 new alerts");
    expect(digests[0]?.textBody.match(/How can you help\?/g)).toHaveLength(2);
  });
});
