/**
 * The world of the security tests: one city, seven kinds of actor, and private resources that only the owner and
 * the audience member may see. Each private resource carries a canary word, so that a leak shows as text.
 *
 * - owner (O): the traveller of a secret trip (audience "connections"), host of an invitation-only event, guest of
 *   a meeting, connector of an introduction, receiver of a gift;
 * - audience (A): has met O, so sees the trip; made an offer on it; invited to the event; host of the meeting;
 *   first party of the introduction; the giver of the gift;
 * - blocked (B): has met O too, but O blocked B, which hides everything both ways;
 * - unrelated (U), organiser (G, of the city), moderator (D, global), anonymous (no session).
 */
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { expect } from "vitest";
import { alerts, meetings, offers } from "../../src/db/schema/arrivals";
import { gifts, introductions } from "../../src/db/schema/gatherings";
import { blocks, memberRoles, ties } from "../../src/db/schema/people";
import type { DatabaseHandle } from "../../src/db/create-db";
import { createCity, createMember, type TestMember } from "../support/factories";
import { Client, createTestApp, testSecret } from "../support/test-app";
import { createUnsubscribeToken } from "../../src/app/alerts/unsubscribe-token";

export const actors = ["anonymous", "unrelated", "blocked", "audience", "owner", "organiser", "moderator"] as const;
export type Actor = (typeof actors)[number];
/** The actors allowed to see the private resources. */
export const insiders: readonly Actor[] = ["owner", "audience"];

export const worldNow = new Date("2026-11-26T12:00:00Z");
type Json = Record<string, unknown>;

/** The planted resources' ids and secrets, by name, for path parameters and checks. */
export type WorldIds = {
  city: string;
  cityId: number;
  owner: number;
  audience: number;
  blocked: number;
  unrelated: number;
  third: number;
  trip: number;
  offer: number;
  adviceOffer: number;
  meeting: number;
  event: number;
  introduction: number;
  gift: number;
  alert: number;
  calendarFeed: number;
  calendarSecret: string;
  publicEvent: number;
  /** The owner's one-click unsubscribe token. */
  unsubscribeToken: string;
};
/** The world's ids and whatever a matrix entry's `fresh` planting adds under names of its own. */
export type MatrixIds = WorldIds & Record<string, number | string>;

export interface World {
  harness: ReturnType<typeof createTestApp>;
  clients: Record<Actor, Client>;
  members: Record<Exclude<Actor, "anonymous">, TestMember>;
  ids: WorldIds;
  /** Words planted in the private resources' text: none may reach an outsider. */
  canaries: string[];
  /** Names of the private people (the third party of the introduction): none may reach an outsider. */
  secretNames: string[];
}

const pair = (x: number, y: number) => (x < y ? { aId: x, bId: y } : { aId: y, bId: x });

async function created(response: Response): Promise<Json> {
  const text = await response.text();
  expect(response.status, text).toBeLessThan(300);
  return JSON.parse(text) as Json;
}

