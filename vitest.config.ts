import { defineConfig } from "vitest/config";

// Unit tests sit beside the code in src/; integration tests live in test/integration.
// The browser suite (test/e2e) is run by Playwright, not by vitest; the security and fault suites (test/security,
// test/faults) by vitest.reliability.config.ts.
export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "src/**/*.test.tsx", "test/**/*.test.ts"],
    exclude: ["test/e2e/**", "test/security/**", "test/faults/**", "node_modules/**"],
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    env: { TZ: "UTC" },
  },
});
