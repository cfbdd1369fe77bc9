import { describe, expect, it } from "vitest";
import { compileAgenda } from "./compile-agenda";
import type { AgendaInput } from "./exchange-format";
import { previousPlacements, solveAgenda, solveBest } from "./solve-agenda";
import { baseInput } from "./solver-conformance.case";

/**
 * Re-solving keeps an unchanged week (issue #4.4): the previous plan, when it still holds, is the incumbent and is
 * kept unless a new plan beats it by more than the margin.
 */
type Candidate = AgendaInput["candidates"][number];
const coffee = (id: string, value: number, starts: string[]): Candidate => ({
  id,
  counterpart: id,
  kind: "coffee",
  value,
  duration_min: 60,
  venue: "brickell",
  starts,
});

// One meeting a day and equal values: any of the three plans is optimal.
const tied = baseInput({
  max_per_day: 1,
  candidates: [
    coffee("a", 10, ["2026-03-10T09:00", "2026-03-10T11:00"]),
    coffee("b", 10, ["2026-03-10T09:00"]),
    coffee("c", 10, ["2026-03-10T15:00"]),
  ],
});
const budget = { budgetMs: 200, clock: () => performance.now() };

describe("a stable plan on re-solving", () => {
  it("keeps each tied previous plan, whichever the solver would pick alone, and twice in a row", () => {
    const alone = solveAgenda(tied, { seed: "s" }).output;
    expect(alone.status).toBe("optimal");
    const others = [
      { id: "a", start: "2026-03-10T11:00" },
      { id: "a", start: "2026-03-10T09:00" },
      { id: "b", start: "2026-03-10T09:00" },
      { id: "c", start: "2026-03-10T15:00" },
    ].filter((pick) => pick.id !== alone.chosen[0]?.id || pick.start !== alone.chosen[0]?.start);
    expect(others).toHaveLength(3);
    for (const previous of others) {
      const first = solveAgenda(tied, { ...budget, seed: "other", previous: [previous] }).output;
      expect(first.chosen).toEqual([previous]);
      expect(first.status).toBe("optimal");
      const second = solveAgenda(tied, { ...budget, seed: "again", previous: first.chosen }).output;
      expect(second.chosen).toEqual(first.chosen);
      expect(second.unscheduled).toEqual(first.unscheduled);
    }
  });

  it("changes when a strictly better offer arrives, not for a gain inside the margin", () => {
    const previous = [{ id: "c", start: "2026-03-10T15:00" }];
    const better = { ...tied, candidates: [...tied.candidates, coffee("d", 20, ["2026-03-10T17:00"])] };
    const changed = solveAgenda(better, { ...budget, previous }).output;
    expect(changed.chosen).toEqual([{ id: "d", start: "2026-03-10T17:00" }]);
    expect(changed.objective).toBe(20);

    const barely = { ...tied, candidates: [...tied.candidates, coffee("d", 10.01, ["2026-03-10T17:00"])] };
    const kept = solveAgenda(barely, { ...budget, previous }).output;
    expect(kept.chosen).toEqual(previous);
    // Honest about the proof: the kept plan is feasible, the optimum is 10.01.
    expect(kept.status).toBe("feasible");
    expect(kept.bound).toBeCloseTo(10.01);
    // With no margin the better plan wins.
    expect(solveAgenda(barely, { ...budget, previous, minImprovement: 0 }).output.chosen).toEqual([
      { id: "d", start: "2026-03-10T17:00" },
    ]);
  });

  it("ignores a previous plan that no longer holds (a start withdrawn, a locked item left out)", () => {
    const withdrawn = {
      ...tied,
      candidates: tied.candidates.map((candidate) =>
        candidate.id === "a" ? { ...candidate, starts: ["2026-03-10T09:00"] } : candidate,
      ),
    };
    const model = compileAgenda(withdrawn);
    expect(previousPlacements(model, withdrawn, [{ id: "a", start: "2026-03-10T11:00" }])).toBeNull();
    const output = solveAgenda(withdrawn, { previous: [{ id: "a", start: "2026-03-10T11:00" }] }).output;
    expect(output.chosen).not.toContainEqual({ id: "a", start: "2026-03-10T11:00" });
    expect(output.status).toBe("optimal");

    const locked = {
      ...tied,
      candidates: tied.candidates.map((candidate) =>
        candidate.id === "b" ? { ...candidate, locked: true } : candidate,
      ),
    };
    const result = solveAgenda(locked, { previous: [{ id: "c", start: "2026-03-10T15:00" }] }).output;
    expect(result.chosen).toEqual([{ id: "b", start: "2026-03-10T09:00" }]);
  });

  it("solveBest takes the previous plan as placement indices and keeps its old signature", () => {
    const model = compileAgenda(tied);
    const plain = solveBest(model);
    expect(plain.status).toBe("optimal");
    const previous = previousPlacements(model, tied, [{ id: "c", start: "2026-03-10T15:00" }]);
    expect(previous).not.toBeNull();
    const kept = solveBest(model, { previous: previous! });
    expect(kept.placements).toEqual(previous);
    expect(kept.status).toBe("optimal");
  });
});