/** Plants the world on an empty database. */
export async function plantWorld(handle: DatabaseHandle): Promise<World> {
  const harness = createTestApp(handle);
  harness.context.now = () => worldNow;
  const db = harness.context.db;
  const suffix = randomBytes(4).toString("hex");
  const canary = (kind: string) => `Canary${kind}${suffix}`;
  const city = await createCity(harness.context);
  const member = (name: string) =>
    createMember(harness, { name: `${name} ${suffix}`, homeCityId: city.id, sectors: ["fintech"] });
  const owner = await createMember(harness, { name: `Owner ${suffix}`, sectors: ["fintech"] });
  const audience = await member("Audience");
  const blocked = await member("Blocked");
  const unrelated = await member("Unrelated");
  const organiser = await member("Organiser");
  const moderator = await member("Moderator");
  // Not in the city's directory: only the introduction links them to anyone.
  const third = await createMember(harness, { name: `${canary("Third")} ${suffix}` });
  await db.insert(ties).values([
    { ...pair(owner.member.id, audience.member.id), firstMetOn: "2025-01-01", lastMetOn: "2025-01-01" },
    { ...pair(owner.member.id, blocked.member.id), firstMetOn: "2025-01-01", lastMetOn: "2025-01-01" },
    { ...pair(owner.member.id, third.member.id), firstMetOn: "2025-01-01", lastMetOn: "2025-01-01" },
  ]);
  await db.insert(blocks).values({ blockerId: owner.member.id, blockedId: blocked.member.id });
  await db.insert(memberRoles).values([
    { memberId: organiser.member.id, role: "organiser", cityId: city.id },
    { memberId: moderator.member.id, role: "moderator", cityId: null },
  ]);

  const trip = await created(
    await owner.client.post("/api/trips", {
      city: city.slug,
      arrivalDate: "2026-12-01",
      arrivalTime: "09:40",
      departureDate: "2026-12-04",
      departureTime: "17:25",
      seeks: `investors ${canary("Trip")}`,
      audience: "connections",
    }),
  );
  const tripId = trip.id as number;
  const offer = await created(
    await audience.client.post(`/api/trips/${tripId}/offers`, {
      kind: "coffee",
      message: `Coffee? ${canary("Offer")}`,
      venue: { name: "Cafe", address: "1 Main Street" },
      slots: [{ startsAt: "2026-12-02T10:00:00-05:00", durationMinutes: 60 }],
    }),
  );
  await created(await audience.client.post(`/api/offers/${offer.id as number}/messages`, { body: canary("Thread") }));
  const [advice] = await db
    .insert(offers)
    .values({ tripId, senderId: audience.member.id, kind: "advice", message: canary("Advice"), status: "accepted" })
    .returning();
  const [meeting] = await db
    .insert(meetings)
    .values({
      cityId: city.id,
      tripId,
      hostId: audience.member.id,
      guestId: owner.member.id,
      kind: "coffee",
      startsAt: new Date("2026-11-20T15:00:00Z"),
      endsAt: new Date("2026-11-20T16:00:00Z"),
    })
    .returning();
  const [gift] = await db
    .insert(gifts)
    .values({
      giverId: audience.member.id,
      receiverId: owner.member.id,
      kind: "meeting",
      occurredOn: "2026-11-20",
      cityId: city.id,
      source: `meeting:${meeting!.id}`,
    })
    .returning();
  const [alert] = await db
    .insert(alerts)
    .values({ tripId, memberId: audience.member.id, score: 1, reasons: [] })
    .returning();
  const eventBody = {
    cityId: city.id,
    startsAt: "2026-12-03T23:00:00Z",
    endsAt: "2026-12-04T01:00:00Z",
    capacity: 10,
  };
  const event = await created(
    await owner.client.post("/api/events", {
      ...eventBody,
      title: `Dinner ${canary("Event")}`,
      description: canary("EventText"),
      audience: "invite_only",
    }),
  );
  await created(
    await owner.client.post(`/api/events/${event.id as number}/invitations`, { memberId: audience.member.id }),
  );
  const publicEvent = await created(
    await unrelated.client.post("/api/events", { ...eventBody, title: "Open meetup", audience: "public" }),
  );
  const introduction = await created(
    await owner.client.post("/api/introductions", {
      firstId: audience.member.id,
      secondId: third.member.id,
      reason: canary("Introduction"),
    }),
  );
  // Accepted by both, so that the first and the second party have a conversation.
  await db
    .update(introductions)
    .set({ firstAnswer: "accepted", secondAnswer: "accepted", status: "accepted" })
    .where(eq(introductions.id, introduction.id as number));
  await created(
    await audience.client.post(`/api/introductions/${introduction.id as number}/messages`, {
      body: canary("Conversation"),
    }),
  );
  const feed = await created(await owner.client.post(`/api/trips/${tripId}/calendar-feeds`));
  const feedUrl = String(feed.url ?? feed.path ?? "");
  const calendarSecret = feedUrl.split("/").pop() ?? "";
  expect(calendarSecret.length).toBeGreaterThan(10);
  // The offer's sender is the audience member; the trip's traveller must not have been blocked.
  expect((await db.select().from(offers).where(eq(offers.tripId, tripId))).length).toBe(2);

  const members = { unrelated, blocked, audience, owner, organiser, moderator };
  return {
    harness,
    members,
    clients: {
      anonymous: new Client(harness.app),
      unrelated: unrelated.client,
      blocked: blocked.client,
      audience: audience.client,
      owner: owner.client,
      organiser: organiser.client,
      moderator: moderator.client,
    },
    ids: {
      city: city.slug,
      cityId: city.id,
      owner: owner.member.id,
      audience: audience.member.id,
      blocked: blocked.member.id,
      unrelated: unrelated.member.id,
      third: third.member.id,
      trip: tripId,
      offer: offer.id as number,
      adviceOffer: advice!.id,
      meeting: meeting!.id,
      event: event.id as number,
      introduction: introduction.id as number,
      gift: gift!.id,
      alert: alert!.id,
      calendarFeed: feed.id as number,
      calendarSecret,
      publicEvent: publicEvent.id as number,
      unsubscribeToken: createUnsubscribeToken(owner.member.id, testSecret),
    },
    canaries: ["Trip", "Offer", "Thread", "Advice", "Event", "EventText", "Introduction", "Conversation", "Third"].map(
      canary,
    ),
    secretNames: [third.member.name],
  };
}

/** A checksum of every table's contents, to prove that a request changed nothing. */
export async function databaseChecksum(handle: DatabaseHandle): Promise<string> {
  const { rows } = await handle.executeSql(
    `SELECT table_name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const names = rows.map((row) => String(row.table_name));
  const parts = names.map(
    (name) =>
      `SELECT '${name}' AS t, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM "${name}" x`,
  );
  const { rows: sums } = await handle.executeSql(parts.join(" UNION ALL "));
  return sums.map((row) => `${String(row.t)}:${String(row.h)}`).join(",");
}

/** Which tables differ between two checksums. */
export function changedTables(before: string, after: string): string[] {
  const map = new Map(before.split(",").map((part) => part.split(":") as [string, string]));
  return after
    .split(",")
    .map((part) => part.split(":") as [string, string])
    .filter(([table, sum]) => map.get(table) !== sum)
    .map(([table]) => table);
}
