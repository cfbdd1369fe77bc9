/**
 * The compact index the engine ranks from, built once per city state: members sorted by id and numbered, ties,
 * follows and blocks as CSR typed arrays, sectors and tags interned, and TF-IDF term vectors with inverted postings
 * so that a trip only touches the locals that share something with it.
 */
import { buildCsr, mergeRepeats, type Csr } from "./csr";
import { givingPoints } from "./scoring";
import type { CityId, MatchingState, MemberId } from "./types";
import { buildVocabulary, forEachWeightedTerm, type Vocabulary } from "../text/tfidf";
import { terms } from "../text/normalize";

export interface MatchingIndex {
  readonly memberCount: number;
  /** Member ids in ascending order; a member's number is its position here. */
  readonly memberIds: readonly MemberId[];
  readonly memberNumbers: ReadonlyMap<MemberId, number>;
  readonly cityNumbers: ReadonlyMap<CityId, number>;
  readonly homeCity: Int32Array;
  /** -1 when not travelling. */
  readonly currentCity: Int32Array;
  /** Row c: the members who live in city c or are there now, ascending. */
  readonly cityLocals: Csr;
  /** Undirected ties; values are meetings. */
  readonly ties: Csr;
  /** Row i lists who follows member i. */
  readonly followers: Csr;
  /** Row i lists who blocked i or was blocked by i. */
  readonly blocks: Csr;
  readonly sectorNames: readonly string[];
  readonly sectorNumbers: ReadonlyMap<string, number>;
  /** Row i: sector numbers of member i. */
  readonly memberSectors: Csr;
  /** Row s: members in sector s. */
  readonly sectorMembers: Csr;
  readonly tagNames: readonly string[];
  readonly tagNumbers: ReadonlyMap<string, number>;
  readonly memberTags: Csr;
  readonly tagMembers: Csr;
  readonly vocabulary: Vocabulary;
  /** Row i: term vector of member i's seeks (targets are term ids, values weights). */
  readonly seeksVectors: Csr;
  readonly givesVectors: Csr;
  /** Row t: members whose seeks contain term t, with their weights. */
  readonly seeksPostings: Csr;
  readonly givesPostings: Csr;
  readonly communityNames: readonly string[];
  readonly community: Int32Array;
  readonly isYoungFounder: Uint8Array;
  readonly giftsGiven: Int32Array;
  readonly offersAnswered: Int32Array;
  readonly usefulMeetings: Int32Array;
  readonly givingPoints: Int32Array;
  readonly isPaused: Uint8Array;
  /** -Infinity when not paused until a date. */
  readonly pausedUntil: Float64Array;
  /** -1 when the member set no cap of their own. */
  readonly alertCap: Int32Array;
  /** Row i: recent alert instants of member i (ascending). */
  readonly alertOffsets: Int32Array;
  readonly alertTimes: Float64Array;
  readonly extraSignals: ReadonlyArray<{ readonly code: string; readonly points: Int32Array }>;
  /** Points that do not depend on the trip: giving record plus every extra signal, summed once here. */
  readonly basePoints: Int32Array;
}

function intern(values: Iterable<string>): { names: string[]; numbers: Map<string, number> } {
  const names = [...new Set(values)].sort();
  return { names, numbers: new Map(names.map((name, i) => [name, i])) };
}

/** Rows of term vectors and the inverted postings over them. */
function vectorRows(termLists: ReadonlyArray<readonly string[]>, vocabulary: Vocabulary): { rows: Csr; postings: Csr } {
  const members: number[] = [];
  const termIds: number[] = [];
  const weights: number[] = [];
  termLists.forEach((list, member) => {
    forEachWeightedTerm(list, vocabulary, (termId, weight) => {
      members.push(member);
      termIds.push(termId);
      weights.push(weight);
    });
  });
  return {
    rows: buildCsr(termLists.length, members, termIds, weights),
    postings: buildCsr(vocabulary.terms.length, termIds, members, weights),
  };
}

function numberOf(numbers: ReadonlyMap<MemberId, number>, id: MemberId, what: string): number {
  const n = numbers.get(id);
  if (n === undefined) throw new RangeError(`${what} refers to unknown member ${id}`);
  return n;
}

/**
 * Builds the index from plain arrays. Order of the input does not matter: members are numbered by sorted id, so the
 * same state always gives the same index and the same picks. The input is not modified.
 */
