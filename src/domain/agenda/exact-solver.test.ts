import { compileAgenda } from "./compile-agenda";
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
