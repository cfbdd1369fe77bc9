/**
 * The first step of a pick: find the relevant, reachable locals of a trip and score them. Only the locals that share
 * a sector, a tag or a term with the trip are ever touched (through the inverted postings), so a trip into a city of
 * 100,000 costs in proportion to its overlap, not to the city.
 */
import type { MatchingIndex } from "./build-index";
import {
  accumulateDots,
  accumulateLabels,
  accumulateNeighbourhood,
  rankPositions,
  signalSlots,
  slot,
} from "./scan-kernels";
import { scoringWeights, TEXT_RELEVANCE_THRESHOLD } from "./scoring";
import type { MatchingTrip, PickOptions } from "./types";
import { tokenize } from "../text/normalize";
import { vectorize, type TermVector } from "../text/tfidf";

export const defaultPickOptions = {
  limit: 25,
  defaultAlertCap: 3,
  capWindowMs: 7 * 24 * 60 * 60 * 1000,
  maxCommunityShare: 0.4,
  communityPenalty: 25,
} as const;

/** One relevant, alertable local with everything its score and reasons are made of. */
export interface Candidate {
  readonly member: number;
  readonly score: number;
  readonly community: number;
  /** Young founder with at least one gift given: the floor applies. */
  readonly isYoungGiver: boolean;
  readonly sharedSectors: number;
  readonly sharedTags: number;
  /** Traveller's seeks · local's gives. */
  readonly seeksGivesDot: number;
  /** Local's seeks · traveller's gives. */
  readonly givesSeeksDot: number;
  readonly followsTraveller: boolean;
  readonly mutualCount: number;
  readonly tieMeetings: number;
}

/**
 * The signals of one trip per member: `values` interleaves them (see scan-kernels' `slot`), `status` says which
 * members the trip touched (1: shares a sector, tag or term; 2: excluded, the traveller or blocked either way).
 */
export interface Signals {
  readonly values: Int32Array;
  readonly status: Uint8Array;
}

/** The per-member arrays of one pick; pooled per index because allocating city-sized arrays per trip costs more than
 * the scan itself. A released scratch is all zeros. */
interface Scratch extends Signals {
  /** Work space for the scan: candidates in member order, then ranked. */
  readonly members: Int32Array;
  readonly scores: Int32Array;
  readonly order: Int32Array;
  readonly rankedMembers: Int32Array;
  readonly rankedScores: Int32Array;
  /** Community and young-giver flag of each scanned candidate, in scan order, then in rank order. */
  readonly communities: Int32Array;
  readonly isYoungGiver: Uint8Array;
  readonly rankedCommunities: Int32Array;
  readonly rankedYoungGivers: Uint8Array;
}

const scratchPools = new WeakMap<MatchingIndex, Scratch[]>();

function takeScratch(index: MatchingIndex): Scratch {
  const pooled = scratchPools.get(index)?.pop();
  if (pooled) return pooled;
  const n = index.memberCount;
  return {
    values: new Int32Array(n * signalSlots),
    status: new Uint8Array(n),
    members: new Int32Array(n),
    scores: new Int32Array(n),
    order: new Int32Array(n),
    rankedMembers: new Int32Array(n),
    rankedScores: new Int32Array(n),
    communities: new Int32Array(n),
    isYoungGiver: new Uint8Array(n),
    rankedCommunities: new Int32Array(n),
    rankedYoungGivers: new Uint8Array(n),
  };
}

/**
 * Hands a candidate set's per-member arrays back for the next trip of the same index. Optional: a set never released
 * is simply garbage-collected. The set must not be read afterwards.
 */
export function releaseCandidates(index: MatchingIndex, set: CandidateSet): void {
  const scratch = set.signals as Scratch;
  if (!("members" in scratch)) return;
  scratch.values.fill(0);
  scratch.status.fill(0);
  const pool = scratchPools.get(index) ?? [];
  if (pool.length < 4) pool.push(scratch);
  scratchPools.set(index, pool);
}

/** A trip's signal of one member (slot from scan-kernels' `slot`). */
export function signalOf(set: CandidateSet, member: number, at: number): number {
  return set.signals.values[member * signalSlots + at] as number;
}

