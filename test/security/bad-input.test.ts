/**
 * Issue #8.3: at least 10,000 malformed requests across every route of the OpenAPI document, as a signed-in member:
 * no answer is a 5xx, and no rejected request changes the database (a checksum of every table, taken around each
 * request that took a transaction id, i.e. that may have written anything).
 */
import fc from "fast-check";
import { expect, it } from "vitest";
import { describeOnDatabases } from "../support/databases";
import { testBaseUrl } from "../support/test-app";
import { malformedRequests, operationsOf, type MalformedRequest } from "./malformed-requests";
import { changedTables, databaseChecksum, plantWorld, type World } from "./world";

const total = Number(process.env.FUZZ_REQUESTS ?? 10_000);
const seed = Number(process.env.FUZZ_SEED ?? 20261126);
const lastOperations = { "DELETE /api/me": true };

async function send(world: World, request: MalformedRequest): Promise<Response> {
  const cookie = world.clients.owner.cookieHeader();
  return world.harness.app.request(request.url, {
    method: request.method,
    headers: {
      origin: testBaseUrl,
      cookie,
      ...(request.contentType ? { "content-type": request.contentType } : {}),
    },
    ...(request.body !== null ? { body: request.body } : {}),
  });
}

describeOnDatabases("malformed requests", (database) => {
  it("refuses U+0000, which PostgreSQL text cannot hold, with a 400 naming where it is", async () => {
    const world = await plantWorld(database().handle);
    const client = world.clients.owner;
    const trip = { city: world.ids.city, arrivalDate: "2026-12-10", departureDate: "2026-12-12", seeks: "a\u0000b" };
    const cases: [Promise<Response>, string][] = [
      [client.post("/api/trips", trip), "seeks"],
      [client.request("PUT", "/api/me/profile", { headline: "x\u0000" }), "headline"],
      [client.get(`/api/directory?city=${world.ids.city}%00`), "city"],
      [client.get("/api/cities/mia%00mi/events"), "slug"],
    ];
    for (const [pending, field] of cases) {
      const response = await pending;
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: { field: string } }).error.field).toBe(field);
    }
  });

  it(
    `answers ${total} malformed requests without a 5xx and without a change from any rejected one`,
    { timeout: 900_000 },
    async () => {
      const world = await plantWorld(database().handle);
      const document = await (await world.harness.app.request("/api/openapi.json")).json();
      const { operations: all, resolve } = operationsOf(document);
      // Erasing the caller's own account ends the session: that operation goes last.
      const isLast = (operation: { method: string; path: string }) =>
        `${operation.method} ${operation.path}` in lastOperations;
      const operations = [...all.filter((operation) => !isLast(operation)), ...all.filter(isLast)];
      const valid: Record<string, string> = {
        id: String(world.ids.trip),
        tripId: String(world.ids.trip),
        memberId: String(world.ids.audience),
        slug: world.ids.city,
        city: world.ids.city,
        secret: world.ids.calendarSecret,
        token: world.ids.unsubscribeToken,
      };
      // Real values for the fields that name things, so that a broken field is often the only thing wrong.
      const fields: Record<string, unknown> = {
        city: world.ids.city,
        cityId: world.ids.cityId,
        memberId: world.ids.audience,
        firstId: world.ids.audience,
        secondId: world.ids.unrelated,
        tripId: world.ids.trip,
        eventId: world.ids.publicEvent,
        arrivalDate: "2026-12-10",
        departureDate: "2026-12-12",
        startsAt: "2026-12-05T13:00:00Z",
        endsAt: "2026-12-05T14:00:00Z",
        seeks: "investors",
        targetKind: "member",
        targetId: world.ids.unrelated,
      };
      const perOperation = Math.ceil(total / operations.length);
      const requests = operations.flatMap((operation, index) =>
        fc.sample(
          malformedRequests(operation, resolve, (name) => valid[name] ?? "1", fields),
          { numRuns: perOperation, seed: seed + index },
        ),
      );
      const failures: string[] = [];
      const statuses = new Map<number, number>();
      const handle = database().handle;
      // Every write takes a transaction id, so the next id to be assigned moves only when something may have
      // changed; the full checksum (every table's contents) is taken only then.
      const nextTransactionId = async () =>
        String((await handle.executeSql("SELECT pg_snapshot_xmax(pg_current_snapshot())::text AS x")).rows[0]?.x);
      let baseline = await databaseChecksum(handle);
      let lastId = await nextTransactionId();
      let checksums = 1;
      const describe = (request: MalformedRequest) =>
        `${request.method} ${request.url.slice(0, 120)} (${request.mutation}; ${request.contentType}) ` +
        (request.body ?? "").slice(0, 80);

      const started = performance.now();
      const cpu = process.cpuUsage();
      for (const request of requests) {
        const response = await send(world, request);
        const text = await response.text();
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        if (response.status >= 500) {
          failures.push(`${describe(request)} → ${response.status} ${text.slice(0, 200)}`);
          console.warn(failures.at(-1));
        }
        const id = await nextTransactionId();
        if (id === lastId) continue;
        lastId = id;
        const now = await databaseChecksum(handle);
        checksums += 1;
        if (response.status >= 400 && now !== baseline)
          failures.push(`${describe(request)} → ${response.status} changed ${changedTables(baseline, now).join(", ")}`);
        baseline = now;
      }
      const seconds = (performance.now() - started) / 1000;
      const used = process.cpuUsage(cpu);
      console.info(
        `malformed requests [${database().handle.engine}]: ${requests.length} sent to ${operations.length} operations in ` +
          `${seconds.toFixed(1)} s (CPU ${((used.user + used.system) / 1e6).toFixed(1)} s), ${checksums} checksums, ` +
          `statuses ${JSON.stringify(Object.fromEntries([...statuses].sort(([a], [b]) => a - b)))}`,
      );
      expect(requests.length).toBeGreaterThanOrEqual(total);
      expect(failures.slice(0, 40)).toEqual([]);
    },
  );
});
