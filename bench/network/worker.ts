/**
 * One measurement of the network benchmark, run in its own process so that its peak memory is its own:
 * `tsx bench/network/worker.ts TASK SIZE [PIVOTS]` prints one JSON line.
 */
import { writeFileSync } from "node:fs";
import Graph from "graphology";
import louvain from "graphology-communities-louvain";
import { createUnweightedIndexedBrandes } from "graphology-shortest-path/indexed-brandes";
import { benchSizes, generateCommunityGraph } from "./community-graph";
import { buildCompactGraph } from "../../src/domain/network/compact-graph";
import { detectCommunities, modularity } from "../../src/domain/network/louvain";
import { betweenness, betweennessCentralization } from "../../src/domain/network/betweenness";
import { defaultLouvainRuns, defaultPivots } from "../../src/domain/network/network-structure";
import { rewireDegreePreserving } from "../../src/domain/network/rewire";
import { eliteDegree, richClubCoefficient } from "../../src/domain/network/rich-club";
import { buildCityReportSnapshot } from "../../src/app/analytics/build-city-report-snapshot";
import type { CityMember } from "../../src/domain/network/city-input";
import { createRng } from "../../src/domain/random";

const peakMegabytes = (): number => Math.round(process.resourceUsage().maxRSS / 1024);
const seconds = (start: number): number => (performance.now() - start) / 1000;
/** CPU seconds of this process so far: on a shared, loaded machine closer to what an idle one would take. */
const cpuSeconds = (): number => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
};

