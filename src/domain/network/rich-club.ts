/**
 * The rich-club coefficient (Zhou & Mondragón 2004) and its normalized form against degree-preserving random graphs
 * (Colizza et al. 2006): whether the best-connected members form a closed elite beyond what their degrees imply.
 */
import type { CompactGraph } from "./compact-graph";
import { degrees, toUndirected } from "./compact-graph";
import { rewireDegreePreserving } from "./rewire";
import type { Rng } from "../random";

/** φ(k) = 2 E_k / N_k (N_k − 1) among nodes of degree > k; null when fewer than two such nodes. */
export function richClubCoefficient(graph: CompactGraph, k: number): number | null {
  const undirected = toUndirected(graph);
  const degree = degrees(undirected);
  let members = 0;
  let arcs = 0;
  for (let i = 0; i < undirected.nodeCount; i++) {
    if ((degree[i] as number) <= k) continue;
    members++;
    for (let p = undirected.offsets[i] as number; p < (undirected.offsets[i + 1] as number); p++)
      if ((degree[undirected.targets[p] as number] as number) > k) arcs++;
  }
  return members < 2 ? null : arcs / (members * (members - 1));
}

/** The degree above which the top `share` of nodes lie (the elite threshold). */
export function eliteDegree(graph: CompactGraph, share = 0.1): number {
  const sorted = degrees(toUndirected(graph)).sort(); // ascending, typed: fast on a million nodes
  if (sorted.length === 0) return 0;
  const position = Math.min(sorted.length - 1, Math.max(0, Math.floor(sorted.length * share)));
  return sorted[sorted.length - 1 - position] as number;
}

export interface NormalizedRichClub {
  readonly k: number;
  readonly observed: number;
  /** Mean φ(k) over the randomized graphs. */
  readonly random: number;
  /** observed / random: above 1 the elite is more closed than its degrees require. */
  readonly normalized: number;
}

/**
 * ρ(k) = φ(k) / mean φ_rand(k) over `randomizations` seeded double-edge-swap copies. Null when the elite is
 * too small or the random graphs have no elite ties.
 */
export function normalizedRichClub(
  graph: CompactGraph,
  k: number,
  rng: Rng,
  options: { randomizations?: number; swapsPerEdge?: number } = {},
): NormalizedRichClub | null {
  const observed = richClubCoefficient(graph, k);
  if (observed === null) return null;
  let sum = 0;
  const runs = Math.max(1, options.randomizations ?? 5);
  for (let r = 0; r < runs; r++) sum += richClubCoefficient(rewireDegreePreserving(graph, rng.fork(), options), k) ?? 0;
  const random = sum / runs;
  return random > 0 ? { k, observed, random, normalized: observed / random } : null;
}
