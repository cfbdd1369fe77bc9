/**
 * Compressed sparse rows: the neighbours of row i are targets[offsets[i] .. offsets[i+1]). Typed arrays keep a city of
 * 100,000 members and a million ties in a few megabytes and make a 2-hop scan a tight loop.
 */
export interface Csr {
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
  /** One value per target (tie meetings, term weights…), or empty when the rows carry none. */
  readonly values: Int32Array;
}

/** Builds rows from parallel source/target(/value) lists; each row's targets come out ascending. */
export function buildCsr(
  rowCount: number,
  sources: ArrayLike<number>,
  targets: ArrayLike<number>,
  values?: ArrayLike<number>,
): Csr {
  const offsets = new Int32Array(rowCount + 1);
  for (let e = 0; e < sources.length; e++) offsets[(sources[e] as number) + 1]! += 1;
  for (let i = 0; i < rowCount; i++) offsets[i + 1]! += offsets[i] as number;
  const cursor = offsets.slice(0, rowCount);
  // Two stable counting sorts (radix): order the edges by target, then place them by source.
  let targetCount = 0;
  for (let e = 0; e < targets.length; e++) targetCount = Math.max(targetCount, (targets[e] as number) + 1);
  const byTarget = new Int32Array(targetCount + 1);
  for (let e = 0; e < targets.length; e++) byTarget[(targets[e] as number) + 1]! += 1;
  for (let t = 0; t < targetCount; t++) byTarget[t + 1]! += byTarget[t] as number;
  const order = new Int32Array(sources.length);
  for (let e = 0; e < targets.length; e++) order[byTarget[targets[e] as number]!++] = e;
  const outTargets = new Int32Array(sources.length);
  const outValues = new Int32Array(values ? sources.length : 0);
  for (const e of order) {
    const at = cursor[sources[e] as number]!++;
    outTargets[at] = targets[e] as number;
    if (values) outValues[at] = values[e] as number;
  }
  return { offsets, targets: outTargets, values: outValues };
}

/** A CSR with no rows filled, for members without any entry. */
export function emptyCsr(rowCount: number): Csr {
  return { offsets: new Int32Array(rowCount + 1), targets: new Int32Array(0), values: new Int32Array(0) };
}

/** Merges repeated targets within each row (rows must be ascending, as buildCsr makes them), adding their values. */
export function mergeRepeats(csr: Csr): Csr {
  const rowCount = csr.offsets.length - 1;
  const offsets = new Int32Array(rowCount + 1);
  const targets = new Int32Array(csr.targets.length);
  const values = new Int32Array(csr.values.length);
  const hasValues = csr.values.length > 0;
  let out = 0;
  for (let i = 0; i < rowCount; i++) {
    const end = csr.offsets[i + 1] as number;
    for (let k = csr.offsets[i] as number; k < end; k++) {
      const target = csr.targets[k] as number;
      if (out > (offsets[i] as number) && targets[out - 1] === target) {
        if (hasValues) values[out - 1]! += csr.values[k] as number;
        continue;
      }
      targets[out] = target;
      if (hasValues) values[out] = csr.values[k] as number;
      out++;
    }
    offsets[i + 1] = out;
  }
  return { offsets, targets: targets.slice(0, out), values: hasValues ? values.slice(0, out) : values };
}
