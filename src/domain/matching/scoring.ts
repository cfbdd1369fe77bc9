/**
 * The score of a local for a trip: a sum of integer points, one term per signal. Integers so that the SQL baseline
 * (bench/matching) reproduces every score exactly; the weights and their reasons are in docs/matching.md.
 */
import { DOT_SCALE } from "../text/tfidf";

export const scoringWeights = {
  /** The local follows the traveller's work: the strongest sign they will want to help. */
  followsYourWork: 30,
  perSharedSector: 10,
  maxSharedSectors: 3,
  perSharedTag: 6,
  maxSharedTags: 5,
  /** Text similarity points are dot / textDivisor: a cosine of 1.0 gives 40 points. */
  textDivisor: DOT_SCALE / 40,
  giftPoints: 2,
  offerAnsweredPoints: 1,
  usefulMeetingPoints: 3,
  maxGivingPoints: 20,
  /** Inverted U over network distance (weak ties): strangers 0, a few mutual connections best, close ties below. */
  fewMutualPoints: 15,
  manyMutualPoints: 5,
  fewMutualMax: 10,
  weakTiePoints: -5,
  closeTiePoints: -20,
  /** Meetings from which a tie counts as close ("met often"). */
  closeTieMeetings: 3,
} as const;

/**
 * The cosine threshold (scaled to DOT_SCALE) from which text alone makes a local relevant: 0.2. See
 * docs/matching.md: one shared specific word between two short profile texts lands at 0.25–0.35, one shared
 * generic word ("startup") at 0.12–0.2.
 */
export const TEXT_RELEVANCE_THRESHOLD = Math.round(0.2 * DOT_SCALE);

/** Points for the giving record: feedback "useful" counts most, capped so that givers do not crowd out the rest. */
export function givingPoints(giftsGiven: number, offersAnswered: number, usefulMeetings: number): number {
  const w = scoringWeights;
  const raw =
    w.giftPoints * giftsGiven + w.offerAnsweredPoints * offersAnswered + w.usefulMeetingPoints * usefulMeetings;
  return Math.min(w.maxGivingPoints, Math.max(0, raw));
}

/**
 * Network distance as an inverted U (Granovetter 1973; Rajkumar et al. 2022): a local with 1–10 mutual connections
 * scores above a stranger and above someone already close. `tieMeetings` is 0 when the two have never met.
 */
export function distancePoints(mutualCount: number, tieMeetings: number): number {
  const w = scoringWeights;
  const mutual = mutualCount === 0 ? 0 : mutualCount <= w.fewMutualMax ? w.fewMutualPoints : w.manyMutualPoints;
  const tie = tieMeetings === 0 ? 0 : tieMeetings >= w.closeTieMeetings ? w.closeTiePoints : w.weakTiePoints;
  return mutual + tie;
}

/** Points for a text similarity (an integer dot product of TF-IDF vectors). */
export function textPoints(dotProduct: number): number {
  return Math.floor(dotProduct / scoringWeights.textDivisor);
}

/** Points for shared sectors and tags, each capped. */
export function sharedPoints(sharedSectors: number, sharedTags: number): number {
  const w = scoringWeights;
  return (
    w.perSharedSector * Math.min(sharedSectors, w.maxSharedSectors) +
    w.perSharedTag * Math.min(sharedTags, w.maxSharedTags)
  );
}
