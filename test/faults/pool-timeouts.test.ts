/**
 * Issue #8, faults: the PostgreSQL pool bounds how long a query may wait for a connection and how long a statement
 * may run, so that an outage or a stuck statement answers 503 instead of holding requests for ever.
 */
import { createServer, type Socket } from "node:net";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type DatabaseHandle } from "../../src/db/create-db";
import { isDatabaseUnavailable } from "../../src/server/error-status";
import { startThrowawayCluster, type ThrowawayCluster } from "./support/postgres-cluster";

describe("the PostgreSQL pool's timeouts", () => {
  let cluster: ThrowawayCluster;
  let handle: DatabaseHandle;

  beforeAll(async () => {
    cluster = await startThrowawayCluster();
    const url = await cluster.createDatabase("givefirst_timeouts");
    handle = await createDb({ engine: "postgres", url, poolSize: 2, statementTimeoutMs: 300 });
  }, 120_000);
  afterAll(async () => {
    await handle?.close();
    await cluster?.destroy();
  });

  it("cancels a statement that runs past the statement timeout, and the error reads as 'retry shortly'", async () => {
    const started = performance.now();
    const error = await handle.db.execute(sql`select pg_sleep(5)`).then(
      () => null,
      (caught: unknown) => caught,
    );
    const elapsed = performance.now() - started;
    expect(error).not.toBeNull();
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(elapsed).toBeLessThan(3_000);
    // The pool is still usable afterwards.
    expect((await handle.executeSql("select 1 as one")).rows).toEqual([{ one: 1 }]);
  });

  it("gives up on a server that accepts the connection but never answers, within the connection timeout", async () => {
    // A listener that takes the TCP connection and says nothing: the handshake never completes.
    const sockets: Socket[] = [];
    const silent = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const { port } = silent.address() as { port: number };
    try {
      const started = performance.now();
      const error = await createDb({
        engine: "postgres",
        url: `postgres://postgres@127.0.0.1:${port}/none`,
        connectionTimeoutMs: 500,
      }).then(
        () => null,
        (caught: unknown) => caught,
      );
      expect(error).not.toBeNull();
      expect(isDatabaseUnavailable(error)).toBe(true);
      expect(performance.now() - started).toBeLessThan(3_000);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });
});
