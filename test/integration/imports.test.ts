/**
 * Bring your network (#9.2): LinkedIn, Mastodon and vCard files matched to members by profile link, handle or email
 * hash; the importer reviews the matches before follows are created; unmatched entries are neither stored nor
 * contacted; malformed or oversized files change nothing. Through the API and the command line.
 */
import { eq } from "drizzle-orm";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { parseNetworkFile } from "../../src/app/imports/parse-network-file";
import { importNetworkCommand } from "../../src/cli/commands/import-network";
import { blocks, follows, members } from "../../src/db/schema/people";
import { describeOnDatabases, type TestDatabase } from "../support/databases";
import { createMember } from "../support/factories";
import { Client, createTestApp } from "../support/test-app";

const fixtures = join(import.meta.dirname, "..", "fixtures", "imports");
const eqMember = (id: number) => eq(members.id, id);
const fixture = (name: string) => readFileSync(join(fixtures, name), "utf8");

describe("reading network files", () => {
  it("reads LinkedIn (after its Notes lines), Mastodon and vCard 3.0 and 4.0 into links and emails", () => {
    const linkedin = parseNetworkFile(fixture("linkedin-connections.csv"));
    expect(linkedin.format).toBe("linkedin");
    expect(linkedin.entries[0]).toEqual({ name: "Ana Lopez", links: ["linkedin.com/in/ana-lopez"], emails: [] });
    expect(linkedin.entries[1]).toEqual({
      name: "Bruno Martin",
      links: ["linkedin.com/in/bruno-martin-1a2b3c"],
      emails: ["bruno@example.test"],
    });
    expect(linkedin.entries).toHaveLength(5);

    const mastodon = parseNetworkFile(fixture("mastodon-following.csv"));
    expect(mastodon.format).toBe("mastodon");
    expect(mastodon.entries.map((entry) => entry.links)).toEqual([
      ["mastodon.social/@chloe"],
      ["hachyderm.io/@ana"],
      ["fosstodon.org/@someone"],
    ]);

    const v3 = parseNetworkFile(fixture("contacts-v3.vcf"));
    expect(v3.format).toBe("vcard");
    expect(v3.entries).toEqual([
      { name: "Bruno Martin", links: [], emails: ["bruno@example.test"] },
      { name: "Nina Nobody", links: ["nina.example"], emails: ["nina@nowhere.test"] },
    ]);
    const v4 = parseNetworkFile(fixture("contacts-v4.vcf"));
    expect(v4.entries).toEqual([
      { name: "Chloé Durand", links: ["mastodon.social/@chloe", "linkedin.com/in/ana-lopez"], emails: [] },
    ]);
  });
});

