import { describe, expect, it } from "vitest";
import { createRng } from "./random";

describe("createRng", () => {
  it("repeats the same sequence for the same seed and differs for another", () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const seqA = Array.from({ length: 5 }, () => a.next());
    const seqB = Array.from({ length: 5 }, () => b.next());
    const seqC = Array.from({ length: 5 }, () => c.next());
    expect(seqA).toEqual(seqB);
    expect(seqA).not.toEqual(seqC);
  });

  it("draws integers uniformly enough over [0, n)", () => {
    const rng = createRng("uniform");
    const counts = new Array<number>(10).fill(0);
    for (let i = 0; i < 20_000; i++) counts[rng.int(10)]! += 1;
    for (const count of counts) expect(count).toBeGreaterThan(1_800);
    for (const count of counts) expect(count).toBeLessThan(2_200);
  });

  it("shuffles without touching its input", () => {
    const input = [1, 2, 3, 4, 5, 6, 7, 8];
    const out = createRng(1).shuffle(input);
    expect(input).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(out.slice().sort()).toEqual(input);
  });
});
