/**
 * Generated community graphs for the network benchmark: blocks of 20–200 members, each edge inside its first end's
 * block with probability 1 − mixing, else to anyone. Written straight into typed arrays (10M edges in seconds).
 */
import { createRng } from "../../src/domain/random";

export interface BenchSize {
  readonly name: string;
  readonly nodes: number;
  readonly edges: number;
}

export const benchSizes: Record<string, BenchSize> = {
  "10k": { name: "10k", nodes: 10_000, edges: 100_000 },
  "100k": { name: "100k", nodes: 100_000, edges: 1_000_000 },
  "1m": { name: "1m", nodes: 1_000_000, edges: 10_000_000 },
};

export interface GeneratedEdges {
  readonly nodeCount: number;
  readonly sources: Int32Array;
  readonly targets: Int32Array;
  /** Planted block of each node. */
  readonly block: Int32Array;
}

/** Generates edges (before merging duplicates, so the graph has slightly fewer distinct edges). */
export function generateCommunityGraph(
  size: BenchSize,
  options: { seed?: number; mixing?: number } = {},
): GeneratedEdges {
  const rng = createRng(options.seed ?? 42);
  const mixing = options.mixing ?? 0.3;
  const n = size.nodes;
  const block = new Int32Array(n);
  const blockStart: number[] = [];
  const blockEnd: number[] = [];
  for (let start = 0; start < n;) {
    const end = Math.min(n, start + 20 + rng.int(181));
    for (let i = start; i < end; i++) block[i] = blockStart.length;
    blockStart.push(start);
    blockEnd.push(end);
    start = end;
  }
  const sources = new Int32Array(size.edges);
  const targets = new Int32Array(size.edges);
  for (let e = 0; e < size.edges; e++) {
    const a = rng.int(n);
    let b: number;
    do {
      if (rng.next() < mixing) b = rng.int(n);
      else {
        const c = block[a] as number;
        const start = blockStart[c] as number;
        b = start + rng.int((blockEnd[c] as number) - start);
      }
    } while (b === a);
    sources[e] = a;
    targets[e] = b;
  }
  return { nodeCount: n, sources, targets, block };
}
