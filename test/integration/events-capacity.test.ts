/**
 * The capacity guard under real concurrency: PostgreSQL with a pool of 12 connections (PGlite has one connection and
 * cannot show a race). 50 members ask at once for the last 5 seats: exactly 5 get one, the rest wait in order.
 */
import { createHmac, randomUUID } from "node:crypto";
import { and, asc, eq, sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { insertMember } from "../../src/db/repositories/members.repository";
import { sessions, users } from "../../src/db/schema/auth";
import { events, rsvps } from "../../src/db/schema/gatherings";
import { openTestDatabase, type TestDatabase } from "../support/databases";
import { createCity, createMember } from "../support/factories";
import { Client, createTestApp, testSecret } from "../support/test-app";

type Harness = ReturnType<typeof createTestApp>;

/** Signed-in members without a password check each: a session row and its signed cookie, as better-auth writes them. */
async function signedInMembers(harness: Harness, count: number): Promise<{ memberId: number; client: Client }[]> {
  const db = harness.context.db;
  const people = Array.from({ length: count }, (_, index) => ({ userId: randomUUID(), name: `Guest ${index + 1}` }));
  await db
    .insert(users)
    .values(
      people.map((p) => ({ id: p.userId, name: p.name, email: `${p.userId}@example.test`, emailVerified: true })),
    );
  const result: { memberId: number; client: Client }[] = [];
  for (const person of people) {
    const member = await insertMember(db, { name: person.name, userId: person.userId });
    const token = randomUUID().replaceAll("-", "");
    await db
      .insert(sessions)
      .values({ id: randomUUID(), token, userId: person.userId, expiresAt: new Date(Date.now() + 86_400_000) });
    const signature = createHmac("sha256", testSecret).update(token).digest("base64");
    const client = new Client(harness.app);
    (client as unknown as { cookies: Map<string, string> }).cookies.set(
      "givefirst.session_token",
      encodeURIComponent(`${token}.${signature}`),
    );
    result.push({ memberId: member.id, client });
  }
  return result;
}

/** A naive RSVP, test-only: reads the number going, then writes, with nothing tying the two together. */
async function naiveRsvp(pool: pg.Pool, eventId: number, memberId: number): Promise<string> {
  const { rows } = await pool.query<{ going: number; capacity: number }>(
    `select (select count(*)::int from rsvps where event_id = $1 and status = 'going') as going, capacity from events where id = $1`,
    [eventId],
  );
  const status = rows[0]!.going < rows[0]!.capacity ? "going" : "waitlisted";
  await pool.query(
    `insert into rsvps (event_id, member_id, status, requested_at) values ($1, $2, $3, clock_timestamp())`,
    [eventId, memberId, status],
  );
  return status;
}

describe.runIf(process.env.TEST_DATABASE_URL)("event capacity under concurrent RSVPs [postgres]", () => {
  let current: (TestDatabase & { drop(): Promise<void> }) | undefined;
  const database = () => current!;
  beforeAll(async () => {
    current = await openTestDatabase("postgres");
  });
  afterAll(async () => {
    await current?.drop();
  });
  let harness: Harness;
  beforeEach(async () => {
    await database().reset();
    harness = createTestApp(database().handle);
  });

  async function eventWithFiveSeatsLeft() {
    const city = await createCity(harness.context);
    const host = await createMember(harness, { name: "Host", homeCityId: city.id });
    const created = await host.client.post("/api/events", {
      cityId: city.id,
      title: "Founders' evening",
      startsAt: "2027-05-04T18:00:00-04:00",
      endsAt: "2027-05-04T21:00:00-04:00",
      capacity: 10,
    });
    const event = (await created.json()) as { id: number };
    const early = await signedInMembers(harness, 5);
    for (const member of early) await member.client.post(`/api/events/${event.id}/rsvp`, { status: "going" });
    return { eventId: event.id, early };
  }

  it("50 concurrent RSVPs for the last 5 seats: exactly 5 seats taken, 45 wait-listed in order, promotions in order", async () => {
    const { eventId, early } = await eventWithFiveSeatsLeft();
    const crowd = await signedInMembers(harness, 50);
    const answers = await Promise.all(
      crowd.map(async (member) => {
        const response = await member.client.post(`/api/events/${eventId}/rsvp`, { status: "going" });
        expect(response.status).toBe(200);
        return {
          memberId: member.memberId,
          ...((await response.json()) as { status: string; waitlistPosition: number | null }),
        };
      }),
    );
    expect(answers.filter((answer) => answer.status === "going")).toHaveLength(5);
    expect(answers.filter((answer) => answer.status === "waitlisted")).toHaveLength(45);
    const db = database().handle.db;
    const [row] = await db.select().from(events).where(eq(events.id, eventId));
    expect(row).toMatchObject({ seatsTaken: 10, capacity: 10 });
    const [{ going } = { going: -1 }] = await db
      .select({ going: sql<number>`count(*)::int` })
      .from(rsvps)
      .where(and(eq(rsvps.eventId, eventId), eq(rsvps.status, "going")));
    expect(going).toBe(10);

    // The waitlist is ordered by request time, and each member's own position agrees with it.
    const waitlist = await db
      .select({ memberId: rsvps.memberId })
      .from(rsvps)
      .where(and(eq(rsvps.eventId, eventId), eq(rsvps.status, "waitlisted")))
      .orderBy(asc(rsvps.requestedAt), asc(rsvps.memberId));
    const positions = await Promise.all(
      waitlist.map(async ({ memberId }) => {
        const member = crowd.find((candidate) => candidate.memberId === memberId)!;
        return ((await (await member.client.get(`/api/events/${eventId}`)).json()) as { waitlistPosition: number })
          .waitlistPosition;
      }),
    );
    expect(positions).toEqual(Array.from({ length: 45 }, (_, index) => index + 1));

    // Three seats free up, concurrently: the first three on the waitlist get them, nobody else.
    await Promise.all(
      early.slice(0, 3).map((member) => member.client.post(`/api/events/${eventId}/rsvp`, { status: "not_going" })),
    );
    const nowGoing = await db
      .select({ memberId: rsvps.memberId })
      .from(rsvps)
      .where(and(eq(rsvps.eventId, eventId), eq(rsvps.status, "going")));
    const promoted = nowGoing.map((r) => r.memberId).filter((id) => waitlist.some((w) => w.memberId === id));
    expect(promoted.sort((a, b) => a - b)).toEqual(
      waitlist
        .slice(0, 3)
        .map((w) => w.memberId)
        .sort((a, b) => a - b),
    );
    const [after] = await db.select().from(events).where(eq(events.id, eventId));
    expect(after?.seatsTaken).toBe(10);
  });

  it("the guard matters: a naive read-then-write RSVP overbooks the same race", async () => {
    const { eventId } = await eventWithFiveSeatsLeft();
    const crowd = await signedInMembers(harness, 50);
    const pool = new pg.Pool({ connectionString: database().url!, max: 12 });
    try {
      const statuses = await Promise.all(crowd.map((member) => naiveRsvp(pool, eventId, member.memberId)));
      const { rows } = await pool.query<{ going: number }>(
        `select count(*)::int as going from rsvps where event_id = $1 and status = 'going'`,
        [eventId],
      );
      expect(statuses.filter((status) => status === "going").length).toBeGreaterThan(5);
      expect(rows[0]!.going).toBeGreaterThan(10);
    } finally {
      await pool.end();
    }
  });
});
