/** Trips, the alerts that tell picked locals, offers with their slots and threads, and the meetings they become. */
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  time,
  timestamp,
  unique,
} from "drizzle-orm/pg-core";
import { cities, members, venues } from "./people";
import {
  isOneOf,
  meetingStatuses,
  offerKinds,
  offerStatuses,
  tripAudiences,
  tripKinds,
  tripPurposes,
  tripStatuses,
} from "./values";

/** Availability per weekday (1 = Monday … 7 = Sunday) or per date, as local "HH:MM" ranges, optionally for some kinds. */
export type AvailabilityRange = { from: string; to: string; kinds?: string[] };
export type Availability = {
  weekly: Record<string, AvailabilityRange[]>;
  dates?: Record<string, AvailabilityRange[]>;
};

export const trips = pgTable(
  "trips",
  {
    id: serial("id").primaryKey(),
    memberId: integer("member_id")
      .notNull()
      .references(() => members.id, { onDelete: "cascade" }),
    cityId: integer("city_id")
      .notNull()
      .references(() => cities.id),
    kind: text("kind").notNull().default("visit"),
    arrivalDate: date("arrival_date").notNull(),
    arrivalTime: time("arrival_time"),
    departureDate: date("departure_date"),
    departureTime: time("departure_time"),
    purpose: text("purpose").notNull().default("professional"),
    seeks: text("seeks").notNull().default(""),
    seeksTags: text("seeks_tags")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    gives: text("gives").notNull().default(""),
    givesTags: text("gives_tags")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    availability: jsonb("availability").$type<Availability>().notNull(),
    maxMeetingsPerDay: integer("max_meetings_per_day").notNull().default(4),
    audience: text("audience").notNull().default("connections_and_picked"),
    status: text("status").notNull().default("active"),
    /** The last instant on which the trip is shown: departure's end of day, or arrival + 90 days for a move. */
    visibleUntil: timestamp("visible_until", { withTimezone: true }).notNull(),
    /** When the `alerts.fanout` job ran for the trip; null until then, so that a sweep re-queues a lost job. */
    fannedOutAt: timestamp("fanned_out_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("trips_city_visible_idx").on(table.cityId, table.visibleUntil),
    index("trips_member_idx").on(table.memberId),
    check("trips_kind", isOneOf(table.kind, tripKinds)),
    check("trips_purpose", isOneOf(table.purpose, tripPurposes)),
    check("trips_audience", isOneOf(table.audience, tripAudiences)),
    check("trips_status", isOneOf(table.status, tripStatuses)),
    check(
      "trips_departure",
      sql`(${table.kind} = 'move' and ${table.departureDate} is null) or (${table.kind} = 'visit' and ${table.departureDate} is not null and ${table.departureDate} >= ${table.arrivalDate} and ${table.departureDate} - ${table.arrivalDate} <= 60)`,
    ),
    check("trips_seeks_present", sql`char_length(${table.seeks}) > 0 or cardinality(${table.seeksTags}) > 0`),
    check("trips_max_per_day", sql`${table.maxMeetingsPerDay} between 1 and 12`),
  ],
);

export const alerts = pgTable(
  "alerts",
  {
    id: serial("id").primaryKey(),
    tripId: integer("trip_id")
      .notNull()
      .references(() => trips.id, { onDelete: "cascade" }),
    memberId: integer("member_id")
      .notNull()
      .references(() => members.id, { onDelete: "cascade" }),
    score: doublePrecision("score").notNull(),
    reasons: jsonb("reasons").$type<unknown[]>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    seenAt: timestamp("seen_at", { withTimezone: true }),
  },
  (table) => [
    unique("alerts_trip_member_unique").on(table.tripId, table.memberId),
    index("alerts_member_created_idx").on(table.memberId, table.createdAt),
  ],
);

export const offers = pgTable(
  "offers",
  {
    id: serial("id").primaryKey(),
    tripId: integer("trip_id")
      .notNull()
      .references(() => trips.id, { onDelete: "cascade" }),
    senderId: integer("sender_id")
      .notNull()
      .references(() => members.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    message: text("message").notNull().default(""),
    venueId: integer("venue_id").references(() => venues.id),
    eventId: integer("event_id"),
    status: text("status").notNull().default("open"),
    starred: boolean("starred").notNull().default(false),
    acceptedSlotId: integer("accepted_slot_id"),
    declineNote: text("decline_note"),
    anotherTimeRequested: boolean("another_time_requested").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("offers_trip_idx").on(table.tripId),
    index("offers_sender_created_idx").on(table.senderId, table.createdAt),
    // For the trip revisions an event's change bumps (migration 0005's triggers).
    index("offers_event_idx")
      .on(table.eventId)
      .where(sql`${table.eventId} is not null`),
    check("offers_kind", isOneOf(table.kind, offerKinds)),
    check("offers_status", isOneOf(table.status, offerStatuses)),
    check("offers_message_length", sql`char_length(${table.message}) <= 4000`),
  ],
);

export const offerSlots = pgTable(
  "offer_slots",
  {
    id: serial("id").primaryKey(),
    offerId: integer("offer_id")
      .notNull()
      .references(() => offers.id, { onDelete: "cascade" }),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    durationMin: integer("duration_min").notNull(),
  },
  (table) => [
    index("offer_slots_offer_idx").on(table.offerId),
    check("offer_slots_duration", sql`${table.durationMin} between 5 and 720`),
  ],
);

/**
 * A start the traveller proposes for an offer (the agenda's one-click alternative). The sender accepts it, which adds
 * it to the offer's slots (`slotId`); one proposal per offer and start.
 */
export const offerTimeProposals = pgTable(
  "offer_time_proposals",
  {
    id: serial("id").primaryKey(),
    offerId: integer("offer_id")
      .notNull()
      .references(() => offers.id, { onDelete: "cascade" }),
    proposedById: integer("proposed_by_id")
      .notNull()
      .references(() => members.id, { onDelete: "cascade" }),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    durationMin: integer("duration_min").notNull(),
    status: text("status").notNull().default("pending"),
    slotId: integer("slot_id").references(() => offerSlots.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
  },
  (table) => [
    unique("offer_time_proposals_offer_start_unique").on(table.offerId, table.startsAt),
    check("offer_time_proposals_duration", sql`${table.durationMin} between 5 and 720`),
    check("offer_time_proposals_status", sql`${table.status} in ('pending', 'accepted')`),
  ],
);

export const offerMessages = pgTable(
  "offer_messages",
  {
    id: serial("id").primaryKey(),
    offerId: integer("offer_id")
      .notNull()
      .references(() => offers.id, { onDelete: "cascade" }),
    authorId: integer("author_id")
      .notNull()
      .references(() => members.id, { onDelete: "cascade" }),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("offer_messages_offer_idx").on(table.offerId),
    check("offer_messages_body_length", sql`char_length(${table.body}) between 1 and 4000`),
  ],
);

/** A meeting between a host (who offered) and a guest; held when both confirm. */
export const meetings = pgTable(
  "meetings",
  {
    id: serial("id").primaryKey(),
    offerId: integer("offer_id")
      .unique()
      .references(() => offers.id, { onDelete: "set null" }),
    tripId: integer("trip_id").references(() => trips.id, { onDelete: "set null" }),
    cityId: integer("city_id")
      .notNull()
      .references(() => cities.id),
    hostId: integer("host_id")
      .notNull()
      .references(() => members.id, { onDelete: "cascade" }),
    guestId: integer("guest_id")
      .notNull()
      .references(() => members.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    venueId: integer("venue_id").references(() => venues.id),
    status: text("status").notNull().default("scheduled"),
    hostConfirmed: boolean("host_confirmed").notNull().default(false),
    guestConfirmed: boolean("guest_confirmed").notNull().default(false),
    sequence: integer("sequence").notNull().default(0),
  },
  (table) => [
    index("meetings_host_idx").on(table.hostId, table.startsAt),
    index("meetings_guest_idx").on(table.guestId, table.startsAt),
    check("meetings_status", isOneOf(table.status, meetingStatuses)),
    check("meetings_distinct_people", sql`${table.hostId} <> ${table.guestId}`),
    check("meetings_times", sql`${table.startsAt} < ${table.endsAt}`),
  ],
);

export const meetingFeedback = pgTable(
  "meeting_feedback",
  {
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    memberId: integer("member_id")
      .notNull()
      .references(() => members.id, { onDelete: "cascade" }),
    useful: boolean("useful"),
    followUp: boolean("follow_up"),
    deal: boolean("deal"),
    thanks: text("thanks"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.meetingId, table.memberId] })],
);

/** Busy times imported from the traveller's own calendar. */
export const busyTimes = pgTable(
  "busy_times",
  {
    id: serial("id").primaryKey(),
    tripId: integer("trip_id")
      .notNull()
      .references(() => trips.id, { onDelete: "cascade" }),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    label: text("label").notNull().default(""),
  },
  (table) => [
    index("busy_times_trip_idx").on(table.tripId),
    check("busy_times_order", sql`${table.startsAt} < ${table.endsAt}`),
  ],
);

/**
 * A counter per trip that the database raises, in the transaction that makes the change, whenever anything its offer
 * views or its agenda are made of changes: its offers, their slots, time proposals and meetings, its busy times and
 * alerts, the senders' names, the venues and events offered, a block of its traveller (migration 0005's triggers).
 * An unchanged revision means unchanged views, so a polled view is answered without reading every offer.
 */
export const tripRevisions = pgTable("trip_revisions", {
  tripId: integer("trip_id")
    .primaryKey()
    .references(() => trips.id, { onDelete: "cascade" }),
  revision: bigint("revision", { mode: "number" }).notNull().default(0),
});

/** Each solved plan of a trip, kept so that the traveller sees what changed since the last one. */
export const agendas = pgTable(
  "agendas",
  {
    tripId: integer("trip_id")
      .notNull()
      .references(() => trips.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    plan: jsonb("plan").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.tripId, table.version] })],
);