export function buildMatchingIndex(state: MatchingState): MatchingIndex {
  const members = [...state.members].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const n = members.length;
  const memberIds = members.map((m) => m.id);
  const memberNumbers = new Map<MemberId, number>(memberIds.map((id, i) => [id, i]));
  if (memberNumbers.size !== n) throw new RangeError("duplicate member id");

  const cities = intern(members.flatMap((m) => (m.currentCityId ? [m.homeCityId, m.currentCityId] : [m.homeCityId])));
  const homeCity = Int32Array.from(members, (m) => cities.numbers.get(m.homeCityId) ?? -1);
  const currentCity = Int32Array.from(members, (m) =>
    m.currentCityId ? (cities.numbers.get(m.currentCityId) ?? -1) : -1,
  );

  const localCity: number[] = [];
  const localMember: number[] = [];
  for (let i = 0; i < n; i++) {
    localCity.push(homeCity[i] as number);
    localMember.push(i);
    if ((currentCity[i] as number) >= 0 && currentCity[i] !== homeCity[i]) {
      localCity.push(currentCity[i] as number);
      localMember.push(i);
    }
  }
  const tieSources = new Int32Array(state.ties.length * 2);
  const tieTargets = new Int32Array(state.ties.length * 2);
  const tieMeetings = new Int32Array(state.ties.length * 2);
  let tieCount = 0;
  for (const tie of state.ties) {
    const a = numberOf(memberNumbers, tie.a, "tie");
    const b = numberOf(memberNumbers, tie.b, "tie");
    if (a === b) continue;
    tieSources[tieCount] = a;
    tieTargets[tieCount] = b;
    tieMeetings[tieCount++] = tie.meetings;
    tieSources[tieCount] = b;
    tieTargets[tieCount] = a;
    tieMeetings[tieCount++] = tie.meetings;
  }
  // A pair listed twice is one tie (meetings added), or mutual connections would count it twice.
  const ties = mergeRepeats(
    buildCsr(n, tieSources.subarray(0, tieCount), tieTargets.subarray(0, tieCount), tieMeetings.subarray(0, tieCount)),
  );
  const followed = state.follows.map((f) => numberOf(memberNumbers, f.followedId, "follow"));
  const follower = state.follows.map((f) => numberOf(memberNumbers, f.followerId, "follow"));
  const blockA: number[] = [];
  const blockB: number[] = [];
  for (const block of state.blocks ?? []) {
    const a = numberOf(memberNumbers, block.blockerId, "block");
    const b = numberOf(memberNumbers, block.blockedId, "block");
    blockA.push(a, b);
    blockB.push(b, a);
  }

  const sectors = intern(members.flatMap((m) => m.sectors));
  const tags = intern(members.flatMap((m) => m.tags));
  const labelRows = (pick: (i: number) => readonly string[], numbers: Map<string, number>, count: number) => {
    const rows: number[] = [];
    const labels: number[] = [];
    for (let i = 0; i < n; i++) {
      for (const label of new Set(pick(i))) {
        rows.push(i);
        labels.push(numbers.get(label) as number);
      }
    }
    return { byMember: buildCsr(n, rows, labels), byLabel: buildCsr(count, labels, rows) };
  };
  const sectorRows = labelRows((i) => members[i]?.sectors ?? [], sectors.numbers, sectors.names.length);
  const tagRows = labelRows((i) => members[i]?.tags ?? [], tags.numbers, tags.names.length);

  const seeksTerms = members.map((m) => terms(m.seeks));
  const givesTerms = members.map((m) => terms(m.gives));
  // One document per member (seeks and gives together): a word everyone uses is not a signal either way.
  const vocabulary = buildVocabulary(seeksTerms.map((seeks, i) => [...seeks, ...(givesTerms[i] ?? [])]));
  const seeks = vectorRows(seeksTerms, vocabulary);
  const gives = vectorRows(givesTerms, vocabulary);

  const communities = intern(members.map((m) => m.communityId));
  const alertOffsets = new Int32Array(n + 1);
  members.forEach((m, i) => (alertOffsets[i + 1] = (alertOffsets[i] as number) + (m.recentAlertTimes?.length ?? 0)));
  const alertTimes = new Float64Array(alertOffsets[n] as number);
  members.forEach((m, i) =>
    alertTimes.set(
      [...(m.recentAlertTimes ?? [])].sort((a, b) => a - b),
      alertOffsets[i],
    ),
  );

  const extraSignals = (state.extraSignals ?? []).map((signal) => {
    const points = new Int32Array(n);
    for (const entry of signal.points) {
      const i = memberNumbers.get(entry.memberId);
      if (i !== undefined) points[i] = Math.round(entry.points);
    }
    return { code: signal.code, points };
  });

  const basePoints = Int32Array.from(members, (m) =>
    givingPoints(m.givingRecord.giftsGiven, m.givingRecord.offersAnswered, m.givingRecord.usefulMeetings),
  );
  for (const signal of extraSignals) for (let i = 0; i < n; i++) basePoints[i]! += signal.points[i] as number;

  return {
    memberCount: n,
    memberIds,
    memberNumbers,
    cityNumbers: cities.numbers as Map<CityId, number>,
    homeCity,
    currentCity,
    cityLocals: buildCsr(cities.names.length, localCity, localMember),
    ties,
    followers: mergeRepeats(buildCsr(n, followed, follower)),
    blocks: mergeRepeats(buildCsr(n, blockA, blockB)),
    sectorNames: sectors.names,
    sectorNumbers: sectors.numbers,
    memberSectors: sectorRows.byMember,
    sectorMembers: sectorRows.byLabel,
    tagNames: tags.names,
    tagNumbers: tags.numbers,
    memberTags: tagRows.byMember,
    tagMembers: tagRows.byLabel,
    vocabulary,
    seeksVectors: seeks.rows,
    givesVectors: gives.rows,
    seeksPostings: seeks.postings,
    givesPostings: gives.postings,
    communityNames: communities.names,
    community: Int32Array.from(members, (m) => communities.numbers.get(m.communityId) as number),
    isYoungFounder: Uint8Array.from(members, (m) => (m.isYoungFounder ? 1 : 0)),
    giftsGiven: Int32Array.from(members, (m) => m.givingRecord.giftsGiven),
    offersAnswered: Int32Array.from(members, (m) => m.givingRecord.offersAnswered),
    usefulMeetings: Int32Array.from(members, (m) => m.givingRecord.usefulMeetings),
    givingPoints: Int32Array.from(members, (m) =>
      givingPoints(m.givingRecord.giftsGiven, m.givingRecord.offersAnswered, m.givingRecord.usefulMeetings),
    ),
    isPaused: Uint8Array.from(members, (m) => (m.isPaused ? 1 : 0)),
    pausedUntil: Float64Array.from(members, (m) => m.pausedUntil ?? -Infinity),
    alertCap: Int32Array.from(members, (m) => m.alertCap ?? -1),
    alertOffsets,
    alertTimes,
    extraSignals,
    basePoints,
  };
}
