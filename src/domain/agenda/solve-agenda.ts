import type { AgendaModel } from "./agenda-model";
import type { CompileOptions } from "./compile-agenda";
import { compileAgenda } from "./compile-agenda";
import { diagnoseInfeasible } from "./diagnose-infeasible";
import type { AgendaInput, AgendaOutput } from "./exchange-format";
import { explainUnscheduled } from "./explain";
import type { Explanation } from "./explain";
import { solveExact } from "./exact-solver";
import { solveGreedy } from "./greedy-solver";
import { PlanState } from "./plan-state";
import { planValue } from "./plan-value";
import type { SolverOutcome } from "./solver";

/**
 * The agenda use case's pure step: compile, answer with the heuristic first, then let the exact solver prove (or
 * improve) it within the budget, and explain what was left out. The clock is passed in; without one the exact solver
 * runs to the end.
 */
export interface SolveAgendaOptions extends CompileOptions {
  budgetMs?: number;
  clock?: () => number;
  seed?: number | string;
  /** "auto" (heuristic, then exact), or one solver alone. */
  solver?: "auto" | "exact" | "greedy";
  /** Called with the heuristic's plan before the exact solver starts, so a caller can show it at once. */
  onFirstAnswer?: (outcome: SolverOutcome) => void;
}

export interface AgendaSolution {
  model: AgendaModel;
  outcome: SolverOutcome;
  explanations: Explanation[];
  output: AgendaOutput;
}

/** Above this many placements the exact search is skipped: the heuristic answers alone. */
const hugeInstancePlacements = 50_000;

/** Solves an exchange-format input end to end. */
export function solveAgenda(input: AgendaInput, options: SolveAgendaOptions = {}): AgendaSolution {
  const began = options.clock?.() ?? 0;
  const model = compileAgenda(input, options);
  const compileMs = options.clock === undefined ? 0 : options.clock() - began;
  return solveModel(model, input, options, began, compileMs);
}

/**
 * Share of the budget kept for what follows the search (filling, explanations), at least: both walk the same model
 * as the compiler, so when the compile time is known (solveAgenda) the reserve is at least that, which follows the
 * machine's load as well as the instance's size.
 */
const reserveShare = 0.1;
/** Share of the budget the heuristic may take for the first answer; the exact search's repairs do the rest. */
const heuristicShare = 0.1;
/** Random kicks after the heuristic's local search: measured on generated weeks, more of them rarely paid. */
const heuristicPerturbations = 2;

/**
 * The search as the app runs it: the heuristic's plan first (handed to `onFirstAnswer`), then the exact solver from
 * it within what is left of `budgetMs`, keeping the better plan and the proven bound. The benchmark times this.
 */
export function solveBest(
  model: AgendaModel,
  options: Pick<SolveAgendaOptions, "clock" | "budgetMs" | "seed" | "onFirstAnswer"> = {},
): SolverOutcome {
  const began = options.clock?.() ?? 0;
  const remaining = (): number | undefined =>
    options.budgetMs === undefined || options.clock === undefined
      ? undefined
      : Math.max(0, options.budgetMs - (options.clock() - began));
  const first = solveGreedy(model, {
    clock: options.clock,
    budgetMs: options.budgetMs === undefined ? undefined : options.budgetMs * heuristicShare,
    seed: options.seed,
    perturbations: heuristicPerturbations,
  });
  options.onFirstAnswer?.(first);
  if (model.placements.length > hugeInstancePlacements) return first;
  const exact = solveExact(model, {
    clock: options.clock,
    budgetMs: remaining(),
    seed: options.seed,
    incumbent: first.placements ?? undefined,
  });
  return mergeOutcomes(first, exact);
}

