/**
 * Issue #8.2, the privacy canary: a secret trip (audience: connections) and a secret meeting with a counterpart no
 * one else knows, then every GET route (with every id an outsider can discover, and the secret ones guessed), the
 * lists, search, the directory, city events, calendar and RSS feeds, the emails and the analytics, as every other
 * kind of member: 0 occurrences of the trip's dates and times in any format the app prints, or of the counterpart.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { fanOutAlerts } from "../../src/app/alerts/fan-out-alerts";
import { sendAlertDigests } from "../../src/app/alerts/send-alert-digests";
import { refreshCityReport } from "../../src/app/analytics/refresh-city-report";
import { deliverOutbox } from "../../src/app/mail/deliver-outbox";
import { createHmac, randomUUID } from "node:crypto";
import { sessions, users } from "../../src/db/schema/auth";
import { members, ties } from "../../src/db/schema/people";
import { emailOutbox } from "../../src/db/schema/system";
import { createSmtpSender } from "../../src/jobs/smtp-sender";
import { describeOnDatabases } from "../support/databases";
import { startTestSmtpServer, type TestSmtpServer } from "../support/smtp";
import { Client, testSecret } from "../support/test-app";
import { openApiRouteKeys } from "./call-route";
import { plantWorld, type Actor, type World } from "./world";

const outsiders: Actor[] = ["anonymous", "unrelated", "blocked", "organiser", "moderator"];
/** The counterpart's id is planted high so that any occurrence of it is a leak, not a coincidence. */
const counterpartId = 7_654_321;
const counterpartName = "Zephyrine Quillfeather";
const tripDays = ["2027-03-09", "2027-03-10", "2027-03-11", "2027-03-12"];
const times = ["09:40", "17:25", "14:50"];

/** Every way the app (API, .ics, RSS, emails in English and French) could print the secret dates and times. */
function leakPatterns(): RegExp[] {
  const patterns: RegExp[] = [new RegExp(counterpartName, "i"), /Zephyrine/i, /Quillfeather/i, /7654321/];
  const monthsEn = ["March", "Mar"];
  const monthsFr = ["mars"];
  for (const day of tripDays) {
    const [year, month, date] = day.split("-") as [string, string, string];
    const d = String(Number(date));
    patterns.push(
      new RegExp(day),
      new RegExp(`${year}${month}${date}`),
      new RegExp(`\\b0?${Number(month)}/0?${d}/${year}`),
      new RegExp(`\\b0?${d}/0?${Number(month)}/${year}`),
      new RegExp(`\\b${d}\\.0?${Number(month)}\\.${year}`),
      ...monthsEn.map((name) => new RegExp(`\\b${name}\\.? ${d}\\b`)),
      ...monthsEn.map((name) => new RegExp(`\\b${d}(st|nd|rd|th)? ${name}\\b`)),
      ...monthsFr.map((name) => new RegExp(`\\b${d}(er)? ${name}\\b`, "i")),
    );
  }
  for (const time of times) {
    const [hours, minutes] = time.split(":") as [string, string];
    const h = Number(hours);
    // Not after "T": an ISO timestamp of another day (e.g. a createdAt) is no leak; the trip's own carry its date.
    patterns.push(new RegExp(`(?<![T\\d])0?${h}:${minutes}(?!:\\d\\d\\.\\d{3}Z)`));
    patterns.push(new RegExp(`\\b${h}\\s?h\\s?${minutes}\\b`));
    if (h > 12) patterns.push(new RegExp(`\\b${h - 12}:${minutes}\\s?(PM|pm)`));
  }
  return patterns;
}

