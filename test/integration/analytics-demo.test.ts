import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildCityNetworkInput } from "../../src/app/analytics/build-city-network-input";
import { runCityReportJob } from "../../src/app/analytics/run-city-report-job";
import { seedDemoWorld } from "../../src/app/demo/seed-demo-world";
import { loadCityNetworkRows } from "../../src/db/repositories/analytics.repository";
import { findCityBySlug } from "../../src/db/repositories/cities.repository";
import { buildCityReport } from "../../src/domain/network/city-report";
import { prepareCity } from "../../src/domain/network/city-input";
import { rewireDegreePreserving } from "../../src/domain/network/rewire";
import { createRng } from "../../src/domain/random";
import { describeOnDatabases, engines } from "../support/databases";
import { Client, createTestApp } from "../support/test-app";

/**
 * The demo world at 800 members per city (about 30,000 rows, a seed of seconds rather than a minute) keeps the
 * contrast of the full 2,000: measured on the app's data, Miami 81.7 / 82.7 / 82.9 and Toulouse 55.6 / 52.2 / 52.5
 * at 500 / 1,000 / 2,000 members.
 */
const membersPerCity = 800;
/** The report's own budgets but two randomizations and no trend: the contrast does not depend on them. */
const budget = { report: { seed: 1, randomizations: 2 }, trendQuarters: 0 };
const root = join(import.meta.dirname, "..", "..");

/** Runs the CLI as a user would; resolves with its exit code and output. */
function runCli(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [join(root, "node_modules", "tsx", "dist", "cli.mjs"), "src/cli/main.ts", ...args],
      {
        cwd: root,
        env: {
          ...process.env,
          BASE_URL: "http://localhost:3000",
          LOG_LEVEL: "warn",
          AUTH_SECRET: "cli-test-secret-cli-test-secret-0123456789",
          ...env,
        },
      },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

describeOnDatabases("openness analytics on the demo world", (database) => {
  let harness: ReturnType<typeof createTestApp>;
  const cityIds: Record<string, number> = {};
  const dataDirs: string[] = [];

  beforeAll(async () => {
    await database().reset();
    harness = createTestApp(database().handle);
    await seedDemoWorld(harness.context, { membersPerCity });
    for (const slug of ["miami", "toulouse"]) cityIds[slug] = (await findCityBySlug(harness.context.db, slug))?.id ?? 0;
  }, 240_000);
  afterAll(() => {
    for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
  });

  it("Miami's openness index is at least 20 points above Toulouse's", async () => {
    for (const slug of ["miami", "toulouse"])
      expect(await runCityReportJob(harness.context, { cityId: cityIds[slug] }, budget)).not.toBe("unknown-city");
    const anonymous = new Client(harness.app);
    const index = async (slug: string): Promise<number> => {
      const response = await anonymous.get(`/api/cities/${slug}/report`);
      expect(response.status).toBe(200);
      const body = await response.json();
      expect(body.counts.members).toBe(membersPerCity);
      expect(body.gatekeepers).toBeNull();
      return body.openness.index;
    };
    const miami = await index("miami");
    const toulouse = await index("toulouse");
    expect(miami - toulouse).toBeGreaterThanOrEqual(20);
  }, 120_000);

  it("a degree-preserving rewiring of Toulouse raises its index", async () => {
    const rows = await loadCityNetworkRows(harness.context.db, cityIds.toulouse ?? 0);
    const { input } = buildCityNetworkInput(rows, harness.context.now());
    // Both sides without first-met dates: a rewired tie has none, so newcomer integration is left out of both.
    const undated = { ...input, ties: { a: input.ties.a, b: input.ties.b } };
    const rewired = rewireDegreePreserving(prepareCity(undated).ties, createRng(7));
    const a: number[] = [];
    const b: number[] = [];
    for (let x = 0; x < rewired.nodeCount; x++)
      for (let p = rewired.offsets[x] as number; p < (rewired.offsets[x + 1] as number); p++)
        if (x < (rewired.targets[p] as number)) {
          a.push(x);
          b.push(rewired.targets[p] as number);
        }
    expect(a.length).toBe(input.ties.a.length);
    const options = { ...budget.report, pivots: 128 };
    const before = buildCityReport(undated, options).openness.index ?? 0;
    const after = buildCityReport({ ...undated, ties: { a, b } }, options).openness.index ?? 0;
    expect(after).toBeGreaterThan(before + 10);
  }, 120_000);

  // The CLI runs once: on PostgreSQL when the suite has it, else on a PGlite data directory copied from this database.
  const cliEngine = engines().includes("postgres") ? "postgres" : "pglite";
  it("analyze --city toulouse --json prints one JSON object with the openness index", async () => {
    const { handle, url } = database();
    if (handle.engine !== cliEngine) return;
    let env: Record<string, string>;
    if (url) env = { DATABASE_URL: url, DEMO: "false" };
    else {
      const parent = mkdtempSync(join(tmpdir(), "givefirst-analyze-"));
      dataDirs.push(parent);
      // PGlite loads a dump only into a directory that does not exist yet (createDb's lock file would create it); the app's is DATA_DIR/pglite.
      const copy = await PGlite.create(join(parent, "pglite"), {
        extensions: { pg_trgm },
        loadDataDir: await (handle.dump as () => Promise<Blob>)(),
      });
      await copy.close();
      env = { DATA_DIR: parent, DEMO: "false" };
    }
    const result = await runCli(["analyze", "--city", "toulouse", "--json"], env);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ status: "ready", city: { slug: "toulouse" }, counts: { members: membersPerCity } });
    expect(report.openness.index).toBeGreaterThan(30);
    expect(report.openness.index).toBeLessThan(70);
    expect(report.gatekeepers.length).toBeGreaterThan(0);

    const unknown = await runCli(["analyze", "--city", "atlantis"], env);
    expect(unknown.code).toBe(1);
  }, 180_000);
});
