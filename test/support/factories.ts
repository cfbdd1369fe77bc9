/**
 * Factories for integration tests: cities and members with overrides, and signed-in clients. Members get an account
 * with one shared password, hashed once per process, so that signing in many of them stays fast.
 */
import { createHmac, randomUUID } from "node:crypto";
import type { AppContext } from "../../src/app/context";
import { upsertCity, type CityRow } from "../../src/db/repositories/cities.repository";
import { insertMember, type MemberRow, type NewMember } from "../../src/db/repositories/members.repository";
import * as arrivals from "../../src/db/schema/arrivals";
import * as auth from "../../src/db/schema/auth";
import { accounts, sessions, users } from "../../src/db/schema/auth";
import * as gatherings from "../../src/db/schema/gatherings";
import * as people from "../../src/db/schema/people";
import * as system from "../../src/db/schema/system";
import { Client, testSecret, type createTestApp } from "./test-app";

export const testPassword = "a test password that is long";
let passwordHash: Promise<string> | undefined;

export const miamiCity = {
  slug: "miami",
  name: "Miami",
  country: "US",
  timeZone: "America/New_York",
  locale: "en" as const,
};
export const toulouseCity = {
  slug: "toulouse",
  name: "Toulouse",
  country: "FR",
  timeZone: "Europe/Paris",
  locale: "fr" as const,
};

export async function createCity(
  context: Pick<AppContext, "db">,
  city: Partial<Omit<typeof miamiCity, "locale"> & { locale: "en" | "fr" }> = {},
): Promise<CityRow> {
  return upsertCity(context.db, { ...miamiCity, ...city });
}

export interface TestMember {
  member: MemberRow;
  email: string;
  /** A client signed in as this member. */
  client: Client;
}

/**
 * Creates a member with an account (email verified unless told otherwise) and a client signed in as them. The
 * session is written as better-auth writes it (a session row and its signed cookie), without hashing a password:
 * that hashing dominated the tests' time. `createMemberWithPassword` gives a member who can sign in for real.
 */
export async function createMember(
  harness: ReturnType<typeof createTestApp>,
  overrides: Partial<NewMember> & { email?: string; emailVerified?: boolean } = {},
): Promise<TestMember> {
  const { context } = harness;
  const { email: givenEmail, emailVerified = true, ...memberFields } = overrides;
  const userId = randomUUID();
  const email = givenEmail ?? `member-${userId.slice(0, 8)}@example.test`;
  const name = memberFields.name ?? `Member ${userId.slice(0, 4)}`;
  await context.db.insert(users).values({ id: userId, name, email, emailVerified });
  const member = await insertMember(context.db, { ...memberFields, name, userId });
  return { member, email, client: await signIn(harness, userId) };
}

/** A new client with a new session of the same member (a second device). */
export async function signInAgain(harness: ReturnType<typeof createTestApp>, member: TestMember): Promise<Client> {
  return signIn(harness, member.member.userId!);
}

async function signIn(harness: ReturnType<typeof createTestApp>, userId: string): Promise<Client> {
  const token = randomUUID().replaceAll("-", "");
  await harness.context.db
    .insert(sessions)
    .values({ id: randomUUID(), token, userId, expiresAt: new Date(Date.now() + 86_400_000) });
  const signature = createHmac("sha256", testSecret).update(token).digest("base64");
  const client = new Client(harness.app);
  client.setCookie("givefirst.session_token", encodeURIComponent(`${token}.${signature}`));
  return client;
}

/** A member with a real password credential, signed in through the sign-in endpoint. */
export async function createMemberWithPassword(
  harness: ReturnType<typeof createTestApp>,
  overrides: Partial<NewMember> & { email?: string; emailVerified?: boolean } = {},
): Promise<TestMember> {
  const created = await createMember(harness, overrides);
  passwordHash ??= harness.context.auth.$context.then((internals) => internals.password.hash(testPassword));
  const userId = created.member.userId!;
  await harness.context.db
    .insert(accounts)
    .values({ id: randomUUID(), accountId: userId, providerId: "credential", userId, password: await passwordHash });
  const client = new Client(harness.app);
  const response = await client.post("/api/auth/sign-in/email", { email: created.email, password: testPassword });
  if (response.status !== 200) throw new Error(`sign-in of ${created.email} failed: ${response.status}`);
  return { ...created, client };
}

/**
 * Links `member` to a row of nearly every table, with `others` on the other side: trips, alerts, offers sent and
 * received with slots and messages, a meeting with feedback, gifts both ways, follows, ties and blocks both ways, an
 * event hosted and one attended, invitations, introductions (as connector and as introduced) with messages,
 * notifications, reports made and received, a moderation action, a calendar feed, an idempotency key, a blog feed,
 * a role, emails, an agenda and a city report that copy the member's name. For the export and erasure tests.
 */
