/**
 * Issue #8.3: user text is escaped wherever it is shown outside the React pages (which escape by themselves):
 * emails' HTML and headers, .ics calendars, RSS. Names, messages and titles carry `<script>` and CRLF.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { deliverOutbox } from "../../src/app/mail/deliver-outbox";
import { events } from "../../src/db/schema/gatherings";
import { venues } from "../../src/db/schema/people";
import { emailOutbox } from "../../src/db/schema/system";
import { createSmtpSender } from "../../src/jobs/smtp-sender";
import { describeOnDatabases } from "../support/databases";
import { createCity, createMember } from "../support/factories";
import { startTestSmtpServer, type TestSmtpServer } from "../support/smtp";
import { createTestApp } from "../support/test-app";

const script = "<script>alert(1)</script>";
const crlf = "\r\nBcc: victim@example.test\r\nX-Injected: yes";
const icsBreak = "\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:injected";
const hostile = `Eve ${script}${crlf}`;

/** Raw markup or a line break that the text did not escape. */
function rawMarkup(text: string): string[] {
  return [/<script>/i, /<img src=x/i].filter((pattern) => pattern.test(text)).map(String);
}

describeOnDatabases("user text escaped in emails, calendars and feeds", (database) => {
  let smtp: TestSmtpServer;
  beforeAll(async () => {
    smtp = await startTestSmtpServer();
  });
  afterAll(() => smtp.close());
  beforeEach(() => database().reset());

  it("keeps <script> and CRLF in names and messages from coming out raw", async () => {
    const harness = createTestApp(database().handle);
    harness.context.now = () => new Date("2026-11-26T12:00:00Z");
    const city = await createCity(harness.context);
    const traveller = await createMember(harness, { name: hostile });
    const local = await createMember(harness, { name: `Mallory ${script}`, homeCityId: city.id });
    const trip = await traveller.client.post("/api/trips", {
      city: city.slug,
      arrivalDate: "2026-12-01",
      departureDate: "2026-12-04",
      seeks: `investors ${script}`,
      audience: "members",
    });
    expect(trip.status).toBe(201);
    const tripId = ((await trip.json()) as { id: number }).id;
    const offerBody = {
      kind: "coffee",
      message: `<img src=x onerror=alert(1)>${crlf}`,
      venue: { name: `Cafe ${script}${icsBreak}`, address: `1 Main St${icsBreak}` },
      slots: [{ startsAt: "2026-12-02T10:00:00-05:00", durationMinutes: 60 }],
    };
    // Single-line fields refuse line breaks at the edge; the markup still has to come out escaped.
    const refusedOffer = await local.client.post(`/api/trips/${tripId}/offers`, offerBody);
    expect(refusedOffer.status).toBe(400);
    expect(((await refusedOffer.json()) as { error: { field: string } }).error.field).toBe("venue.name");
    const offer = await local.client.post(`/api/trips/${tripId}/offers`, {
      ...offerBody,
      venue: { name: `Cafe ${script}`, address: "1 Main St" },
    });
    expect(offer.status, await offer.clone().text()).toBe(201);
    const offerId = ((await offer.json()) as { id: number }).id;
    expect((await traveller.client.post(`/api/offers/${offerId}/accept`, {})).status).toBe(200);
    const eventBody = {
      cityId: city.id,
      title: `Dinner ${script}${icsBreak}`,
      description: `Come ${script}${icsBreak}`,
      startsAt: "2026-12-03T23:00:00Z",
      endsAt: "2026-12-04T01:00:00Z",
      capacity: 10,
      audience: "public",
    };
    const refusedEvent = await local.client.post("/api/events", eventBody);
    expect(refusedEvent.status).toBe(400);
    expect(((await refusedEvent.json()) as { error: { field: string } }).error.field).toBe("title");
    const event = await local.client.post("/api/events", { ...eventBody, title: `Dinner ${script}` });
    expect(event.status, await event.clone().text()).toBe(201);
    const eventId = ((await event.json()) as { id: number }).id;
    // Text written before the edge refused line breaks (or by another path) must still not forge calendar lines.
    await harness.context.db.update(events).set({ title: eventBody.title }).where(eq(events.id, eventId));
    await harness.context.db
      .update(venues)
      .set({ name: offerBody.venue.name, address: offerBody.venue.address })
      .where(eq(venues.name, `Cafe ${script}`));

    // Emails: HTML escaped, no header injected through a name or a message.
    const outbox = await harness.context.db.select().from(emailOutbox);
    expect(outbox.length).toBeGreaterThan(0);
    for (const email of outbox) {
      expect(rawMarkup(email.htmlBody ?? ""), `${email.kind}: ${email.htmlBody}`).toEqual([]);
      expect(email.subject).not.toMatch(/[\r\n]/);
    }
    const sender = createSmtpSender(`smtp://127.0.0.1:${smtp.port}`, "Givefirst <no-reply@localhost>");
    await deliverOutbox(harness.context, sender.send);
    sender.close();
    expect(smtp.received.length).toBe(outbox.length);
    for (const mail of smtp.received) {
      expect(mail.to).not.toMatch(/victim/);
      expect(mail.subject).not.toMatch(/X-Injected|Bcc:/);
    }
    expect(smtp.received.some((mail) => /Bcc|victim/.test(mail.to))).toBe(false);

    // Calendars: one VEVENT per event, every line a property of ours (a line break in text is escaped as \n).
    const calendars = [
      await traveller.client.get(`/api/trips/${tripId}/agenda.ics`),
      await local.client.get(`/api/events/${eventId}/calendar.ics`),
      await local.client.get(`/api/cities/${city.slug}/events.ics`),
    ];
    for (const response of calendars) {
      expect(response.status).toBe(200);
      const text = await response.text();
      expect(text, text).not.toMatch(/^SUMMARY:injected/m);
      expect(text).not.toMatch(/^(Bcc|X-Injected):/m);
      const begins = text.match(/^BEGIN:VEVENT/gm)?.length ?? 0;
      const ends = text.match(/^END:VEVENT/gm)?.length ?? 0;
      expect(begins).toBe(ends);
      expect(begins).toBeLessThanOrEqual(2);
    }
    // RSS: markup escaped in the XML.
    const rss = await local.client.get(`/api/cities/${city.slug}/events.rss`);
    expect(rss.status).toBe(200);
    const feed = await rss.text();
    expect(feed).toContain("&lt;script&gt;");
    expect(rawMarkup(feed)).toEqual([]);
  });
});
