import { describe, expect, it } from "vitest";
import { checkPlan } from "./check-plan";
import { solveAgenda } from "./solve-agenda";
import { baseInput, runSolverConformance } from "./solver-conformance.case";

runSolverConformance(
  "solveAgenda (heuristic, then exact)",
  (input) => {
    const { output } = solveAgenda(input);
    return {
      status: output.status,
      chosen: output.status === "infeasible" ? null : output.chosen,
      objective: output.objective,
      bound: output.bound,
    };
  },
  { isExact: true },
);

describe("solveAgenda", () => {
  it("hands the heuristic's plan over first, then returns the proven one", () => {
    const input = baseInput({
      candidates: [
        {
          id: "a",
          counterpart: "ana",
          kind: "coffee",
          value: 10,
          duration_min: 60,
          venue: "brickell",
          starts: ["2026-03-10T09:00"],
        },
        {
          id: "b",
          counterpart: "bob",
          kind: "coffee",
          value: 12,
          duration_min: 60,
          venue: "wynwood",
          starts: ["2026-03-10T09:30", "2026-03-10T11:00"],
        },
      ],
    });
    const firsts: string[] = [];
    const { output } = solveAgenda(input, { onFirstAnswer: (outcome) => firsts.push(outcome.solver) });
    expect(firsts).toEqual(["greedy+local-search"]);
    expect(output).toMatchObject({
      status: "optimal",
      solver: "lagrangian-branch-and-bound",
      objective: 22,
      bound: 22,
      gap: 0,
      unscheduled: [],
    });
    expect(checkPlan(input, output.chosen).violations).toEqual([]);
  });
});
