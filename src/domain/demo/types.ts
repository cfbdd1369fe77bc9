/**
 * The demo world: two contrasting city ecosystems (Miami, open; Toulouse, clannish) produced by `generateDemoWorld`.
 *
 * Conventions, chosen so that a loader can bulk-insert with `insert … select from unnest(...)`:
 * - Members, venues, events and trips are referenced by their index in the world's arrays (`MemberIndex`, …); a loader
 *   maps index → database id once.
 * - Ties and follows are columnar (typed arrays of equal length) because a 100,000-member city has about a million ties.
 * - Day dates in typed arrays are epoch days (days since 1970-01-01, UTC). Dates in objects are ISO strings: `IsoDate`
 *   ("2026-11-26") for days, `IsoInstant` ("2026-11-26T18:30:00.000Z", always UTC) for instants. The city's IANA zone
 *   says how to show them.
 * - Enumerations are snake_case strings; field names are camelCase.
 */

/** Index into `DemoWorld.members`. */
export type MemberIndex = number;
/** Index into `DemoWorld.venues`. */
export type VenueIndex = number;
/** Index into `DemoWorld.events`. */
export type EventIndex = number;
/** Index into `DemoWorld.meetings`. */
export type MeetingIndex = number;
/** Days since 1970-01-01 (UTC). */
export type EpochDay = number;
/** A calendar day, "YYYY-MM-DD". */
export type IsoDate = string;
/** An instant in UTC, "YYYY-MM-DDTHH:mm:ss.sssZ". */
export type IsoInstant = string;

export type CityKey = "miami" | "toulouse";
/** The language a profile, an event or a note is written in. */
export type Locale = "en" | "fr" | "es";

export type Sector =
  | "social_internet"
  | "fintech"
  | "aerospace"
  | "health"
  | "luxury"
  | "tourism"
  | "real_estate"
  | "climate"
  | "media"
  | "food"
  | "education"
  | "crypto";

export type Role = "founder" | "investor" | "executive" | "freelancer" | "student";

/** "independent": freelancers and consultants. */
export type CareerStage =
  "student" | "first_time_founder" | "experienced_founder" | "executive" | "investor" | "independent";

/** Where the member comes from relative to the city they live in. */
export type Origin = "local" | "expat";

export type GiftKind = "meeting" | "introduction" | "event_invitation" | "advice";

export type MeetingKind = "coffee" | "lunch" | "dinner" | "visit";

export type VenueKind = "cafe" | "restaurant" | "coworking" | "event_space" | "bar" | "campus";

export type TripPurpose = "move" | "business" | "conference" | "scouting";

/** Who may see a trip (see DESIGN.md §6): by default the traveller's follows and ties plus the locals picked. */
export type TripAudience = "network" | "network_and_picked_locals" | "public";

export interface DemoCity {
  key: CityKey;
  name: string;
  /** IANA time zone, e.g. "America/New_York". */
  timeZone: string;
  /** The city's main language. */
  locale: Locale;
  /** ISO 3166-1 alpha-2. */
  countryCode: string;
  latitude: number;
  longitude: number;
}

export interface DemoVenue {
  /** Stable slug, unique in the world, e.g. "miami-wynwood-walls-cafe". */
  key: string;
  cityKey: CityKey;
  name: string;
  kind: VenueKind;
  /** The neighbourhood, e.g. "Wynwood", "Saint-Cyprien". */
  neighborhood: string;
  /** Street address on one line. */
  address: string;
  latitude: number;
  longitude: number;
}

export interface DemoMember {
  /** The city the member lives in. */
  cityKey: CityKey;
  firstName: string;
  lastName: string;
  /** Unique and stable for a seed: "firstname.lastname.N@demo.givefirst.test" with N the member's index. */
  email: string;
  /** Always true: every generated member is labelled as demo data. */
  isDemo: true;
  /** The language the profile is written in. */
  locale: Locale;
  /** Languages spoken, as locale codes, the profile's first. */
  languages: Locale[];
  headline: string;
  bio: string;
  /** What I can give, free text. */
  gives: string;
  /** What I seek, free text. */
  seeks: string;
  /** Language-neutral slugs (e.g. "fundraising", "hiring") for matching. */
  giveTags: string[];
  seekTags: string[];
  /** Sectors of interest, the main one first. */
  sectors: Sector[];
  role: Role;
  careerStage: CareerStage;
  origin: Origin;
  /** ISO 3166-1 alpha-2 country the member comes from. */
  originCountryCode: string;
  /** Arrived recently (within about six months of `now`). */
  isNewcomer: boolean;
  /** When the member moved to the city; null for locals who always lived there. */
  arrivedOn: IsoDate | null;
  /** When the member joined the platform. */
  joinedOn: IsoDate;
  /** The neighbourhood the member lives or works in. */
  neighborhood: string;
  /** A blog or website whose work others can follow, or null. */
  websiteUrl: string | null;
  /** The planted community (0-based, per city) the generator placed the member in: ground truth for analytics tests. */
  plantedCommunity: number;
  /** A broker through whom many paths between communities pass (Toulouse's "mini-barons"). */
  isGatekeeper: boolean;
  /** Gives often: many meetings, introductions and invitations. */
  isActiveGiver: boolean;
  /** A demo local who will answer new trips to their city with offers (clearly labelled as demo). */
  isDemoLocal: boolean;
}

