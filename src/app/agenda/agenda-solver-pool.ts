/**
 * The agenda solver off the serving thread: a small pool of long-lived worker threads (one by default: on a 2-core
 * machine the main thread needs the other core) that run `solveAgenda`, one solve per worker at a time, the others
 * queued in order. A solve is milliseconds, so workers are kept between solves rather than spawned for each.
 *
 * Failures stay with one call: a solve that throws rejects that call; a worker that crashes, exits or passes the hard
 * timeout is terminated and dropped, rejecting the call it was running (which may be the cause), and a new worker
 * starts for the calls still queued. Idle workers are unref'd, so they keep neither the server nor a test alive.
 */
import type { ResourceLimits, Worker } from "node:worker_threads";
import { startTypeScriptWorker } from "../typescript-worker";
import type { AgendaOutput } from "../../domain/agenda/exchange-format";
import type { AgendaSolveRequest, AgendaSolver } from "./agenda-solver";
import type { AgendaSolverWorkerReply, AgendaSolverWorkerRequest } from "./agenda-solver-worker";

export interface AgendaSolverPoolOptions {
  /** Worker threads, started when needed (default 1). */
  size?: number;
  /** Milliseconds a solve may run in its worker before the worker is terminated (default 6,000: 4 × the app's budget). */
  timeoutMs?: number;
  /** Heap limits of each worker; a worker that runs out fails its call, not the server. */
  resourceLimits?: ResourceLimits;
}

/** Four times the 1.5 s budget of `resolveTripAgenda`: a solve past it is stuck, not slow. */
export const defaultSolveTimeoutMs = 6_000;

const workerFile = new URL("./agenda-solver-worker.ts", import.meta.url).href;
interface Call {
  id: number;
  request: AgendaSolveRequest;
  resolve: (output: AgendaOutput) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  call: Call | null;
  timer: ReturnType<typeof setTimeout> | undefined;
  gone: boolean;
}

/** Creates the pool; no thread starts before the first solve. */
export function createAgendaSolverPool(options: AgendaSolverPoolOptions = {}): AgendaSolver {
  const size = Math.max(1, Math.floor(options.size ?? 1));
  const timeoutMs = options.timeoutMs ?? defaultSolveTimeoutMs;
  const slots: Slot[] = [];
  const queue: Call[] = [];
  let nextId = 1;
  let closed = false;

  /** A worker holds the process open only while it has work: its call, or (starting) calls waiting for it. */
  const updateRefs = (): void => {
    for (const slot of slots) {
      if (slot.call || (!slot.ready && queue.length > 0)) slot.worker.ref();
      else slot.worker.unref();
    }
  };

  /** Drops a worker: it is terminated, its call rejects, a replacement starts if calls wait. */
  const retire = (slot: Slot, error: Error): void => {
    if (slot.gone) return;
    slot.gone = true;
    if (slot.timer) clearTimeout(slot.timer);
    slots.splice(slots.indexOf(slot), 1);
    void slot.worker.terminate();
    const call = slot.call;
    slot.call = null;
    if (call) call.reject(error);
    // A worker that never became ready would fail again: the waiting calls fail with it instead of spinning.
    else if (!slot.ready) for (const waiting of queue.splice(0)) waiting.reject(error);
    pump();
  };

  const dispatch = (slot: Slot, call: Call): void => {
    slot.call = call;
    slot.timer = setTimeout(
      () => retire(slot, new Error(`agenda solver: no answer after ${timeoutMs} ms, worker terminated`)),
      timeoutMs,
    );
    slot.worker.postMessage({ id: call.id, request: call.request } satisfies AgendaSolverWorkerRequest);
  };

  const spawn = (): void => {
    const worker = startTypeScriptWorker(workerFile, options.resourceLimits);
    const slot: Slot = { worker, ready: false, call: null, timer: undefined, gone: false };
    slots.push(slot);
    worker.on("message", (reply: AgendaSolverWorkerReply) => {
      if (slot.gone) return;
      if (reply.kind === "ready") {
        slot.ready = true;
        pump();
        return;
      }
      const call = slot.call;
      if (!call || call.id !== reply.id) return;
      if (slot.timer) clearTimeout(slot.timer);
      slot.timer = undefined;
      slot.call = null;
      if (reply.kind === "solved") call.resolve(reply.output);
      else {
        const error = new Error(`agenda solver: ${reply.error.message}`);
        error.name = reply.error.name;
        if (reply.error.stack) error.stack = reply.error.stack;
        call.reject(error);
      }
      pump();
    });
    worker.on("error", (error) =>
      retire(slot, new Error(`agenda solver worker failed: ${error.message}`, { cause: error })),
    );
    worker.on("exit", (code) => retire(slot, new Error(`agenda solver worker exited (code ${code})`)));
  };

  /** Hands queued calls to idle workers, starting workers (up to `size`) for calls no worker will take soon. */
  function pump(): void {
    if (closed) return;
    for (const slot of slots) {
      if (queue.length === 0) break;
      if (slot.ready && !slot.call) dispatch(slot, queue.shift()!);
    }
    const starting = slots.filter((slot) => !slot.ready).length;
    for (let more = Math.min(queue.length - starting, size - slots.length); more > 0; more--) spawn();
    updateRefs();
  }

  return {
    solve(request) {
      if (closed) return Promise.reject(new Error("agenda solver: closed"));
      return new Promise<AgendaOutput>((resolve, reject) => {
        queue.push({ id: nextId++, request, resolve, reject });
        pump();
      });
    },
    pending() {
      return queue.length + slots.filter((slot) => slot.call !== null).length;
    },
    async close() {
      closed = true;
      const error = new Error("agenda solver: closed");
      for (const waiting of queue.splice(0)) waiting.reject(error);
      const workers = slots.map((slot) => slot.worker);
      for (const slot of [...slots]) retire(slot, error);
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
