/**
 * The gatekeeper rule in the app path: with the city report cached by the analytics job, the gatekeepers (top 5 % by
 * betweenness) get no larger a share of a trip's alerts than their share of the relevant candidates; and the
 * communities of the cached report (`communityOf`) are used for matching but never served.
 */
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { fanOutAlerts } from "../../src/app/alerts/fan-out-alerts";
import { gatekeepersFromReport, toMatchingState } from "../../src/app/alerts/load-matching-state";
import { refreshCityReport } from "../../src/app/analytics/refresh-city-report";
import { findCityReport, saveCityReport } from "../../src/db/repositories/analytics.repository";
import type { CityMatchingRows } from "../../src/db/repositories/matching-state.repository";
import { grantRole } from "../../src/db/repositories/members.repository";
import { alerts } from "../../src/db/schema/arrivals";
import { ties } from "../../src/db/schema/people";
import { describeOnDatabases } from "../support/databases";
import { createCity, createMember, toulouseCity, type TestMember } from "../support/factories";
import { createTestApp, testSecret } from "../support/test-app";
import { createLocal } from "./trips-support";

const now = new Date("2026-11-26T12:00:00Z");
const quick = { report: { seed: 1, randomizations: 2 }, trendQuarters: 0 };

describeOnDatabases("alerts: gatekeepers and communities from the cached city report", (database) => {
  let harness: ReturnType<typeof createTestApp>;
  let miamiId: number;
  let organiser: TestMember;
  let travellers: TestMember[];
  const clans: number[][] = [];
  const brokers: number[] = [];

  /** Three clans of twelve fintech locals, joined only through two brokers who also share the travellers' tags. */
  beforeAll(async () => {
    await database().reset();
    harness = createTestApp(database().handle);
    harness.context.now = () => now;
    const { context } = harness;
    miamiId = (await createCity(context)).id;
    const toulouse = await createCity(context, toulouseCity);
    organiser = await createMember(harness, { name: "Olga Organiser", homeCityId: miamiId, sectors: ["farming"] });
    await grantRole(context.db, organiser.member.id, "organiser", miamiId);
    travellers = [
      await createMember(harness, { name: "Pierre", homeCityId: toulouse.id, sectors: ["fintech"] }),
      await createMember(harness, { name: "Paula", homeCityId: toulouse.id, sectors: ["fintech"] }),
    ];
    for (let c = 0; c < 3; c++) {
      const ids: number[] = [];
      for (let i = 0; i < 12; i++)
        ids.push(
          (await createLocal(harness, { name: `Clan${c} ${i}`, homeCityId: miamiId, sectors: ["fintech"] })).member.id,
        );
      clans.push(ids);
    }
    for (const name of ["Broker One", "Broker Two"])
      brokers.push(
        (
          await createLocal(harness, {
            name,
            homeCityId: miamiId,
            sectors: ["fintech"],
            tags: ["payments", "investors"],
          })
        ).member.id,
      );
    const pairs: [number, number][] = [];
    for (const clan of clans)
      for (let i = 0; i < clan.length; i++)
        for (const step of [1, 2, 3]) pairs.push([clan[i]!, clan[(i + step) % clan.length]!]);
    for (const broker of brokers)
      for (const clan of clans) for (const member of clan.slice(0, 4)) pairs.push([broker, member]);
    await context.db.insert(ties).values(
      pairs.map(([x, y]) => ({
        aId: Math.min(x, y),
        bId: Math.max(x, y),
        strength: 1,
        firstMetOn: "2026-01-15",
        lastMetOn: "2026-03-01",
      })),
    );
  });

  const announce = async (traveller: TestMember) => {
    const response = await traveller.client.post("/api/trips", {
      city: "miami",
      arrivalDate: "2026-12-01",
      departureDate: "2026-12-04",
      seeks: "meet people in payments",
      seeksTags: ["payments", "investors"],
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as { id: number }).id;
  };
  const alertedOn = async (tripId: number) =>
    (await harness.context.db.select({ memberId: alerts.memberId }).from(alerts).where(eq(alerts.tripId, tripId))).map(
      (row) => row.memberId,
    );
  // Every clan member and both brokers share the fintech sector with the trip: 38 relevant candidates.
  const relevantCount = () => clans.flat().length + brokers.length;

  it("without a cached report the brokers rank first and take more than their share; with it, no more", async () => {
    // Before the analytics job ran: no gatekeeper flags, the brokers' extra tags put them on top.
    const before = await alertedOn((await fanOutAndReturn(await announce(travellers[0]!))).tripId);
    expect(before).toHaveLength(25);
    const brokersBefore = before.filter((id) => brokers.includes(id)).length;
    expect(brokersBefore / before.length).toBeGreaterThan(brokers.length / relevantCount());

    const snapshot = await refreshCityReport(harness.context, miamiId, quick);
    expect(snapshot).not.toBeNull();
    // 39 members in Miami (the organiser too): the top 5 % by betweenness are two, the brokers.
    expect(snapshot!.counts.members).toBe(39);
    expect(gatekeepersFromReport(snapshot).sort()).toEqual([...brokers].sort());

    const after = await alertedOn((await fanOutAndReturn(await announce(travellers[1]!))).tripId);
    expect(after).toHaveLength(25);
    const brokersAfter = after.filter((id) => brokers.includes(id)).length;
    expect(brokersAfter / after.length).toBeLessThanOrEqual(brokers.length / relevantCount());
    expect(after.every((id) => clans.flat().includes(id) || brokers.includes(id))).toBe(true);
  });

  it("never serves the report's communityOf", async () => {
    const cached = await findCityReport(harness.context.db, miamiId);
    expect(cached).toBeDefined();
    const communityOf = Object.fromEntries([
      ...clans.flatMap((clan, c) => clan.map((id) => [String(id), c])),
      ...brokers.map((id) => [String(id), 7]),
    ]);
    await saveCityReport(
      harness.context.db,
      miamiId,
      { ...(cached!.report as object), communityOf },
      cached!.computedAt,
    );
    for (const path of ["/api/cities/miami/report", "/api/cities/miami/network"]) {
      const response = await organiser.client.get(path);
      expect(response.status).toBe(200);
      expect(await response.text()).not.toContain("communityOf");
    }
  });

  async function fanOutAndReturn(tripId: number) {
    const result = await fanOutAlerts(harness.context, { tripId, secret: testSecret });
    const [row] = await harness.context.db
      .select({ id: alerts.id })
      .from(alerts)
      .where(and(eq(alerts.tripId, tripId)));
    expect(row).toBeDefined();
    return { tripId, ...result };
  }
});

describe("toMatchingState: communities", () => {
  const member = (id: number) => ({
    id,
    homeCityId: 1,
    currentCityId: null,
    sectors: [],
    tags: [],
    seeks: "",
    gives: "",
    seeksTags: [],
    givesTags: [],
    careerStage: "other",
    alertsPaused: false,
    alertCapPerWeek: 3,
  });
  const rows = (cityReport: unknown): CityMatchingRows => ({
    members: [1, 2, 3, 4, 5, 6].map(member),
    // 1–2–3 and 4–5 are two groups; 6 is new (not in the report) and tied twice to 4 and 5, once to 1.
    ties: [
      { a: 1, b: 2, strength: 2 },
      { a: 2, b: 3, strength: 2 },
      { a: 1, b: 3, strength: 2 },
      { a: 4, b: 5, strength: 2 },
      { a: 4, b: 6, strength: 1 },
      { a: 5, b: 6, strength: 1 },
      { a: 1, b: 6, strength: 1 },
    ],
    followers: [],
    followees: [],
    blocked: [],
    giving: [],
    recentAlerts: [],
    cityReport,
  });
  const communities = (report: unknown) =>
    Object.fromEntries(
      toMatchingState(rows(report), { travellerId: 99, onlyConnections: false }).members.map((m) => [
        m.id,
        m.communityId,
      ]),
    );

  it("takes each member's community from the report, and a newcomer's from most of their ties", () => {
    const byReport = communities({ communityOf: { "1": 0, "2": 0, "3": 1, "4": 2, "5": 2 } });
    expect(byReport).toEqual({ "1": "r0", "2": "r0", "3": "r1", "4": "r2", "5": "r2", "6": "r2" });
  });

  it("falls back to the seeded Louvain pass when the report has no communityOf", () => {
    const louvain = communities({ gatekeepers: [] });
    expect(louvain["1"]).toBe(louvain["2"]);
    expect(louvain["4"]).toBe(louvain["5"]);
    expect(louvain["1"]).not.toBe(louvain["4"]);
    expect(Object.values(louvain).some((c) => c.startsWith("r"))).toBe(false);
    expect(communities(null)).toEqual(louvain);
  });
});
