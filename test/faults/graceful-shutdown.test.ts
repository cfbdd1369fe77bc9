/**
 * Issue #8, faults: SIGTERM lets the server finish the requests in flight before it exits. The slow request is real:
 * the test holds a lock on the sender's row, so that creating the offer waits inside its transaction.
 */
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type DatabaseHandle } from "../../src/db/create-db";
import { offers } from "../../src/db/schema/arrivals";
import { createTestApp } from "../support/test-app";
import { startThrowawayCluster, type ThrowawayCluster } from "./support/postgres-cluster";
import { memberHeaders, startServerProcess, type ServerProcess } from "./support/server-process";
import { coffeeOffer, createFaultWorld, type FaultWorld } from "./support/world";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("SIGTERM", () => {
  let cluster: ThrowawayCluster;
  let url: string;
  let handle: DatabaseHandle;
  let server: ServerProcess;
  let world: FaultWorld;

  beforeAll(async () => {
    cluster = await startThrowawayCluster();
    url = await cluster.createDatabase("givefirst_shutdown");
    handle = await createDb({ engine: "postgres", url, poolSize: 2 });
    world = await createFaultWorld(createTestApp(handle).context, { travellers: 1, tripsEach: 1, locals: 1 });
    server = await startServerProcess({ databaseUrl: url });
  }, 120_000);
  afterAll(async () => {
    await server?.kill();
    await handle?.close();
    await cluster?.destroy();
  });

  it("finishes the request in flight, refuses new ones, then exits 0", async () => {
    const local = world.locals[0]!;
    const locker = new pg.Client({ connectionString: url });
    await locker.connect();
    await locker.query("begin");
    await locker.query("select id from members where id = $1 for update", [local.member.id]);

    const inFlight = fetch(`${server.url}/api/trips/${world.tripIds[0]}/offers`, {
      method: "POST",
      headers: memberHeaders(local.cookie, { "idempotency-key": randomUUID() }),
      body: JSON.stringify(coffeeOffer(world, "in flight")),
    });
    // Wait until the request is waiting for the lock, inside the server's transaction.
    const waiting = async () =>
      (
        await locker.query(
          "select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()",
        )
      ).rows[0].n as number;
    for (let i = 0; i < 200 && (await waiting()) === 0; i++) await sleep(50);
    expect(await waiting()).toBe(1);

    server.child.kill("SIGTERM");
    await sleep(500);
    // Still running, still holding the request; a new connection is refused.
    expect(server.child.exitCode).toBeNull();
    const refused = await fetch(`${server.url}/health`).then(
      () => "answered",
      () => "refused",
    );
    expect(refused).toBe("refused");

    const releasedAt = Date.now();
    await locker.query("commit");
    await locker.end();
    const response = await inFlight;
    expect(response.status).toBe(201);
    const body = (await response.json()) as { id: number };
    expect(await server.exited).toBe(0);
    expect(Date.now() - releasedAt).toBeLessThan(15_000);
    const saved = await handle.db.select({ id: offers.id }).from(offers).where(eq(offers.id, body.id));
    expect(saved).toHaveLength(1);
    expect(server.output()).not.toMatch(/"level":50/);
  });
});
