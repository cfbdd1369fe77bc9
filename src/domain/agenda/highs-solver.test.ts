import { compileAgenda } from "./compile-agenda";
import { solveWithHighs } from "./highs-solver";
import { runSolverConformance } from "./solver-conformance.case";
import { chosenOf } from "./solver-adapters";

runSolverConformance(
  "HiGHS on the compact LP",
  async (input) => {
    const model = compileAgenda(input);
    const outcome = await solveWithHighs(model);
    return { ...outcome, chosen: chosenOf(model, input, outcome) };
  },
  { isExact: true },
);
