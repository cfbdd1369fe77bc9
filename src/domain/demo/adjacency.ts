import type { DemoTieColumns } from "./types";

/** One city's tie graph as compressed rows over local indices: the neighbours of x are `neighbor[start[x] .. start[x + 1])`. */
export interface CityAdjacency {
  start: Int32Array;
  neighbor: Int32Array;
  /** The tie (position in the world's tie columns) behind each neighbour entry. */
  tie: Int32Array;
}

/** Builds the adjacency of the members [baseIndex, baseIndex + count) from the ties between them. */
export function buildCityAdjacency(ties: DemoTieColumns, baseIndex: number, count: number): CityAdjacency {
  const start = new Int32Array(count + 1);
  const end = baseIndex + count;
  const inCity = (t: number): boolean => {
    const a = ties.a[t] ?? -1;
    const b = ties.b[t] ?? -1;
    return a >= baseIndex && a < end && b >= baseIndex && b < end;
  };
  for (let t = 0; t < ties.count; t++) {
    if (!inCity(t)) continue;
    start[(ties.a[t] ?? 0) - baseIndex + 1]! += 1;
    start[(ties.b[t] ?? 0) - baseIndex + 1]! += 1;
  }
  for (let x = 0; x < count; x++) start[x + 1]! += start[x] ?? 0;
  const neighbor = new Int32Array(start[count] ?? 0);
  const tie = new Int32Array(start[count] ?? 0);
  const cursor = start.slice(0, count);
  for (let t = 0; t < ties.count; t++) {
    if (!inCity(t)) continue;
    const a = (ties.a[t] ?? 0) - baseIndex;
    const b = (ties.b[t] ?? 0) - baseIndex;
    tie[cursor[a] ?? 0] = t;
    neighbor[cursor[a]!++] = b;
    tie[cursor[b] ?? 0] = t;
    neighbor[cursor[b]!++] = a;
  }
  return { start, neighbor, tie };
}

/** Number of ties of local member x. */
export function degreeOf(adjacency: CityAdjacency, x: number): number {
  return (adjacency.start[x + 1] ?? 0) - (adjacency.start[x] ?? 0);
}

/** A random neighbour of x (local index), or -1 when x has none. */
export function randomNeighbor(adjacency: CityAdjacency, x: number, draw: number): number {
  const degree = degreeOf(adjacency, x);
  if (degree === 0) return -1;
  return adjacency.neighbor[(adjacency.start[x] ?? 0) + Math.floor(draw * degree)] ?? -1;
}
