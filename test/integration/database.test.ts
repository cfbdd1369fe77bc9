import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { createDb } from "../../src/db/create-db";
import { DataDirLockedError } from "../../src/db/data-dir-lock";
import { cities, follows, members, ties } from "../../src/db/schema/people";
import { describeOnDatabases } from "../support/databases";

describeOnDatabases("schema and constraints", (database) => {
  beforeEach(() => database().reset());

  it("round-trips a city and its members", async () => {
    const { db } = database().handle;
    const [miami] = await db
      .insert(cities)
      .values({ slug: "miami", name: "Miami", country: "US", timeZone: "America/New_York" })
      .returning();
    expect(miami?.id).toBeTypeOf("number");
    await db.insert(members).values([
      { name: "Ana Pérez", homeCityId: miami!.id, sectors: ["fintech"], languages: ["en", "es"] },
      { name: "Pierre Martin", sectors: ["social internet"], careerStage: "experienced_founder" },
    ]);
    const rows = await db.select().from(members).where(eq(members.homeCityId, miami!.id));
    expect(rows.map((row) => [row.name, row.sectors, row.languages])).toEqual([
      ["Ana Pérez", ["fintech"], ["en", "es"]],
    ]);
  });

  it("refuses bad data in the database itself", async () => {
    const { db } = database().handle;
    const [a, b] = await db
      .insert(members)
      .values([{ name: "A" }, { name: "B" }])
      .returning();
    await expect(db.insert(follows).values({ followerId: a!.id, followeeId: a!.id })).rejects.toThrow();
    await expect(
      db.insert(ties).values({ aId: b!.id, bId: a!.id, firstMetOn: "2026-01-01", lastMetOn: "2026-01-02" }),
    ).rejects.toThrow();
    await expect(db.insert(members).values({ name: "C", careerStage: "baron" })).rejects.toThrow();
    await expect(
      db.insert(cities).values({ slug: "Bad Slug!", name: "X", country: "FR", timeZone: "Europe/Paris" }),
    ).rejects.toThrow();
    const [{ count } = { count: -1 }] = await db.select({ count: sql<number>`count(*)::int` }).from(members);
    expect(count).toBe(2);
  });

  it("searches names by trigram and text in French and English", async () => {
    const { db } = database().handle;
    await db.insert(members).values([
      { name: "Amélie Dubois", headline: "Investisseuse en aéronautique" },
      { name: "John Smith", headline: "Investor in fintech startups" },
    ]);
    const byName = await db
      .select({ name: members.name })
      .from(members)
      .where(sql`${members.name} % 'Amelie Dubio'`);
    expect(byName.map((row) => row.name)).toEqual(["Amélie Dubois"]);
    const french = await db
      .select({ name: members.name })
      .from(members)
      .where(
        sql`to_tsvector('french'::regconfig, ${members.name} || ' ' || ${members.headline} || ' ' || ${members.bio} || ' ' || ${members.gives} || ' ' || ${members.seeks}) @@ plainto_tsquery('french', 'aéronautiques')`,
      );
    expect(french.map((row) => row.name)).toEqual(["Amélie Dubois"]);
    const english = await db
      .select({ name: members.name })
      .from(members)
      .where(
        sql`to_tsvector('english'::regconfig, ${members.name} || ' ' || ${members.headline} || ' ' || ${members.bio} || ' ' || ${members.gives} || ' ' || ${members.seeks}) @@ plainto_tsquery('english', 'investors')`,
      );
    expect(english.map((row) => row.name)).toEqual(["John Smith"]);
  });
});

describe("PGlite data directory lock", () => {
  it("refuses a second process while the first holds the directory, and frees it on close", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "givefirst-lock-"));
    try {
      const first = await createDb({ engine: "pglite", dataDir });
      const script = `import { createDb } from "./src/db/create-db.ts";
        try { await createDb({ engine: "pglite", dataDir: ${JSON.stringify(dataDir)} }); console.log("OPENED"); }
        catch (error) { console.log(error.name + ": " + error.message); }`;
      const second = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
        encoding: "utf8",
      });
      expect(second.stdout).toContain("DataDirLockedError");
      expect(second.stdout).toContain(String(process.pid));
      expect(second.stdout).not.toContain("OPENED");
      // In this process too.
      await expect(createDb({ engine: "pglite", dataDir })).rejects.toBeInstanceOf(DataDirLockedError);
      await first.close();
      const again = await createDb({ engine: "pglite", dataDir });
      await again.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
