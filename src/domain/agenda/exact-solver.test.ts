import { describe, expect, it } from "vitest";
import { checkPlan } from "./check-plan";
import { compileAgenda } from "./compile-agenda";
import { generateAgenda } from "./generate-agenda";
import { solveExact } from "./exact-solver";
import { runSolverConformance } from "./solver-conformance.case";
import { chosenOf } from "./solver-adapters";

runSolverConformance(
  "lagrangian branch and bound",
  (input) => {
    const model = compileAgenda(input);
    const outcome = solveExact(model);
    return { ...outcome, chosen: chosenOf(model, input, outcome) };
  },
  { isExact: true },
);

describe("exact solver under a time budget", () => {
  it("stops on its deadline with a valid plan and a bound no lower than the optimum", () => {
    const statuses: string[] = [];
    for (const seed of ["budget-1", "budget-2", "budget-3"]) {
      const input = generateAgenda({ candidates: 60, seed });
      const model = compileAgenda(input);
      const full = solveExact(model);
      let ticks = 0;
      // A fake clock that advances one millisecond per reading: the search stops after a few nodes.
      const stopped = solveExact(model, { clock: () => ticks++, budgetMs: 3 });
      statuses.push(stopped.status);
      expect(["feasible", "optimal"]).toContain(stopped.status);
      expect(checkPlan(input, chosenOf(model, input, stopped) ?? []).violations).toEqual([]);
      expect(stopped.objective ?? 0).toBeLessThanOrEqual((full.objective ?? 0) + 1e-9);
      if (stopped.bound !== null) expect(stopped.bound).toBeGreaterThanOrEqual((full.objective ?? 0) - 1e-9);
    }
    expect(statuses).toContain("feasible");
  });
});
