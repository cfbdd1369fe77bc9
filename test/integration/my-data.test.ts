/**
 * Export and erasure of my data. A member is linked to (nearly) every table; the export holds it all without
 * secrets; erasure leaves 0 rows that carry the member's id, user id, email or name, in any table of the schema
 * (found from the catalog, so that a new table is scanned too), except what docs/your-data.md says is kept.
 */
import { eq } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import type { DatabaseHandle } from "../../src/db/create-db";
import { formerMemberName } from "../../src/db/repositories/my-data.repository";
import { gifts, introductions } from "../../src/db/schema/gatherings";
import { members } from "../../src/db/schema/people";
import { describeOnDatabases } from "../support/databases";
import {
  createCity,
  createMember,
  createMemberWithPassword,
  linkToEverything,
  testPassword,
  type TestMember,
} from "../support/factories";
import { Client, createTestApp } from "../support/test-app";

/** Rows of any table, outside `kept`, that hold the member's id (in a column referencing members) or a needle text. */
async function scanFor(
  handle: DatabaseHandle,
  memberId: number,
  needles: string[],
): Promise<{ where: string; count: number }[]> {
  const found: { where: string; count: number }[] = [];
  const references = await handle.executeSql(
    `SELECT c.conrelid::regclass::text AS table_name, a.attname AS column_name
       FROM pg_constraint c
       JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
      WHERE c.contype = 'f' AND c.confrelid = 'public.members'::regclass`,
  );
  const idColumns = [
    ...references.rows.map((row) => [String(row.table_name), String(row.column_name)]),
    ["members", "id"],
  ];
  for (const [table, column] of idColumns) {
    const { rows } = await handle.executeSql(`SELECT count(*)::int AS n FROM "${table}" WHERE "${column}" = $1`, [
      memberId,
    ]);
    const count = Number(rows[0]?.n ?? 0);
    if (count > 0) found.push({ where: `${table}.${column} = ${memberId}`, count });
  }
  const textColumns = await handle.executeSql(
    `SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'jsonb', 'json', 'ARRAY')`,
  );
  for (const row of textColumns.rows) {
    const table = String(row.table_name);
    const column = String(row.column_name);
    for (const needle of needles) {
      const { rows } = await handle.executeSql(
        `SELECT count(*)::int AS n FROM "${table}" WHERE strpos(lower("${column}"::text), lower($1)) > 0`,
        [needle],
      );
      const count = Number(rows[0]?.n ?? 0);
      if (count > 0) found.push({ where: `${table}.${column} contains ${JSON.stringify(needle)}`, count });
    }
  }
  return found;
}

