/**
 * Single-line text fields (titles, names, venue names, tags) refuse line breaks, tabs and other control characters
 * with a 400 naming the field; multi-line ones (descriptions, messages) keep \n and refuse the rest. Nothing is saved
 * by a refused request.
 */
import { eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { offers } from "../../src/db/schema/arrivals";
import { events } from "../../src/db/schema/gatherings";
import { members } from "../../src/db/schema/people";
import { describeOnDatabases } from "../support/databases";
import { createCity, createMember, type TestMember, insertWeekTrip } from "../support/factories";
import { createTestApp } from "../support/test-app";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are read field by field
type Json = any;

describeOnDatabases("control characters in text fields", (database) => {
  let harness: ReturnType<typeof createTestApp>;
  let cityId: number;
  let host: TestMember;
  let traveller: TestMember;
  let tripId: number;

  beforeAll(async () => {
    await database().reset();
    harness = createTestApp(database().handle);
    harness.context.now = () => new Date("2030-03-04T12:00:00Z");
    cityId = (await createCity(harness.context)).id;
    host = await createMember(harness, { name: "Dana Host", homeCityId: cityId });
    traveller = await createMember(harness, { name: "Pierre Martin" });
    tripId = await insertWeekTrip(harness.context.db, {
      memberId: traveller.member.id,
      cityId,
      seeks: "investors",
      availability: { weekly: {} },
    });
  });

  const event = (extra: object) => ({
    cityId,
    title: "Founders' drinks",
    description: "",
    startsAt: "2030-03-07T23:00:00Z",
    endsAt: "2030-03-08T01:00:00Z",
    capacity: 10,
    ...extra,
  });
  const expectRefused = async (response: Response, field: string, message: RegExp) => {
    const body = (await response.json()) as Json;
    expect(response.status, JSON.stringify(body)).toBe(400);
    expect(body.error).toMatchObject({ code: "validation_failed", field });
    expect(body.error.message).toMatch(message);
  };

  it("an event title refuses line breaks, tabs and control characters; its description keeps \\n only", async () => {
    for (const title of [
      "Drinks\nat 7",
      "Drinks\r\nat 7",
      "Drinks\tat 7",
      "Drinks\u0007",
      "Drinks\u2028at 7",
      "A\u0085B",
    ])
      await expectRefused(await host.client.post("/api/events", event({ title })), "title", /single line/);
    await expectRefused(
      await host.client.post("/api/events", event({ titleFr: "Apéro\nà 19 h" })),
      "titleFr",
      /single line/,
    );
    await expectRefused(
      await host.client.post("/api/events", event({ tags: ["fintech", "a\nb"] })),
      "tags.1",
      /single line/,
    );
    await expectRefused(
      await host.client.post("/api/events", event({ description: "Line one\tindented" })),
      "description",
      /line breaks/,
    );
    expect(await harness.context.db.$count(events)).toBe(0);

    const created = await host.client.post("/api/events", event({ description: "Line one\nLine two" }));
    expect(created.status).toBe(201);
    expect(((await created.json()) as Json).description).toBe("Line one\nLine two");
    // A CRLF (as some clients send a textarea) is kept as a plain \n.
    const crlf = await host.client.post("/api/events", event({ description: "Line one\r\nLine two\rLine three" }));
    expect(((await crlf.json()) as Json).description).toBe("Line one\nLine two\nLine three");
    // Surrounding whitespace, line breaks included, is still trimmed off a single-line field rather than refused.
    const trimmed = await host.client.post("/api/events", event({ title: "  Brunch \n" }));
    expect(((await trimmed.json()) as Json).title).toBe("Brunch");
  });

  it("an offer's venue name and address are single-line; its message and thread keep line breaks", async () => {
    const offer = (venue: object, message = "") =>
      host.client.post(`/api/trips/${tripId}/offers`, {
        kind: "coffee",
        message,
        slots: [{ startsAt: "2030-03-06T15:00:00Z", durationMinutes: 45 }],
        venue: { name: "Panther Coffee", address: "2390 NW 2nd Ave", ...venue },
      });
    await expectRefused(await offer({ name: "Panther\nCoffee" }), "venue.name", /single line/);
    await expectRefused(await offer({ address: "2390 NW\u001b2nd Ave" }), "venue.address", /single line/);
    await expectRefused(await offer({}, "Hi\u0000"), "message", /.+/);
    await expectRefused(await offer({}, "Hi\u000bthere"), "message", /line breaks/);
    expect(await harness.context.db.$count(offers)).toBe(0);
    const sent = await offer({}, "Hello!\nCoffee on Wednesday?");
    expect(sent.status).toBe(201);
    const { id } = (await sent.json()) as Json;
    await expectRefused(
      await host.client.post(`/api/offers/${id}/messages`, { body: "Bell\u0007" }),
      "body",
      /line breaks/,
    );
    expect((await host.client.post(`/api/offers/${id}/messages`, { body: "See you\nthere" })).status).toBe(201);
  });

  it("a profile's name and headline are single-line, its bio multi-line; a trip's tags single-line", async () => {
    await expectRefused(
      await host.client.request("PUT", "/api/me/profile", { name: "Dana\nHost" }),
      "name",
      /single line/,
    );
    await expectRefused(
      await host.client.request("PUT", "/api/me/profile", { headline: "CEO\rCTO" }),
      "headline",
      /single line/,
    );
    const [unchanged] = await harness.context.db
      .select({ name: members.name })
      .from(members)
      .where(eq(members.id, host.member.id));
    expect(unchanged?.name).toBe("Dana Host");
    expect((await host.client.request("PUT", "/api/me/profile", { bio: "Founder.\nAngel investor." })).status).toBe(
      200,
    );
    await expectRefused(
      await host.client.request("PUT", "/api/me/profile", { bio: "Founder.\tAngel" }),
      "bio",
      /line breaks/,
    );
    await expectRefused(
      await traveller.client.request("PATCH", `/api/trips/${tripId}`, { seeksTags: ["fin\ntech"] }),
      "seeksTags.0",
      /single line/,
    );
  });
});
