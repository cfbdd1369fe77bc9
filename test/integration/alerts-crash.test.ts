import { spawn, type ChildProcess } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";
import { fanOutAlerts } from "../../src/app/alerts/fan-out-alerts";
import { alerts } from "../../src/db/schema/arrivals";
import { describeOnDatabases } from "../support/databases";
import { startTestSmtpServer, type TestSmtpServer } from "../support/smtp";
import { createCity, createMember, toulouseCity } from "../support/factories";
import { createTestApp, testSecret } from "../support/test-app";
import { createLocal } from "./trips-support";

const workerScript = join(dirname(fileURLToPath(import.meta.url)), "trips-outbox-worker.ts");

describeOnDatabases("alert emails survive a killed worker", (database) => {
  let smtp: TestSmtpServer;
  // A slow server: each message is acknowledged 120 ms after it arrived, so a kill lands mid-batch.
  beforeAll(async () => {
    smtp = await startTestSmtpServer({ delayMs: 120 });
  });
  afterAll(() => smtp.close());
  const received = () => smtp.received.map((mail) => mail.messageId);

  const runWorker = (url: string, offsetMs: number): { child: ChildProcess; done: Promise<number | null> } => {
    const child = spawn(process.execPath, ["--import", "tsx", workerScript], {
      env: { ...process.env, WORKER_DATABASE_URL: url, SMTP_PORT: String(smtp.port), NOW_OFFSET_MS: String(offsetMs) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const done = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    return { child, done };
  };
  const waitFor = async (condition: () => boolean, timeoutMs: number) => {
    const started = Date.now();
    while (!condition()) {
      if (Date.now() - started > timeoutMs) throw new Error("timed out");
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };

  it("delivers every alert once per Message-ID, duplicating no more than the kills", async (test) => {
    const url = database().url;
    // The worker is a separate process: it needs a database server (PGlite lives inside this process).
    if (url === null) return test.skip();
    await database().reset();
    const harness = createTestApp(database().handle);
    harness.context.now = () => new Date("2026-11-26T12:00:00Z");
    const miami = await createCity(harness.context);
    const toulouse = await createCity(harness.context, { ...toulouseCity, locale: "en" });
    const pierre = await createMember(harness, { name: "Pierre", homeCityId: toulouse.id, sectors: ["fintech"] });
    for (let i = 0; i < 25; i++)
      await createLocal(harness, {
        name: `Local ${i}`,
        homeCityId: miami.id,
        sectors: ["fintech"],
        alertCapPerWeek: 5,
      });
    const response = await pierre.client.post("/api/trips", {
      city: "miami",
      arrivalDate: "2026-12-01",
      departureDate: "2026-12-04",
      seeks: "investors",
    });
    const tripId = ((await response.json()) as { id: number }).id;
    expect((await fanOutAlerts(harness.context, { tripId, secret: testSecret })).emailsQueued).toBe(25);
    const alertIds = (await harness.context.db.select().from(alerts)).map((row) => `<alert-${row.id}@localhost>`);

    let kills = 0;
    for (const [offsetMs, killAfter] of [
      [0, 4],
      [120_000, 12],
    ] as const) {
      const worker = runWorker(url, offsetMs);
      await waitFor(() => received().length >= killAfter, 30_000);
      worker.child.kill("SIGKILL");
      await worker.done;
      kills += 1;
    }
    const last = runWorker(url, 240_000);
    expect(await last.done).toBe(0);

    expect(new Set(received())).toEqual(new Set(alertIds));
    expect(received().length - alertIds.length).toBeLessThanOrEqual(kills);
  });
});