/** Adds the secret trip, its counterpart and their meeting to the shared world, through the routes where possible. */
async function plantSecrets(world: World) {
  const db = world.harness.context.db;
  const userId = "canary-counterpart";
  await db.insert(users).values({ id: userId, name: counterpartName, email: "zq@example.test", emailVerified: true });
  await db.insert(members).values({ id: counterpartId, userId, name: counterpartName });
  const ownerId = world.ids.owner;
  await db.insert(ties).values({ aId: ownerId, bId: counterpartId, firstMetOn: "2025-02-01", lastMetOn: "2025-02-01" });
  const announce = await world.clients.owner.post("/api/trips", {
    city: world.ids.city,
    arrivalDate: tripDays[0],
    arrivalTime: "09:40",
    departureDate: tripDays[3],
    departureTime: "17:25",
    seeks: "a quiet week",
    audience: "connections",
  });
  expect(announce.status).toBe(201);
  const tripId = ((await announce.json()) as { id: number }).id;
  // The counterpart, signed in through a session of their own, offers a coffee the traveller accepts.
  const counterpartClient = new Client(world.harness.app);
  const token = randomUUID().replaceAll("-", "");
  await db.insert(sessions).values({ id: randomUUID(), token, userId, expiresAt: new Date(Date.now() + 86_400_000) });
  counterpartClient.setCookie(
    "givefirst.session_token",
    encodeURIComponent(`${token}.${createHmac("sha256", testSecret).update(token).digest("base64")}`),
  );
  const offer = await counterpartClient.post(`/api/trips/${tripId}/offers`, {
    kind: "coffee",
    message: "Coffee?",
    venue: { name: "Quiet cafe", address: "2 Side Street" },
    slots: [{ startsAt: "2027-03-10T14:50:00-05:00", durationMinutes: 45 }],
  });
  expect(offer.status, await offer.clone().text()).toBe(201);
  const offerId = ((await offer.json()) as { id: number }).id;
  const accepted = await world.clients.owner.post(`/api/offers/${offerId}/accept`, {});
  expect(accepted.status, await accepted.clone().text()).toBe(200);
  const meetingId = ((await accepted.clone().json()) as { meetingId: number }).meetingId;
  // A trip open to all members, whose alerts reach the outsiders: their emails must not mention the secret one.
  const open = await world.clients.owner.post("/api/trips", {
    city: world.ids.city,
    arrivalDate: "2027-05-17",
    departureDate: "2027-05-19",
    seeks: "fintech investors",
    audience: "members",
  });
  expect(open.status).toBe(201);
  await fanOutAlerts(world.harness.context, { tripId: ((await open.json()) as { id: number }).id, secret: testSecret });
  // Everything that runs in the background: alerts, digests, the agenda and its feed, the city's report.
  await fanOutAlerts(world.harness.context, { tripId, secret: testSecret });
  await sendAlertDigests(world.harness.context, { secret: testSecret, day: "2026-11-26" });
  expect((await world.clients.owner.get(`/api/trips/${tripId}/agenda`)).status).toBe(200);
  expect((await world.clients.owner.post(`/api/trips/${tripId}/calendar-feeds`)).status).toBe(201);
  await refreshCityReport(world.harness.context, world.ids.cityId);
  return { tripId, offerId, meetingId };
}