export async function linkToEverything(
  harness: ReturnType<typeof createTestApp>,
  member: TestMember,
  others: { friend: TestMember; stranger: TestMember; cityId: number },
): Promise<void> {
  const { db } = harness.context;
  const me = member.member.id;
  const friend = others.friend.member.id;
  const stranger = others.stranger.member.id;
  const { cityId } = others;
  const name = member.member.name;
  const day = "2027-03-01";
  const at = new Date("2027-03-02T10:00:00Z");
  const availability = { weekly: {} };
  const trip = (memberId: number) => ({
    memberId,
    cityId,
    arrivalDate: day,
    departureDate: "2027-03-05",
    seeks: "investors",
    availability,
    visibleUntil: new Date("2027-03-06T00:00:00Z"),
  });
  const [myTrip] = await db.insert(arrivals.trips).values(trip(me)).returning();
  const [friendTrip] = await db.insert(arrivals.trips).values(trip(friend)).returning();
  await db.insert(arrivals.alerts).values({ tripId: friendTrip!.id, memberId: me, score: 1, reasons: [{ name }] });
  await db.insert(arrivals.alerts).values({ tripId: myTrip!.id, memberId: friend, score: 1, reasons: [] });
  await db
    .insert(arrivals.busyTimes)
    .values({ tripId: myTrip!.id, startsAt: at, endsAt: new Date(at.getTime() + 3_600_000) });
  const [sent] = await db
    .insert(arrivals.offers)
    .values({ tripId: friendTrip!.id, senderId: me, kind: "coffee", message: "Coffee?" })
    .returning();
  const [received] = await db
    .insert(arrivals.offers)
    .values({ tripId: myTrip!.id, senderId: friend, kind: "lunch", message: `Lunch, ${name}?` })
    .returning();
  await db.insert(arrivals.offerSlots).values([
    { offerId: sent!.id, startsAt: at, durationMin: 45 },
    { offerId: received!.id, startsAt: at, durationMin: 60 },
  ]);
  await db.insert(arrivals.offerMessages).values([
    { offerId: sent!.id, authorId: me, body: "See you" },
    { offerId: received!.id, authorId: friend, body: "Great" },
  ]);
  const [meeting] = await db
    .insert(arrivals.meetings)
    .values({
      offerId: sent!.id,
      tripId: friendTrip!.id,
      cityId,
      hostId: me,
      guestId: friend,
      kind: "coffee",
      startsAt: at,
      endsAt: new Date(at.getTime() + 2_700_000),
      status: "held",
    })
    .returning();
  await db.insert(arrivals.meetingFeedback).values([
    { meetingId: meeting!.id, memberId: me, useful: true },
    { meetingId: meeting!.id, memberId: friend, useful: true, thanks: "Thanks!" },
  ]);
  await db
    .insert(arrivals.agendas)
    .values({ tripId: friendTrip!.id, version: 1, plan: { items: [{ with: name, what: `Coffee with ${name}` }] } });
  await db.insert(gatherings.gifts).values([
    {
      giverId: me,
      receiverId: friend,
      kind: "meeting",
      occurredOn: day,
      cityId,
      thanks: "Thank you!",
      source: `meeting:${meeting!.id}`,
    },
    {
      giverId: stranger,
      receiverId: me,
      kind: "advice",
      occurredOn: day,
      cityId,
      thanks: "Merci, from me",
      source: null,
    },
  ]);
  await db.insert(people.follows).values([
    { followerId: me, followeeId: friend },
    { followerId: friend, followeeId: me },
  ]);
  await db
    .insert(people.ties)
    .values({ aId: Math.min(me, friend), bId: Math.max(me, friend), firstMetOn: day, lastMetOn: day });
  await db.insert(people.blocks).values([
    { blockerId: me, blockedId: stranger },
    { blockerId: stranger, blockedId: me },
  ]);
  await db.insert(people.memberRoles).values({ memberId: me, role: "organiser", cityId });
  const [feed] = await db
    .insert(people.memberFeeds)
    .values({ memberId: me, url: "https://blog.example.test/feed" })
    .returning();
  await db.insert(people.feedPosts).values({ feedId: feed!.id, guid: "post-1", title: "My post" });
  const event = (hostId: number) => ({
    cityId,
    hostId,
    title: `Drinks by ${hostId}`,
    startsAt: at,
    endsAt: new Date(at.getTime() + 7_200_000),
    capacity: 10,
  });
  const [myEvent] = await db.insert(gatherings.events).values(event(me)).returning();
  const [friendEvent] = await db.insert(gatherings.events).values(event(friend)).returning();
  await db.insert(gatherings.invitations).values([
    { eventId: myEvent!.id, memberId: friend, invitedBy: me },
    { eventId: friendEvent!.id, memberId: me, invitedBy: friend },
  ]);
  await db.insert(gatherings.rsvps).values([
    { eventId: myEvent!.id, memberId: friend, status: "going" },
    { eventId: friendEvent!.id, memberId: me, status: "going" },
  ]);
  const expiresAt = new Date("2027-03-09T00:00:00Z");
  const [connected] = await db
    .insert(gatherings.introductions)
    .values({
      connectorId: me,
      firstId: friend,
      secondId: stranger,
      reason: "Both in fintech",
      status: "accepted",
      firstAnswer: "accepted",
      secondAnswer: "accepted",
      expiresAt,
    })
    .returning();
  const [introduced] = await db
    .insert(gatherings.introductions)
    .values({
      connectorId: friend,
      firstId: me,
      secondId: stranger,
      reason: "Both in climate",
      status: "accepted",
      firstAnswer: "accepted",
      secondAnswer: "accepted",
      expiresAt,
    })
    .returning();
  await db.insert(gatherings.introductionMessages).values([
    { introductionId: connected!.id, authorId: friend, body: "Hello" },
    { introductionId: introduced!.id, authorId: me, body: "Hi there" },
    { introductionId: introduced!.id, authorId: stranger, body: "Hi!" },
  ]);
  await db.insert(system.notifications).values([
    { memberId: me, kind: "offer_received", payload: { offerId: received!.id, tripId: myTrip!.id } },
    { memberId: friend, kind: "offer_received", payload: { offerId: sent!.id, senderName: name } },
  ]);
  const [madeReport] = await db
    .insert(system.reports)
    .values({ reporterId: me, subjectId: stranger, reason: "spam" })
    .returning();
  const [aboutMe] = await db
    .insert(system.reports)
    .values({ reporterId: stranger, subjectId: me, reason: "other", status: "warned", handledBy: friend })
    .returning();
  await db.insert(system.moderationActions).values([
    { reportId: aboutMe!.id, subjectId: me, moderatorId: friend, action: "warn" },
    { reportId: madeReport!.id, subjectId: stranger, moderatorId: me, action: "dismiss" },
  ]);
  await db.insert(system.calendarFeeds).values({ memberId: me, tripId: myTrip!.id, secretHash: `hash-${me}` });
  await db.insert(system.idempotencyKeys).values({ memberId: me, key: "k1", status: 201, body: { ok: true } });
  await db.insert(system.emailOutbox).values([
    {
      memberId: me,
      toAddress: member.email,
      subject: "For you",
      textBody: "Hello",
      messageId: `<me-${me}@t>`,
      kind: "test",
    },
    {
      memberId: friend,
      toAddress: others.friend.email,
      subject: `${name} offered coffee`,
      textBody: `${name} offered you a coffee`,
      htmlBody: `<p>${name} offered</p>`,
      messageId: `<friend-${me}@t>`,
      kind: "test",
    },
  ]);
  await db
    .insert(system.cityReports)
    .values({ cityId, report: { gatekeepers: [{ memberId: me, name }] } })
    .onConflictDoNothing();
  await db
    .insert(auth.verifications)
    .values({ id: `v-${me}`, identifier: `reset-password:${me}`, value: member.member.userId!, expiresAt });
}

