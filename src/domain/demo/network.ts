import type { Rng } from "../random";
import { ecosystemParameters } from "./ecosystems";
import { countDistinctPairs, forEachDistinctPair, sortPairs } from "./pair-sort";
import type { CityPopulation } from "./population";
import type { DemoTieColumns, EpochDay } from "./types";

/**
 * Degree-weighted sampling inside a planted partition: every member appears in their community's slice of one stub
 * array about as many times as their target degree (a Chung–Lu draw per community), so that hubs attract ties.
 */
export interface StubIndex {
  stubs: Int32Array;
  /** `stubs[communityStart[c] .. communityStart[c + 1])` are community c's stubs. */
  communityStart: Int32Array;
  /** Stubs of the active givers only (where newcomers are welcomed). */
  giverStubs: Int32Array;
}

export function buildStubIndex(population: CityPopulation): StubIndex {
  const { count, communityCount, community, targetDegree, isActiveGiver } = population;
  const communityStart = new Int32Array(communityCount + 1);
  let giverTotal = 0;
  const weight = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const w = Math.max(1, Math.round(targetDegree[i] ?? 1));
    weight[i] = w;
    communityStart[(community[i] ?? 0) + 1]! += w;
    if (isActiveGiver[i] === 1) giverTotal += w;
  }
  for (let c = 0; c < communityCount; c++) communityStart[c + 1]! += communityStart[c] ?? 0;
  const stubs = new Int32Array(communityStart[communityCount] ?? 0);
  const cursor = communityStart.slice(0, communityCount);
  const giverStubs = new Int32Array(giverTotal);
  let giverCursor = 0;
  for (let i = 0; i < count; i++) {
    const w = weight[i] ?? 1;
    const c = community[i] ?? 0;
    let at = cursor[c] ?? 0;
    for (let k = 0; k < w; k++) stubs[at++] = i;
    cursor[c] = at;
    if (isActiveGiver[i] === 1) for (let k = 0; k < w; k++) giverStubs[giverCursor++] = i;
  }
  return { stubs, communityStart, giverStubs };
}

export function stubInCommunity(rng: Rng, index: StubIndex, c: number): number {
  const start = index.communityStart[c] ?? 0;
  const end = index.communityStart[c + 1] ?? start;
  return end > start ? (index.stubs[start + rng.int(end - start)] ?? -1) : -1;
}

/** Number of meetings: one per draw of the pair, plus a geometric number of further meetings with the given mean. */
function drawStrength(rng: Rng, draws: number, mean: number): number {
  const p = 1 / Math.max(1, mean);
  const extra = p >= 1 ? 0 : Math.floor(Math.log(1 - rng.next()) / Math.log(1 - p));
  return Math.min(500, draws + extra);
}

/**
 * Draws one city's ties. Each member proposes about half their target degree; the partner is drawn from the member's
 * own community with the ecosystem's in-community share, otherwise across communities: anyone at all in an open
 * ecosystem, a gatekeeper in a clannish one. Gatekeepers spread their own ties over the communities they control and
 * the club of other gatekeepers. Duplicate draws of a pair collapse into one tie with more meetings.
 */
