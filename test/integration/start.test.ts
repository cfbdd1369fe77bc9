import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

it("`npm start` creates the data directory, loads the demo world, serves the app and stops cleanly on SIGTERM", async () => {
  const dataDir = mkdtempSync(join(tmpdir(), "givefirst-start-"));
  const port = await freePort();
  const environment: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: "warn" };
  delete environment.DATABASE_URL;
  delete environment.DEMO;
  delete environment.BASE_URL; // vitest sets it to "/" for its own use
  const child = spawn(process.execPath, ["scripts/start.mjs"], { env: environment, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  try {
    const started = Date.now();
    while (!output.includes("Givefirst is running at") && Date.now() - started < 150_000) {
      if (child.exitCode !== null) throw new Error(`npm start exited early:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(output).toContain(`Givefirst is running at http://127.0.0.1:${port} (demo mode)`);
    expect(existsSync(join(dataDir, "pglite"))).toBe(true);
    expect(existsSync(join(dataDir, "auth-secret"))).toBe(true);

    const base = `http://127.0.0.1:${port}`;
    const health = await fetch(`${base}/health`);
    expect(await health.json()).toEqual({ status: "ok", database: "pglite" });
    const openapi = (await (await fetch(`${base}/api/openapi.json`)).json()) as { paths: object };
    expect(Object.keys(openapi.paths).length).toBeGreaterThan(3);
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    const personas = (await (await fetch(`${base}/api/demo/personas`)).json()) as { personas: unknown[] };
    expect(personas.personas.length).toBeGreaterThanOrEqual(4);

    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(existsSync(join(dataDir, "pglite", "givefirst.lock"))).toBe(false);
  } finally {
    if (child.exitCode === null) child.kill("SIGKILL");
    rmSync(dataDir, { recursive: true, force: true });
  }
}, 200_000);
