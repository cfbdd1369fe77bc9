/**
 * `npm run bench -- NAME [args]` runs bench/NAME.ts. Each benchmark prints its figures and ends with one JSON line.
 * Benchmarks are kept out of `npm test` and CI: they need minutes and a quiet machine.
 */
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
// A benchmark is a top-level bench/NAME.ts; shared code lives in sub-folders.
const available = readdirSync(here, { withFileTypes: true })
  .filter((entry) => entry.isFile() && /^[a-z-]+\.ts$/.test(entry.name) && entry.name !== "main.ts")
  .map((entry) => entry.name.replace(/\.ts$/, ""))
  .sort();

const [name, ...rest] = process.argv.slice(2);
if (!name || !available.includes(name)) {
  console.error(`usage: npm run bench -- <${available.join("|")}> [options]`);
  process.exitCode = 2;
} else {
  const module = (await import(join(here, `${name}.ts`))) as { main: (args: string[]) => Promise<void> };
  await module.main(rest);
}
