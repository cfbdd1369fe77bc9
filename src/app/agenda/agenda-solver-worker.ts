/**
 * A long-lived worker thread of the agenda solver pool (agenda-solver-pool.ts): says it is ready once its modules are
 * loaded, then answers each solve request with the output or the error, one at a time, until it is terminated.
 */
import { parentPort } from "node:worker_threads";
import type { AgendaOutput } from "../../domain/agenda/exchange-format";
import { runAgendaSolve, type AgendaSolveRequest } from "./agenda-solver";

export interface AgendaSolverWorkerRequest {
  id: number;
  request: AgendaSolveRequest;
}

export type AgendaSolverWorkerReply =
  | { kind: "ready" }
  | { kind: "solved"; id: number; output: AgendaOutput }
  | { kind: "failed"; id: number; error: { name: string; message: string; stack?: string } };

if (!parentPort) throw new Error("agenda-solver-worker.ts runs as a worker thread");
const port = parentPort;
port.on("message", ({ id, request }: AgendaSolverWorkerRequest) => {
  let reply: AgendaSolverWorkerReply;
  try {
    reply = { kind: "solved", id, output: runAgendaSolve(request) };
  } catch (error) {
    const failure = error instanceof Error ? error : new Error(String(error));
    reply = {
      kind: "failed",
      id,
      error: { name: failure.name, message: failure.message, ...(failure.stack ? { stack: failure.stack } : {}) },
    };
  }
  port.postMessage(reply);
});
port.postMessage({ kind: "ready" } satisfies AgendaSolverWorkerReply);