/**
 * The relevant, alertable locals of a trip, best first, as parallel typed arrays (a city-sized trip has tens of
 * thousands of them: no object per candidate). `candidateAt` gives the details of one.
 */
export interface CandidateSet {
  readonly count: number;
  readonly communityCount: number;
  readonly members: Int32Array;
  readonly scores: Int32Array;
  readonly communities: Int32Array;
  readonly isYoungGiver: Uint8Array;
  readonly signals: Signals;
}

/** The details of the candidate at a position of the set. */
export function candidateAt(set: CandidateSet, position: number): Candidate {
  const m = set.members[position] as number;
  const base = m * signalSlots;
  const v = set.signals.values;
  return {
    member: m,
    score: set.scores[position] as number,
    community: set.communities[position] as number,
    isYoungGiver: set.isYoungGiver[position] === 1,
    sharedSectors: v[base + slot.sectors] as number,
    sharedTags: v[base + slot.tags] as number,
    seeksGivesDot: v[base + slot.seeksGives] as number,
    givesSeeksDot: v[base + slot.givesSeeks] as number,
    followsTraveller: v[base + slot.follows] === 1,
    mutualCount: v[base + slot.mutual] as number,
    tieMeetings: v[base + slot.meetings] as number,
  };
}

/** The trip as the index sees it: traveller number (-1 when unknown), interned labels and term vectors. */
export interface PreparedTrip {
  readonly traveller: number;
  readonly city: number;
  readonly sectors: readonly number[];
  readonly tags: readonly number[];
  readonly seeks: TermVector;
  readonly gives: TermVector;
  /** Term id -> the traveller's word for it, from the seeks and the gives texts. */
  readonly seeksWords: ReadonlyMap<number, string>;
  readonly givesWords: ReadonlyMap<number, string>;
}

function rowOf(offsets: Int32Array, targets: Int32Array, i: number): Int32Array {
  return targets.subarray(offsets[i] as number, offsets[i + 1] as number);
}

function wordsOf(text: string, index: MatchingIndex): Map<number, string> {
  const words = new Map<number, string>();
  for (const token of tokenize(text)) {
    const id = index.vocabulary.termIds.get(token.term);
    if (id !== undefined && !words.has(id)) words.set(id, token.word);
  }
  return words;
}

/** Interns a trip against an index; labels the city never saw are dropped (nobody can share them). */
export function prepareTrip(index: MatchingIndex, trip: MatchingTrip): PreparedTrip {
  const traveller = index.memberNumbers.get(trip.travellerId) ?? -1;
  const profile = (csrOffsets: Int32Array, csrTargets: Int32Array, names: readonly string[]) =>
    traveller < 0 ? [] : [...rowOf(csrOffsets, csrTargets, traveller)].map((k) => names[k] as string);
  const sectorNames =
    trip.sectors ?? profile(index.memberSectors.offsets, index.memberSectors.targets, index.sectorNames);
  const tagNames = trip.tags ?? profile(index.memberTags.offsets, index.memberTags.targets, index.tagNames);
  const intern = (names: readonly string[], numbers: ReadonlyMap<string, number>) =>
    [...new Set(names.flatMap((name) => numbers.get(name) ?? []))].sort((a, b) => a - b);
  const vectorOf = (text: string) =>
    vectorize(
      tokenize(text).map((t) => t.term),
      index.vocabulary,
    );
  return {
    traveller,
    city: index.cityNumbers.get(trip.cityId) ?? -1,
    sectors: intern(sectorNames, index.sectorNumbers),
    tags: intern(tagNames, index.tagNumbers),
    seeks: vectorOf(trip.seeks),
    gives: vectorOf(trip.gives),
    seeksWords: wordsOf(trip.seeks, index),
    givesWords: wordsOf(trip.gives, index),
  };
}

