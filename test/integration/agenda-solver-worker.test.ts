import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { whileTimerTicks } from "../support/event-loop";
import type { AgendaSolveRequest } from "../../src/app/agenda/agenda-solver";
import { createAgendaSolverPool } from "../../src/app/agenda/agenda-solver-pool";
import type { AgendaInput, AgendaOutput } from "../../src/domain/agenda/exchange-format";
import { generateAgenda } from "../../src/domain/agenda/generate-agenda";
import { solveAgenda } from "../../src/domain/agenda/solve-agenda";

/** The output without its timing, which differs from run to run. */
const withoutTime = ({ time_ms, ...rest }: AgendaOutput): Omit<AgendaOutput, "time_ms"> => {
  expect(time_ms).toBeGreaterThanOrEqual(0);
  return rest;
};

/** An input the solver cannot read: it throws in the compiler. */
const unreadable = { candidates: null } as unknown as AgendaInput;

describe("the agenda solver's worker pool", () => {
  const pool = createAgendaSolverPool();
  afterAll(() => pool.close());

  it("gives the same plans as solveAgenda on this thread", async () => {
    const cases: AgendaSolveRequest[] = [
      { input: generateAgenda({ candidates: 12, seed: 1 }), options: { seed: "a" } },
      { input: generateAgenda({ candidates: 40, seed: 2, days: 3 }), options: { seed: "b" } },
      { input: generateAgenda({ candidates: 90, seed: 3, lockedShare: 0.05 }), options: { seed: 7 } },
      { input: generateAgenda({ candidates: 60, seed: 4 }), options: { seed: "c", solver: "greedy" as const } },
    ];
    // With a previous plan: the worker keeps it on the same terms as the inline solve.
    const first = cases[1]!;
    const previous = solveAgenda(first.input, first.options).output.chosen.slice(1);
    cases.push({ input: first.input, options: { ...first.options, previous } });

    const inWorker = await Promise.all(cases.map((request) => pool.solve(request)));
    for (const [index, request] of cases.entries()) {
      const inline = solveAgenda(request.input, request.options).output;
      expect(inline.chosen.length).toBeGreaterThan(0);
      expect(withoutTime(inWorker[index]!)).toEqual(withoutTime(inline));
    }
  });

  it("keeps the event loop turning during a solve that blocks it when run inline", async () => {
    const input = generateAgenda({ candidates: 2000, seed: 5 });
    const options = { budgetMs: 1500, seed: "long" };
    await pool.solve({ input: generateAgenda({ candidates: 10, seed: 6 }) }); // the worker is up

    const inlineStarted = performance.now();
    const inline = solveAgenda(input, { ...options, clock: () => performance.now() }).output;
    // The inline solve is one block of the event loop: no timer fires during it.
    const blockedMs = performance.now() - inlineStarted;

    const {
      result: output,
      ticks,
      longestGapMs,
      elapsedMs: workerMs,
    } = await whileTimerTicks(5, () => pool.solve({ input, options }));

    expect(output.chosen.length).toBeGreaterThan(0);
    expect(output.status).not.toBe("infeasible");
    expect(inline.chosen.length).toBeGreaterThan(0);
    expect(blockedMs).toBeGreaterThan(200);
    expect(ticks).toBeGreaterThan(workerMs / 5 / 4);
    expect(longestGapMs).toBeLessThan(Math.max(100, blockedMs / 3));
  }, 60_000);

  it("rejects only the call whose solve throws; the next call, already queued, is answered", async () => {
    const small = { input: generateAgenda({ candidates: 15, seed: 8 }), options: { seed: 1 } };
    const [failed, solved] = await Promise.allSettled([pool.solve({ input: unreadable }), pool.solve(small)]);
    expect(failed.status).toBe("rejected");
    expect((failed as PromiseRejectedResult).reason).toBeInstanceOf(Error);
    expect(((failed as PromiseRejectedResult).reason as Error).name).toBe("TypeError");
    expect(((failed as PromiseRejectedResult).reason as Error).message).toMatch(/^agenda solver: /);
    expect(solved.status).toBe("fulfilled");
    expect(withoutTime((solved as PromiseFulfilledResult<AgendaOutput>).value)).toEqual(
      withoutTime(solveAgenda(small.input, small.options).output),
    );
  });

  it("replaces a worker that crashes: the crash rejects its call, the calls queued behind it are answered", async () => {
    // A heap too small for a 20,000-offer week, large enough for a small one: the worker dies of it.
    const tight = createAgendaSolverPool({ resourceLimits: { maxOldGenerationSizeMb: 16 } });
    try {
      const small = { input: generateAgenda({ candidates: 15, seed: 9 }), options: { seed: 2 } };
      const huge = { input: generateAgenda({ candidates: 20_000, seed: 9 }), options: { budgetMs: 500 } };
      const [crashed, queued] = await Promise.allSettled([tight.solve(huge), tight.solve(small)]);
      expect(crashed.status).toBe("rejected");
      expect(((crashed as PromiseRejectedResult).reason as Error).message).toMatch(
        /^agenda solver worker failed: .*memory/,
      );
      expect(queued.status).toBe("fulfilled");
      expect((await tight.solve(small)).chosen.length).toBeGreaterThan(0);
    } finally {
      await tight.close();
    }
  }, 60_000);

  it("terminates and replaces a worker past the hard timeout", async () => {
    const impatient = createAgendaSolverPool({ timeoutMs: 30 });
    try {
      const long = { input: generateAgenda({ candidates: 2000, seed: 10 }), options: { budgetMs: 1500 } };
      const error = await impatient.solve(long).catch((failure: unknown) => failure);
      expect((error as Error).message).toBe("agenda solver: no answer after 30 ms, worker terminated");
      // A new worker answers a solve that fits in the time.
      const output = await impatient.solve({ input: generateAgenda({ candidates: 3, seed: 10, days: 1 }) });
      expect(output.status).not.toBe("infeasible");
    } finally {
      await impatient.close();
    }
  }, 60_000);

  it("rejects what is pending on close, and every call after", async () => {
    const closing = createAgendaSolverPool();
    const pending = closing.solve({
      input: generateAgenda({ candidates: 500, seed: 11 }),
      options: { budgetMs: 1500 },
    });
    const outcome = pending.catch((failure: unknown) => failure);
    await closing.close();
    expect(((await outcome) as Error).message).toBe("agenda solver: closed");
    await expect(closing.solve({ input: generateAgenda({ candidates: 3, seed: 11 }) })).rejects.toThrow(
      "agenda solver: closed",
    );
  });

  it("starts as `npm start` runs it (node --import tsx) and, idle, lets the process end without close()", async () => {
    const script = `
      import { createAgendaSolverPool } from "./src/app/agenda/agenda-solver-pool.ts";
      import { generateAgenda } from "./src/domain/agenda/generate-agenda.ts";
      const pool = createAgendaSolverPool();
      const output = await pool.solve({ input: generateAgenda({ candidates: 20, seed: 12 }), options: { budgetMs: 1500 } });
      console.log(JSON.stringify({ status: output.status, chosen: output.chosen.length > 0 }));
    `;
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ["--import", "tsx", "--input-type=module", "-e", script],
      { cwd: join(import.meta.dirname, "..", ".."), timeout: 30_000 },
    );
    expect(JSON.parse(stdout.trim())).toEqual({ status: "optimal", chosen: true });
  }, 60_000);
});
