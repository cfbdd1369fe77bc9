/**
 * `npm run bench -- agenda [--sizes 20,60,200,1000] [--seeds N] [--reps N] [--skip-external] [--external-max-size N]
 *   [--external-limit-s S]`
 * Generated Miami weeks of 20 to 1,000 candidates, several seeds each. For each size: warm in-process solve times
 * (median, p95) of the heuristic, the exact solver (heuristic then Lagrangian branch and bound, as the app runs it),
 * the whole solveAgenda pipeline (compile + solve + explanations) and HiGHS; the CLI's wall time; Debian's cbc and
 * glpsol on the same LP files at every size, each under a time limit (--external-limit-s, 60 s by default): their wall
 * time, their own reported time and how each run ended (optimal, or stopped at the limit with its best plan, best
 * bound and gap). The last line is one JSON object.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { compileAgenda } from "../src/domain/agenda/compile-agenda";
import { generateAgenda } from "../src/domain/agenda/generate-agenda";
import { solveWithHighs } from "../src/domain/agenda/highs-solver";
import { writeLp } from "../src/domain/agenda/lp-format";
import { solveAgenda, solveBest } from "../src/domain/agenda/solve-agenda";
import type { SolverOutcome } from "../src/domain/agenda/solver";
import { isInstalled, runCbc, runGlpsol } from "./agenda/external-solvers";
import type { ExternalRun } from "./agenda/external-solvers";
import { median, quantile, round } from "./agenda/statistics";

interface Options {
  sizes: number[];
  seeds: number;
  reps: number;
  isExternalSkipped: boolean;
  /** Run cbc and glpsol only up to this size (every size by default). */
  externalMaxSize: number;
  /** The time limit given to cbc (`sec`) and glpsol (`--tmlim`), in seconds. */
  externalLimitS: number;
}

function parseOptions(args: string[]): Options {
  const valueOf = (name: string): string | undefined => {
    const index = args.indexOf(name);
    return index >= 0 ? args[index + 1] : undefined;
  };
  return {
    sizes: (valueOf("--sizes") ?? "20,60,200,1000").split(",").map(Number),
    seeds: Number(valueOf("--seeds") ?? 5),
    reps: Number(valueOf("--reps") ?? 5),
    isExternalSkipped: args.includes("--skip-external"),
    externalMaxSize: Number(valueOf("--external-max-size") ?? Number.POSITIVE_INFINITY),
    externalLimitS: Number(valueOf("--external-limit-s") ?? 60),
  };
}

/** The app's time budget at each size: proofs get time at the sizes the targets ask a proof for. */
function budgetFor(size: number): number {
  return size >= 1000 ? 2000 : 20_000;
}

interface SolverFigures {
  times: number[];
  /** CPU time of this process during the solve: steadier than wall time on a shared machine. */
  cpuTimes: number[];
  objectives: number[];
  gaps: number[];
  proven: number;
  /** Branch-and-bound nodes (exact solver). */
  efforts: number[];
}

const emptyFigures = (): SolverFigures => ({
  times: [],
  cpuTimes: [],
  objectives: [],
  gaps: [],
  proven: 0,
  efforts: [],
});

function cpuMs(usage: NodeJS.CpuUsage): number {
  return (usage.user + usage.system) / 1000;
}

function summary(figures: SolverFigures): Record<string, number | null> {
  return {
    median_ms: round(median(figures.times)),
    p95_ms: round(quantile(figures.times, 0.95)),
    cpu_median_ms: round(median(figures.cpuTimes)),
    cpu_p95_ms: round(quantile(figures.cpuTimes, 0.95)),
    proven: figures.proven,
    ...(figures.efforts.length > 0
      ? { nodes_median: median(figures.efforts), nodes_max: Math.max(...figures.efforts) }
      : {}),
    max_gap_percent: round(figures.gaps.length === 0 ? null : Math.max(...figures.gaps) * 100, 3),
    mean_objective: round(figures.objectives.reduce((a, b) => a + b, 0) / Math.max(1, figures.objectives.length), 2),
  };
}

function externalSummary(runs: ExternalRun[]): Record<string, number | null> {
  return {
    median_wall_ms: round(median(runs.map((run) => run.wallMs))),
    median_own_ms: round(median(runs.flatMap((run) => (run.ownMs === null ? [] : [run.ownMs])))),
    median_own_cpu_ms: round(median(runs.flatMap((run) => (run.ownCpuMs === null ? [] : [run.ownCpuMs])))),
    p95_own_ms: round(
      quantile(
        runs.flatMap((run) => (run.ownMs === null ? [] : [run.ownMs])),
        0.95,
      ),
    ),
    proven: runs.filter((run) => run.isOptimal).length,
    stopped_at_limit: runs.filter((run) => run.status === "time_limit").length,
    max_gap_percent: round(
      runs.length === 0 || runs.some((run) => run.gap === null)
        ? null
        : Math.max(0, ...runs.map((run) => (run.gap ?? 0) * 100)),
      3,
    ),
  };
}

