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
import { isPlanFeasible, planValue } from "./plan-value";
import { checkPlan } from "./check-plan";
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
  /**
   * The plan stored from the last solve (the exchange format's `chosen`). When it still holds under this input (the
   * plan checker finds no broken rule), it is the solvers' starting incumbent, so ties resolve towards it, and it is
   * kept unless the new plan is better by more than `minImprovement`: re-solving does not shuffle an unchanged week.
   */
  previous?: readonly { id: string; start: string }[];
  /** Share of the previous plan's value a new plan must gain to replace it (default 0.5 %). */
  minImprovement?: number;
}

/** Options of `solveBest`: `previous` there is already placement indices of the model. */
export interface SolveBestOptions extends Pick<
  SolveAgendaOptions,
  "clock" | "budgetMs" | "seed" | "onFirstAnswer" | "minImprovement"
> {
  /** The previous plan as placement indices; ignored when it is not feasible in this model. */
  previous?: readonly number[];
}

/** Default share of the previous plan's value that a new plan must gain to replace it. */
export const defaultMinImprovement = 0.005;

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
export function solveBest(model: AgendaModel, options: SolveBestOptions = {}): SolverOutcome {
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
  const previous =
    options.previous !== undefined && isPlanFeasible(model, options.previous) ? [...options.previous] : null;
  const previousValue = previous === null ? -Infinity : planValue(model, previous);
  // On a tie the previous plan is the incumbent: the exact search only replaces it with a strictly better one.
  const startFrom = previous !== null && previousValue >= (first.objective ?? -Infinity) - 1e-9 ? previous : null;
  options.onFirstAnswer?.(keepPrevious(first, previous, previousValue, options.minImprovement));
  if (model.placements.length > hugeInstancePlacements)
    return keepPrevious(first, previous, previousValue, options.minImprovement);
  const exact = solveExact(model, {
    clock: options.clock,
    budgetMs: remaining(),
    seed: options.seed,
    incumbent: startFrom ?? first.placements ?? undefined,
  });
  return keepPrevious(mergeOutcomes(first, exact), previous, previousValue, options.minImprovement);
}

/**
 * The previous plan instead of `outcome` when it is feasible and `outcome` does not beat it by more than the margin;
 * the proof (bound) stays the search's, so the status says "optimal" only when the kept plan reaches it.
 */
function keepPrevious(
  outcome: SolverOutcome,
  previous: readonly number[] | null,
  previousValue: number,
  minImprovement = defaultMinImprovement,
): SolverOutcome {
  if (previous === null || outcome.placements === null || outcome.objective === null) return outcome;
  const margin = Math.max(1e-9, minImprovement * Math.abs(previousValue));
  if (outcome.objective > previousValue + margin) return outcome;
  const bound = outcome.status === "optimal" ? outcome.objective : outcome.bound;
  const isOptimal = bound !== null && previousValue >= bound - 1e-9;
  return {
    ...outcome,
    status: isOptimal ? "optimal" : "feasible",
    placements: [...previous],
    objective: previousValue,
    bound: bound === null ? null : Math.max(bound, previousValue),
  };
}

/** The placement indices of a plan in the exchange format, or null when it breaks a rule of this input. */
export function previousPlacements(
  model: AgendaModel,
  input: AgendaInput,
  chosen: readonly { id: string; start: string }[],
): number[] | null {
  if (checkPlan(input, chosen).violations.length > 0) return null;
  const indexOf = new Map<string, number>();
  model.placements.forEach((placement, index) => {
    const id = model.candidates[placement.candidate]?.id;
    const start = input.candidates[placement.candidate]?.starts[placement.startIndex];
    if (id !== undefined && start !== undefined) indexOf.set(`${id}\u0000${start}`, index);
  });
  const placements: number[] = [];
  for (const pick of chosen) {
    const index = indexOf.get(`${pick.id}\u0000${pick.start}`);
    if (index === undefined) return null;
    placements.push(index);
  }
  return isPlanFeasible(model, placements) ? placements : null;
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
  const previous = options.previous === undefined ? null : previousPlacements(model, input, options.previous);
  const previousValue = previous === null ? -Infinity : planValue(model, previous);
  let outcome: SolverOutcome;
  if (mode === "exact") {
    outcome = keepPrevious(
      solveExact(model, {
        clock: options.clock,
        budgetMs: searchBudget(),
        seed: options.seed,
        incumbent: previous ?? undefined,
      }),
      previous,
      previousValue,
      options.minImprovement,
    );
  } else if (mode === "greedy") {
    outcome = keepPrevious(
      solveGreedy(model, {
        clock: options.clock,
        budgetMs: searchBudget(),
        seed: options.seed,
        perturbations: 15,
      }),
      previous,
      previousValue,
      options.minImprovement,
    );
    options.onFirstAnswer?.(outcome);
  } else {
    outcome = solveBest(model, {
      clock: options.clock,
      seed: options.seed,
      onFirstAnswer: options.onFirstAnswer,
      minImprovement: options.minImprovement,
      budgetMs: searchBudget(),
      previous: previous ?? undefined,
    });
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
