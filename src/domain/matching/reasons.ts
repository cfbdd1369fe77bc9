/**
 * The reasons of a pick, as structured data (a code and its parameters), from the signals that scored it. The order
 * is the order a person would give them in: knowing the work, common ground, what each can do for the other, network,
 * track record.
 */
import type { MatchingIndex } from "./build-index";
import type { Candidate, PreparedTrip } from "./candidates";
import { TEXT_RELEVANCE_THRESHOLD } from "./scoring";
import type { MatchReason } from "./types";
import { sharedTermIds, type TermVector } from "../text/tfidf";

/** How many words a text reason quotes. */
const maxTerms = 3;

function sharedLabels(row: Int32Array, tripLabels: readonly number[], names: readonly string[]): string[] {
  const wanted = new Set(tripLabels);
  return [...row]
    .filter((label) => wanted.has(label))
    .map((label) => names[label] as string)
    .sort();
}

function vectorOf(index: MatchingIndex, rows: MatchingIndex["givesVectors"], member: number): TermVector {
  const from = rows.offsets[member] as number;
  const to = rows.offsets[member + 1] as number;
  return { termIds: rows.targets.subarray(from, to), weights: rows.values.subarray(from, to) };
}

function words(ids: readonly number[], wordsById: ReadonlyMap<number, string>): string[] {
  return ids.slice(0, maxTerms).map((id) => wordsById.get(id) ?? "");
}

/** Explains one candidate's score in reason codes. */
export function reasonsFor(index: MatchingIndex, trip: PreparedTrip, candidate: Candidate): MatchReason[] {
  const m = candidate.member;
  const reasons: MatchReason[] = [];
  if (candidate.followsTraveller) reasons.push({ code: "follows_your_work" });
  if (candidate.sharedSectors > 0) {
    const row = index.memberSectors.targets.subarray(
      index.memberSectors.offsets[m],
      index.memberSectors.offsets[m + 1],
    );
    reasons.push({ code: "shared_sector", sectors: sharedLabels(row, trip.sectors, index.sectorNames) });
  }
  if (candidate.sharedTags > 0) {
    const row = index.memberTags.targets.subarray(index.memberTags.offsets[m], index.memberTags.offsets[m + 1]);
    reasons.push({ code: "shared_tag", tags: sharedLabels(row, trip.tags, index.tagNames) });
  }
  if (candidate.seeksGivesDot >= TEXT_RELEVANCE_THRESHOLD) {
    const ids = sharedTermIds(trip.seeks, vectorOf(index, index.givesVectors, m));
    reasons.push({ code: "you_seek_what_they_give", terms: words(ids, trip.seeksWords) });
  }
  if (candidate.givesSeeksDot >= TEXT_RELEVANCE_THRESHOLD) {
    const ids = sharedTermIds(trip.gives, vectorOf(index, index.seeksVectors, m));
    reasons.push({ code: "they_seek_what_you_give", terms: words(ids, trip.givesWords) });
  }
  if (candidate.mutualCount > 0) reasons.push({ code: "mutual_connections", count: candidate.mutualCount });
  const giftsGiven = index.giftsGiven[m] as number;
  const offersAnswered = index.offersAnswered[m] as number;
  const usefulMeetings = index.usefulMeetings[m] as number;
  if (giftsGiven + offersAnswered + usefulMeetings > 0) {
    reasons.push({ code: "gives_back", giftsGiven, offersAnswered, usefulMeetings });
  }
  for (const signal of index.extraSignals) {
    if ((signal.points[m] as number) > 0) reasons.push({ code: "extra_signal", signal: signal.code });
  }
  return reasons;
}
