/**
 * Issue #8: the server as several processes (WEB_CONCURRENCY=2, node:cluster) on one PostgreSQL (the throwaway
 * cluster): both workers start and serve, a worker killed mid-load is replaced while the other keeps answering, and
 * SIGTERM stops the primary and every worker with exit code 0.
 */
import { readdirSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type DatabaseHandle } from "../../src/db/create-db";
import { createTestApp } from "../support/test-app";
import { startThrowawayCluster, type ThrowawayCluster } from "./support/postgres-cluster";
import { memberHeaders, startServerProcess, type ServerProcess } from "./support/server-process";
import { createFaultWorld, type FaultWorld } from "./support/world";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The pids of the live server processes (not, e.g., the TypeScript loader's esbuild) whose parent is `parent`. */
function childrenOf(parent: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const serves = readFileSync(`/proc/${entry}/cmdline`, "utf8").includes("main.ts");
      if (Number(fields[1]) === parent && fields[0] !== "Z" && serves) children.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return children.sort((a, b) => a - b);
}

/** CPU ticks a process has used. */
function cpuTicks(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return Number(fields[11]) + Number(fields[12]);
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) return false;
    await sleep(100);
  }
  return true;
}

describe("WEB_CONCURRENCY=2", () => {
  let cluster: ThrowawayCluster;
  let handle: DatabaseHandle;
  let server: ServerProcess;
  let world: FaultWorld;

  beforeAll(async () => {
    cluster = await startThrowawayCluster();
    const url = await cluster.createDatabase("givefirst_web_concurrency");
    handle = await createDb({ engine: "postgres", url, poolSize: 2 });
    world = await createFaultWorld(createTestApp(handle).context, { travellers: 1, tripsEach: 1, locals: 2 });
    server = await startServerProcess({ databaseUrl: url, env: { WEB_CONCURRENCY: "2" } });
  }, 180_000);
  afterAll(async () => {
    await server?.kill();
    await handle?.close();
    await cluster?.destroy();
  });

  const tripPage = () =>
    fetch(`${server.url}/api/trips/${world.tripIds[0]}`, { headers: memberHeaders(world.locals[0]!.cookie) });

  it("starts two workers that both serve requests", async () => {
    const primary = server.child.pid!;
    expect(
      await waitFor(() => (server.output().match(/Givefirst is running at/g) ?? []).length === 2, 60_000),
      server.output(),
    ).toBe(true);
    const workers = childrenOf(primary);
    expect(workers).toHaveLength(2);
    const before = workers.map(cpuTicks);
    // Many concurrent connections: the primary hands them to the workers in turn.
    const answers = await Promise.all(
      Array.from({ length: 200 }, () => tripPage().then((response) => response.status)),
    );
    expect(answers.every((status) => status === 200)).toBe(true);
    const used = workers.map((pid, i) => cpuTicks(pid) - before[i]!);
    expect(used.every((ticks) => ticks > 0)).toBe(true);
  }, 90_000);

  it("replaces a worker that dies, and the other keeps answering meanwhile", async () => {
    const primary = server.child.pid!;
    const [victim, survivor] = childrenOf(primary);
    process.kill(victim!, "SIGKILL");
    // Connections the dead worker held are reset (status 0 here); new ones go to the survivor.
    const during = await Promise.all(
      Array.from({ length: 20 }, () =>
        tripPage().then(
          (response) => response.status,
          () => 0,
        ),
      ),
    );
    expect(during.filter((status) => status === 200).length).toBeGreaterThan(0);
    expect(
      await waitFor(() => {
        const now = childrenOf(primary);
        return now.length === 2 && now.includes(survivor!) && !now.includes(victim!);
      }, 60_000),
    ).toBe(true);
    expect(
      await waitFor(() => (server.output().match(/Givefirst is running at/g) ?? []).length === 3, 60_000),
      server.output(),
    ).toBe(true);
    expect((await tripPage()).status).toBe(200);
    expect(server.output(), server.output()).toMatch(/a worker died: starting another/);
  }, 120_000);

  it("stops every worker and the primary on SIGTERM, with exit code 0", async () => {
    const primary = server.child.pid!;
    const workers = childrenOf(primary);
    expect(workers).toHaveLength(2);
    server.child.kill("SIGTERM");
    expect(await server.exited).toBe(0);
    expect(workers.every((pid) => !childrenOf(primary).includes(pid))).toBe(true);
    const alive = (pid: number) => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    expect(await waitFor(() => workers.every((pid) => !alive(pid)), 10_000)).toBe(true);
  }, 60_000);
});
