import type { AgendaModel } from "./agenda-model";
import { PlanState } from "./plan-state";
import { planValue } from "./plan-value";
import type { AgendaSolver, SolverOutcome } from "./solver";

/**
 * Tries every combination (each candidate: left out or one of its placements). Exponential: a referee for the
 * conformance suite on instances of a dozen candidates, never for the app.
 */
export const bruteForceSolver: AgendaSolver = {
  name: "brute-force",
  isExact: true,
  solve: (model) => solveBruteForce(model),
};

/** Enumerates every plan; the referee of the conformance suite. */
export function solveBruteForce(model: AgendaModel): SolverOutcome {
  const state = new PlanState(model);
  let best: number[] | null = null;
  let bestValue = -Infinity;
  const visit = (candidate: number): void => {
    if (candidate === model.candidates.length) {
      const plan = state.placements();
      const value = planValue(model, plan);
      if (value > bestValue) {
        best = plan;
        bestValue = value;
      }
      return;
    }
    for (const placement of model.placementsOfCandidate[candidate] ?? []) {
      if (!state.canAdd(placement)) continue;
      state.add(placement);
      visit(candidate + 1);
      state.remove(placement);
    }
    if (!model.candidates[candidate]?.isLocked) visit(candidate + 1);
  };
  visit(0);
  const name = bruteForceSolver.name;
  if (best === null) return { solver: name, status: "infeasible", placements: null, objective: null, bound: null };
  return { solver: name, status: "optimal", placements: best, objective: bestValue, bound: bestValue };
}
