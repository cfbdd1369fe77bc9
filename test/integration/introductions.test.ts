import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import { expireIntroductions } from "../../src/app/introductions/expire-introductions";
import { insertMember } from "../../src/db/repositories/members.repository";
import { offers, trips } from "../../src/db/schema/arrivals";
import { users } from "../../src/db/schema/auth";
import { gifts } from "../../src/db/schema/gatherings";
import { blocks } from "../../src/db/schema/people";
import { emailOutbox, notifications } from "../../src/db/schema/system";
import { describeOnDatabases } from "../support/databases";
import { createMember } from "../support/factories";
import { createCity, type TestMember } from "../support/factories";
import { createTestApp } from "../support/test-app";

const day = 86_400_000;

describeOnDatabases("introductions", (database) => {
  let harness: ReturnType<typeof createTestApp>;
  let connector: TestMember;
  let ana: TestMember;
  let ben: TestMember;
  let start: number;

  beforeEach(async () => {
    await database().reset();
    harness = createTestApp(database().handle);
    start = Date.now();
    harness.context.now = () => new Date(start);
    [connector, ana, ben] = (await Promise.all(
      ["Connie", "Ana", "Ben"].map((name) => createMember(harness, { name })),
    )) as [TestMember, TestMember, TestMember];
  });

  const at = (ms: number) => {
    harness.context.now = () => new Date(start + ms);
  };
  const propose = (by: TestMember, firstId: number, secondId: number, reason = "Both of you work on climate tech") =>
    by.client.post("/api/introductions", { firstId, secondId, reason });
  const answer = async (member: TestMember, id: number, value: string) =>
    (await member.client.post(`/api/introductions/${id}/answer`, { answer: value })).json();
  const view = async (member: TestMember, id: number) => (await member.client.get(`/api/introductions/${id}`)).json();
  const traces = async () => {
    const db = database().handle.db;
    return {
      notifications: (await db.select().from(notifications)).length,
      emails: (await db.select().from(emailOutbox)).length,
    };
  };

  /** Plain members with an email but no session: for the people a connector introduces in bulk. */
  async function plainMembers(count: number): Promise<number[]> {
    const ids: number[] = [];
    for (let index = 0; index < count; index++) {
      const userId = randomUUID();
      await database()
        .handle.db.insert(users)
        .values({ id: userId, name: `P${index}`, email: `${userId}@example.test` });
      ids.push((await insertMember(database().handle.db, { name: `Person ${index}`, userId })).id);
    }
    return ids;
  }

  it("asks both privately; a decline shows nothing to anyone until expiry, then only 'did not happen' to the connector and the accepter", async () => {
    const created = await propose(connector, ana.member.id, ben.member.id);
    expect(created.status).toBe(201);
    const intro = await created.json();
    expect(intro).toMatchObject({ role: "connector", status: "pending", myAnswer: null });
    const asked = await database().handle.db.select().from(emailOutbox);
    expect(asked.map((email) => email.memberId).sort()).toEqual([ana.member.id, ben.member.id].sort());
    expect(asked.find((email) => email.memberId === ana.member.id)?.subject).toBe(
      "Connie would like to introduce you to Ben",
    );
    expect((await view(ana, intro.id)).others).toEqual([{ memberId: ben.member.id, name: "Ben" }]);

    const connectorBefore = await view(connector, intro.id);
    const benBefore = await view(ben, intro.id);
    const before = await traces();
    const declined = await answer(ana, intro.id, "declined");
    const accepted = await answer(ben, intro.id, "accepted");
    // Declined and accepted-but-waiting answer the same shape and status; only one's own answer differs.
    expect(declined).toMatchObject({ status: "pending", myAnswer: "declined" });
    expect(accepted).toMatchObject({ status: "pending", myAnswer: "accepted" });
    expect(Object.keys(declined).sort()).toEqual(Object.keys(accepted).sort());
    expect(await view(connector, intro.id)).toEqual(connectorBefore);
    expect({ ...(await view(ben, intro.id)), myAnswer: "pending" }).toEqual(benBefore);
    expect(await traces()).toEqual(before);
    expect(JSON.stringify(await (await connector.client.get("/api/introductions")).json())).not.toMatch(/declin/);
    expect((await answer(ana, intro.id, "accepted")).error?.code).toBe("conflict");

    at(7 * day - 60_000);
    expect(await expireIntroductions(harness.context)).toBe(0);
    expect(await view(connector, intro.id)).toEqual(connectorBefore);
    at(7 * day);
    expect((await view(connector, intro.id)).status).toBe("did_not_happen");
    expect(await expireIntroductions(harness.context)).toBe(1);
    expect(await expireIntroductions(harness.context)).toBe(0);
    expect((await view(ben, intro.id)).status).toBe("did_not_happen");

    const told = await database()
      .handle.db.select()
      .from(emailOutbox)
      .where(eq(emailOutbox.kind, "introduction_did_not_happen"));
    expect(told.map((email) => email.memberId).sort()).toEqual([connector.member.id, ben.member.id].sort());
    for (const email of told) expect(`${email.subject} ${email.textBody}`).not.toMatch(/declin|refus|answer/i);
    const notices = await database()
      .handle.db.select()
      .from(notifications)
      .where(eq(notifications.kind, "introduction_did_not_happen"));
    expect(notices.map((notice) => notice.memberId).sort()).toEqual([connector.member.id, ben.member.id].sort());
    expect(notices.every((notice) => Object.keys(notice.payload).join() === "introductionId")).toBe(true);
  });

  it("a decline and a silence end the same way for the connector", async () => {
    const [carl, dana] = await plainMembers(2);
    const declinedIntro = await (await propose(connector, ana.member.id, ben.member.id)).json();
    const silentIntro = await (await propose(connector, carl!, dana!)).json();
    await answer(ana, declinedIntro.id, "declined");
    at(7 * day);
    await expireIntroductions(harness.context);
    const mails = await database()
      .handle.db.select()
      .from(emailOutbox)
      .where(eq(emailOutbox.memberId, connector.member.id));
    const shape = (text: string) => text.replace(/Ana|Ben|Person \d/g, "X");
    const [first, second] = mails.filter((email) => email.kind === "introduction_did_not_happen");
    expect(shape(first!.textBody)).toBe(shape(second!.textBody));
    expect((await view(connector, declinedIntro.id)).status).toBe((await view(connector, silentIntro.id)).status);
  });

  it("opens a shared conversation once both accept, records the connector's gifts, and keeps it to the two", async () => {
    const intro = await (await propose(connector, ana.member.id, ben.member.id)).json();
    await answer(ana, intro.id, "accepted");
    expect((await ana.client.get(`/api/introductions/${intro.id}/messages`)).status).toBe(404);
    expect(await answer(ben, intro.id, "accepted")).toMatchObject({ status: "accepted", myAnswer: "accepted" });
    expect((await view(connector, intro.id)).status).toBe("accepted");

    const city = await createCity(harness.context);
    const [trip] = await database()
      .handle.db.insert(trips)
      .values({
        memberId: ben.member.id,
        cityId: city.id,
        arrivalDate: "2027-01-10",
        departureDate: "2027-01-12",
        seeks: "x",
        availability: { weekly: {} },
        visibleUntil: new Date("2027-01-13T00:00:00Z"),
      })
      .returning();
    const [offer] = await database()
      .handle.db.insert(offers)
      .values({ tripId: trip!.id, senderId: ana.member.id, kind: "coffee" })
      .returning();
    const sent = await ana.client.post(`/api/introductions/${intro.id}/messages`, {
      body: "Coffee next week?",
      offerId: offer!.id,
    });
    expect(sent.status).toBe(201);
    const notMine = await ben.client.post(`/api/introductions/${intro.id}/messages`, {
      body: "Mine?",
      offerId: offer!.id,
    });
    expect((await notMine.json()).error.field).toBe("offerId");
    await ben.client.post(`/api/introductions/${intro.id}/messages`, { body: "Gladly" });
    const thread = await (await ben.client.get(`/api/introductions/${intro.id}/messages`)).json();
    expect(thread.messages.map((message: { body: string }) => message.body)).toEqual([
      `Coffee next week?\n\nhttp://localhost:3999/offers/${offer!.id}`,
      "Gladly",
    ]);
    expect((await connector.client.get(`/api/introductions/${intro.id}/messages`)).status).toBe(404);
    const outsider = await createMember(harness, { name: "Out" });
    expect((await outsider.client.get(`/api/introductions/${intro.id}`)).status).toBe(404);
    expect((await outsider.client.post(`/api/introductions/${intro.id}/answer`, { answer: "accepted" })).status).toBe(
      404,
    );

    const ledger = await database().handle.db.select().from(gifts);
    expect(ledger.map((gift) => [gift.source, gift.giverId, gift.receiverId, gift.kind]).sort()).toEqual(
      [
        [`introduction:${intro.id}:A`, connector.member.id, ana.member.id, "introduction"],
        [`introduction:${intro.id}:B`, connector.member.id, ben.member.id, "introduction"],
      ].sort(),
    );
  });

  it("refuses blocked pairs with only 'cannot be introduced', and names the wrong field", async () => {
    const db = database().handle.db;
    await db.insert(blocks).values({ blockerId: ana.member.id, blockedId: ben.member.id });
    const blocked = await propose(connector, ana.member.id, ben.member.id);
    expect(blocked.status).toBe(409);
    const message = (await blocked.json()).error.message;
    expect(message).toBe("These members cannot be introduced");
    await db.delete(blocks);
    await db.insert(blocks).values({ blockerId: ben.member.id, blockedId: connector.member.id });
    const byBlocked = await propose(connector, ana.member.id, ben.member.id);
    expect((await byBlocked.json()).error.message).toBe(message);
    expect(await traces()).toEqual({ notifications: 0, emails: 0 });

    expect((await (await propose(connector, ana.member.id, ana.member.id)).json()).error.field).toBe("secondId");
    expect((await (await propose(connector, connector.member.id, ana.member.id)).json()).error.field).toBe("firstId");
    const extra = await connector.client.post("/api/introductions", {
      firstId: ana.member.id,
      secondId: 9,
      reason: "x",
      cc: 1,
    });
    expect(extra.status).toBe(400);
    const empty = await connector.client.post("/api/introductions", {
      firstId: ana.member.id,
      secondId: 9,
      reason: " ",
    });
    expect((await empty.json()).error.field).toBe("reason");
  });

  it("allows 10 introductions per connector in any rolling 24 hours, even when proposed at once, then 429 until one frees", async () => {
    const people = await plainMembers(6);
    const pairs = people.flatMap((a, i) => people.slice(i + 1).map((b) => [a, b] as const)).slice(0, 14);
    const results = await Promise.all(pairs.map(([a, b]) => propose(connector, a, b)));
    expect(results.filter((result) => result.status === 201)).toHaveLength(10);
    const limited = results.filter((result) => result.status === 429);
    expect(limited).toHaveLength(4);
    expect(Number(limited[0]!.headers.get("retry-after"))).toBe(86_400);
    expect((await limited[0]!.json()).error.code).toBe("rate_limited");
    // Which proposals won the race is not fixed: retry one that was refused.
    const [a, b] = pairs[results.findIndex((result) => result.status === 429)]!;
    at(day - 1000);
    const stillLimited = await propose(connector, a, b);
    expect(stillLimited.status).toBe(429);
    expect(stillLimited.headers.get("retry-after")).toBe("1");
    at(day);
    expect((await propose(connector, a, b)).status).toBe(201);
  });
});
