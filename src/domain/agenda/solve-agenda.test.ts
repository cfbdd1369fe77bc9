import { describe, expect, it } from "vitest";
import { checkPlan } from "./check-plan";
import { solveAgenda } from "./solve-agenda";
import { baseInput, runSolverConformance } from "./solver-conformance.case";

runSolverConformance(
  "solveAgenda (heuristic, then exact)",
  (input) => {
    const { output } = solveAgenda(input);
    return { status: output.status, chosen: output.status === "infeasible" ? null : output.chosen, objective: output.objective, bound: output.bound };
  },
  { isExact: true },
);