/**
 * Undirected ties (A and B have met), one per column position, `a < b`, no duplicates, no self-ties, sorted by (a, b).
 * Both ends live in the same city. Strength is the number of meetings (at least 1).
 */
export interface DemoTieColumns {
  count: number;
  a: Int32Array;
  b: Int32Array;
  strength: Int16Array;
  firstMetDay: Int32Array;
  lastMetDay: Int32Array;
}

/**
 * Directed follows (follower follows the work of followed), no duplicates, no self-follows, sorted by (follower, followed).
 * Follows may cross cities (Miami locals follow the Toulouse entrepreneur's blog).
 */
export interface DemoFollowColumns {
  count: number;
  follower: Int32Array;
  followed: Int32Array;
  sinceDay: Int32Array;
}

/** A past meeting between a host (who offered) and a guest; it is also the last meeting of their tie. */
export interface DemoMeeting {
  cityKey: CityKey;
  hostIndex: MemberIndex;
  guestIndex: MemberIndex;
  kind: MeetingKind;
  venueIndex: VenueIndex;
  startsAt: IsoInstant;
  endsAt: IsoInstant;
  /** The guest's feedback: was the meeting useful? */
  wasUseful: boolean;
  /** The guest's feedback in their own language, or null. */
  feedback: string | null;
}

/** A confirmed act of help in the give ledger. */
export interface DemoGift {
  cityKey: CityKey;
  kind: GiftKind;
  giverIndex: MemberIndex;
  receiverIndex: MemberIndex;
  givenOn: IsoDate;
  /** For kind "meeting": the meeting given. */
  meetingIndex: MeetingIndex | null;
  /** For kind "introduction": the member the receiver was introduced to. */
  introducedIndex: MemberIndex | null;
  /** What was given, in the giver's language. */
  description: string;
  /** The receiver's thank-you note in their language, or null when none was written. */
  thankYouNote: string | null;
}

export interface DemoEventAttendance {
  memberIndex: MemberIndex;
  /** "invited": invitation sent, no answer yet; "going" / "declined": RSVP. */
  status: "invited" | "going" | "declined";
}

/** An upcoming event. */
export interface DemoEvent {
  cityKey: CityKey;
  /** Stable slug, unique in the world. */
  key: string;
  title: string;
  description: string;
  locale: Locale;
  sectors: Sector[];
  hostIndex: MemberIndex;
  venueIndex: VenueIndex;
  startsAt: IsoInstant;
  endsAt: IsoInstant;
  capacity: number;
  /** Invitation only: you get in through the host's network (the clannish pattern). */
  isInviteOnly: boolean;
  attendance: DemoEventAttendance[];
}

/** An announced stay of a member in a city. */
export interface DemoTrip {
  memberIndex: MemberIndex;
  /** The destination. */
  cityKey: CityKey;
  purpose: TripPurpose;
  arrivesOn: IsoDate;
  /** The last day of the stay; for a move, the end of the first weeks the traveller wants help with. */
  departsOn: IsoDate;
  locale: Locale;
  /** Free text. */
  seeks: string;
  gives: string;
  seekTags: string[];
  giveTags: string[];
  audience: TripAudience;
}

/** The named members and records of the mission story, for the app, the CLI and tests. */
export interface DemoStory {
  /** The Toulouse internet entrepreneur with a known blog, about to move to Miami. */
  entrepreneurIndex: MemberIndex;
  /** His move to Miami, an index into `DemoWorld.trips`. */
  moveTripIndex: number;
  /** Miami locals who follow his blog, ascending. */
  miamiFollowerIndices: MemberIndex[];
  /** Demo locals per city who answer new trips. */
  demoLocalIndices: Record<CityKey, MemberIndex[]>;
  /** Toulouse's gatekeepers ("mini-barons"). */
  toulouseGatekeeperIndices: MemberIndex[];
}

export interface DemoWorldOptions {
  /** Any integer or string; the same seed gives the same world. */
  seed: number | string;
  /** Members per city; default 2,000. */
  membersPerCity?: number;
  /** The present: an epoch-ms number or an ISO date or instant. Every date is relative to it. */
  now: number | string;
}

export interface DemoWorld {
  seed: number | string;
  membersPerCity: number;
  /** `now` as given, normalized. */
  now: IsoInstant;
  cities: DemoCity[];
  venues: DemoVenue[];
  /** Miami's members first (indices [0, membersPerCity)), then Toulouse's. */
  members: DemoMember[];
  ties: DemoTieColumns;
  follows: DemoFollowColumns;
  meetings: DemoMeeting[];
  gifts: DemoGift[];
  events: DemoEvent[];
  trips: DemoTrip[];
  story: DemoStory;
}
