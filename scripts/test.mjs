#!/usr/bin/env node
/**
 * `npm test`: the whole suite, each part with a time budget, ending with one line "N passed, N failed".
 *   1. lint (bugs and the layer rules) and type-check, one test each;
 *   2. vitest: unit tests beside the code and integration tests on PGlite and, with TEST_DATABASE_URL, PostgreSQL;
 *   3. the browser suite (Playwright on Debian's Chromium), when a Chromium is found; REQUIRE_E2E=1 makes a missing
 *      browser a failure (CI sets it).
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const resultsDir = join(root, "test-results");
mkdirSync(resultsDir, { recursive: true });
const env = { ...process.env, TZ: "UTC" };
const minutes = (n) => n * 60_000;

let passed = 0;
let failed = 0;
const notes = [];

function run(label, command, args, budgetMs) {
  return new Promise((resolve) => {
    console.log(`\n── ${label} (budget ${Math.round(budgetMs / 60_000)} min) ──`);
    const child = spawn(command, args, { cwd: root, env, stdio: "inherit", detached: true });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      console.error(`${label}: over its budget of ${Math.round(budgetMs / 60_000)} min, stopped.`);
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        child.kill("SIGKILL");
      }
    }, budgetMs);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code: timedOut ? 124 : (code ?? 1), timedOut });
    });
  });
}

const bin = (name) => join(root, "node_modules", ".bin", name);

// 1. Lint and types.
for (const [label, command, args, budget] of [
  ["lint (bugs, layer rules)", bin("eslint"), ["."], minutes(6)],
  ["format", bin("prettier"), ["--check", "--log-level", "warn", "."], minutes(2)],
  ["type-check", bin("tsc"), ["-p", "."], minutes(4)],
]) {
  const { code } = await run(label, command, args, budget);
  if (code === 0) passed += 1;
  else {
    failed += 1;
    notes.push(`${label} failed`);
  }
}

// 2. Unit and integration tests, then the security and fault suites (issue #8), each with its own budget.
async function runVitest(label, name, args, budgetMs) {
  const report = join(resultsDir, `${name}.json`);
  rmSync(report, { force: true });
  const result = await run(
    label,
    bin("vitest"),
    ["run", ...args, "--reporter=default", "--reporter=json", `--outputFile.json=${report}`],
    budgetMs,
  );
  if (!existsSync(report)) {
    failed += 1;
    notes.push(result.timedOut ? `${label}: over its budget` : `${label}: no report written`);
    return;
  }
  const json = JSON.parse(readFileSync(report, "utf8"));
  passed += json.numPassedTests ?? 0;
  failed += (json.numFailedTests ?? 0) + (json.numFailedTestSuites ?? 0);
  if ((json.numTotalTests ?? 0) === 0) {
    failed += 1;
    notes.push(`${label}: ran no test`);
  }
  if (result.code !== 0 && (json.numFailedTests ?? 0) === 0 && (json.numFailedTestSuites ?? 0) === 0) {
    failed += 1;
    notes.push(`${label}: vitest exited with ${result.code}`);
  }
}

await runVitest("unit and integration tests (vitest)", "vitest", [], minutes(15));
if (existsSync(join(root, "test", "security")) || existsSync(join(root, "test", "faults"))) {
  await runVitest(
    "security and fault suites (npm run test:security, test:faults)",
    "reliability",
    ["--config", "vitest.reliability.config.ts"],
    minutes(10),
  );
}

// 3. Browser tests.
const chromium = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const hasE2e = existsSync(join(root, "playwright.config.ts"));
if (!hasE2e) {
  notes.push("no browser suite yet (playwright.config.ts missing)");
} else if (!existsSync(chromium)) {
  const message = `browser suite skipped: no Chromium at ${chromium}. Install it with 'apt-get install chromium' or set CHROMIUM_PATH.`;
  if (process.env.REQUIRE_E2E === "1") {
    failed += 1;
    notes.push(`${message} (REQUIRE_E2E=1 makes this a failure)`);
  } else notes.push(message);
} else {
  const e2eReport = join(resultsDir, "e2e.json");
  rmSync(e2eReport, { force: true });
  const e2e = await run("browser tests (Playwright, Chromium)", bin("playwright"), ["test"], minutes(12));
  if (existsSync(e2eReport)) {
    const stats = JSON.parse(readFileSync(e2eReport, "utf8")).stats ?? {};
    passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
    failed += stats.unexpected ?? 0;
    if (e2e.code !== 0 && !(stats.unexpected > 0)) {
      failed += 1;
      notes.push(`playwright exited with ${e2e.code}`);
    }
  } else {
    failed += 1;
    notes.push("playwright wrote no report");
  }
}

console.log("");
for (const note of notes) console.log(`note: ${note}`);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
