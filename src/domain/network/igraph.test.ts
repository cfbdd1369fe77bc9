/**
 * Cross-checks against igraph (Debian's python3-igraph), an independent implementation. Skipped when igraph is not
 * importable, except under CI or REQUIRE_IGRAPH, where its absence fails loudly.
 */
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { betweenness } from "./betweenness";
import { detectCommunities, modularity } from "./louvain";
import { structuralHoles } from "./structural-holes";
import { attributeAssortativity } from "./mixing";
import { density, reciprocity } from "./cohesion";
import { buildCompactGraph } from "./compact-graph";
import type { CompactGraph } from "./compact-graph";
import { karateClubNetwork, miserablesNetwork } from "../../../test/fixtures/network/classic-networks";
import { createRng } from "../random";

// Debian's python3-igraph lives under /usr/bin/python3, which a pyenv or venv `python3` on the PATH may hide.
const python = [process.env.PYTHON, "python3", "/usr/bin/python3"].find(
  (candidate) =>
    candidate !== undefined && spawnSync(candidate, ["-c", "import igraph"], { encoding: "utf8" }).status === 0,
);
const igraphAvailable = python !== undefined;
const required = Boolean(process.env.CI) || Boolean(process.env.REQUIRE_IGRAPH);

/** Runs a Python snippet with `graph` (an igraph.Graph) and `data` defined; the snippet sets `out`. */
function igraph(graph: CompactGraph, snippet: string, data: unknown = null): unknown {
  const edges: [number, number][] = [];
  for (let a = 0; a < graph.nodeCount; a++)
    for (let p = graph.offsets[a] as number; p < (graph.offsets[a + 1] as number); p++) {
      const b = graph.targets[p] as number;
      if (graph.directed || a < b) edges.push([a, b]);
    }
  const program = `import igraph, json, sys
import random
random.seed(1)  # python-igraph draws from Python's random module: seeded, its Louvain is reproducible
payload = json.load(sys.stdin)
graph = igraph.Graph(n=payload["n"], edges=[tuple(e) for e in payload["edges"]], directed=payload["directed"])
data = payload["data"]
${snippet}
print(json.dumps(out))`;
  const result = spawnSync(python as string, ["-c", program], {
    input: JSON.stringify({ n: graph.nodeCount, edges, directed: graph.directed, data }),
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout) as unknown;
}

describe("igraph cross-check", () => {
  it("has python3-igraph when CI or REQUIRE_IGRAPH asks for it", () => {
    if (required) expect(igraphAvailable, "python3-igraph must be importable (apt install python3-igraph)").toBe(true);
  });

  it.skipIf(!igraphAvailable)("agrees on modularity, betweenness, constraint and assortativity", () => {
    const { graph } = karateClubNetwork();
    const ours = detectCommunities(graph, { seed: 7, runs: 10 });
    const theirs = igraph(
      graph,
      "out = [graph.modularity(data), graph.community_multilevel().modularity, graph.betweenness(), graph.constraint(), graph.density()]",
      Array.from(ours.membership),
    ) as [number, number, number[], number[], number];
    expect(modularity(graph, ours.membership)).toBeCloseTo(theirs[0], 10);
    expect(ours.modularity).toBeGreaterThanOrEqual(theirs[1] - 1e-9);
    const between = betweenness(graph);
    theirs[2].forEach((value, i) => expect(between.raw[i]).toBeCloseTo(value, 8));
    const holes = structuralHoles(graph);
    theirs[3].forEach((value, i) => expect(holes.constraint[i]).toBeCloseTo(value, 8));
    expect(density(graph)).toBeCloseTo(theirs[4], 12);

    const miserables = miserablesNetwork();
    const groups = miserables.groups;
    const assortativity = igraph(
      miserables.graph,
      "out = graph.assortativity_nominal(data, directed=False)",
      groups,
    ) as number;
    expect(attributeAssortativity(miserables.graph, groups)).toBeCloseTo(assortativity, 10);
  });

  it.skipIf(!igraphAvailable)("agrees on directed betweenness and reciprocity of a random digraph", () => {
    const rng = createRng(8);
    const sources: number[] = [];
    const targets: number[] = [];
    for (let e = 0; e < 300; e++) {
      sources.push(rng.int(60));
      targets.push(rng.int(60));
    }
    const graph = buildCompactGraph(60, { sources, targets }, { directed: true });
    const theirs = igraph(
      graph,
      "out = [graph.betweenness(directed=True), graph.reciprocity(ignore_loops=True, mode='default')]",
    ) as [number[], number];
    const between = betweenness(graph);
    theirs[0].forEach((value, i) => expect(between.raw[i]).toBeCloseTo(value, 8));
    expect(reciprocity(graph)).toBeCloseTo(theirs[1], 12);
  });
});
