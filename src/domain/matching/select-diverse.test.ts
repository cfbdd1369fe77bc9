import { describe, expect, it } from "vitest";
import { communityCap, selectDiverse, youngFounderFloor } from "./select-diverse";

/** Candidates best first, from a compact spec: community numbers, and which positions are young givers. */
function candidates(communities: number[], young: number[] = []) {
  const isYoungGiver = new Uint8Array(communities.length);
  for (const i of young) isYoungGiver[i] = 1;
  return { communities: Int32Array.from(communities), isYoungGiver };
}

/** Scores one point apart, best first; penalty 0 unless given, so only the caps and the floor act. */
function select(spec: ReturnType<typeof candidates>, limit: number, penalty = 0): number[] {
  const scores = Int32Array.from(spec.communities, (_, i) => 1000 - i);
  return selectDiverse(spec, scores, limit, 0.4, penalty);
}

const countBy = (values: number[]) => values.reduce((m, v) => m.set(v, (m.get(v) ?? 0) + 1), new Map<number, number>());

describe("selectDiverse", () => {
  it("takes everyone when there are no more candidates than the limit", () => {
    expect(select(candidates([0, 0, 0]), 25)).toEqual([0, 1, 2]);
  });

  it("caps a clan at 40 % when other communities have candidates, taking the next best elsewhere", () => {
    // 30 from community 0 rank first, then 10 each from communities 1, 2, 3.
    const list = [...Array(30).fill(0), ...Array(10).fill(1), ...Array(10).fill(2), ...Array(10).fill(3)];
    const chosen = select(candidates(list), 25);
    expect(chosen).toHaveLength(25);
    const counts = countBy(chosen.map((i) => list[i]!));
    expect(counts.get(0)).toBe(10);
    expect(chosen.slice(0, 10)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it("lets a clan fill the pick once every other community is alerted in full", () => {
    const list = [...Array(40).fill(0), 1, 2, 3];
    const chosen = select(candidates(list), 25);
    expect(chosen).toHaveLength(25);
    expect(chosen).toEqual(expect.arrayContaining([40, 41, 42]));
  });

  it("sends fewer alerts rather than let two big clans split the pick past 40 % each", () => {
    const list = [...Array(30).fill(0), ...Array(30).fill(1), 2, 2];
    const chosen = select(candidates(list), 25);
    const counts = countBy(chosen.map((i) => list[i]!));
    for (const count of counts.values()) expect(count).toBeLessThanOrEqual(communityCap(chosen.length, 0.4));
    expect(chosen).toHaveLength(10);
  });

  it("spreads across communities with the community penalty, best candidate of each first", () => {
    // Community 0 holds the 30 best; 1–5 hold 5 each, 1 to 2 points below.
    const list = [...Array(30).fill(0), ...Array.from({ length: 25 }, (_, i) => 1 + (i % 5))];
    const spec = candidates(list);
    const scores = Int32Array.from(list, (_, i) => (i < 30 ? 100 - Math.floor(i / 10) : 98));
    const chosen = selectDiverse(spec, scores, 12, 0.4, 25);
    expect(new Set(chosen.map((i) => list[i])).size).toBe(6);
    // Without the penalty, the clan fills its cap first.
    const plain = selectDiverse(spec, scores, 12, 0.4, 0);
    expect(plain.filter((i) => list[i] === 0)).toHaveLength(4);
  });

  it("gives young givers at least their share, even when they score lower", () => {
    // 100 candidates, the 20 young givers rank last: their share of 25 alerts is 5.
    const list = Array.from({ length: 100 }, (_, i) => i % 5);
    const young = Array.from({ length: 20 }, (_, i) => 80 + i);
    const chosen = select(candidates(list, young), 25);
    expect(chosen.filter((i) => i >= 80)).toHaveLength(youngFounderFloor(20, 25, 100));
    expect(youngFounderFloor(20, 25, 100)).toBe(5);
    expect(youngFounderFloor(1, 25, 100)).toBe(1);
  });
});
