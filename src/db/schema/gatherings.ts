/** Events with invitations and RSVPs, double opt-in introductions, and the give ledger. */
import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  unique,
} from "drizzle-orm/pg-core";
import { cities, members, venues } from "./people";
import {
  eventAudiences,
  eventStatuses,
  giftKinds,
  introductionAnswers,
  introductionStatuses,
  isOneOf,
  rsvpStatuses,
} from "./values";

export const events = pgTable(
  "events",
  {
    id: serial("id").primaryKey(),
    cityId: integer("city_id")
      .notNull()
      .references(() => cities.id),
    hostId: integer("host_id")
      .notNull()
      .references(() => members.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    titleFr: text("title_fr"),
    description: text("description").notNull().default(""),
    descriptionFr: text("description_fr"),
    tags: text("tags")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    venueId: integer("venue_id").references(() => venues.id),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    capacity: integer("capacity").notNull(),
    /** Seats held by "going" guests; the guard against overbooking updates it in the same statement as the RSVP. */
    seatsTaken: integer("seats_taken").notNull().default(0),
    audience: text("audience").notNull().default("members"),
    approvalRequired: boolean("approval_required").notNull().default(false),
    status: text("status").notNull().default("scheduled"),
    sequence: integer("sequence").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("events_city_starts_idx").on(table.cityId, table.startsAt),
    check("events_title_length", sql`char_length(${table.title}) between 1 and 200`),
    check("events_times", sql`${table.startsAt} < ${table.endsAt}`),
    check("events_capacity", sql`${table.capacity} between 1 and 100000`),
    check("events_seats", sql`${table.seatsTaken} between 0 and ${table.capacity}`),
    check("events_audience", isOneOf(table.audience, eventAudiences)),
    check("events_status", isOneOf(table.status, eventStatuses)),
  ],
);

export const invitations = pgTable(
  "invitations",
  {
    id: serial("id").primaryKey(),
    eventId: integer("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    memberId: integer("member_id")
      .notNull()
      .references(() => members.id, { onDelete: "cascade" }),
    invitedBy: integer("invited_by")
      .notNull()
      .references(() => members.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [unique("invitations_event_member_unique").on(table.eventId, table.memberId)],
);

export const rsvps = pgTable(
  "rsvps",
  {
    eventId: integer("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    memberId: integer("member_id")
      .notNull()
      .references(() => members.id, { onDelete: "cascade" }),
    status: text("status").notNull(),
    /** Order on the waitlist: the time the guest asked for a seat. */
    requestedAt: timestamp("requested_at", { withTimezone: true }).notNull().defaultNow(),
    attended: boolean("attended"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.eventId, table.memberId] }),
    index("rsvps_member_idx").on(table.memberId),
    check("rsvps_status", isOneOf(table.status, rsvpStatuses)),
  ],
);

export const introductions = pgTable(
  "introductions",
  {
    id: serial("id").primaryKey(),
    connectorId: integer("connector_id")
      .notNull()
      .references(() => members.id, { onDelete: "cascade" }),
    firstId: integer("first_id")
      .notNull()
      .references(() => members.id, { onDelete: "cascade" }),
    secondId: integer("second_id")
      .notNull()
      .references(() => members.id, { onDelete: "cascade" }),
    reason: text("reason").notNull(),
    firstAnswer: text("first_answer").notNull().default("pending"),
    secondAnswer: text("second_answer").notNull().default("pending"),
    status: text("status").notNull().default("pending"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (table) => [
    index("introductions_connector_created_idx").on(table.connectorId, table.createdAt),
    index("introductions_first_idx").on(table.firstId),
    index("introductions_second_idx").on(table.secondId),
    check(
      "introductions_three_people",
      sql`${table.firstId} <> ${table.secondId} and ${table.connectorId} <> ${table.firstId} and ${table.connectorId} <> ${table.secondId}`,
    ),
    check("introductions_first_answer", isOneOf(table.firstAnswer, introductionAnswers)),
    check("introductions_second_answer", isOneOf(table.secondAnswer, introductionAnswers)),
    check("introductions_status", isOneOf(table.status, introductionStatuses)),
    check("introductions_reason_length", sql`char_length(${table.reason}) between 1 and 2000`),
  ],
);

/** The conversation that opens once both sides accepted an introduction. */
export const introductionMessages = pgTable(
  "introduction_messages",
  {
    id: serial("id").primaryKey(),
    introductionId: integer("introduction_id")
      .notNull()
      .references(() => introductions.id, { onDelete: "cascade" }),
    authorId: integer("author_id")
      .notNull()
      .references(() => members.id, { onDelete: "cascade" }),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("introduction_messages_intro_idx").on(table.introductionId),
    check("introduction_messages_body_length", sql`char_length(${table.body}) between 1 and 4000`),
  ],
);

/** A confirmed act of help. `source` names what proved it (e.g. "meeting:12") so that it is recorded once. */
export const gifts = pgTable(
  "gifts",
  {
    id: serial("id").primaryKey(),
    giverId: integer("giver_id")
      .notNull()
      .references(() => members.id, { onDelete: "cascade" }),
    receiverId: integer("receiver_id")
      .notNull()
      .references(() => members.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    occurredOn: date("occurred_on").notNull(),
    cityId: integer("city_id").references(() => cities.id),
    thanks: text("thanks"),
    source: text("source").unique(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("gifts_giver_idx").on(table.giverId),
    index("gifts_receiver_idx").on(table.receiverId),
    check("gifts_kind", isOneOf(table.kind, giftKinds)),
    check("gifts_distinct_people", sql`${table.giverId} <> ${table.receiverId}`),
  ],
);