/**
 * Per member, what the scan needs besides the trip's signals, interleaved (`factSlots` values per member) and
 * precomputed once per index and default cap (an internal cache: results never depend on it):
 * 0: the instant until which the member is paused (+∞ when paused without end, −∞ when not);
 * 1: the time of the alert that fills their cap, the cap-th most recent (+∞ for a cap of 0, −∞ with fewer alerts);
 * 2: points that do not depend on the trip (giving record, extra signals); 3: community × 2 + young giver (1 when a
 * young founder with at least one gift given).
 * A member is alertable at `now` when slot 0 ≤ now and slot 1 ≤ now − window.
 */
const factSlots = 4;
const factsCache = new WeakMap<MatchingIndex, Map<number, Float64Array>>();

function memberFactsOf(index: MatchingIndex, defaultCap: number): Float64Array {
  let byCap = factsCache.get(index);
  if (byCap === undefined) {
    byCap = new Map();
    factsCache.set(index, byCap);
  }
  let facts = byCap.get(defaultCap);
  if (facts !== undefined) return facts;
  const { isPaused, pausedUntil, alertCap, alertOffsets, alertTimes, memberCount } = index;
  const { basePoints, community, isYoungFounder, giftsGiven } = index;
  facts = new Float64Array(factSlots * memberCount);
  for (let m = 0; m < memberCount; m++) {
    const at = factSlots * m;
    facts[at] = isPaused[m] === 1 ? Infinity : (pausedUntil[m] as number);
    const own = alertCap[m] as number;
    const cap = own >= 0 ? own : defaultCap;
    const end = alertOffsets[m + 1] as number;
    facts[at + 1] =
      cap === 0 ? Infinity : end - (alertOffsets[m] as number) >= cap ? (alertTimes[end - cap] as number) : -Infinity;
    facts[at + 2] = basePoints[m] as number;
    const isYoungGiver = isYoungFounder[m] === 1 && (giftsGiven[m] as number) >= 1;
    facts[at + 3] = (community[m] as number) * 2 + (isYoungGiver ? 1 : 0);
  }
  byCap.set(defaultCap, facts);
  return facts;
}

/** Whether a local may be alerted now: not paused, and under their cap in the rolling window. */
export function isAlertable(index: MatchingIndex, member: number, options: PickOptions): boolean {
  if (index.isPaused[member] === 1 || (index.pausedUntil[member] as number) > options.now) return false;
  const own = index.alertCap[member] as number;
  const cap = own >= 0 ? own : (options.defaultAlertCap ?? defaultPickOptions.defaultAlertCap);
  const since = options.now - (options.capWindowMs ?? defaultPickOptions.capWindowMs);
  let count = 0;
  for (let k = index.alertOffsets[member] as number; k < (index.alertOffsets[member + 1] as number); k++) {
    if ((index.alertTimes[k] as number) > since) count++;
  }
  return count < cap;
}

/**
 * Scores the touched locals that are relevant and alertable, in member order, into `members` and `scores`; returns
 * how many. One flat loop over the city (kept in its own function so V8 optimises it once and for all).
 */
