/**
 * The browser suite: Debian's Chromium (never `npx playwright install`), one worker, the app started by `npm start`'s
 * script on a free port (or E2E_PORT) and a fresh data directory in demo mode, with demo locals answering after one
 * second.
 *
 * Artifacts (traces, failure screenshots) go to `PW_OUTPUT`, or `test-results/artifacts` when it is unset. Playwright
 * empties that directory when a run starts, so two runs at once must not share it: give each its own, with
 * `PW_OUTPUT=/tmp/pw-mine npx playwright test …` or `npx playwright test … --output /tmp/pw-mine` (the flag wins).
 * The pages' screenshots (test-results/screens/) and the JSON report that `npm test` reads (test-results/e2e.json)
 * stay where they are.
 */
import { defineConfig } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

// Workers load this file too: the port and the directory are chosen once, by the main process, and handed down
// through the env. The port is one the system reports free, so that runs side by side do not collide.
process.env.E2E_PORT ??= execFileSync(
  process.execPath,
  [
    "-e",
    "const s = require('node:net').createServer().listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close(); });",
  ],
  { encoding: "utf8" },
).trim();
const port = Number(process.env.E2E_PORT);
process.env.E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), "givefirst-e2e-"));

export default defineConfig({
  testDir: "test/e2e",
  outputDir: process.env.PW_OUTPUT || "test-results/artifacts",
  reporter: [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  use: {
    baseURL: `http://localhost:${port}`,
    locale: "en-US",
    timezoneId: "Europe/Paris",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--enable-unsafe-swiftshader",
      ],
    },
  },
  webServer: {
    command: "node scripts/start.mjs",
    url: `http://127.0.0.1:${port}/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      PORT: String(port),
      DATA_DIR: process.env.E2E_DATA_DIR,
      DEMO: "1",
      DEMO_REPLY_DELAY_MS: "1000",
      LOG_LEVEL: "warn",
    },
  },
});
