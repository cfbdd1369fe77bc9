/**
 * The plain data the matching engine takes and returns. Everything here is serialisable: the app loads it from the
 * database, the engine ranks, the app stores alerts and renders reasons in the member's language.
 */

export type MemberId = string & { readonly __brand: "MemberId" };
export type CityId = string & { readonly __brand: "CityId" };
/** Milliseconds since the Unix epoch: an instant, never a wall-clock time. */
export type EpochMs = number & { readonly __brand: "EpochMs" };

/** What a member has done for others, from the give ledger. */
export interface GivingRecord {
  readonly giftsGiven: number;
  readonly offersAnswered: number;
  /** Past meetings with this member that the other side marked "useful". */
  readonly usefulMeetings: number;
}

/** One member as the engine sees them. */
export interface MatchingMember {
  readonly id: MemberId;
  /** The city they live in. */
  readonly homeCityId: CityId;
  /** The city they are in now, when travelling; they count as a local there too. */
  readonly currentCityId?: CityId | null;
  readonly sectors: readonly string[];
  readonly tags: readonly string[];
  /** Free text, French or English: what they are looking for. */
  readonly seeks: string;
  /** Free text, French or English: what they can give. */
  readonly gives: string;
  /** Community id from the network analytics (precomputed, e.g. Louvain). */
  readonly communityId: string;
  /** Career stage such as "student" or "first-time founder": the young-founder floor applies to them. */
  readonly isYoungFounder: boolean;
  readonly givingRecord: GivingRecord;
  /** Alerts paused by the member. */
  readonly isPaused?: boolean;
  /** Alerts paused until this instant (exclusive). */
  readonly pausedUntil?: EpochMs | null;
  /** When they were sent their recent alerts (only the last cap window matters). */
  readonly recentAlertTimes?: readonly EpochMs[];
  /** Their own alert cap per rolling window; `defaultAlertCap` of the options when absent. */
  readonly alertCap?: number | null;
}

/** Two members who have met; strength grows with meetings. Undirected. */
export interface MatchingTie {
  readonly a: MemberId;
  readonly b: MemberId;
  readonly meetings: number;
}

/** `followerId` follows the work of `followedId`. */
export interface MatchingFollow {
  readonly followerId: MemberId;
  readonly followedId: MemberId;
}

/** A block hides both sides from each other, whoever blocked whom. */
export interface MatchingBlock {
  readonly blockerId: MemberId;
  readonly blockedId: MemberId;
}

/**
 * A signal computed outside the engine (organisers' "bridges" list, gatekeeper flags…): integer points per member,
 * positive or negative, with the reason code shown when the points are positive.
 */
export interface ExtraSignal {
  readonly code: string;
  readonly points: ReadonlyArray<{ readonly memberId: MemberId; readonly points: number }>;
}

/** Everything `buildMatchingIndex` needs: the state of one or more cities. */
export interface MatchingState {
  readonly members: readonly MatchingMember[];
  readonly ties: readonly MatchingTie[];
  readonly follows: readonly MatchingFollow[];
  readonly blocks?: readonly MatchingBlock[];
  readonly extraSignals?: readonly ExtraSignal[];
}

/** An announced stay, as matching needs it. */
export interface MatchingTrip {
  readonly travellerId: MemberId;
  readonly cityId: CityId;
  readonly seeks: string;
  readonly gives: string;
  /** Sectors of what the traveller seeks or gives; the traveller's profile sectors when absent. */
  readonly sectors?: readonly string[];
  /** Tags of what the traveller seeks or gives; the traveller's profile tags when absent. */
  readonly tags?: readonly string[];
}

export interface PickOptions {
  /** The instant of the pick: caps and pauses are judged at this time. */
  readonly now: EpochMs;
  /** How many locals to alert; default 25. */
  readonly limit?: number;
  /** Alerts a local may get per window when they set no cap of their own; default 3. */
  readonly defaultAlertCap?: number;
  /** The rolling cap window; default 7 days. */
  readonly capWindowMs?: number;
  /** Largest share of the alerts one community may take while others hold candidates; default 0.4. */
  readonly maxCommunityShare?: number;
  /** Points an alert already given to a community costs its next candidate (spreads the pick); default 25. */
  readonly communityPenalty?: number;
}

/** Why a local was picked, as data: the app renders it in the reader's language. "You" is the traveller. */
export type MatchReason =
  | { readonly code: "follows_your_work" }
  | { readonly code: "shared_sector"; readonly sectors: readonly string[] }
  | { readonly code: "shared_tag"; readonly tags: readonly string[] }
  /** The traveller seeks what the local gives; terms are the traveller's own words. */
  | { readonly code: "you_seek_what_they_give"; readonly terms: readonly string[] }
  /** The local seeks what the traveller gives. */
  | { readonly code: "they_seek_what_you_give"; readonly terms: readonly string[] }
  | {
      readonly code: "gives_back";
      readonly giftsGiven: number;
      readonly offersAnswered: number;
      readonly usefulMeetings: number;
    }
  | { readonly code: "mutual_connections"; readonly count: number }
  | { readonly code: "extra_signal"; readonly signal: string };

/** One picked local. */
export interface PickedLocal {
  readonly memberId: MemberId;
  readonly score: number;
  readonly communityId: string;
  readonly reasons: readonly MatchReason[];
}

/** The answer for one trip; the counts let the app and the tests check the openness rules. */
export interface PickResult {
  readonly picks: readonly PickedLocal[];
  /** Relevant locals who could be alerted (not blocked, paused or capped). */
  readonly relevantCount: number;
  /** How many of them are young founders with a gift given. */
  readonly relevantYoungFounderCount: number;
}