async function run(task: string, sizeName: string, extra: string | undefined): Promise<Record<string, unknown>> {
  const size = benchSizes[sizeName];
  if (!size) throw new Error(`unknown size ${sizeName}`);
  const generated = generateCommunityGraph(size);
  let start = performance.now();
  if (task === "export") {
    // Distinct undirected edges as little-endian int32 pairs, for the igraph baseline.
    const graph = buildCompactGraph(generated.nodeCount, generated);
    const pairs = new Int32Array(graph.edgeCount * 2);
    let write = 0;
    for (let a = 0; a < graph.nodeCount; a++)
      for (let p = graph.offsets[a] as number; p < (graph.offsets[a + 1] as number); p++) {
        const b = graph.targets[p] as number;
        if (a < b) {
          pairs[write++] = a;
          pairs[write++] = b;
        }
      }
    writeFileSync(extra as string, pairs);
    return { nodes: graph.nodeCount, edges: graph.edgeCount };
  }
  if (task.startsWith("graphology")) {
    const graph = new Graph({ type: "undirected", multi: false });
    for (let i = 0; i < generated.nodeCount; i++) graph.addNode(i);
    for (let e = 0; e < generated.sources.length; e++)
      graph.mergeEdge(generated.sources[e] as number, generated.targets[e] as number);
    const buildSeconds = seconds(start);
    start = performance.now();
    if (task === "graphology-louvain") {
      const rng = createRng(1);
      const cpuStart = cpuSeconds();
      const result = louvain.detailed(graph, { getEdgeWeight: null, rng: () => rng.next() });
      return {
        seconds: seconds(start),
        cpuSeconds: cpuSeconds() - cpuStart,
        modularity: result.modularity,
        communities: result.count,
        buildSeconds,
        peakMegabytes: peakMegabytes(),
      };
    }
    const pivots = Number(extra ?? 10);
    const cpuStart = cpuSeconds();
    const brandes = createUnweightedIndexedBrandes(graph);
    const delta = new Float64Array(graph.order);
    const centrality = new Float64Array(graph.order);
    const rng = createRng(1);
    for (let k = 0; k < pivots; k++) {
      const source = rng.int(graph.order);
      const [stack, predecessors, sigma] = brandes(source);
      const items = (stack as unknown as { items: Int32Array }).items;
      for (let j = 0; j < stack.size; j++) delta[items[j] as number] = 0;
      while (stack.size !== 0) {
        const w = stack.pop() as number;
        const coefficient = (1 + (delta[w] as number)) / (sigma[w] as number);
        for (const v of predecessors[w] as number[])
          delta[v] = (delta[v] as number) + (sigma[v] as number) * coefficient;
        if (w !== source) centrality[w] = (centrality[w] as number) + (delta[w] as number);
      }
    }
    return {
      millisecondsPerPivot: (1000 * seconds(start)) / pivots,
      cpuMillisecondsPerPivot: (1000 * (cpuSeconds() - cpuStart)) / pivots,
      pivots,
      buildSeconds,
      peakMegabytes: peakMegabytes(),
    };
  }
  const graph = buildCompactGraph(generated.nodeCount, generated);
  const buildSeconds = seconds(start);
  start = performance.now();
  if (task === "louvain") {
    const cpuStart = cpuSeconds();
    const result = detectCommunities(graph, { seed: 1, runs: 1 });
    return {
      seconds: seconds(start),
      cpuSeconds: cpuSeconds() - cpuStart,
      modularity: result.modularity,
      communities: result.count,
      buildSeconds,
      peakMegabytes: peakMegabytes(),
    };
  }
  if (task === "louvain-planted") {
    return { modularity: modularity(graph, generated.block) };
  }
  if (task === "betweenness") {
    const pivots = Number(extra ?? 10);
    const cpuStart = cpuSeconds();
    const result = betweenness(graph, { pivots, seed: 1 });
    return {
      millisecondsPerPivot: (1000 * seconds(start)) / pivots,
      cpuMillisecondsPerPivot: (1000 * (cpuSeconds() - cpuStart)) / pivots,
      pivots,
      errorBoundIfThisManyPivots: result.errorBound,
      peakMegabytes: peakMegabytes(),
    };
  }
  if (task === "spread") {
    // How much the openness index's random baseline varies from one degree-preserving randomization to the next,
    // with the report's own algorithms and budgets: the error of using one randomization on big graphs.
    const runs = Number(extra ?? 3);
    const pivots = defaultPivots(graph);
    const rng = createRng(1);
    const samples: Record<string, number[]> = { modularity: [], centralization: [], richClub: [] };
    const k = eliteDegree(graph);
    const cpuStart = cpuSeconds();
    for (let r = 0; r < runs; r++) {
      const random = rewireDegreePreserving(graph, rng.fork());
      const seed = r + 2;
      samples.modularity?.push(detectCommunities(random, { seed, runs: defaultLouvainRuns(graph) }).modularity);
      samples.centralization?.push(
        betweennessCentralization(betweenness(random, pivots === undefined ? { seed } : { seed, pivots }).normalized),
      );
      samples.richClub?.push(richClubCoefficient(random, k) ?? Number.NaN);
    }
    const spread = Object.fromEntries(
      Object.entries(samples).map(([name, values]) => {
        const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
        const sd = Math.sqrt(values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / Math.max(1, values.length - 1));
        return [name, { mean, sd, values }];
      }),
    );
    return {
      runs,
      pivots: pivots ?? null,
      cpuSeconds: cpuSeconds() - cpuStart,
      ...spread,
      peakMegabytes: peakMegabytes(),
    };
  }
  if (task === "report") {
    const origins = ["local", "expat", "visitor"];
    // Ties first met over the two years before `now`, so that every quarter of the trend has a network.
    const now = Date.UTC(2026, 10, 26);
    const dayMs = 86_400_000;
    const dates = createRng(5);
    const members: CityMember[] = Array.from({ length: graph.nodeCount }, (_, i) => ({
      id: String(i + 1),
      origin: origins[(generated.block[i] as number) % 3] as string,
    }));
    const a = new Int32Array(graph.edgeCount);
    const b = new Int32Array(graph.edgeCount);
    const firstMetAt = Float64Array.from({ length: graph.edgeCount }, () => now - dates.int(730) * dayMs);
    let write = 0;
    for (let x = 0; x < graph.nodeCount; x++)
      for (let p = graph.offsets[x] as number; p < (graph.offsets[x + 1] as number); p++) {
        const y = graph.targets[p] as number;
        if (x < y) {
          a[write] = x;
          b[write] = y;
          write++;
        }
      }
    start = performance.now();
    const cpuStart = cpuSeconds();
    // Wall and CPU seconds of each step of the report, as the report announces them.
    const steps: Record<string, { seconds: number; cpuSeconds: number }> = {};
    let stepStart = performance.now();
    let stepCpu = cpuStart;
    const progress = (step: string): void => {
      const previous = steps[step] ?? { seconds: 0, cpuSeconds: 0 };
      steps[step] = {
        seconds: Number((previous.seconds + seconds(stepStart)).toFixed(2)),
        cpuSeconds: Number((previous.cpuSeconds + cpuSeconds() - stepCpu).toFixed(2)),
      };
      stepStart = performance.now();
      stepCpu = cpuSeconds();
      if (process.env.BENCH_VERBOSE) console.error(step, steps[step], `${peakMegabytes()} MB`);
    };
    // The whole computation of the app's report job: report, quarterly trend, network view, communities.
    const report = buildCityReportSnapshot(
      {
        input: { members, ties: { a, b, firstMetAt }, now },
        memberIds: Int32Array.from({ length: graph.nodeCount }, (_, i) => i + 1),
      },
      { progress },
    );
    return {
      seconds: seconds(start),
      cpuSeconds: cpuSeconds() - cpuStart,
      steps,
      index: report.openness.index,
      components: Object.fromEntries(
        Object.entries(report.openness.components).map(([name, component]) => [name, component?.score ?? null]),
      ),
      pivots: report.betweenness.pivots,
      randomizations: report.openness.randomizations,
      trend: report.trend.map((point) => point.index),
      peakMegabytes: peakMegabytes(),
    };
  }
  throw new Error(`unknown task ${task}`);
}

const [task, sizeName, extra] = process.argv.slice(2);
console.log(JSON.stringify(await run(task ?? "", sizeName ?? "", extra)));
