import loadHighs from "highs";
import type { AgendaModel } from "./agenda-model";
import { writeLp } from "./lp-format";
import { planValue } from "./plan-value";
import type { AgendaSolver, SolverOutcome } from "./solver";

/**
 * HiGHS (WebAssembly) on the compact LP formulation: a reference to measure the specialized solver against and a
 * second exact opinion in the conformance suite. Its solve() blocks the thread: in the app it belongs in a
 * worker_thread, which is why the app path uses the Lagrangian solver instead.
 */
let highsPromise: ReturnType<typeof loadHighs> | undefined;

export const highsSolver: AgendaSolver = {
  name: "highs",
  isExact: true,
  solve: (model, options) => solveWithHighs(model, options?.budgetMs),
};

/** Writes the compact LP, solves it with HiGHS and maps the columns back to placements. */
export async function solveWithHighs(model: AgendaModel, budgetMs?: number): Promise<SolverOutcome> {
  highsPromise ??= loadHighs();
  const highs = await highsPromise;
  const result = highs.solve(writeLp(model), {
    output_flag: false,
    mip_rel_gap: 0,
    mip_abs_gap: 1e-7,
    ...(budgetMs === undefined ? {} : { time_limit: budgetMs / 1000 }),
  });
  if (result.Status === "Infeasible")
    return { solver: "highs", status: "infeasible", placements: null, objective: null, bound: null };
  const placements: number[] = [];
  for (const [name, column] of Object.entries(result.Columns)) {
    if (
      name.startsWith("x") &&
      (column as { Primal?: number }).Primal !== undefined &&
      ((column as { Primal: number }).Primal ?? 0) > 0.5
    )
      placements.push(Number(name.slice(1)));
  }
  placements.sort((a, b) => a - b);
  const isOptimal = result.Status === "Optimal";
  const objective = planValue(model, placements);
  return {
    solver: "highs",
    status: isOptimal ? "optimal" : "feasible",
    placements,
    objective,
    bound: isOptimal ? objective : null,
  };
}
