/**
 * Issue #8, faults: under mixed reads and writes, the server's PostgreSQL (a throwaway cluster) crashes and comes back
 * after a few seconds. The server stays up, answers 503 with Retry-After while the database is down, recovers
 * within 5 s of its return, and loses no acknowledged write and duplicates none: writers retry with the same
 * Idempotency-Key until they get their 201.
 */
import { randomUUID } from "node:crypto";
import { writeFileSync } from "node:fs";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type DatabaseHandle } from "../../src/db/create-db";
import { offers } from "../../src/db/schema/arrivals";
import { createTestApp } from "../support/test-app";
import { runLoad } from "./support/autocannon";
import { startThrowawayCluster, type ThrowawayCluster } from "./support/postgres-cluster";
import { memberHeaders, startServerProcess, type ServerProcess } from "./support/server-process";
import { coffeeOffer, createFaultWorld, type FaultWorld } from "./support/world";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Attempt {
  status: number | "connection error";
  startedAt: number;
  endedAt: number;
  retryAfter: string | null;
}

describe("a PostgreSQL restart under load", () => {
  let cluster: ThrowawayCluster;
  let handle: DatabaseHandle;
  let server: ServerProcess;
  let world: FaultWorld;

  beforeAll(async () => {
    cluster = await startThrowawayCluster();
    const url = await cluster.createDatabase("givefirst_restart");
    handle = await createDb({ engine: "postgres", url, poolSize: 4 });
    // 80 locals × 20 trips: 1,600 writes, more than 4 writers get through in the 12.5 s of the test.
    world = await createFaultWorld(createTestApp(handle).context, { travellers: 4, tripsEach: 5, locals: 80 });
    server = await startServerProcess({ databaseUrl: url });
  }, 120_000);
  afterAll(async () => {
    if (process.env.FAULTS_SERVER_LOG) writeFileSync(process.env.FAULTS_SERVER_LOG, server.output());
    await server?.kill();
    await handle?.close();
    await cluster?.destroy();
  });

  it("stays up, answers 503 + Retry-After while down, recovers within 5 s, loses and duplicates no write", async () => {
    // Every (local, trip) pair is one write: 20 trips keep each local within the daily cap of 20 offers.
    const tasks = world.locals.flatMap((local) => world.tripIds.map((tripId) => ({ local, tripId })));
    const attempts: Attempt[] = [];
    const acknowledged: { offerId: number; senderId: number; tripId: number }[] = [];
    const unexpected: string[] = [];
    let replayed = 0;
    let writing = true;

    const writeUntilAcknowledged = async (task: (typeof tasks)[number]) => {
      const key = randomUUID();
      for (let attempt = 0; attempt < 300; attempt++) {
        const startedAt = Date.now();
        try {
          const response = await fetch(`${server.url}/api/trips/${task.tripId}/offers`, {
            method: "POST",
            headers: memberHeaders(task.local.cookie, { "idempotency-key": key }),
            body: JSON.stringify(coffeeOffer(world, key)),
            signal: AbortSignal.timeout(30_000),
          });
          const body = (await response.json()) as { id?: number };
          attempts.push({
            status: response.status,
            startedAt,
            endedAt: Date.now(),
            retryAfter: response.headers.get("retry-after"),
          });
          if (response.status === 201) {
            if (response.headers.get("idempotent-replayed")) replayed += 1;
            acknowledged.push({ offerId: body.id!, senderId: task.local.member.id, tripId: task.tripId });
            return;
          }
          if (response.status !== 503) {
            unexpected.push(`${response.status} ${JSON.stringify(body)}`);
            return;
          }
        } catch {
          attempts.push({ status: "connection error", startedAt, endedAt: Date.now(), retryAfter: null });
        }
        await sleep(100);
      }
      unexpected.push(`gave up on trip ${task.tripId}`);
    };
    let next = 0;
    const writer = async () => {
      while (writing && next < tasks.length) {
        await writeUntilAcknowledged(tasks[next++]!);
        await sleep(25);
      }
    };

    const reads = runLoad({
      url: server.url,
      connections: 4,
      durationSeconds: 120,
      headers: memberHeaders(world.locals[0]!.cookie),
      requests: [{ path: "/api/arrivals" }, { path: `/api/trips/${world.tripIds[0]}` }],
    });
    const writers = Array.from({ length: 4 }, () => writer());

    await sleep(2_500);
    const downAt = Date.now();
    await cluster.stop("immediate");
    await sleep(3_000);
    await cluster.start();
    const upAt = Date.now();
    await sleep(7_000);
    writing = false;
    await Promise.all(writers);
    reads.stop();
    const load = await reads.done;

    // The server never went down.
    expect(server.child.exitCode, server.output().slice(-4000)).toBeNull();
    expect(attempts.filter((attempt) => attempt.status === "connection error")).toEqual([]);
    expect(load.errors).toBe(0);
    // Only successes and 503s, never a 500; every 503 says when to retry.
    expect(unexpected).toEqual([]);
    const readStatuses = new Set(load.responses.map((response) => response.status));
    expect([...readStatuses].filter((status) => status !== 200 && status !== 503)).toEqual([]);
    const unavailable = attempts.filter((attempt) => attempt.status === 503);
    expect(unavailable.length).toBeGreaterThan(0);
    expect(unavailable.every((attempt) => Number(attempt.retryAfter) >= 1)).toBe(true);
    expect(load.responses.some((response) => response.status === 503 && response.at > downAt)).toBe(true);

    // Recovered within 5 s of the database's return: nothing begun later than that answered 503.
    const lateWrites = attempts.filter((attempt) => attempt.startedAt > upAt + 5_000 && attempt.status !== 201);
    expect(lateWrites).toEqual([]);
    const lastUnavailable = Math.max(
      ...unavailable.map((attempt) => attempt.endedAt),
      ...load.responses.filter((response) => response.status === 503).map((response) => response.at),
    );
    const recoveryMs = Math.max(0, lastUnavailable - upAt);
    expect(recoveryMs).toBeLessThan(5_000);
    const firstWriteBack = Math.min(
      ...attempts.filter((attempt) => attempt.startedAt >= upAt && attempt.status === 201).map((a) => a.endedAt),
    );
    expect(firstWriteBack - upAt).toBeLessThan(5_000);
    const writesAfterReturn = attempts.filter((attempt) => attempt.startedAt > upAt + 5_000).length;
    expect(writesAfterReturn).toBeGreaterThan(0);

    // Every acknowledged write is in the database, once.
    const rows = await handle.db
      .select({ id: offers.id, senderId: offers.senderId, tripId: offers.tripId })
      .from(offers)
      .where(eq(offers.kind, "coffee"));
    expect(rows.length).toBe(acknowledged.length);
    expect(new Set(rows.map((row) => row.id))).toEqual(new Set(acknowledged.map((ack) => ack.offerId)));
    expect(new Set(rows.map((row) => `${row.senderId}:${row.tripId}`)).size).toBe(rows.length);

    console.log(
      JSON.stringify({
        test: "database restart",
        writesAcknowledged: acknowledged.length,
        replayedAfterRetry: replayed,
        writes503: unavailable.length,
        reads: load.total,
        reads503: load.responses.filter((response) => response.status === 503).length,
        downMs: upAt - downAt,
        recoveryMs,
        firstWriteAfterReturnMs: firstWriteBack - upAt,
      }),
    );
  });
});