function scoreLocals(
  index: MatchingIndex,
  signals: Scratch,
  locals: Int32Array,
  options: PickOptions,
  members: Int32Array,
  scores: Int32Array,
): number {
  const { values, status, communities, isYoungGiver } = signals;
  // Weights copied to locals: this loop runs over every local of the city, and module bindings are slower to read.
  const w = scoringWeights;
  const { followsYourWork, perSharedSector, maxSharedSectors, perSharedTag, maxSharedTags, textDivisor } = w;
  const threshold = TEXT_RELEVANCE_THRESHOLD;
  const { fewMutualPoints, manyMutualPoints, fewMutualMax, weakTiePoints, closeTiePoints, closeTieMeetings } = w;
  const now = options.now;
  const since = now - (options.capWindowMs ?? defaultPickOptions.capWindowMs);
  const facts = memberFactsOf(index, options.defaultAlertCap ?? defaultPickOptions.defaultAlertCap);
  const stride = signalSlots;
  const factStride = factSlots;
  let count = 0;
  for (let k = 0; k < locals.length; k++) {
    const m = locals[k] as number;
    if (status[m] !== 1) continue;
    const at = m * stride;
    const sectors = values[at] as number;
    const tags = values[at + 1] as number;
    const sg = values[at + 2] as number;
    const gs = values[at + 3] as number;
    if (sectors === 0 && tags === 0 && sg < threshold && gs < threshold) continue;
    // Alertable: not paused, and the alert that fills their cap (if any) is outside the window (see memberFactsOf).
    const f = m * factStride;
    if ((facts[f] as number) > now || (facts[f + 1] as number) > since) continue;
    const mutual = values[at + 4] as number;
    const meetings = values[at + 5] as number;
    const score =
      (values[at + 6] === 1 ? followsYourWork : 0) +
      perSharedSector * (sectors < maxSharedSectors ? sectors : maxSharedSectors) +
      perSharedTag * (tags < maxSharedTags ? tags : maxSharedTags) +
      // Dots are never negative, so truncation is the floor of textPoints.
      ((sg / textDivisor) | 0) +
      ((gs / textDivisor) | 0) +
      (facts[f + 2] as number) +
      // distancePoints, inlined: the inverted U over mutual connections and direct ties.
      (mutual === 0 ? 0 : mutual <= fewMutualMax ? fewMutualPoints : manyMutualPoints) +
      (meetings === 0 ? 0 : meetings >= closeTieMeetings ? closeTiePoints : weakTiePoints);
    const group = facts[f + 3] as number;
    members[count] = m;
    communities[count] = group >> 1;
    isYoungGiver[count] = group & 1;
    scores[count++] = score;
  }
  return count;
}

/**
 * All relevant, alertable locals of the trip's city with their scores, best first (ties by member number, i.e. by
 * id). Excludes the traveller and anyone on either side of a block with them.
 */
export function collectCandidates(index: MatchingIndex, trip: PreparedTrip, options: PickOptions): CandidateSet {
  const signals = takeScratch(index);
  const empty: CandidateSet = {
    count: 0,
    communityCount: index.communityNames.length,
    members: new Int32Array(0),
    scores: new Int32Array(0),
    communities: new Int32Array(0),
    isYoungGiver: new Uint8Array(0),
    signals,
  };
  if (trip.city < 0) return empty;
  const { values, status } = signals;
  accumulateLabels(trip.sectors, index.sectorMembers, values, slot.sectors, status);
  accumulateLabels(trip.tags, index.tagMembers, values, slot.tags, status);
  accumulateDots(trip.seeks, index.givesPostings, values, slot.seeksGives, status);
  accumulateDots(trip.gives, index.seeksPostings, values, slot.givesSeeks, status);

  // The traveller's neighbourhood: who they met (and how often), mutual connections, followers, blocks.
  const t = trip.traveller;
  if (t >= 0) {
    accumulateNeighbourhood(index.ties, t, values);
    for (const m of rowOf(index.followers.offsets, index.followers.targets, t))
      values[m * signalSlots + slot.follows] = 1;
    for (const m of rowOf(index.blocks.offsets, index.blocks.targets, t)) status[m] = 2;
    status[t] = 2;
  }

  const locals = rowOf(index.cityLocals.offsets, index.cityLocals.targets, trip.city);
  const { members, scores } = signals;
  const count = scoreLocals(index, signals, locals, options, members, scores);
  const order = rankPositions(scores, count, signals.order);
  // Permute into rank order; the per-member facts were copied in member order by the scan, so this pass only reads
  // the small scan-sized arrays.
  const rankedMembers = signals.rankedMembers.subarray(0, count);
  const rankedScores = signals.rankedScores.subarray(0, count);
  const communities = signals.rankedCommunities.subarray(0, count);
  const isYoungGiver = signals.rankedYoungGivers.subarray(0, count);
  const scanCommunities = signals.communities;
  const scanYoung = signals.isYoungGiver;
  for (let r = 0; r < count; r++) {
    const i = order[r] as number;
    rankedMembers[r] = members[i] as number;
    rankedScores[r] = scores[i] as number;
    communities[r] = scanCommunities[i] as number;
    isYoungGiver[r] = scanYoung[i] as number;
  }
  return {
    count,
    communityCount: index.communityNames.length,
    members: rankedMembers,
    scores: rankedScores,
    communities,
    isYoungGiver,
    signals,
  };
}
