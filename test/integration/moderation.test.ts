/**
 * Reports and moderation, end to end through the HTTP app: reporting (targets, visibility, limits in the database),
 * the queue (moderators only, scoped by city), warn (notification + email over real SMTP), suspend (sign-in refused,
 * sessions ended, every route refuses, hidden from the directory), unsuspend, and the record of every action.
 */
import { eq } from "drizzle-orm";
import pino from "pino";
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { deliverOutbox } from "../../src/app/mail/deliver-outbox";
import { grantRole } from "../../src/db/repositories/members.repository";
import { sessions } from "../../src/db/schema/auth";
import { members } from "../../src/db/schema/people";
import { moderationActions, notifications, reports } from "../../src/db/schema/system";
import { reportsPerDay } from "../../src/domain/moderation/report-rules";
import { createSmtpSender } from "../../src/jobs/smtp-sender";
import { describeOnDatabases } from "../support/databases";
import {
  createCity,
  createMember,
  createMemberWithPassword,
  testPassword,
  toulouseCity,
  type TestMember,
} from "../support/factories";
import { startTestSmtpServer, type TestSmtpServer } from "../support/smtp";
import { Client, createTestApp } from "../support/test-app";

describeOnDatabases("reports and moderation", (database) => {
  let smtp: TestSmtpServer;
  let harness: ReturnType<typeof createTestApp>;
  let miamiId: number;
  let toulouseId: number;
  let reporter: TestMember;
  let offender: TestMember;
  let moderator: TestMember;
  let toulouseModerator: TestMember;

  beforeAll(async () => {
    smtp = await startTestSmtpServer();
  });
  afterAll(() => smtp.close());

  beforeEach(async () => {
    await database().reset();
    smtp.received.length = 0;
    harness = createTestApp(database().handle);
    miamiId = (await createCity(harness.context)).id;
    toulouseId = (await createCity(harness.context, toulouseCity)).id;
    reporter = await createMember(harness, { name: "Rita Reporter", homeCityId: miamiId });
    offender = await createMemberWithPassword(harness, { name: "Otto Offender", homeCityId: miamiId });
    moderator = await createMember(harness, { name: "Mona Moderator", homeCityId: miamiId });
    toulouseModerator = await createMember(harness, { name: "Théo Modérateur", homeCityId: toulouseId });
    await grantRole(harness.context.db, moderator.member.id, "moderator", miamiId);
    await grantRole(harness.context.db, toulouseModerator.member.id, "moderator", toulouseId);
  });

  const report = (by: TestMember, body: Record<string, unknown>) => by.client.post("/api/reports", body);
  const queue = async (by: TestMember) => by.client.get("/api/moderation/reports");
  const act = (by: TestMember, id: number, action: string, note = "") =>
    by.client.post(`/api/moderation/reports/${id}/actions`, { action, note });

  it("files a report about a member, visible to the city's moderator with context, not to others", async () => {
    const filed = await report(reporter, {
      targetKind: "member",
      targetId: offender.member.id,
      reason: "harassment",
      details: "Insulting messages",
    });
    expect(filed.status).toBe(201);
    const body = (await filed.json()) as { id: number; handled: boolean; subjectId: number };
    expect(body).toMatchObject({ handled: false, subjectId: offender.member.id });

    const seen = await queue(moderator);
    expect(seen.status).toBe(200);
    const { reports: items } = (await seen.json()) as {
      reports: { id: number; reporter: { name: string }; subject: { name: string }; city: string; details: string }[];
    };
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      id: body.id,
      reporter: { name: "Rita Reporter" },
      subject: { name: "Otto Offender" },
      city: "Miami",
      details: "Insulting messages",
    });

    // A moderator of another city does not see it; plain members have no queue at all (404, not 403).
    expect(((await (await queue(toulouseModerator)).json()) as { reports: unknown[] }).reports).toHaveLength(0);
    expect((await queue(reporter)).status).toBe(404);
    expect((await queue(offender)).status).toBe(404);
    expect((await new Client(harness.app).get("/api/moderation/reports")).status).toBe(401);
    expect((await act(reporter, body.id, "suspend")).status).toBe(404);
    expect((await act(toulouseModerator, body.id, "suspend")).status).toBe(404);
    expect((await reporter.client.get("/api/moderation/actions")).status).toBe(404);

    // The reporter sees their report in their list.
    const mine = (await (await reporter.client.get("/api/reports/mine")).json()) as { reports: { id: number }[] };
    expect(mine.reports.map((item) => item.id)).toEqual([body.id]);
  });

  it("validates reports at the edge and refuses reporting oneself, unseen targets and duplicates", async () => {
    const wrong = await report(reporter, { targetKind: "planet", targetId: 1, reason: "spam" });
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as { error: { field: string } }).error.field).toBe("targetKind");
    const extra = await report(reporter, { targetKind: "member", targetId: offender.member.id, reason: "spam", x: 1 });
    expect(extra.status).toBe(400);
    const self = await report(reporter, { targetKind: "member", targetId: reporter.member.id, reason: "spam" });
    expect(self.status).toBe(400);
    expect((await report(reporter, { targetKind: "member", targetId: 999_999, reason: "spam" })).status).toBe(404);
    expect((await report(reporter, { targetKind: "trip", targetId: 999_999, reason: "spam" })).status).toBe(404);
    expect((await report(reporter, { targetKind: "offer_message", targetId: 1, reason: "spam" })).status).toBe(404);
    const first = await report(reporter, { targetKind: "member", targetId: offender.member.id, reason: "spam" });
    expect(first.status).toBe(201);
    const again = await report(reporter, { targetKind: "member", targetId: offender.member.id, reason: "other" });
    expect(again.status).toBe(409);
    expect(await database().handle.db.select().from(reports)).toHaveLength(1);
  });

  it("limits reports per member per day in the database, even when they arrive at once", async () => {
    const targets = await Promise.all(
      Array.from({ length: reportsPerDay + 3 }, (_, index) =>
        createMember(harness, { name: `Target ${index}`, homeCityId: miamiId }),
      ),
    );
    const answers = await Promise.all(
      targets.map((target) => report(reporter, { targetKind: "member", targetId: target.member.id, reason: "spam" })),
    );
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses.filter((status) => status === 201)).toHaveLength(reportsPerDay);
    expect(statuses.filter((status) => status === 429)).toHaveLength(3);
    const limited = answers.find((answer) => answer.status === 429)!;
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await database().handle.db.select().from(reports)).toHaveLength(reportsPerDay);
    // A day later the limit frees up.
    const later = new Date(Date.now() + 86_400_000 + 60_000);
    harness.context.now = () => later;
    const after = await report(reporter, { targetKind: "member", targetId: offender.member.id, reason: "spam" });
    expect(after.status).toBe(201);
  });

  it("warns: the member gets a notification and an email, the action is recorded, the report closes", async () => {
    const filed = (await (
      await report(reporter, { targetKind: "member", targetId: offender.member.id, reason: "spam" })
    ).json()) as { id: number };
    const warned = await act(moderator, filed.id, "warn", "Please stop sending the same message to everyone");
    expect(warned.status).toBe(200);
    expect(await warned.json()).toEqual({ id: filed.id, status: "warned" });
    expect((await act(moderator, filed.id, "suspend")).status).toBe(409);

    const db = database().handle.db;
    const notes = await db.select().from(notifications).where(eq(notifications.memberId, offender.member.id));
    expect(notes.map((note) => note.kind)).toEqual(["moderation_warning"]);
    const listed = (await (await offender.client.get("/api/notifications")).json()) as { unread: number };
    expect(listed.unread).toBe(1);

    const sender = createSmtpSender(`smtp://127.0.0.1:${smtp.port}`, "Givefirst <no-reply@givefirst.test>");
    expect(await deliverOutbox({ db, now: () => new Date(), logger: pino({ level: "silent" }) }, sender.send)).toBe(1);
    sender.close();
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.to).toContain(offender.email);
    expect(smtp.received[0]!.text).toContain("Please stop sending the same message to everyone");

    const [action] = await db.select().from(moderationActions);
    expect(action).toMatchObject({
      action: "warn",
      moderatorId: moderator.member.id,
      subjectId: offender.member.id,
      reportId: filed.id,
    });
    const [closed] = await db.select().from(reports);
    expect(closed).toMatchObject({ status: "warned", handledBy: moderator.member.id });
    expect(closed!.handledAt).toBeInstanceOf(Date);
    const handled = (await (await moderator.client.get("/api/moderation/reports?status=handled")).json()) as {
      reports: { id: number; status: string }[];
    };
    expect(handled.reports).toEqual([expect.objectContaining({ id: filed.id, status: "warned" })]);
  });

  it("suspends: sessions end, sign-in is refused, routes refuse, the member disappears; unsuspend restores sign-in", async () => {
    const db = database().handle.db;
    const filed = (await (
      await report(reporter, { targetKind: "member", targetId: offender.member.id, reason: "safety" })
    ).json()) as { id: number };
    expect((await offender.client.get("/api/me")).status).toBe(200);
    const listed = async () =>
      (
        (await (await reporter.client.get(`/api/directory?city=miami`)).json()) as { members: { id: number }[] }
      ).members.map((member) => member.id);
    expect(await listed()).toContain(offender.member.id);

    expect((await act(moderator, filed.id, "suspend", "Threats")).status).toBe(200);
    const [row] = await db.select().from(members).where(eq(members.id, offender.member.id));
    expect(row!.suspendedAt).toBeInstanceOf(Date);
    expect(await db.select().from(sessions).where(eq(sessions.userId, offender.member.userId!))).toHaveLength(0);

    // The old session is gone: every route treats the client as signed out.
    expect((await offender.client.get("/api/me")).status).toBe(401);
    expect(
      (
        await offender.client.post("/api/reports", {
          targetKind: "member",
          targetId: reporter.member.id,
          reason: "spam",
        })
      ).status,
    ).toBe(401);
    // Signing in again is refused, with the right password.
    const again = new Client(harness.app);
    const signIn = await again.post("/api/auth/sign-in/email", { email: offender.email, password: testPassword });
    expect(signIn.status).toBe(403);
    expect(again.cookieNames()).not.toContain("givefirst.session_token");
    // Hidden from others.
    expect((await reporter.client.get(`/api/members/${offender.member.id}`)).status).toBe(404);
    expect(await listed()).not.toContain(offender.member.id);

    const log = (await (await moderator.client.get("/api/moderation/actions")).json()) as {
      actions: { action: string; moderator: { id: number } }[];
      suspended: { id: number }[];
    };
    expect(log.suspended.map((member) => member.id)).toEqual([offender.member.id]);
    expect(log.actions[0]).toMatchObject({ action: "suspend", moderator: { id: moderator.member.id } });

    expect(
      (await toulouseModerator.client.post(`/api/moderation/members/${offender.member.id}/unsuspend`, {})).status,
    ).toBe(404);
    expect(
      (
        await moderator.client.post(`/api/moderation/members/${offender.member.id}/unsuspend`, {
          note: "Appeal accepted",
        })
      ).status,
    ).toBe(200);
    expect((await moderator.client.post(`/api/moderation/members/${offender.member.id}/unsuspend`, {})).status).toBe(
      409,
    );
    const back = new Client(harness.app);
    expect((await back.post("/api/auth/sign-in/email", { email: offender.email, password: testPassword })).status).toBe(
      200,
    );
    expect((await back.get("/api/me")).status).toBe(200);
    const actions = await db.select().from(moderationActions).orderBy(moderationActions.id);
    expect(actions.map((action) => [action.action, action.moderatorId])).toEqual([
      ["suspend", moderator.member.id],
      ["unsuspend", moderator.member.id],
    ]);
  });

  it("a suspended member who still holds a session is refused by every route that acts", async () => {
    await database()
      .handle.db.update(members)
      .set({ suspendedAt: new Date() })
      .where(eq(members.id, offender.member.id));
    expect((await offender.client.get("/api/me")).status).toBe(403);
    expect(
      (
        await offender.client.post("/api/reports", {
          targetKind: "member",
          targetId: reporter.member.id,
          reason: "spam",
        })
      ).status,
    ).toBe(403);
    expect((await offender.client.request("PUT", "/api/me/profile", { headline: "x" })).status).toBe(403);
    expect((await offender.client.post("/api/notifications/read-all")).status).toBe(403);
  });

  it("a suspended member disappears from the city's events, introductions and invitations", async () => {
    const created = await offender.client.post("/api/events", {
      cityId: miamiId,
      title: "Otto's mixer",
      startsAt: "2027-03-20T18:00:00-04:00",
      endsAt: "2027-03-20T21:00:00-04:00",
      capacity: 20,
      audience: "members",
    });
    expect(created.status).toBe(201);
    const titles = async () =>
      (
        (await (await reporter.client.get("/api/cities/miami/events")).json()) as { events: { title: string }[] }
      ).events.map((event) => event.title);
    expect(await titles()).toContain("Otto's mixer");
    const hostEvent = (await (
      await reporter.client.post("/api/events", {
        cityId: miamiId,
        title: "Rita's breakfast",
        startsAt: "2027-03-21T08:00:00-04:00",
        endsAt: "2027-03-21T09:00:00-04:00",
        capacity: 10,
        audience: "invite_only",
      })
    ).json()) as { id: number };
    const filed = (await (
      await report(reporter, { targetKind: "member", targetId: offender.member.id, reason: "spam" })
    ).json()) as { id: number };
    expect((await act(moderator, filed.id, "suspend")).status).toBe(200);

    expect(await titles()).not.toContain("Otto's mixer");
    const introduce = await moderator.client.post("/api/introductions", {
      firstId: reporter.member.id,
      secondId: offender.member.id,
      reason: "You should meet",
    });
    expect(introduce.status).toBeGreaterThanOrEqual(400);
    expect(introduce.status).toBeLessThan(500);
    const invite = await reporter.client.post(`/api/events/${hostEvent.id}/invitations`, {
      memberId: offender.member.id,
    });
    expect(invite.status).toBe(404);
  });

  it("global moderators and admins see every city's reports; dismiss closes without touching the member", async () => {
    const admin = await createMember(harness, { name: "Ada Admin" });
    await grantRole(harness.context.db, admin.member.id, "admin", null);
    const toulousain = await createMember(harness, { name: "Paul", homeCityId: toulouseId });
    const filed = (await (
      await report(reporter, { targetKind: "member", targetId: toulousain.member.id, reason: "fake_profile" })
    ).json()) as { id: number };
    expect(((await (await queue(moderator)).json()) as { reports: unknown[] }).reports).toHaveLength(0);
    expect(((await (await queue(toulouseModerator)).json()) as { reports: unknown[] }).reports).toHaveLength(1);
    expect(((await (await queue(admin)).json()) as { reports: unknown[] }).reports).toHaveLength(1);
    expect((await act(admin, filed.id, "dismiss")).status).toBe(200);
    const [row] = await database().handle.db.select().from(members).where(eq(members.id, toulousain.member.id));
    expect(row!.suspendedAt).toBeNull();
    expect(await database().handle.db.select().from(notifications)).toHaveLength(0);
  });
});
