/**
 * Worker threads whose code is TypeScript, in dev, tests and `npm start` alike (`node --import tsx`): Node 20 does
 * not pass the tsx loader on to worker threads, so the worker is started from a small script that registers tsx
 * itself, then imports the worker file. Used by the agenda solver pool and the city report.
 */
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { Worker, type ResourceLimits } from "node:worker_threads";

const tsxApi = pathToFileURL(
  // require.resolve finds the CommonJS build; the worker imports the ESM one beside it.
  createRequire(import.meta.url)
    .resolve("tsx/esm/api")
    .replace(/index\.cjs$/, "index.mjs"),
).href;

/** Starts a worker thread running the TypeScript module at `workerFile` (a file URL). */
export function startTypeScriptWorker(workerFile: string, resourceLimits?: ResourceLimits): Worker {
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then(({ register }) => { register(); return import(${JSON.stringify(workerFile)}); });`;
  return new Worker(bootstrap, { eval: true, ...(resourceLimits ? { resourceLimits } : {}) });
}