export function generateCityTies(rng: Rng, population: CityPopulation, nowDay: EpochDay): DemoTieColumns {
  const parameters = ecosystemParameters[population.cityKey];
  const { count, baseIndex, communityCount, community, targetDegree, gatekeepers } = population;
  const index = buildStubIndex(population);
  const controlled: number[][] = gatekeepers.map(() => []);
  for (let c = 0; c < communityCount; c++) {
    const slot = gatekeepers.indexOf(population.gatekeeperOfCommunity[c] ?? -1);
    if (slot >= 0) controlled[slot]?.push(c);
  }

  let capacity = 0;
  for (let i = 0; i < count; i++) capacity += Math.ceil((targetDegree[i] ?? 0) / 2);
  const low = new Int32Array(capacity);
  const high = new Int32Array(capacity);
  let used = 0;
  const propose = (a: number, b: number): void => {
    if (a === b || a < 0 || b < 0) return;
    low[used] = a < b ? a : b;
    high[used++] = a < b ? b : a;
  };

  for (let i = 0; i < count; i++) {
    const wanted = (targetDegree[i] ?? 0) / 2;
    const proposals = Math.floor(wanted) + (rng.next() < wanted - Math.floor(wanted) ? 1 : 0);
    const own = community[i] ?? 0;
    const slot = population.isGatekeeper[i] === 1 ? gatekeepers.indexOf(i) : -1;
    const inShare =
      population.isActiveGiver[i] === 1 ? parameters.activeGiverInCommunityShare : parameters.inCommunityShare;
    for (let k = 0; k < proposals; k++) {
      if (slot >= 0) {
        const realm = controlled[slot] ?? [];
        if (rng.next() < parameters.gatekeeperClubShare || realm.length === 0) propose(i, rng.pick(gatekeepers));
        else propose(i, stubInCommunity(rng, index, rng.pick(realm)));
      } else if (
        population.isNewcomer[i] === 1 &&
        index.giverStubs.length > 0 &&
        rng.next() < parameters.newcomerToGiverShare
      ) {
        propose(i, index.giverStubs[rng.int(index.giverStubs.length)] ?? -1);
      } else if (rng.next() < inShare) {
        propose(i, stubInCommunity(rng, index, own));
      } else if (gatekeepers.length > 0) {
        const gatekeeperOfOwn = population.gatekeeperOfCommunity[own] ?? -1;
        propose(i, rng.next() < 0.5 && gatekeeperOfOwn >= 0 ? gatekeeperOfOwn : rng.pick(gatekeepers));
      } else {
        propose(i, index.stubs[rng.int(index.stubs.length)] ?? -1);
      }
    }
  }

  const pairs = sortPairs(low, high, used, count);
  const distinct = countDistinctPairs(pairs);
  const ties: DemoTieColumns = {
    count: distinct,
    a: new Int32Array(distinct),
    b: new Int32Array(distinct),
    strength: new Int16Array(distinct),
    firstMetDay: new Int32Array(distinct),
    lastMetDay: new Int32Array(distinct),
  };
  let out = 0;
  const { startDay } = population;
  const { strengthInside, strengthAcross } = parameters;
  forEachDistinctPair(pairs, (a, b, draws) => {
    const isInside = community[a] === community[b];
    const strength = drawStrength(rng, draws, isInside ? strengthInside : strengthAcross);
    // Both had to live in the city; a strong tie is usually an old one, and most ties were active recently.
    const start = Math.max(startDay[a] ?? nowDay, startDay[b] ?? nowDay, nowDay - 15 * 365);
    const span = Math.max(0, nowDay - 1 - start);
    const first = start + Math.floor(span * Math.pow(rng.next(), 1 + strength / 4));
    const last = strength === 1 ? first : nowDay - 1 - Math.floor((nowDay - 1 - first) * Math.pow(rng.next(), 2));
    ties.a[out] = baseIndex + a;
    ties.b[out] = baseIndex + b;
    ties.strength[out] = strength;
    ties.firstMetDay[out] = first;
    ties.lastMetDay[out] = Math.max(first, last);
    out++;
  });
  return ties;
}

/** Concatenates column sets in order (each city's block is sorted, and cities are ordered by index). */
export function concatenateTies(parts: readonly DemoTieColumns[]): DemoTieColumns {
  const total = parts.reduce((sum, part) => sum + part.count, 0);
  const ties: DemoTieColumns = {
    count: total,
    a: new Int32Array(total),
    b: new Int32Array(total),
    strength: new Int16Array(total),
    firstMetDay: new Int32Array(total),
    lastMetDay: new Int32Array(total),
  };
  let offset = 0;
  for (const part of parts) {
    ties.a.set(part.a, offset);
    ties.b.set(part.b, offset);
    ties.strength.set(part.strength, offset);
    ties.firstMetDay.set(part.firstMetDay, offset);
    ties.lastMetDay.set(part.lastMetDay, offset);
    offset += part.count;
  }
  return ties;
}
