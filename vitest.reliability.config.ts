import { defineConfig, mergeConfig } from "vitest/config";
import base from "./vitest.config";

// `npm run test:security` and `npm run test:faults` (issue #8): the authorization matrix, the privacy canary, the
// fuzzing of every route, outside URLs, faults on a throwaway PostgreSQL cluster and two server processes. `npm test`
// runs them as their own step with their own time budget.
export default mergeConfig(
  base,
  defineConfig({
    test: {
      include: ["test/security/**/*.test.ts", "test/faults/**/*.test.ts"],
      exclude: ["node_modules/**"],
      testTimeout: 180_000,
    },
  }),
);
