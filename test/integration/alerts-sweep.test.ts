/**
 * `GET /api/alerts` in a fixed number of queries, and the sweep that re-queues a fan-out lost between storing a trip
 * and queuing its job.
 */
import { eq } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import { fanOutAlerts } from "../../src/app/alerts/fan-out-alerts";
import { listMyAlerts } from "../../src/app/alerts/list-my-alerts";
import { fanOutGraceMs } from "../../src/app/alerts/requeue-lost-fan-outs";
import type { AppContext } from "../../src/app/context";
import { alerts, trips } from "../../src/db/schema/arrivals";
import { createAlertJobHandlers } from "../../src/jobs/alert-jobs";
import { describeOnDatabases } from "../support/databases";
import { createCity, createMember, toulouseCity, type TestMember } from "../support/factories";
import { createTestApp, testSecret } from "../support/test-app";
import { createLocal } from "./trips-support";

const now = new Date("2026-11-26T12:00:00Z");

describeOnDatabases("alerts: batched listing and the lost fan-out sweep", (database) => {
  let harness: ReturnType<typeof createTestApp>;
  let ana: TestMember;
  let travellers: TestMember[];

  beforeEach(async () => {
    await database().reset();
    harness = createTestApp(database().handle);
    harness.context.now = () => now;
    const miami = await createCity(harness.context);
    const toulouse = await createCity(harness.context, toulouseCity);
    ana = await createMember(harness, { name: "Ana", homeCityId: miami.id, sectors: ["fintech"], alertCapPerWeek: 20 });
    await createLocal(harness, { name: "Bob", homeCityId: miami.id, sectors: ["fintech"] });
    travellers = [];
    for (let i = 0; i < 12; i++)
      travellers.push(
        await createMember(harness, { name: `Traveller ${i}`, homeCityId: toulouse.id, sectors: ["fintech"] }),
      );
  });

  const announce = async (traveller: TestMember) => {
    const response = await traveller.client.post("/api/trips", {
      city: "miami",
      arrivalDate: "2026-12-01",
      departureDate: "2026-12-04",
      seeks: "payments people",
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as { id: number }).id;
  };

  /** The context with every query counted (each starts with select, insert, update, delete or execute). */
  function countingContext(): { context: AppContext; queries: () => number } {
    let count = 0;
    const db = new Proxy(harness.context.db, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver);
        if (typeof value !== "function") return value;
        return (...args: unknown[]) => {
          if (["select", "insert", "update", "delete", "execute", "selectDistinct"].includes(String(property))) count++;
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
    return { context: { ...harness.context, db }, queries: () => count };
  }

  it("lists my alerts in as many queries for 12 alerts as for 2", async () => {
    const queriesWith = async (travellersNow: TestMember[], expected: number) => {
      for (const traveller of travellersNow) {
        const tripId = await announce(traveller);
        await fanOutAlerts(harness.context, { tripId, secret: testSecret });
      }
      const { context, queries } = countingContext();
      const listed = await listMyAlerts(context, { memberId: ana.member.id, locale: "en" });
      expect(listed).toHaveLength(expected);
      expect(listed.every((entry) => entry.text.includes("fintech"))).toBe(true);
      return queries();
    };
    const forTwo = await queriesWith(travellers.slice(0, 2), 2);
    const forTwelve = await queriesWith(travellers.slice(2), 12);
    expect(forTwelve).toBe(forTwo);
    expect(forTwo).toBeLessThanOrEqual(4);
  });

  it("the alerts endpoint answers the batched list, newest first", async () => {
    for (const traveller of travellers.slice(0, 3)) {
      const tripId = await announce(traveller);
      await fanOutAlerts(harness.context, { tripId, secret: testSecret });
    }
    const response = await ana.client.get("/api/alerts");
    expect(response.status).toBe(200);
    const body = (await response.json()) as { alerts: { trip: { traveller: { name: string } }; text: string }[] };
    expect(body.alerts.map((alert) => alert.trip.traveller.name).sort()).toEqual([
      "Traveller 0",
      "Traveller 1",
      "Traveller 2",
    ]);
  });

  it("re-queues a fan-out whose job could not be queued, after the grace period, until it ran", async () => {
    const send = harness.context.jobs.send;
    harness.context.jobs.send = async (name, data, options) => {
      if (name === "alerts.fanout") throw new Error("queue unavailable");
      return send(name, data, options);
    };
    const tripId = await announce(travellers[0]!);
    harness.context.jobs.send = send;
    expect(harness.jobs.filter((job) => job.name === "alerts.fanout")).toHaveLength(0);
    const [stored] = await harness.context.db.select().from(trips).where(eq(trips.id, tripId));
    expect(stored?.fannedOutAt).toBeNull();

    const sweep = createAlertJobHandlers(() => harness.context, testSecret)["trips.expire"]!;
    await sweep({});
    expect(harness.jobs.filter((job) => job.name === "alerts.fanout")).toHaveLength(0);

    harness.context.now = () => new Date(now.getTime() + fanOutGraceMs + 60_000);
    await sweep({});
    expect(harness.jobs.filter((job) => job.name === "alerts.fanout")).toEqual([
      { name: "alerts.fanout", data: { tripId } },
    ]);
    await createAlertJobHandlers(() => harness.context, testSecret)["alerts.fanout"]!({ tripId });
    expect(await harness.context.db.select().from(alerts).where(eq(alerts.tripId, tripId))).toHaveLength(2);

    harness.jobs.length = 0;
    await sweep({});
    expect(harness.jobs).toHaveLength(0);
  });

  it("does not re-queue a trip whose fan-out ran and found nobody", async () => {
    const lonely = await createMember(harness, { name: "Lonely", sectors: ["farming"] });
    const tripId = await announce(lonely);
    expect((await fanOutAlerts(harness.context, { tripId, secret: testSecret })).alerted).toBe(0);
    harness.jobs.length = 0;
    harness.context.now = () => new Date(now.getTime() + fanOutGraceMs + 60_000);
    await createAlertJobHandlers(() => harness.context, testSecret)["trips.expire"]!({});
    expect(harness.jobs).toHaveLength(0);
  });
});