describeOnDatabases("bringing your network", (database: () => TestDatabase) => {
  let harness: ReturnType<typeof createTestApp>;
  beforeEach(async () => {
    await database().reset();
    harness = createTestApp(database().handle);
  });
  afterEach(() => vi.restoreAllMocks());

  /** The members the fixtures name, and one importer. */
  async function plant() {
    const importer = await createMember(harness, { name: "Importer", email: "importer@example.test" });
    const ana = await createMember(harness, {
      name: "Ana Lopez",
      headline: "Food founder",
      links: [
        { label: "LinkedIn", url: "https://linkedin.com/in/Ana-Lopez/" },
        { label: "Mastodon", url: "https://hachyderm.io/@ana" },
      ],
    });
    const bruno = await createMember(harness, { name: "Bruno Martin", email: "bruno@example.test" });
    const chloe = await createMember(harness, {
      name: "Chloé Durand",
      links: [{ label: "Fediverse", url: "https://mastodon.social/@chloe?ref=x" }],
    });
    const dan = await createMember(harness, {
      name: "Dan Blocked",
      links: [{ label: "LinkedIn", url: "https://www.linkedin.com/in/dan-blocked" }],
    });
    await harness.context.db.insert(blocks).values({ blockerId: dan.member.id, blockedId: importer.member.id });
    await createMember(harness, {
      name: "Eve Suspended",
      links: [{ label: "LinkedIn", url: "https://www.linkedin.com/in/eve-suspended" }],
      suspendedAt: new Date(),
    });
    return { importer, ana, bruno, chloe, dan };
  }

  async function tableCounts() {
    const result = await harness.context.executeSql(
      `select (select count(*) from follows)::int as follows, (select count(*) from members)::int as members,
              (select count(*) from users)::int as users, (select count(*) from email_outbox)::int as outbox`,
    );
    return result.rows[0];
  }

  it("matches each format by link, handle or email hash, reviews, then follows only the chosen", async () => {
    const { importer, ana, bruno, chloe } = await plant();
    const before = await tableCounts();

    const linkedin = await importer.client.post("/api/me/imports", {
      fileName: "Connections.csv",
      content: fixture("linkedin-connections.csv"),
    });
    expect(linkedin.status).toBe(200);
    const review = await linkedin.json();
    expect(review).toMatchObject({ format: "linkedin", entries: 5 });
    expect(review.matches).toEqual([
      {
        memberId: ana.member.id,
        name: "Ana Lopez",
        headline: "Food founder",
        entryName: "Ana Lopez",
        matchedBy: ["link"],
        alreadyFollowing: false,
      },
      {
        memberId: bruno.member.id,
        name: "Bruno Martin",
        headline: "",
        entryName: "Bruno Martin",
        matchedBy: ["email"],
        alreadyFollowing: false,
      },
    ]);
    // Reviewing creates nothing, stores nothing of the file, contacts nobody.
    expect(await tableCounts()).toEqual(before);

    const mastodon = await (
      await importer.client.post("/api/me/imports", { content: fixture("mastodon-following.csv") })
    ).json();
    expect(mastodon.matches.map((match: { memberId: number }) => match.memberId).sort()).toEqual(
      [ana.member.id, chloe.member.id].sort(),
    );
    const v4 = await (
      await importer.client.post("/api/me/imports", { format: "vcard", content: fixture("contacts-v4.vcf") })
    ).json();
    expect(v4.matches.map((match: { name: string }) => match.name)).toEqual(["Ana Lopez", "Chloé Durand"]);
    const v3 = await (await importer.client.post("/api/me/imports", { content: fixture("contacts-v3.vcf") })).json();
    expect(v3.matches).toEqual([expect.objectContaining({ memberId: bruno.member.id, matchedBy: ["email"] })]);

    // The member keeps Ana and Chloé; Bruno stays unchecked.
    const followed = await importer.client.post("/api/me/follows", { memberIds: [ana.member.id, chloe.member.id] });
    expect(await followed.json()).toEqual({ followed: 2, skipped: 0 });
    const rows = await harness.context.db.select().from(follows);
    expect(rows.map((row) => row.followeeId).sort()).toEqual([ana.member.id, chloe.member.id].sort());
    expect(rows.every((row) => row.followerId === importer.member.id)).toBe(true);

    const again = await (
      await importer.client.post("/api/me/imports", { content: fixture("linkedin-connections.csv") })
    ).json();
    expect(again.matches[0]).toMatchObject({ memberId: ana.member.id, alreadyFollowing: true });

    // Emails never reach the database in clear: nothing stored holds the file's addresses.
    const dump = JSON.stringify((await harness.context.executeSql("select * from follows")).rows);
    expect(dump).not.toMatch(/nowhere\.test|zoe|nina/i);
  });

  it("never returns blocked, suspended or the importer themself, and cannot follow them through the follow call", async () => {
    const { importer, dan } = await plant();
    await harness.context.db
      .update(members)
      .set({ links: [{ label: "Me", url: "https://www.linkedin.com/in/zoe-nobody" }] })
      .where(eqMember(importer.member.id));
    const review = await (
      await importer.client.post("/api/me/imports", { content: fixture("linkedin-connections.csv") })
    ).json();
    const names = review.matches.map((match: { name: string }) => match.name);
    expect(names).not.toContain("Dan Blocked");
    expect(names).not.toContain("Eve Suspended");
    expect(names).not.toContain("Importer");

    const forced = await importer.client.post("/api/me/follows", {
      memberIds: [dan.member.id, importer.member.id, 999_999],
    });
    expect(await forced.json()).toEqual({ followed: 0, skipped: 3 });
    expect(await harness.context.db.select().from(follows)).toHaveLength(0);
  });

  it("refuses malformed, unknown and oversized files with a clear error naming the content, changing nothing", async () => {
    const { importer } = await plant();
    const before = await tableCounts();
    for (const [name, message] of [
      ["linkedin-no-url-column.csv", /neither a URL nor an Email Address/],
      ["mastodon-bad-handle.csv", /not an account address/],
      ["mastodon-unclosed-quote.csv", /malformed CSV/],
      ["broken.vcf", /ends inside a card/],
      ["not-contacts.txt", /not a file we can read/],
    ] as const) {
      const response = await importer.client.post("/api/me/imports", { content: fixture(name), fileName: name });
      expect(response.status, name).toBe(400);
      const { error } = await response.json();
      expect(error, name).toMatchObject({ code: "validation_failed", field: "content" });
      expect(error.message, name).toMatch(message);
    }
    const big = `Account address,Show boosts\n${"someone@mastodon.social,true\n".repeat(200_000)}`;
    const tooBig = await importer.client.post("/api/me/imports", { content: big });
    expect(tooBig.status).toBe(413);
    expect((await tooBig.json()).error).toMatchObject({ code: "payload_too_large", field: "content" });
    const many = `Account address,Show boosts\n${Array.from({ length: 20_001 }, (_, i) => `u${i}@mastodon.social,true`).join("\n")}`;
    expect((await importer.client.post("/api/me/imports", { content: many })).status).toBe(413);
    const huge = await importer.client.post("/api/me/imports", { content: "x".repeat(8 * 1024 * 1024) });
    expect(huge.status).toBe(413);
    expect((await importer.client.post("/api/me/imports", { content: "", format: "vcard" })).status).toBe(400);
    expect((await importer.client.post("/api/me/imports", { content: "x", format: "csv" })).status).toBe(400);
    expect((await importer.client.post("/api/me/follows", { memberIds: [] })).status).toBe(400);
    expect((await new Client(harness.app).post("/api/me/imports", { content: "x" })).status).toBe(401);
    expect(await tableCounts()).toEqual(before);
  });

  it("imports from the command line: lists the matches for review, follows only with --follow", async () => {
    const { ana, bruno } = await plant();
    const printed: string[] = [];
    vi.spyOn(console, "log").mockImplementation((line: string) => printed.push(line));
    const errors: string[] = [];
    vi.spyOn(console, "error").mockImplementation((line: string) => errors.push(line));
    const file = join(fixtures, "linkedin-connections.csv");

    expect(await importNetworkCommand(harness.context, file, { member: "importer@example.test" })).toBe(0);
    expect(printed.join("\n")).toMatch(/5 entries, 2 members found/);
    expect(printed.join("\n")).toMatch(/run again with --follow/);
    expect(await harness.context.db.select().from(follows)).toHaveLength(0);

    expect(
      await importNetworkCommand(harness.context, file, {
        member: "importer@example.test",
        follow: true,
        only: String(bruno.member.id),
      }),
    ).toBe(0);
    const rows = await harness.context.db.select().from(follows);
    expect(rows.map((row) => row.followeeId)).toEqual([bruno.member.id]);
    expect(rows.map((row) => row.followeeId)).not.toContain(ana.member.id);

    expect(
      await importNetworkCommand(harness.context, join(fixtures, "broken.vcf"), { member: "importer@example.test" }),
    ).toBe(1);
    expect(errors.join("\n")).toMatch(/ends inside a card.*; nothing was imported/);
    expect(await importNetworkCommand(harness.context, file, { member: "importer@example.test", format: "xml" })).toBe(
      2,
    );
  });
});
