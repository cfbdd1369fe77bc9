import type { AgendaModel } from "./agenda-model";

/**
 * What every agenda solver takes and returns, so that they are interchangeable and pass one conformance suite
 * (solver-conformance.case.ts). The clock is an argument: the domain never reads the time itself.
 */
export interface SolverOptions {
  /** Stop searching after this many milliseconds of `clock`; without a clock, budgets are not enforced. */
  budgetMs?: number;
  /** Milliseconds from any origin (performance.now in the app). */
  clock?: () => number;
  seed?: number | string;
  /** A feasible plan (placement indices) to start from, usually the heuristic's answer. */
  incumbent?: readonly number[];
}

export type SolverStatus = "optimal" | "feasible" | "infeasible" | "unknown";

export interface SolverOutcome {
  solver: string;
  /** optimal: proven; feasible: a plan without proof; infeasible: proven that no plan holds the locked items; unknown: no plan found. */
  status: SolverStatus;
  /** Chosen placement indices, or null when none was found. */
  placements: number[] | null;
  objective: number | null;
  /** A proven upper bound on the optimum (null when the solver proves nothing). */
  bound: number | null;
  /** Search effort, for benchmarks (branch-and-bound nodes, local-search moves…). */
  effort?: number;
}

export interface AgendaSolver {
  name: string;
  /** True when the solver proves optimality (status "optimal") given enough time. */
  isExact: boolean;
  solve(model: AgendaModel, options?: SolverOptions): SolverOutcome | Promise<SolverOutcome>;
}

/** A deadline test from options: never expires without a clock or budget. */
export function deadlineOf(options: SolverOptions | undefined): () => boolean {
  const clock = options?.clock;
  const budget = options?.budgetMs;
  if (clock === undefined || budget === undefined) return () => false;
  const end = clock() + budget;
  return () => clock() >= end;
}