describeOnDatabases("privacy canary", (database) => {
  let smtp: TestSmtpServer;
  beforeAll(async () => {
    smtp = await startTestSmtpServer();
  });
  afterAll(() => smtp.close());

  it("shows no outsider the secret trip's dates or the secret counterpart anywhere", async () => {
    const world = await plantWorld(database().handle);
    const secrets = await plantSecrets(world);
    const patterns = leakPatterns();
    const leaksIn = (text: string) => patterns.filter((pattern) => pattern.test(text)).map(String);
    const linkPatterns = [
      ...patterns.slice(4),
      new RegExp(world.members.owner.member.name),
      new RegExp(`"${world.ids.owner}"|:${world.ids.owner}[,}]`),
    ];
    const aboutCounterpart = (text: string) => linkPatterns.filter((pattern) => pattern.test(text)).map(String);
    // The canary can fail: the traveller's own views do show the dates and the counterpart.
    const own = await (await world.clients.owner.get(`/api/trips/${secrets.tripId}/agenda`)).text();
    expect(leaksIn(own).length).toBeGreaterThan(0);

    const sender = createSmtpSender(`smtp://127.0.0.1:${smtp.port}`, "Givefirst <no-reply@localhost>");
    await deliverOutbox(world.harness.context, sender.send);
    sender.close();

    const keys = (await openApiRouteKeys(world)).filter((key) => key.startsWith("GET "));
    const leaks: string[] = [];
    let requests = 0;
    for (const actor of outsiders) {
      const client = world.clients[actor];
      const known = new Set<number>([
        secrets.tripId,
        secrets.offerId,
        secrets.meetingId,
        counterpartId,
        world.ids.owner,
        world.ids.trip,
        world.ids.meeting,
        world.ids.event,
        world.ids.introduction,
      ]);
      const tried = new Set<string>();
      const get = async (path: string) => {
        if (tried.has(path)) return;
        tried.add(path);
        requests += 1;
        const response = await client.get(path);
        const text = await response.text();
        // The counterpart's own public profile names them, of course: there the dates and the owner must not show.
        const found = path.startsWith(`/api/members/${counterpartId}`) ? aboutCounterpart(text) : leaksIn(text);
        if (found.length > 0) leaks.push(`${actor} GET ${path} → ${response.status}: ${found.join(", ")}`);
        // Every id the answer shows is tried on every route that takes one.
        for (const match of text.matchAll(/"(?:\w*Id|id)":(\d+)/g)) known.add(Number(match[1]));
      };
      const queries: Record<string, string[]> = {
        city: [world.ids.city],
        q: [counterpartName, "Zephyrine", "quiet week"],
        token: [world.ids.unsubscribeToken],
      };
      for (let round = 0; round < 2; round += 1) {
        for (const key of keys) {
          const template = key.slice(4);
          const names = [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? "");
          const paths = names.reduce<string[]>(
            (partial, name) =>
              partial.flatMap((path) =>
                (name === "slug" ? [world.ids.city] : name === "secret" ? [] : [...known].map(String)).map((value) =>
                  path.replace(`{${name}}`, value),
                ),
              ),
            [template],
          );
          for (const path of paths) {
            await get(path);
            if (names.length > 0) continue;
            for (const [name, values] of Object.entries(queries))
              for (const value of values) await get(`${path}?${name}=${encodeURIComponent(value)}`);
          }
        }
      }
    }
    // The emails every outsider received.
    const outsiderEmails = outsiders
      .filter((actor) => actor !== "anonymous")
      .map((actor) => world.members[actor as Exclude<Actor, "anonymous">].email);
    let emails = 0;
    for (const mail of smtp.received.filter((received) =>
      outsiderEmails.some((email) => received.to.includes(email)),
    )) {
      emails += 1;
      const found = leaksIn(`${mail.subject}\n${mail.text}`);
      if (found.length > 0) leaks.push(`email to ${mail.to} "${mail.subject}": ${found.join(", ")}`);
    }
    const outbox = await world.harness.context.db.select().from(emailOutbox);
    for (const row of outbox.filter((email) => outsiderEmails.includes(email.toAddress))) {
      const found = leaksIn(`${row.subject}\n${row.textBody}\n${row.htmlBody ?? ""}`);
      if (found.length > 0) leaks.push(`outbox email to ${row.toAddress} "${row.subject}": ${found.join(", ")}`);
    }
    console.info(
      `privacy canary [${database().handle.engine}]: ${requests} GET requests by ${outsiders.length} outsiders, ` +
        `${emails} emails to them of ${smtp.received.length} sent, ${patterns.length} patterns, ${leaks.length} leaks`,
    );
    expect(emails).toBeGreaterThan(0);
    expect(leaks).toEqual([]);
  });
});