/**
 * A stay from Wednesday 6 to Friday 8 March 2030 (in Miami, UTC−5 that week), available 08:00–22:00 every day and
 * visible to all members, written straight to the database; `values` overrides any column.
 */
export async function insertWeekTrip(
  db: AppContext["db"],
  values: { memberId: number; cityId: number } & Partial<typeof arrivals.trips.$inferInsert>,
): Promise<number> {
  const weekly: Record<string, { from: string; to: string }[]> = {};
  for (const day of ["1", "2", "3", "4", "5", "6", "7"]) weekly[day] = [{ from: "08:00", to: "22:00" }];
  const [row] = await db
    .insert(arrivals.trips)
    .values({
      arrivalDate: "2030-03-06",
      departureDate: "2030-03-08",
      seeks: "investors in fintech",
      availability: { weekly },
      audience: "members",
      visibleUntil: new Date("2030-03-09T05:00:00Z"),
      ...values,
    })
    .returning({ id: arrivals.trips.id });
  if (!row) throw new Error("insert returned no trip");
  return row.id;
}

/**
 * Posts an offer with one slot at Panther Coffee as `client` (a local), expects it created and returns its id: the
 * offer the agenda suites add to a trip again and again.
 */
export async function postOffer(
  client: Client,
  tripId: number,
  slot: { startsAt: string; kind?: string; durationMinutes?: number },
): Promise<number> {
  const response = await client.post(`/api/trips/${tripId}/offers`, {
    kind: slot.kind ?? "coffee",
    message: "Happy to meet",
    slots: [{ startsAt: slot.startsAt, durationMinutes: slot.durationMinutes ?? 45 }],
    venue: { name: "Panther Coffee", address: "2390 NW 2nd Ave", lat: 25.8, lon: -80.19 },
  });
  if (response.status !== 201)
    throw new Error(`offer to trip ${tripId} refused: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { id: number }).id;
}
