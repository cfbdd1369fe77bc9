import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { seedDemoWorld } from "../../src/app/demo/seed-demo-world";
import { deliverOutbox } from "../../src/app/mail/deliver-outbox";
import { insertEmail } from "../../src/db/repositories/outbox.repository";
import { createSmtpSender } from "../../src/jobs/smtp-sender";
import { describeOnDatabases } from "../support/databases";
import { startTestSmtpServer, type TestSmtpServer } from "../support/smtp";
import { Client, createTestApp } from "../support/test-app";

describeOnDatabases("server shell", (database) => {
  const webDir = mkdtempSync(join(tmpdir(), "givefirst-web-"));
  writeFileSync(join(webDir, "index.html"), "<!doctype html><title>Givefirst app</title><div id=root></div>");
  afterAll(() => rmSync(webDir, { recursive: true, force: true }));
  beforeEach(() => database().reset());

  it("answers /health, the OpenAPI document, the web app and its client-side routes", async () => {
    const { app } = createTestApp(database().handle, { webDir });
    const health = await app.request("/health");
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: "ok", database: database().handle.engine });
    const openapi = await app.request("/api/openapi.json");
    const document = (await openapi.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(["/health", "/api/me", "/api/cities", "/api/demo/sign-in"]),
    );
    for (const path of ["/", "/trips/12"]) {
      const page = await app.request(path);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain("Givefirst app");
    }
  });

  it("answers errors in one shape, naming the wrong field, and 404 for unknown API routes", async () => {
    const { app } = createTestApp(database().handle, { demo: true });
    const missing = await app.request("/api/nothing-here");
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: "not_found" } });
    const anonymous = await app.request("/api/me");
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({ error: { code: "unauthenticated", message: "Sign in first" } });
    const bad = await app.request("/api/demo/sign-in", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ memberId: "twelve", extra: 1 }),
    });
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { error: { code: string; field?: string } };
    expect(body.error.code).toBe("validation_failed");
    expect(body.error.field).toBe("memberId");
  });

  it("signs in as a demo persona in one click, only in demo mode", async () => {
    const handle = database().handle;
    await seedDemoWorld(
      { db: handle.db, executeSql: handle.executeSql, now: () => new Date("2026-11-26T12:00:00Z") },
      { membersPerCity: 120 },
    );
    // The loader restored the foreign keys and indexes it set aside during the bulk load.
    await expect(
      handle.executeSql(
        `INSERT INTO ties (a_id, b_id, first_met_on, last_met_on) VALUES (999998, 999999, now(), now())`,
        [],
      ),
    ).rejects.toThrow(/foreign key/);
    const { rows: indexes } = await handle.executeSql(
      `SELECT indexname FROM pg_indexes WHERE tablename = 'members'`,
      [],
    );
    expect(indexes.map((row) => row.indexname)).toEqual(
      expect.arrayContaining(["members_search_en_idx", "members_search_fr_idx", "members_name_trgm_idx"]),
    );
    const off = createTestApp(handle, { demo: false });
    expect((await off.app.request("/api/demo/personas")).status).toBe(404);

    const { app } = createTestApp(handle, { demo: true });
    const instance = await app.request("/api/instance");
    expect(await instance.json()).toMatchObject({ demo: true });
    const { personas } = (await (await app.request("/api/demo/personas")).json()) as {
      personas: { memberId: number; name: string; role: string }[];
    };
    expect(personas.map((persona) => persona.role)).toEqual(expect.arrayContaining(["newcomer", "organiser"]));
    const newcomer = personas.find((persona) => persona.role === "newcomer")!;
    const client = new Client(app);
    const signIn = await client.post("/api/demo/sign-in", { memberId: newcomer.memberId });
    expect(signIn.status).toBe(200);
    expect(await signIn.json()).toMatchObject({ memberId: newcomer.memberId, name: newcomer.name, isDemo: true });
    const me = await client.get("/api/me");
    expect(await me.json()).toMatchObject({ memberId: newcomer.memberId });
    // Twice: the persona's credential, created on first use, is reused.
    expect((await new Client(app).post("/api/demo/sign-in", { memberId: newcomer.memberId })).status).toBe(200);
    // A member who is not a persona cannot be taken over.
    expect((await new Client(app).post("/api/demo/sign-in", { memberId: newcomer.memberId + 1_000_000 })).status).toBe(
      404,
    );
  });
});

describeOnDatabases("email outbox over SMTP", (database) => {
  let smtp: TestSmtpServer;
  let failNext = 0;
  beforeAll(async () => {
    smtp = await startTestSmtpServer({
      refuse: () => {
        if (failNext === 0) return false;
        failNext -= 1;
        return true;
      },
    });
  });
  afterAll(() => smtp.close());
  beforeEach(async () => {
    await database().reset();
    smtp.received.length = 0;
  });

  it("delivers every queued email once, keeps its Message-ID, and retries a refused one", async () => {
    const { db } = database().handle;
    for (let index = 0; index < 5; index++) {
      await insertEmail(db, {
        memberId: null,
        toAddress: `local${index}@example.test`,
        subject: `Hello ${index} <b>`,
        textBody: `Body ${index}`,
        htmlBody: null,
        messageId: `<alert-${index}@givefirst.test>`,
        kind: "test",
      });
    }
    const sender = createSmtpSender(`smtp://127.0.0.1:${smtp.port}`, "Givefirst <no-reply@givefirst.test>");
    let now = new Date("2026-11-26T12:00:00Z");
    const context = { db, now: () => now, logger: pino({ level: "silent" }) };
    failNext = 1;
    expect(await deliverOutbox(context, sender.send)).toBe(4);
    // The refused email waits for its back-off before the next attempt.
    expect(await deliverOutbox(context, sender.send)).toBe(0);
    now = new Date(now.getTime() + 31_000);
    expect(await deliverOutbox(context, sender.send)).toBe(1);
    expect(await deliverOutbox(context, sender.send)).toBe(0);
    sender.close();
    expect(smtp.received.map((mail) => mail.messageId).sort()).toEqual(
      [0, 1, 2, 3, 4].map((index) => `<alert-${index}@givefirst.test>`),
    );
    expect(smtp.received.find((mail) => mail.to === "local3@example.test")?.subject).toBe("Hello 3 <b>");
  });
});
