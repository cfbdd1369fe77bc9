import { describe, expect, it } from "vitest";
import { generateDemoWorld } from "./generate-demo-world";

describe("demo world at benchmark size", () => {
  it("builds two 100,000-member cities with about a million ties each, in modest memory", () => {
    const heapBefore = process.memoryUsage().heapUsed;
    const started = performance.now();
    const world = generateDemoWorld({ seed: 1, membersPerCity: 100_000, now: "2026-11-26T12:00:00Z" });
    const elapsed = performance.now() - started;
    const heapAfter = process.memoryUsage().heapUsed;
    let miamiTies = 0;
    for (let t = 0; t < world.ties.count; t++) if ((world.ties.a[t] ?? 0) < 100_000) miamiTies++;
    const toulouseTies = world.ties.count - miamiTies;
    console.info("100,000 members per city", {
      milliseconds: Math.round(elapsed),
      miamiTies,
      toulouseTies,
      follows: world.follows.count,
      meetings: world.meetings.length,
      gifts: world.gifts.length,
      events: world.events.length,
      heapGrowthMegabytes: Math.round((heapAfter - heapBefore) / 1e6),
    });
    expect(world.members).toHaveLength(200_000);
    for (const ties of [miamiTies, toulouseTies]) {
      expect(ties).toBeGreaterThan(800_000);
      expect(ties).toBeLessThan(1_300_000);
    }
    expect(world.ties.a).toBeInstanceOf(Int32Array);
    expect(heapAfter - heapBefore).toBeLessThan(1_000_000_000);
    // No timing assertion: a few seconds on an idle 2-core machine, much more when the machine is shared.
  }, 300_000);
});
