import { execFileSync, spawnSync } from "node:child_process";
import { performance } from "node:perf_hooks";

/**
 * Debian's cbc and glpsol on an LP file: wall time around the process and the solve time each reports itself.
 */
export interface ExternalRun {
  objective: number | null;
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

export function runCbc(file: string, timeLimitSeconds: number): ExternalRun {
  const began = performance.now();
  const out = execFileSync("cbc", [file, "sec", String(timeLimitSeconds), "solve", "quit"], {
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  const wallMs = performance.now() - began;
  const objective = /Objective value:\s+(-?[\d.eE+-]+)/.exec(out)?.[1];
  const own = /Total time \(CPU seconds\):\s+([\d.]+)\s+\(Wallclock seconds\):\s+([\d.]+)/.exec(out);
  return {
    objective: objective === undefined ? null : Number(objective),
    isOptimal: /Result - Optimal solution found/.test(out),
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
  const lastMip = [...out.matchAll(/mip =\s+(-?[\d.eE+-]+)/g)].pop()?.[1];
  const used = /Time used:\s+([\d.]+) secs/.exec(out)?.[1];
  return {
    objective: lastMip === undefined ? null : Number(lastMip),
    isOptimal: /INTEGER OPTIMAL SOLUTION FOUND/.test(out),
    wallMs,
    ownMs: used === undefined ? null : Number(used) * 1000,
    ownCpuMs: null,
  };
}
