/**
 * Email preferences for alerts, offers and agenda changes: "instant" sends each email, "digest" one daily email
 * through the outbox listing what accumulated, "off" none. Delivered to a real SMTP server on 127.0.0.1.
 */
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { fanOutAlerts } from "../../src/app/alerts/fan-out-alerts";
import { agendaResolveJob } from "../../src/app/agenda/queue-agenda-resolve";
import { deliverOutbox } from "../../src/app/mail/deliver-outbox";
import { createAgendaJobHandlers } from "../../src/jobs/agenda-jobs";
import { createAlertJobHandlers } from "../../src/jobs/alert-jobs";
import { createSmtpSender } from "../../src/jobs/smtp-sender";
import { describeOnDatabases } from "../support/databases";
import { createCity, createMember, postOffer, toulouseCity, type TestMember } from "../support/factories";
import { startTestSmtpServer, type TestSmtpServer } from "../support/smtp";
import { createTestApp, testSecret } from "../support/test-app";

const now = new Date("2026-11-26T12:00:00Z");

describeOnDatabases("email preferences and the daily digest", (database) => {
  let smtp: TestSmtpServer;
  let harness: ReturnType<typeof createTestApp>;
  let pierre: TestMember; // traveller, digest, French
  let paul: TestMember; // traveller, instant
  let olive: TestMember; // traveller, off
  let ana: TestMember; // local, digest
  let bob: TestMember; // local, instant
  let cleo: TestMember; // local, off

  beforeAll(async () => {
    smtp = await startTestSmtpServer();
  });
  afterAll(() => smtp.close());
  beforeEach(async () => {
    await database().reset();
    smtp.received.length = 0;
    harness = createTestApp(database().handle);
    harness.context.now = () => now;
    const miami = await createCity(harness.context);
    const toulouse = await createCity(harness.context, toulouseCity);
    const traveller = (name: string, emailPreference: string, locale = "en") =>
      createMember(harness, { name, homeCityId: toulouse.id, sectors: ["fintech"], emailPreference, locale });
    pierre = await traveller("Pierre", "digest", "fr");
    paul = await traveller("Paul", "instant");
    olive = await traveller("Olive", "off");
    const local = (name: string, emailPreference: string) =>
      createMember(harness, { name, homeCityId: miami.id, sectors: ["fintech"], emailPreference, alertCapPerWeek: 9 });
    ana = await local("Ana", "digest");
    bob = await local("Bob", "instant");
    cleo = await local("Cleo", "off");
  });

  async function announce(member: TestMember): Promise<number> {
    const response = await member.client.post("/api/trips", {
      city: "miami",
      arrivalDate: "2026-12-01",
      departureDate: "2026-12-04",
      seeks: "payments",
      audience: "members",
    });
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: number };
    await fanOutAlerts(harness.context, { tripId: id, secret: testSecret });
    return id;
  }
  async function resolveAgendas(): Promise<void> {
    const handler = createAgendaJobHandlers(() => harness.context)[agendaResolveJob]!;
    const queued = harness.jobs.filter((job) => job.name === agendaResolveJob);
    harness.jobs.length = 0;
    for (const job of queued) await handler(job.data as Record<string, unknown>);
  }
  async function deliver(): Promise<void> {
    const sender = createSmtpSender(`smtp://127.0.0.1:${smtp.port}`, "Givefirst <no-reply@localhost>");
    await deliverOutbox(harness.context, sender.send);
    sender.close();
  }
  const mailsTo = (member: TestMember) => smtp.received.filter((mail) => mail.to === member.email);

  it("sends each email to instant readers, one daily digest to digest readers, nothing to those who turned it off", async () => {
    const pierreTrip = await announce(pierre);
    const paulTrip = await announce(paul);
    const oliveTrip = await announce(olive);
    // Pierre's agenda: a first plan, then a change worth telling.
    await postOffer(bob.client, pierreTrip, { startsAt: "2026-12-01T15:00:00Z" });
    await resolveAgendas();
    await postOffer(ana.client, pierreTrip, { startsAt: "2026-12-02T15:00:00Z" });
    await resolveAgendas();
    await postOffer(bob.client, paulTrip, { startsAt: "2026-12-01T15:00:00Z" });
    await postOffer(bob.client, oliveTrip, { startsAt: "2026-12-01T15:00:00Z" });
    await resolveAgendas();

    // During the day: only the instant emails.
    await deliver();
    expect(mailsTo(bob).map((mail) => mail.subject)).toHaveLength(3);
    expect(mailsTo(paul).map((mail) => mail.subject)).toEqual(["Bob offers you a coffee in Miami"]);
    for (const member of [pierre, olive, ana, cleo]) expect(mailsTo(member)).toEqual([]);

    // The next night, the digest job: one email each to Pierre and Ana, listing what accumulated.
    harness.context.now = () => new Date("2026-11-27T00:05:00Z");
    const digestJob = createAlertJobHandlers(() => harness.context, testSecret)["alerts.digest"]!;
    await digestJob({});
    await digestJob({});
    await deliver();

    const [toPierre, ...morePierre] = mailsTo(pierre);
    expect(morePierre).toEqual([]);
    expect(toPierre?.messageId).toBe(`<digest-${pierre.member.id}-2026-11-26@localhost>`);
    expect(toPierre?.subject).toBe("Votre résumé Givefirst : 3 nouveautés");
    expect(toPierre?.text).toContain("Propositions pour vos séjours");
    expect(toPierre?.text).toContain("Bob vous propose un café à Miami");
    expect(toPierre?.text).toContain("Ana vous propose un café à Miami");
    expect(toPierre?.text).toContain("Votre agenda à Miami a changé — ajouté : Ana (coffee)");
    expect(toPierre?.text).toContain(`http://localhost:3999/trips/${pierreTrip}#agenda`);
    expect(toPierre?.text).toMatch(/Ne plus recevoir ces e-mails: http:\/\/localhost:3999\/api\/unsubscribe\?token=/);

    const [toAna, ...moreAna] = mailsTo(ana);
    expect(moreAna).toEqual([]);
    expect(toAna?.subject).toBe("Who arrives in your city: 3 new alerts");
    expect(toAna?.text.match(/How can you help\?/g)).toHaveLength(3);

    for (const member of [olive, cleo]) expect(mailsTo(member)).toEqual([]);
    expect(mailsTo(paul)).toHaveLength(1);
    expect(mailsTo(bob)).toHaveLength(3);
  });
});
