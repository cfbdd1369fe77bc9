/**
 * Community detection by the Louvain method (Blondel et al. 2008) on compact graphs: local moving in a seeded random
 * order, then aggregation of each community into one node, repeated while modularity grows. Seeded and run several
 * times, keeping the best partition, because a single Louvain run depends on the node order.
 */
import type { CompactGraph } from "./compact-graph";
import { toUndirected } from "./compact-graph";
import { createRng } from "../random";
import type { Rng } from "../random";

/** A weighted undirected graph with loops, as Louvain sees each level. */
interface Level {
  nodeCount: number;
  offsets: Int32Array;
  targets: Int32Array;
  weights: Float64Array | null;
  /** Weight of the edges inside each node (counted once). */
  loops: Float64Array;
}

export interface LouvainOptions {
  /** Seed of the node orders; the same seed gives the same partition. */
  seed?: number;
  /** Independent runs; the partition with the highest modularity wins. */
  runs?: number;
  /** Resolution γ of the modularity (1 = Newman–Girvan). */
  resolution?: number;
  /** Use edge weights (default: false, every tie counts 1). */
  weighted?: boolean;
}

export interface Communities {
  /** Community of each node, numbered 0..count-1 by decreasing size. */
  readonly membership: Int32Array;
  readonly count: number;
  readonly modularity: number;
}

function levelOf(graph: CompactGraph, weighted: boolean): Level {
  const undirected = toUndirected(graph);
  return {
    nodeCount: undirected.nodeCount,
    offsets: undirected.offsets,
    targets: undirected.targets,
    weights: weighted ? undirected.weights : null,
    loops: new Float64Array(undirected.nodeCount),
  };
}

function nodeStrengths(level: Level): Float64Array {
  const out = new Float64Array(level.nodeCount);
  for (let i = 0; i < level.nodeCount; i++) {
    let sum = 2 * (level.loops[i] as number);
    const end = level.offsets[i + 1] as number;
    if (level.weights) for (let p = level.offsets[i] as number; p < end; p++) sum += level.weights[p] as number;
    else sum += end - (level.offsets[i] as number);
    out[i] = sum;
  }
  return out;
}

/**
 * A seeded visiting order: runs of 64 consecutive nodes, the runs shuffled and each run rotated at random. Fully
 * random orders cost a cache miss per node on million-node graphs; runs keep neighbours in cache while still varying
 * the order from seed to seed.
 */
function visitingOrder(n: number, rng: Rng): Int32Array {
  const run = 64;
  const runs = Math.ceil(n / run);
  const runOrder = new Int32Array(runs);
  for (let r = 0; r < runs; r++) runOrder[r] = r;
  for (let r = runs - 1; r > 0; r--) {
    const j = rng.int(r + 1);
    const t = runOrder[r] as number;
    runOrder[r] = runOrder[j] as number;
    runOrder[j] = t;
  }
  const order = new Int32Array(n);
  let write = 0;
  for (let r = 0; r < runs; r++) {
    const start = (runOrder[r] as number) * run;
    const length = Math.min(run, n - start);
    const shift = rng.int(length);
    for (let k = 0; k < length; k++) order[write++] = start + ((k + shift) % length);
  }
  return order;
}

/**
 * Moves single nodes to the neighbouring community with the best modularity gain until no move gains. Nodes wait in
 * a queue (first in a seeded random order); when a node moves, its neighbours outside its new community are queued
 * again (the "fast local moving" of Traag et al. 2019), so late passes touch only the unsettled part of the graph.
 * Returns the community of each node (not renumbered) and whether any node moved.
 */