/** Solves an already compiled model (the app compiles once and may solve again with other budgets). */
export function solveModel(
  model: AgendaModel,
  input: AgendaInput,
  options: SolveAgendaOptions = {},
  began = options.clock?.() ?? 0,
  compileMs = 0,
): AgendaSolution {
  const mode = options.solver ?? "auto";
  const remaining = (): number | undefined =>
    options.budgetMs === undefined || options.clock === undefined
      ? undefined
      : Math.max(0, options.budgetMs - (options.clock() - began));
  const reserve = options.budgetMs === undefined ? 0 : Math.max(options.budgetMs * reserveShare, compileMs);
  const searchBudget = (): number | undefined => {
    const left = remaining();
    return left === undefined ? undefined : Math.max(0, left - reserve);
  };
  let outcome: SolverOutcome;
  if (mode === "exact") {
    outcome = solveExact(model, { clock: options.clock, budgetMs: searchBudget(), seed: options.seed });
  } else if (mode === "greedy") {
    outcome = solveGreedy(model, {
      clock: options.clock,
      budgetMs: searchBudget(),
      seed: options.seed,
      perturbations: 15,
    });
    options.onFirstAnswer?.(outcome);
  } else {
    outcome = solveBest(model, { ...options, budgetMs: searchBudget() });
  }
  if (outcome.status === "unknown" && model.placements.length <= hugeInstancePlacements) {
    // No plan holds the locked items yet, and "infeasible" must be proven: the exact search gets extra time for it.
    const retry = solveExact(model, {
      clock: options.clock,
      budgetMs: options.budgetMs === undefined ? undefined : options.budgetMs * 4,
      seed: options.seed,
    });
    if (retry.status !== "unknown") outcome = retry;
  }
  const placements = outcome.placements === null ? null : fillRemaining(model, outcome.placements);
  if (placements !== null && outcome.objective !== null)
    outcome = { ...outcome, placements, objective: planValue(model, placements) };
  const explanations = placements === null ? diagnoseInfeasible(model) : explainUnscheduled(model, placements);
  const elapsed = options.clock === undefined ? 0 : options.clock() - began;
  return { model, outcome, explanations, output: toOutput(model, input, outcome, explanations, elapsed) };
}

/** The better plan of the two, with the tighter proven bound. */
function mergeOutcomes(heuristic: SolverOutcome, exact: SolverOutcome): SolverOutcome {
  if (exact.status === "optimal" || exact.status === "infeasible") return exact;
  const isExactBetter = (exact.objective ?? -Infinity) >= (heuristic.objective ?? -Infinity);
  const best = isExactBetter ? exact : heuristic;
  return { ...best, status: best.placements === null ? "unknown" : "feasible", bound: exact.bound };
}

/** Adds any candidate that still fits: with values ≥ 0 this never lowers the plan and leaves nothing out for no reason. */
function fillRemaining(model: AgendaModel, placements: readonly number[]): number[] {
  const state = new PlanState(model);
  for (const index of placements) state.add(index);
  const order = model.placements
    .map((_, index) => index)
    .sort(
      (a, b) =>
        (model.candidates[model.placements[b]?.candidate ?? 0]?.value ?? 0) -
        (model.candidates[model.placements[a]?.candidate ?? 0]?.value ?? 0),
    );
  for (const index of order) if (state.canAdd(index)) state.add(index);
  return state.placements();
}

/** Maps a solver outcome to the exchange format's output. */
function toOutput(
  model: AgendaModel,
  input: AgendaInput,
  outcome: SolverOutcome,
  explanations: readonly Explanation[],
  elapsed: number,
): AgendaOutput {
  const isInfeasible = outcome.placements === null;
  const chosen = (outcome.placements ?? [])
    .map((index) => model.placements[index])
    .filter((placement) => placement !== undefined)
    .sort((a, b) => a.start - b.start)
    .map((placement) => ({
      id: model.candidates[placement.candidate]?.id ?? "",
      start: input.candidates[placement.candidate]?.starts[placement.startIndex] ?? "",
    }));
  const objective = isInfeasible ? null : outcome.objective;
  const bound = isInfeasible ? null : outcome.status === "optimal" ? objective : outcome.bound;
  const gap = objective === null || bound === null ? null : bound <= 0 ? 0 : Math.max(0, (bound - objective) / bound);
  return {
    status: isInfeasible ? "infeasible" : outcome.status === "optimal" ? "optimal" : "feasible",
    solver: outcome.solver,
    objective,
    bound,
    gap,
    chosen,
    unscheduled: explanations.map((entry) => ({
      id: model.candidates[entry.candidate]?.id ?? "",
      reason: entry.reason.text,
      code: entry.reason.code,
      params: entry.reason.params,
      alternative: entry.alternative,
    })),
    time_ms: Math.round(elapsed * 10) / 10,
  };
}
