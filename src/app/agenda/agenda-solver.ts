/**
 * What the app asks of an agenda solver, as a value that can cross to a worker thread: the exchange-format input and
 * the solver's options without the functions (the clock is made where the solve runs, so the budget counts from there).
 */
import type { AgendaOutput, AgendaInput } from "../../domain/agenda/exchange-format";
import { solveAgenda, type SolveAgendaOptions } from "../../domain/agenda/solve-agenda";

export interface AgendaSolveRequest {
  input: AgendaInput;
  options?: Omit<SolveAgendaOptions, "clock" | "onFirstAnswer">;
}

/** Solves agendas somewhere other than the caller's thread; `close` ends its threads (the server's shutdown). */
export interface AgendaSolver {
  solve(request: AgendaSolveRequest): Promise<AgendaOutput>;
  /** Solves running or waiting for a thread. */
  pending(): number;
  close(): Promise<void>;
}

/** One solve on this thread, timed by this thread's clock: what each worker runs. */
export function runAgendaSolve(request: AgendaSolveRequest): AgendaOutput {
  return solveAgenda(request.input, { ...request.options, clock: () => performance.now() }).output;
}