function moveNodes(
  level: Level,
  totalWeight: number,
  resolution: number,
  rng: Rng,
): { community: Int32Array; moved: boolean } {
  const n = level.nodeCount;
  const { offsets, targets, weights } = level;
  const strength = nodeStrengths(level);
  const community = new Int32Array(n);
  const communityTotal = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    community[i] = i;
    communityTotal[i] = strength[i] as number;
  }
  const linkWeight = new Float64Array(n);
  const touched = new Int32Array(n);
  const queue = visitingOrder(n, rng);
  const queued = new Uint8Array(n).fill(1);
  let head = 0;
  let size = n;
  const twoM = 2 * totalWeight;
  let movedAny = false;
  // Bound the work on pathological inputs; real graphs settle in a few passes' worth of visits.
  let visits = 0;
  for (; size > 0 && visits < 50 * n; visits++) {
    const i = queue[head] as number;
    head = head + 1 === n ? 0 : head + 1;
    size--;
    queued[i] = 0;
    const own = community[i] as number;
    const k = strength[i] as number;
    let touchedCount = 0;
    const start = offsets[i] as number;
    const end = offsets[i + 1] as number;
    for (let p = start; p < end; p++) {
      const c = community[targets[p] as number] as number;
      if (linkWeight[c] === 0) touched[touchedCount++] = c;
      linkWeight[c] = (linkWeight[c] as number) + (weights ? (weights[p] as number) : 1);
    }
    communityTotal[own] = (communityTotal[own] as number) - k;
    const factor = (resolution * k) / twoM;
    const ownGain = (linkWeight[own] as number) - factor * (communityTotal[own] as number);
    let best = own;
    let bestGain = ownGain;
    for (let t = 0; t < touchedCount; t++) {
      const c = touched[t] as number;
      const gain = (linkWeight[c] as number) - factor * (communityTotal[c] as number);
      if (gain > bestGain + 1e-10 * (1 + Math.abs(bestGain))) {
        bestGain = gain;
        best = c;
      }
      linkWeight[c] = 0;
    }
    linkWeight[own] = 0;
    communityTotal[best] = (communityTotal[best] as number) + k;
    if (best === own) continue;
    community[i] = best;
    movedAny = true;
    for (let p = start; p < end; p++) {
      const j = targets[p] as number;
      if (queued[j] === 1 || community[j] === best) continue;
      queued[j] = 1;
      let tail = head + size;
      if (tail >= n) tail -= n;
      queue[tail] = j;
      size++;
    }
  }
  return { community, moved: movedAny };
}

/** Renumbers community labels densely (0..count-1) in first-seen order. */
function renumber(community: Int32Array): {
  labels: Int32Array;
  count: number;
} {
  const map = new Int32Array(community.length).fill(-1);
  const labels = new Int32Array(community.length);
  let count = 0;
  for (let i = 0; i < community.length; i++) {
    const c = community[i] as number;
    if (map[c] === -1) map[c] = count++;
    labels[i] = map[c] as number;
  }
  return { labels, count };
}

/** Collapses each community of a level into one node; edges between communities are summed, inner ones become loops. */
function aggregate(level: Level, labels: Int32Array, count: number): Level {
  const n = level.nodeCount;
  // Members of each community, by counting sort.
  const start = new Int32Array(count + 1);
  for (let i = 0; i < n; i++) {
    const slot = (labels[i] as number) + 1;
    start[slot] = (start[slot] as number) + 1;
  }
  for (let c = 0; c < count; c++) start[c + 1] = (start[c + 1] as number) + (start[c] as number);
  const fill = start.slice(0, count);
  const members = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = labels[i] as number;
    const position = fill[c] as number;
    members[position] = i;
    fill[c] = position + 1;
  }

  const loops = new Float64Array(count);
  const offsets = new Int32Array(count + 1);
  let targets = new Int32Array(Math.min(level.targets.length, 1024));
  let weights = new Float64Array(targets.length);
  const linkWeight = new Float64Array(count);
  const touched = new Int32Array(count);
  let write = 0;
  for (let c = 0; c < count; c++) {
    offsets[c] = write;
    let touchedCount = 0;
    let inner = 0;
    for (let m = start[c] as number; m < (start[c + 1] as number); m++) {
      const i = members[m] as number;
      inner += level.loops[i] as number;
      const end = level.offsets[i + 1] as number;
      for (let p = level.offsets[i] as number; p < end; p++) {
        const d = labels[level.targets[p] as number] as number;
        const w = level.weights ? (level.weights[p] as number) : 1;
        if (d === c) {
          inner += w / 2;
          continue;
        }
        if (linkWeight[d] === 0) touched[touchedCount++] = d;
        linkWeight[d] = (linkWeight[d] as number) + w;
      }
    }
    loops[c] = inner;
    if (write + touchedCount > targets.length) {
      const size = Math.max(write + touchedCount, targets.length * 2);
      const grownTargets = new Int32Array(size);
      grownTargets.set(targets.subarray(0, write));
      const grownWeights = new Float64Array(size);
      grownWeights.set(weights.subarray(0, write));
      targets = grownTargets;
      weights = grownWeights;
    }
    for (let t = 0; t < touchedCount; t++) {
      const d = touched[t] as number;
      targets[write] = d;
      weights[write] = linkWeight[d] as number;
      linkWeight[d] = 0;
      write++;
    }
  }
  offsets[count] = write;
  return {
    nodeCount: count,
    offsets,
    targets: targets.slice(0, write),
    weights: weights.slice(0, write),
    loops,
  };
}

