import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { whileTimerTicks } from "../support/event-loop";
import { buildCityReportSnapshot } from "../../src/app/analytics/build-city-report-snapshot";
import type { CityNetworkTypedInput } from "../../src/app/analytics/build-city-network-input";
import type { CityReportComputer } from "../../src/app/analytics/compute-city-report";
import { computeCityReportInWorker } from "../../src/jobs/analytics-jobs";
import { createRng } from "../../src/domain/random";

/** A clannish city of `clans` × `size` members: most ties inside a clan, a few across; member ids start at 1001. */
function generatedCity(clans: number, size: number): Parameters<CityReportComputer>[0] {
  const rng = createRng(11);
  const n = clans * size;
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < n; i++)
    for (let t = 0; t < 6; t++) {
      const j = rng.next() < 0.85 ? Math.floor(i / size) * size + rng.int(size) : rng.int(n);
      if (j === i) continue;
      a.push(i);
      b.push(j);
    }
  const origins = ["local", "expat", "visitor"];
  const input: CityNetworkTypedInput = {
    members: Array.from({ length: n }, (_, i) => ({ id: String(1001 + i), origin: origins[i % 3] as string })),
    ties: {
      a: Int32Array.from(a),
      b: Int32Array.from(b),
      strength: new Float64Array(a.length).fill(1),
      firstMetAt: new Float64Array(a.length).fill(Date.UTC(2026, 0, 15)),
    },
    follows: { follower: new Int32Array(0), followed: new Int32Array(0) },
    now: Date.UTC(2026, 10, 26, 12),
  };
  return { input, memberIds: Int32Array.from({ length: n }, (_, i) => 1001 + i), trendQuarters: 2 };
}

/** The snapshot without its timings, which differ from run to run. */
const figuresOf = (snapshot: Awaited<ReturnType<CityReportComputer>>): object => {
  const { computeMs, computeCpuMs, ...figures } = snapshot;
  expect(computeMs).toBeGreaterThanOrEqual(0);
  expect(computeCpuMs).toBeGreaterThanOrEqual(0);
  return figures;
};

describe("the city report's worker thread", () => {
  it("keeps the event loop turning while it computes, and gives the same report as the inline computation", async () => {
    const inlineStarted = performance.now();
    const inline = buildCityReportSnapshot(generatedCity(12, 125));
    // The whole inline computation is one block of the event loop: no timer fires during it.
    const blockedMs = performance.now() - inlineStarted;

    const request = generatedCity(12, 125);
    const tieCount = request.input.ties.a.length;
    const {
      result: snapshot,
      ticks,
      longestGapMs,
      elapsedMs: workerMs,
    } = await whileTimerTicks(10, () => computeCityReportInWorker()(request));

    expect(snapshot.counts).toEqual({ members: 1500, ties: inline.counts.ties, follows: 0 });
    expect(figuresOf(snapshot)).toEqual(figuresOf(inline));
    // The typed arrays were transferred to the worker, not copied: they are detached here.
    expect(request.input.ties.a.length).toBe(0);
    expect(tieCount).toBeGreaterThan(8_000);
    // A report that blocks for a while inline leaves the timer firing throughout when it runs in the worker.
    expect(blockedMs).toBeGreaterThan(300);
    expect(ticks).toBeGreaterThan(workerMs / 10 / 4);
    expect(longestGapMs).toBeLessThan(Math.max(150, blockedMs / 3));
  }, 120_000);

  it("starts the same way in a server run as `npm start` runs it (node --import tsx)", async () => {
    const script = `
      import { computeCityReportInWorker } from "./src/jobs/analytics-jobs.ts";
      const members = Array.from({ length: 40 }, (_, i) => ({ id: String(i + 1) }));
      const a = Int32Array.from({ length: 120 }, (_, k) => k % 40);
      const b = Int32Array.from({ length: 120 }, (_, k) => (k * 7 + 3) % 40);
      const none = new Int32Array(0);
      const snapshot = await computeCityReportInWorker()({
        input: { members, ties: { a, b, strength: new Float64Array(120), firstMetAt: new Float64Array(120) },
                 follows: { follower: none, followed: none }, now: 0 },
        memberIds: Int32Array.from(members, (member) => Number(member.id)),
      });
      console.log(JSON.stringify({ members: snapshot.counts.members, placed: Object.keys(snapshot.communityOf).length }));
    `;
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ["--import", "tsx", "--input-type=module", "-e", script],
      { cwd: join(import.meta.dirname, "..", "..") },
    );
    expect(JSON.parse(stdout.trim())).toEqual({ members: 40, placed: 40 });
  }, 60_000);

  it("rejects with the worker's error and keeps this process going", async () => {
    const request = generatedCity(2, 20);
    const broken = {
      ...request,
      input: { ...request.input, ties: { ...request.input.ties, a: Int32Array.from(request.input.ties.a, () => 99) } },
    };
    const error = await computeCityReportInWorker()(broken).catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).name).toBe("RangeError");
    expect((error as Error).message).toMatch(/^city report worker: edge \d+ has an endpoint outside 0\.\.39/);

    const outOfMemory = await computeCityReportInWorker({ resourceLimits: { maxOldGenerationSizeMb: 4 } })(
      generatedCity(2, 20),
    ).catch((failure: unknown) => failure);
    expect((outOfMemory as Error).message).toMatch(/city report worker failed: .*memory/);

    // This process is unharmed: the next report computes.
    const snapshot = await computeCityReportInWorker()(generatedCity(2, 20));
    expect(snapshot.counts.members).toBe(40);
    expect(Object.keys(snapshot.communityOf)).toHaveLength(40);
  }, 60_000);
});
