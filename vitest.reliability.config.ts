import { defineConfig } from "vitest/config";
import base from "./vitest.config";

// `npm run test:security` and `npm run test:faults` (issue #8): the authorization matrix, the privacy canary, the
// fuzzing of every route, outside URLs, faults on a throwaway PostgreSQL cluster and two server processes. `npm test`
// runs them as their own step with their own time budget.
// Not mergeConfig: it would concatenate the base config's exclude list, which excludes these very folders.
const { include: _include, exclude: _exclude, ...baseTest } = base.test ?? {};

export default defineConfig({
  ...base,
  test: {
    ...baseTest,
    include: ["test/security/**/*.test.ts", "test/faults/**/*.test.ts"],
    exclude: ["node_modules/**"],
    testTimeout: 180_000,
  },
});
