/**
 * Above 200 members the served city report lists its top ten gatekeepers only, fewer than the top 5 % by betweenness
 * the alert fan-out spreads. The cached snapshot keeps the whole 5 % privately (`gatekeeperIds`, like `communityOf`):
 * the fan-out's rows read it back from the database, and the report and network endpoints never serve it.
 */
import { beforeAll, expect, it } from "vitest";
import { gatekeepersFromReport } from "../../src/app/alerts/load-matching-state";
import { refreshCityReport } from "../../src/app/analytics/refresh-city-report";
import type { CityReportSnapshot } from "../../src/app/analytics/city-report-snapshot";
import { loadCityMatchingRows } from "../../src/db/repositories/matching-state.repository";
import { grantRole } from "../../src/db/repositories/members.repository";
import { members, ties } from "../../src/db/schema/people";
import { describeOnDatabases } from "../support/databases";
import { createCity, createMember, toulouseCity, type TestMember } from "../support/factories";
import { createTestApp } from "../support/test-app";

const now = new Date("2026-11-26T12:00:00Z");
const quick = { report: { seed: 1, randomizations: 2 }, trendQuarters: 0 };
const hubCount = 15;
const leavesPerHub = 15;

describeOnDatabases("alerts: the whole top 5 % of gatekeepers in a city above 200 members", (database) => {
  let harness: ReturnType<typeof createTestApp>;
  let organiser: TestMember;
  let traveller: TestMember;
  let miamiId: number;
  const hubs: number[] = [];
  let snapshot: CityReportSnapshot;

  /** Fifteen hubs in a ring, each with fifteen leaves of its own: 240 members, betweenness only on the hubs. */
  beforeAll(async () => {
    await database().reset();
    harness = createTestApp(database().handle);
    harness.context.now = () => now;
    const { db } = harness.context;
    miamiId = (await createCity(harness.context)).id;
    const toulouse = await createCity(harness.context, toulouseCity);
    traveller = await createMember(harness, { name: "Pierre", homeCityId: toulouse.id });
    const pairs: [number, number][] = [];
    for (let h = 0; h < hubCount; h++) {
      const rows = await db
        .insert(members)
        .values(
          Array.from({ length: leavesPerHub + 1 }, (_, i) => ({
            name: i === 0 ? `Hub ${h}` : `Leaf ${h}.${i}`,
            homeCityId: miamiId,
            sectors: ["fintech"],
          })),
        )
        .returning({ id: members.id });
      const [hub, ...leaves] = rows.map((row) => row.id);
      hubs.push(hub!);
      for (const leaf of leaves) pairs.push([hub!, leaf]);
    }
    for (let h = 0; h < hubCount; h++) pairs.push([hubs[h]!, hubs[(h + 1) % hubCount]!]);
    await db.insert(ties).values(
      pairs.map(([x, y]) => ({
        aId: Math.min(x, y),
        bId: Math.max(x, y),
        strength: 1,
        firstMetOn: "2026-01-15",
        lastMetOn: "2026-03-01",
      })),
    );
    // The organiser is the city's 241st member (no ties: no betweenness).
    organiser = await createMember(harness, { name: "Olga Organiser", homeCityId: miamiId });
    await grantRole(db, organiser.member.id, "organiser", miamiId);
    const computed = await refreshCityReport(harness.context, miamiId, quick);
    expect(computed).not.toBeNull();
    snapshot = computed!;
  });

  it("keeps the whole top 5 % in the snapshot, more than the ten the report lists", () => {
    expect(snapshot.counts.members).toBe(hubCount * (leavesPerHub + 1) + 1);
    const top = Math.ceil(0.05 * snapshot.counts.members); // 13
    expect(snapshot.gatekeepers).toHaveLength(10);
    expect(snapshot.gatekeeperIds).toHaveLength(top);
    expect(top).toBeGreaterThan(10);
    // Best first, and the listed ten are its head.
    expect(snapshot.gatekeeperIds.slice(0, 10)).toEqual(snapshot.gatekeepers.map((gatekeeper) => gatekeeper.memberId));
    for (const id of snapshot.gatekeeperIds) expect(hubs).toContain(id);
  });

  it("gives the fan-out the whole 5 %, read back from the cached report", async () => {
    const rows = await loadCityMatchingRows(harness.context.db, {
      cityId: miamiId,
      travellerId: traveller.member.id,
      alertsSince: new Date(now.getTime() - 7 * 86_400_000),
    });
    const gatekeepers = gatekeepersFromReport(rows.cityReport);
    expect(gatekeepers).toEqual(snapshot.gatekeeperIds);
    expect(gatekeepers.length).toBeGreaterThan(10);
    // A report cached before the list existed falls back to its served ten.
    const { gatekeeperIds: _dropped, ...older } = rows.cityReport as CityReportSnapshot;
    expect(gatekeepersFromReport(older)).toEqual(snapshot.gatekeepers.map((gatekeeper) => gatekeeper.memberId));
  });

  it("never serves gatekeeperIds (nor communityOf) from the report or the network view", async () => {
    for (const path of ["/api/cities/miami/report", "/api/cities/miami/network"]) {
      const response = await organiser.client.get(path);
      expect(response.status).toBe(200);
      const text = await response.text();
      expect(text).not.toContain("gatekeeperIds");
      expect(text).not.toContain("communityOf");
      // The eleventh to thirteenth gatekeepers are not named anywhere in the served report.
      if (path.endsWith("report")) {
        const served = JSON.parse(text) as { gatekeepers: unknown[] };
        expect(served.gatekeepers.length).toBeLessThanOrEqual(10);
      }
    }
  });
});