function totalWeightOf(level: Level): number {
  let sum = 0;
  for (let i = 0; i < level.nodeCount; i++) sum += level.loops[i] as number;
  if (level.weights) for (let p = 0; p < level.weights.length; p++) sum += (level.weights[p] as number) / 2;
  else sum += level.targets.length / 2;
  return sum;
}

/** One Louvain run from a base level: returns the membership of the original nodes. */
function louvainRun(base: Level, resolution: number, rng: Rng): Int32Array {
  const totalWeight = totalWeightOf(base);
  let membership = new Int32Array(base.nodeCount);
  for (let i = 0; i < base.nodeCount; i++) membership[i] = i;
  if (totalWeight === 0) return membership;
  let level = base;
  for (let depth = 0; depth < 100; depth++) {
    const { community, moved } = moveNodes(level, totalWeight, resolution, rng);
    if (!moved) break;
    const { labels, count } = renumber(community);
    const next = new Int32Array(membership.length);
    for (let i = 0; i < membership.length; i++) next[i] = labels[membership[i] as number] as number;
    membership = next;
    if (count === level.nodeCount) break;
    level = aggregate(level, labels, count);
  }
  return membership;
}

/**
 * Newman–Girvan modularity of a partition (with resolution γ): Q = Σ_c [ L_c / m − γ (d_c / 2m)² ].
 * Unweighted unless asked; directed graphs are read as undirected.
 */
export function modularity(
  graph: CompactGraph,
  membership: ArrayLike<number>,
  options: { weighted?: boolean; resolution?: number } = {},
): number {
  const level = levelOf(graph, options.weighted ?? false);
  return levelModularity(level, membership, options.resolution ?? 1);
}

function levelModularity(level: Level, membership: ArrayLike<number>, resolution: number): number {
  const m = totalWeightOf(level);
  if (m === 0) return 0;
  let communityCount = 0;
  for (let i = 0; i < level.nodeCount; i++) communityCount = Math.max(communityCount, (membership[i] as number) + 1);
  const inner = new Float64Array(communityCount);
  const total = new Float64Array(communityCount);
  for (let i = 0; i < level.nodeCount; i++) {
    const c = membership[i] as number;
    inner[c] = (inner[c] as number) + (level.loops[i] as number);
    total[c] = (total[c] as number) + 2 * (level.loops[i] as number);
    for (let p = level.offsets[i] as number; p < (level.offsets[i + 1] as number); p++) {
      const w = level.weights ? (level.weights[p] as number) : 1;
      total[c] = (total[c] as number) + w;
      if (membership[level.targets[p] as number] === c) inner[c] = (inner[c] as number) + w / 2;
    }
  }
  let q = 0;
  for (let c = 0; c < communityCount; c++)
    q += (inner[c] as number) / m - resolution * ((total[c] as number) / (2 * m)) ** 2;
  return q;
}

/** Renumbers communities by decreasing size (ties by first member), so outputs are stable and readable. */
function bySize(membership: Int32Array): {
  membership: Int32Array;
  count: number;
} {
  const { labels, count } = renumber(membership);
  const sizes = new Int32Array(count);
  for (let i = 0; i < labels.length; i++) {
    const c = labels[i] as number;
    sizes[c] = (sizes[c] as number) + 1;
  }
  const order = Array.from({ length: count }, (_, c) => c).sort(
    (a, b) => (sizes[b] as number) - (sizes[a] as number) || a - b,
  );
  const rank = new Int32Array(count);
  order.forEach((c, r) => (rank[c] = r));
  const out = new Int32Array(labels.length);
  for (let i = 0; i < labels.length; i++) out[i] = rank[labels[i] as number] as number;
  return { membership: out, count };
}

/**
 * Finds communities with Louvain, best of `runs` seeded runs (default 5). Isolated nodes are communities of their own.
 * Why several runs: Louvain's result depends on the visiting order; keeping the best of a few is cheap insurance.
 */
export function detectCommunities(graph: CompactGraph, options: LouvainOptions = {}): Communities {
  const resolution = options.resolution ?? 1;
  const base = levelOf(graph, options.weighted ?? false);
  const rng = createRng(options.seed ?? 1);
  let best: Int32Array | null = null;
  let bestQ = -Infinity;
  const runs = Math.max(1, options.runs ?? 5);
  for (let r = 0; r < runs; r++) {
    const membership = louvainRun(base, resolution, rng.fork());
    const q = levelModularity(base, membership, resolution);
    if (q > bestQ + 1e-12) {
      bestQ = q;
      best = membership;
    }
  }
  const result = bySize(best ?? new Int32Array(0));
  return {
    membership: result.membership,
    count: result.count,
    modularity: bestQ === -Infinity ? 0 : bestQ,
  };
}