/** Each run as it ended: the honest detail behind the medians, one entry per instance. */
function externalRuns(runs: ExternalRun[]): Record<string, unknown>[] {
  return runs.map((run) => ({
    status: run.status,
    objective: run.objective,
    bound: round(run.bound, 3),
    gap_percent: round(run.gap === null ? null : run.gap * 100, 3),
    own_ms: round(run.ownMs),
    wall_ms: round(run.wallMs),
  }));
}

export async function main(args: string[]): Promise<void> {
  const options = parseOptions(args);
  // Wall times mean little on a busy machine: the load is printed with the figures, CPU times beside wall times.
  const loadAtStart = loadavg();
  const folder = mkdtempSync(join(tmpdir(), "agenda-bench-"));
  const clock = (): number => performance.now();
  const hasCbc = !options.isExternalSkipped && isInstalled("cbc");
  const hasGlpsol = !options.isExternalSkipped && isInstalled("glpsol");
  if (!hasCbc) console.log("cbc not found (apt install coinor-cbc): no cbc figures");
  const report: Record<string, unknown> = {};
  try {
    for (const size of options.sizes) {
      const seeds = size >= 1000 ? Math.min(3, options.seeds) : options.seeds;
      const greedy = emptyFigures();
      const exact = emptyFigures();
      const pipeline = emptyFigures();
      const highs = emptyFigures();
      const compileTimes: number[] = [];
      const placementCounts: number[] = [];
      const cbcRuns: ExternalRun[] = [];
      const glpsolRuns: ExternalRun[] = [];
      let agreements = 0;
      let comparisons = 0;
      for (let seed = 0; seed < seeds; seed++) {
        const input = generateAgenda({ candidates: size, seed: `bench-${size}-${seed}` });
        compileAgenda(input);
        let began = clock();
        const model = compileAgenda(input);
        compileTimes.push(clock() - began);
        placementCounts.push(model.placements.length);
        const budgetMs = budgetFor(size);
        let exactObjective: number | null = null;
        for (let rep = -1; rep < options.reps; rep++) {
          // The search as the app runs it (solveBest: heuristic, then the exact solver from its plan); the heuristic's
          // figures are those of its first answer inside the same run.
          began = clock();
          let cpu = process.cpuUsage();
          let heuristicMs = 0;
          let heuristicCpu = 0;
          let heuristic: SolverOutcome | null = null;
          const proof = solveBest(model, {
            clock,
            budgetMs,
            onFirstAnswer: (outcome) => {
              heuristicMs = clock() - began;
              heuristicCpu = cpuMs(process.cpuUsage(cpu));
              heuristic = outcome;
            },
          });
          const exactMs = clock() - began;
          const exactCpu = cpuMs(process.cpuUsage(cpu));
          const first = heuristic as SolverOutcome | null;
          began = clock();
          cpu = process.cpuUsage();
          const whole = solveAgenda(input, { clock, budgetMs });
          const pipelineMs = clock() - began;
          const pipelineCpu = cpuMs(process.cpuUsage(cpu));
          if (rep < 0) continue;
          greedy.times.push(heuristicMs);
          greedy.cpuTimes.push(heuristicCpu);
          exact.times.push(exactMs);
          exact.cpuTimes.push(exactCpu);
          pipeline.times.push(pipelineMs);
          pipeline.cpuTimes.push(pipelineCpu);
          exact.efforts.push(proof.effort ?? 0);
          if (rep === 0) {
            const best = proof.objective ?? 0;
            const bound = proof.bound ?? best;
            greedy.objectives.push(first?.objective ?? 0);
            greedy.gaps.push(bound <= 0 ? 0 : (bound - (first?.objective ?? 0)) / bound);
            exact.objectives.push(best);
            exact.gaps.push(bound <= 0 ? 0 : (bound - best) / bound);
            if (proof.status === "optimal") exact.proven++;
            pipeline.objectives.push(whole.output.objective ?? 0);
            pipeline.gaps.push(whole.output.gap ?? 0);
            if (whole.output.status === "optimal") pipeline.proven++;
            exactObjective = proof.status === "optimal" ? proof.objective : null;
          }
        }
        if (size <= 200 || seed === 0) {
          await solveWithHighs(model, 30_000);
          began = clock();
          const cpu = process.cpuUsage();
          const reference = await solveWithHighs(model, size >= 1000 ? 10_000 : 30_000);
          highs.times.push(clock() - began);
          highs.cpuTimes.push(cpuMs(process.cpuUsage(cpu)));
          highs.objectives.push(reference.objective ?? 0);
          if (reference.status === "optimal") highs.proven++;
        }
        const lpFile = join(folder, `agenda-${size}-${seed}.lp`);
        writeFileSync(lpFile, writeLp(model));
        const isExternalRun = size <= options.externalMaxSize;
        if (hasCbc && isExternalRun) {
          const run = runCbc(lpFile, options.externalLimitS);
          cbcRuns.push(run);
          if (run.isOptimal && exactObjective !== null) {
            comparisons++;
            if (Math.abs((run.objective ?? Number.NaN) - exactObjective) < 1e-6) agreements++;
          }
        }
        if (hasGlpsol && isExternalRun) glpsolRuns.push(runGlpsol(lpFile, options.externalLimitS));
      }
      const cliFile = join(folder, `agenda-${size}.json`);
      writeFileSync(cliFile, JSON.stringify(generateAgenda({ candidates: size, seed: `bench-${size}-0` })));
      const cliTimes: number[] = [];
      for (let rep = 0; rep < 3; rep++) {
        const began = clock();
        const result = spawnSync(
          process.execPath,
          [
            "--import",
            "tsx",
            "src/cli/main.ts",
            "agenda",
            "solve",
            cliFile,
            "--json",
            "--budget-ms",
            String(budgetFor(size)),
          ],
          { encoding: "utf8" },
        );
        cliTimes.push(clock() - began);
        if (result.status !== 0) console.log(`CLI exit ${result.status}: ${result.stderr.slice(0, 300)}`);
      }
      const exactSummary = summary(exact);
      const cbcSummary = externalSummary(cbcRuns);
      const cbcOwn = cbcSummary.median_own_ms ?? null;
      const speedup = cbcOwn !== null && exactSummary.median_ms ? round(cbcOwn / exactSummary.median_ms, 2) : null;
      const cbcCpu = cbcSummary.median_own_cpu_ms ?? null;
      const cpuSpeedup =
        cbcCpu !== null && exactSummary.cpu_median_ms ? round(cbcCpu / exactSummary.cpu_median_ms, 2) : null;
      const entry = {
        instances: seeds,
        placements_median: median(placementCounts),
        compile_median_ms: round(median(compileTimes)),
        greedy: summary(greedy),
        exact: exactSummary,
        pipeline: summary(pipeline),
        highs: summary(highs),
        external_limit_s: options.externalLimitS,
        cbc: { ...cbcSummary, same_optimum: `${agreements}/${comparisons}`, runs: externalRuns(cbcRuns) },
        glpsol: { ...externalSummary(glpsolRuns), runs: externalRuns(glpsolRuns) },
        cli_wall_median_ms: round(median(cliTimes)),
        speedup_vs_cbc_own: speedup,
        cpu_speedup_vs_cbc_own: cpuSpeedup,
      };
      report[String(size)] = entry;
      console.log(`size ${size}: ${JSON.stringify(entry)}`);
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  type Entry = {
    instances: number;
    exact: Record<string, number | null>;
    pipeline: Record<string, number | null>;
    speedup_vs_cbc_own: number | null;
    cpu_speedup_vs_cbc_own: number | null;
  };
  const entry = (size: number): Entry | undefined => report[String(size)] as Entry | undefined;
  const isProvenUnder = (size: number, limitMs: number, key: "median_ms" | "cpu_median_ms"): boolean | null => {
    const figures = entry(size);
    if (figures === undefined) return null;
    return (figures.exact[key] ?? Infinity) < limitMs && figures.exact.proven === figures.instances;
  };
  const isFasterThanCbc = (size: number, key: "speedup_vs_cbc_own" | "cpu_speedup_vs_cbc_own"): boolean | null => {
    const figures = entry(size);
    return figures === undefined || figures[key] === null ? null : (figures[key] ?? 0) >= 3;
  };
  const large = entry(1000);
  const targets = {
    proven_60_median_under_100ms: isProvenUnder(60, 100, "median_ms"),
    proven_60_cpu_median_under_100ms: isProvenUnder(60, 100, "cpu_median_ms"),
    proven_200_median_under_1s: isProvenUnder(200, 1000, "median_ms"),
    proven_200_cpu_median_under_1s: isProvenUnder(200, 1000, "cpu_median_ms"),
    three_times_faster_than_cbc_60: isFasterThanCbc(60, "speedup_vs_cbc_own"),
    three_times_faster_than_cbc_60_cpu: isFasterThanCbc(60, "cpu_speedup_vs_cbc_own"),
    three_times_faster_than_cbc_200: isFasterThanCbc(200, "speedup_vs_cbc_own"),
    three_times_faster_than_cbc_200_cpu: isFasterThanCbc(200, "cpu_speedup_vs_cbc_own"),
    answer_1000_within_2s_gap_under_2_percent:
      large === undefined
        ? null
        : (large.pipeline.p95_ms ?? Infinity) <= 2000 && (large.pipeline.max_gap_percent ?? Infinity) < 2,
  };
  console.log(
    JSON.stringify({
      benchmark: "agenda",
      cpus: availableParallelism(),
      node: process.version,
      load_average: { start: loadAtStart, end: loadavg() },
      sizes: report,
      targets,
    }),
  );
}