describeOnDatabases("my data: export and erasure", (database) => {
  let harness: ReturnType<typeof createTestApp>;
  let cityId: number;
  let me: TestMember;
  let friend: TestMember;
  let stranger: TestMember;

  beforeEach(async () => {
    await database().reset();
    harness = createTestApp(database().handle);
    cityId = (await createCity(harness.context)).id;
    me = await createMemberWithPassword(harness, {
      name: "Zéphyrine Quellebrook-Erasable",
      homeCityId: cityId,
      email: "zephyrine.erasable@example.test",
    });
    friend = await createMember(harness, { name: "Frida Friend", homeCityId: cityId });
    stranger = await createMember(harness, { name: "Sam Stranger", homeCityId: cityId });
    await linkToEverything(harness, me, { friend, stranger, cityId });
  });

  it("exports everything linked to me as one JSON, without secrets or other people's private facts", async () => {
    const response = await me.client.get("/api/me/export");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(/attachment; filename="givefirst-my-data-/);
    const data = (await response.json()) as {
      account: { email: string };
      profile: { name: string };
      linked: Record<string, Record<string, unknown>[]>;
      offersReceived: unknown[];
      offerThreadMessages: unknown[];
      introductionThreadMessages: unknown[];
    };
    expect(data.account.email).toBe(me.email);
    expect(data.profile.name).toBe(me.member.name);
    for (const link of [
      "trips.member_id",
      "offers.sender_id",
      "offer_messages.author_id",
      "meetings.host_id",
      "meeting_feedback.member_id",
      "gifts.giver_id",
      "gifts.receiver_id",
      "follows.follower_id",
      "follows.followee_id",
      "ties.a_id",
      "blocks.blocker_id",
      "events.host_id",
      "rsvps.member_id",
      "invitations.member_id",
      "introductions.connector_id",
      "introductions.first_id",
      "notifications.member_id",
      "reports.reporter_id",
      "calendar_feeds.member_id",
      "member_feeds.member_id",
      "alerts.member_id",
    ]) {
      expect(data.linked[link]?.length, link).toBeGreaterThan(0);
    }
    expect(data.offersReceived).toHaveLength(1);
    expect(data.offerThreadMessages).toHaveLength(2);
    expect(data.introductionThreadMessages).toHaveLength(2);
    // Not exported: the calendar feed's secret, who blocked me, reports about me, the moderator who handled them.
    expect(data.linked["calendar_feeds.member_id"]![0]).not.toHaveProperty("secretHash");
    expect(data.linked["blocks.blocked_id"]).toBeUndefined();
    expect(data.linked["reports.subject_id"]).toBeUndefined();
    expect(data.linked["moderation_actions.subject_id"]![0]).not.toHaveProperty("moderatorId");
    expect(data.linked["introductions.first_id"]![0]).not.toHaveProperty("secondAnswer");
    const text = JSON.stringify(data);
    expect(text).not.toContain(`hash-${me.member.id}`);
    expect(text).not.toMatch(/"password"|scrypt|"token"/i);

    expect((await friend.client.get("/api/me/export")).status).toBe(200);
    const friendText = JSON.stringify(await (await friend.client.get("/api/me/export")).json());
    expect(friendText).not.toContain(me.email);
  });

  it("asks for the password or a fresh session before erasing", async () => {
    const wrong = await me.client.request("DELETE", "/api/me", { password: "not my password at all" });
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as { error: { field: string } }).error.field).toBe("password");
    // A session older than 10 minutes without the password is refused.
    harness.context.now = () => new Date(Date.now() + 11 * 60_000);
    const stale = await me.client.request("DELETE", "/api/me", {});
    expect(stale.status).toBe(403);
    expect(await database().handle.db.select().from(members).where(eq(members.id, me.member.id))).toHaveLength(1);
    expect((await new Client(harness.app).request("DELETE", "/api/me", {})).status).toBe(401);
  });

  it("erases: 0 rows carry my id, user id, email or name; what the others keep points at a blank placeholder", async () => {
    const handle = database().handle;
    const needles = [me.member.userId!, me.email, me.member.name];
    const before = await scanFor(handle, me.member.id, needles);
    // The scan finds the planted rows before erasure (so that it can fail).
    expect(before.length).toBeGreaterThan(30);
    const friendGiving = async () =>
      ((await (await friend.client.get(`/api/members/${friend.member.id}/giving`)).json()) as { received: number })
        .received;
    const receivedBefore = await friendGiving();

    // A failed sign-in leaves a counter keyed by the address.
    const failed = await new Client(harness.app).post("/api/auth/sign-in/email", {
      email: me.email,
      password: "not the password at all",
    });
    expect(failed.status).toBe(401);
    expect((await scanFor(handle, me.member.id, [me.email])).map((found) => found.where)).toContain(
      `rate_limits.key contains ${JSON.stringify(me.email)}`,
    );

    const erased = await me.client.request("DELETE", "/api/me", { password: testPassword });
    expect(erased.status).toBe(204);

    expect(await scanFor(handle, me.member.id, needles)).toEqual([]);
    // Kept (docs/your-data.md): gifts counted for the other party, and the introduction I made for two others,
    // both now pointing at a placeholder without account, city or profile.
    const kept = await handle.db.select().from(gifts);
    expect(kept).toHaveLength(2);
    const placeholderId = kept[0]!.giverId === friend.member.id ? kept[0]!.receiverId : kept[0]!.giverId;
    const [placeholder] = await handle.db.select().from(members).where(eq(members.id, placeholderId));
    expect(placeholder).toMatchObject({
      name: formerMemberName,
      userId: null,
      homeCityId: null,
      headline: "",
      bio: "",
    });
    expect(placeholder!.suspendedAt).toBeInstanceOf(Date);
    // The thanks I wrote as a receiver are mine and go; the thanks the friend wrote me stay theirs.
    expect(kept.filter((gift) => gift.receiverId === placeholderId).map((gift) => gift.thanks)).toEqual([null]);
    expect(kept.find((gift) => gift.receiverId === friend.member.id)?.thanks).toBe("Thank you!");
    const [introduction] = await handle.db
      .select()
      .from(introductions)
      .where(eq(introductions.firstId, friend.member.id));
    expect(introduction?.connectorId).toBe(placeholderId);
    expect(await friendGiving()).toBe(receivedBefore);

    // Signed out, and the account is gone.
    expect((await me.client.get("/api/me")).status).toBe(401);
    const signIn = await new Client(harness.app).post("/api/auth/sign-in/email", {
      email: me.email,
      password: testPassword,
    });
    expect(signIn.status).toBe(401);
    // The others still work.
    expect((await friend.client.get("/api/me/export")).status).toBe(200);
  });
});
