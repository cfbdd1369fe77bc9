/**
 * Issue #8, faults: the email outbox of the real server delivers every message across a crash. The server is killed
 * (SIGKILL) in the middle of a batch, started again, and sends the rest once the dead sender's lease has run out:
 * every Message-ID arrives, with at most one duplicate per crash (the message on the wire at the kill).
 * test/integration/alerts-crash.test.ts kills a bare outbox worker with a shifted clock; this one runs the server's
 * own job wiring and SMTP sender on the real clock, on the throwaway cluster.
 */
import { eq } from "drizzle-orm";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type DatabaseHandle } from "../../src/db/create-db";
import { insertEmail } from "../../src/db/repositories/outbox.repository";
import { emailOutbox } from "../../src/db/schema/system";
import { startJobQueue, type RunningQueue } from "../../src/jobs/pg-boss-queue";
import { startTestSmtpServer, type TestSmtpServer } from "../support/smtp";
import { startThrowawayCluster, type ThrowawayCluster } from "./support/postgres-cluster";
import { startServerProcess, type ServerProcess } from "./support/server-process";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const emailCount = 30;

describe("the email outbox across a crash of the server", () => {
  let cluster: ThrowawayCluster;
  let url: string;
  let handle: DatabaseHandle;
  let smtp: TestSmtpServer;
  let queue: RunningQueue;
  const servers: ServerProcess[] = [];

  beforeAll(async () => {
    cluster = await startThrowawayCluster();
    url = await cluster.createDatabase("givefirst_outbox");
    handle = await createDb({ engine: "postgres", url, poolSize: 2 });
    // Each message is acknowledged 150 ms after it arrived, so that the kill lands mid-batch.
    smtp = await startTestSmtpServer({ delayMs: 150 });
    for (let i = 0; i < emailCount; i++)
      await insertEmail(handle.db, {
        memberId: null,
        toAddress: `reader-${i}@example.test`,
        subject: `Message ${i}`,
        textBody: `Body of message ${i}`,
        htmlBody: null,
        messageId: `<fault-${i}@localhost>`,
        kind: "test",
      });
    // A queue that only sends: the test asks the server to deliver now rather than at the next minute.
    queue = await startJobQueue({
      database: { connectionString: url },
      handlers: { "outbox.deliver": async () => {} },
      logger: pino({ level: "silent" }),
      work: false,
    });
  }, 120_000);
  afterAll(async () => {
    for (const server of servers) await server.kill();
    await queue?.stop();
    await handle?.close();
    await smtp?.close();
    await cluster?.destroy();
  });

  const start = async () => {
    const server = await startServerProcess({
      databaseUrl: url,
      env: { SMTP_URL: `smtp://127.0.0.1:${smtp.port}` },
    });
    servers.push(server);
    return server;
  };
  const received = () => smtp.received.map((mail) => mail.messageId);

  it("delivers every Message-ID, duplicating at most the one on the wire at the kill", async () => {
    const first = await start();
    await queue.send("outbox.deliver", {});
    for (let i = 0; i < 600 && received().length < 6; i++) await sleep(50);
    expect(received().length).toBeGreaterThanOrEqual(6);
    await first.kill();
    const atKill = received().length;
    expect(atKill).toBeLessThan(emailCount);

    const second = await start();
    // The dead sender's lease ends 60 s after it took its batch; ask again until everything has arrived.
    const started = Date.now();
    while (new Set(received()).size < emailCount && Date.now() - started < 150_000) {
      await queue.send("outbox.deliver", {});
      await sleep(3_000);
    }
    const expected = Array.from({ length: emailCount }, (_, i) => `<fault-${i}@localhost>`);
    expect(new Set(received())).toEqual(new Set(expected));
    const duplicates = received().length - expected.length;
    expect(duplicates).toBeLessThanOrEqual(1);
    const rows = await handle.db
      .select({ status: emailOutbox.status })
      .from(emailOutbox)
      .where(eq(emailOutbox.kind, "test"));
    expect(rows.every((row) => row.status === "sent")).toBe(true);

    second.child.kill("SIGTERM");
    expect(await second.exited).toBe(0);
    console.log(
      JSON.stringify({ test: "outbox crash", emails: emailCount, receivedAtKill: atKill, duplicates, crashes: 1 }),
    );
  });
});
