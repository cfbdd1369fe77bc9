import { execFileSync, spawnSync } from "node:child_process";
import { performance } from "node:perf_hooks";

/**
 * Debian's cbc and glpsol on an LP file (a maximization) under a time limit: wall time around the process, the solve
 * time each reports itself, and how it ended: proven optimal, or stopped at the limit with its best plan (if any),
 * its best proven bound and the gap between them.
 */
export type ExternalStatus = "optimal" | "time_limit" | "infeasible" | "unknown";

export interface ExternalRun {
  status: ExternalStatus;
  objective: number | null;
  /** The solver's best proven upper bound on the optimum (the objective itself once proven optimal). */
  bound: number | null;
  /** (bound − objective) / bound, or null without a plan or a bound. */
  gap: number | null;
  isOptimal: boolean;
  wallMs: number;
  /** The solver's own reported time (cbc: total wallclock seconds; glpsol: "Time used"), in ms. */
  ownMs: number | null;
  /** The solver's own CPU time where it reports one (cbc), in ms. */
  ownCpuMs: number | null;
}

export function isInstalled(command: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" }).status === 0;
}

function gapOf(objective: number | null, bound: number | null): number | null {
  if (objective === null || bound === null) return null;
  return bound <= 0 ? 0 : Math.max(0, (bound - objective) / bound);
}

export function runCbc(file: string, timeLimitSeconds: number): ExternalRun {
  const began = performance.now();
  const out = execFileSync("cbc", [file, "sec", String(timeLimitSeconds), "solve", "quit"], {
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  const wallMs = performance.now() - began;
  const found = /Objective value:\s+(-?[\d.eE+-]+)/.exec(out)?.[1];
  const own = /Total time \(CPU seconds\):\s+([\d.]+)\s+\(Wallclock seconds\):\s+([\d.]+)/.exec(out);
  const isOptimal = /Result - Optimal solution found/.test(out);
  const status: ExternalStatus = isOptimal
    ? "optimal"
    : /Result - Stopped on time limit/.test(out)
      ? "time_limit"
      : /Result - Problem proven infeasible/.test(out)
        ? "infeasible"
        : "unknown";
  const objective = found === undefined || /No feasible solution found/.test(out) ? null : Number(found);
  // Stopped early, cbc prints its best bound ("Upper bound" for a maximization; "Lower bound" in some builds).
  const reported = /(?:Upper|Lower) bound:\s+(-?[\d.eE+-]+)/.exec(out)?.[1];
  const bound = isOptimal ? objective : reported === undefined ? null : Math.abs(Number(reported));
  return {
    status,
    objective,
    bound,
    gap: gapOf(objective, bound),
    isOptimal,
    wallMs,
    ownMs: own?.[2] === undefined ? null : Number(own[2]) * 1000,
    ownCpuMs: own?.[1] === undefined ? null : Number(own[1]) * 1000,
  };
}

export function runGlpsol(file: string, timeLimitSeconds: number): ExternalRun {
  const began = performance.now();
  const result = spawnSync("glpsol", ["--lp", file, "--tmlim", String(timeLimitSeconds)], {
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  const wallMs = performance.now() - began;
  const out = result.stdout ?? "";
  // The last progress line: "+ 942: mip = 2.135e+03 <= 2.157e+03 1.0% (…)" (">>>>>" when it has just improved).
  const progress = [...out.matchAll(/^\+\s*\d+: (?:mip =|>>>>>)\s+(-?[\d.eE+-]+|not found yet)\s+<=\s+(\S+)/gm)].pop();
  const used = /Time used:\s+([\d.]+) secs/.exec(out)?.[1];
  const isOptimal = /INTEGER OPTIMAL SOLUTION FOUND/.test(out);
  const status: ExternalStatus = isOptimal
    ? "optimal"
    : /TIME LIMIT EXCEEDED/.test(out)
      ? "time_limit"
      : /PROBLEM HAS NO (?:PRIMAL|INTEGER) FEASIBLE SOLUTION/.test(out)
        ? "infeasible"
        : "unknown";
  const objective = progress?.[1] === undefined || progress[1] === "not found yet" ? null : Number(progress[1]);
  const reported = progress?.[2] === undefined ? Number.NaN : Number(progress[2]);
  const bound = isOptimal ? objective : Number.isFinite(reported) ? reported : null;
  return {
    status,
    objective,
    bound,
    gap: gapOf(objective, bound),
    isOptimal,
    wallMs,
    ownMs: used === undefined ? null : Number(used) * 1000,
    ownCpuMs: null,
  };
}
