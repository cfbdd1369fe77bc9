import { compileAgenda } from "./compile-agenda";
import { solveGreedy } from "./greedy-solver";
import { runSolverConformance } from "./solver-conformance.case";
import { chosenOf } from "./solver-adapters";

runSolverConformance(
  "greedy + local search",
  (input) => {
    const model = compileAgenda(input);
    const outcome = solveGreedy(model, { seed: 7 });
    return { ...outcome, chosen: chosenOf(model, input, outcome) };
  },
  { isExact: false },
);
