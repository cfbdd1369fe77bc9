/** Notifications through the HTTP app: my list (newest first, paged), the unread count, marking read. */
import { beforeEach, expect, it } from "vitest";
import { addNotifications } from "../../src/app/notifications/notify-member";
import { describeOnDatabases } from "../support/databases";
import { createMember, type TestMember } from "../support/factories";
import { Client, createTestApp } from "../support/test-app";

interface Page {
  notifications: { id: number; kind: string; link: string | null; byName: string | null; readAt: string | null }[];
  unread: number;
  nextBefore: number | null;
}

describeOnDatabases("notifications", (database) => {
  let harness: ReturnType<typeof createTestApp>;
  let me: TestMember;
  let other: TestMember;

  beforeEach(async () => {
    await database().reset();
    harness = createTestApp(database().handle);
    me = await createMember(harness, { name: "Me" });
    other = await createMember(harness, { name: "Other" });
    const base = Date.parse("2026-11-01T10:00:00Z");
    for (let index = 0; index < 25; index++) {
      await addNotifications(
        harness.context.db,
        [
          {
            memberId: me.member.id,
            kind: "offer_received",
            payload: { tripId: index + 1, senderName: `Sender ${index}` },
          },
        ],
        new Date(base + index * 60_000),
      );
    }
    await addNotifications(harness.context.db, [
      { memberId: other.member.id, kind: "event_invitation", payload: { eventId: 7 } },
    ]);
  });

  const page = async (client: Client, query = "") => {
    const response = await client.get(`/api/notifications${query}`);
    expect(response.status).toBe(200);
    return (await response.json()) as Page;
  };

  it("lists my notifications newest first, a page at a time, with the unread count and where each leads", async () => {
    const first = await page(me.client, "?limit=10");
    expect(first.unread).toBe(25);
    expect(first.notifications).toHaveLength(10);
    expect(first.notifications[0]).toMatchObject({ kind: "offer_received", link: "/trips/25", byName: "Sender 24" });
    const ids = first.notifications.map((item) => item.id);
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);
    const second = await page(me.client, `?limit=10&before=${first.nextBefore}`);
    const third = await page(me.client, `?limit=10&before=${second.nextBefore}`);
    expect(third.notifications).toHaveLength(5);
    expect(third.nextBefore).toBeNull();
    const all = [...first.notifications, ...second.notifications, ...third.notifications].map((item) => item.id);
    expect(new Set(all).size).toBe(25);
    // Someone else's notifications never show.
    expect((await page(other.client)).notifications.map((item) => item.link)).toEqual(["/events/7"]);
  });

  it("marks one read, refuses another member's (404 like a missing one), and marks all read", async () => {
    const [newest] = (await page(me.client, "?limit=1")).notifications;
    const read = await me.client.post(`/api/notifications/${newest!.id}/read`);
    expect(await read.json()).toEqual({ unread: 24 });
    // Twice is harmless.
    expect(await (await me.client.post(`/api/notifications/${newest!.id}/read`)).json()).toEqual({ unread: 24 });
    const theirs = (await page(other.client)).notifications[0]!.id;
    const refused = await me.client.post(`/api/notifications/${theirs}/read`);
    const missing = await me.client.post("/api/notifications/999999/read");
    expect(refused.status).toBe(404);
    expect(await refused.text()).toBe(await missing.text());
    expect((await page(other.client)).unread).toBe(1);
    expect(await (await me.client.post("/api/notifications/read-all")).json()).toEqual({ unread: 0 });
    expect((await page(me.client)).notifications.every((item) => item.readAt !== null)).toBe(true);
    expect((await page(other.client)).unread).toBe(1);
  });

  it("validates paging and needs a session", async () => {
    expect((await me.client.get("/api/notifications?limit=0")).status).toBe(400);
    expect((await me.client.get("/api/notifications?limit=101")).status).toBe(400);
    expect((await me.client.get("/api/notifications?before=abc")).status).toBe(400);
    expect((await me.client.get("/api/notifications?sort=x")).status).toBe(400);
    expect((await new Client(harness.app).get("/api/notifications")).status).toBe(401);
  });
});
