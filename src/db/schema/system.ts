/** Notifications, the email outbox, reports to moderators, calendar feeds, idempotency keys and cached reports. */
import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, primaryKey, serial, text, timestamp } from "drizzle-orm/pg-core";
import { cities, members } from "./people";
import { trips } from "./arrivals";
import {
  isOneOf,
  moderationActionKinds,
  outboxStatuses,
  reportReasons,
  reportStatuses,
  reportTargetKinds,
} from "./values";

export const notifications = pgTable(
  "notifications",
  {
    id: serial("id").primaryKey(),
    memberId: integer("member_id")
      .notNull()
      .references(() => members.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp("read_at", { withTimezone: true }),
  },
  (table) => [index("notifications_member_created_idx").on(table.memberId, table.createdAt)],
);

/** Every email is written here first, in the same transaction as what caused it, and sent by a job. */
export const emailOutbox = pgTable(
  "email_outbox",
  {
    id: serial("id").primaryKey(),
    memberId: integer("member_id").references(() => members.id, { onDelete: "set null" }),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    textBody: text("text_body").notNull(),
    htmlBody: text("html_body"),
    /** Stable per message, so that a resend after a crash is recognisable. */
    messageId: text("message_id").notNull().unique(),
    kind: text("kind").notNull(),
    status: text("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    /** A sender holds the message until then; after a crash another sender takes it over. */
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (table) => [
    index("email_outbox_status_idx").on(table.status, table.id),
    index("email_outbox_member_idx").on(table.memberId),
    check("email_outbox_status", isOneOf(table.status, outboxStatuses)),
  ],
);

export const reports = pgTable(
  "reports",
  {
    id: serial("id").primaryKey(),
    reporterId: integer("reporter_id")
      .notNull()
      .references(() => members.id, { onDelete: "cascade" }),
    subjectId: integer("subject_id")
      .notNull()
      .references(() => members.id, { onDelete: "cascade" }),
    /** What is reported: the member, or one of their trips, offers, events or messages (`targetId`). */
    targetKind: text("target_kind").notNull().default("member"),
    targetId: integer("target_id"),
    /** The city the report concerns, so that a city's moderators see it; null for a global moderator's queue. */
    cityId: integer("city_id").references(() => cities.id, { onDelete: "set null" }),
    reason: text("reason").notNull(),
    details: text("details").notNull().default(""),
    status: text("status").notNull().default("open"),
    handledBy: integer("handled_by").references(() => members.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    handledAt: timestamp("handled_at", { withTimezone: true }),
  },
  (table) => [
    index("reports_status_idx").on(table.status, table.createdAt),
    index("reports_reporter_created_idx").on(table.reporterId, table.createdAt),
    index("reports_subject_idx").on(table.subjectId),
    check("reports_status", isOneOf(table.status, reportStatuses)),
    check("reports_not_self", sql`${table.reporterId} <> ${table.subjectId}`),
    check("reports_target_kind", isOneOf(table.targetKind, reportTargetKinds)),
    check("reports_target_id", sql`(${table.targetKind} = 'member') = (${table.targetId} is null)`),
    check("reports_reason", isOneOf(table.reason, reportReasons)),
    check("reports_details_length", sql`char_length(${table.details}) <= 2000`),
  ],
);

/** Every moderation action: who acted, on whom, when, and on which report. */
export const moderationActions = pgTable(
  "moderation_actions",
  {
    id: serial("id").primaryKey(),
    reportId: integer("report_id").references(() => reports.id, { onDelete: "set null" }),
    subjectId: integer("subject_id")
      .notNull()
      .references(() => members.id, { onDelete: "cascade" }),
    moderatorId: integer("moderator_id").references(() => members.id, { onDelete: "set null" }),
    action: text("action").notNull(),
    note: text("note").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("moderation_actions_subject_idx").on(table.subjectId, table.createdAt),
    index("moderation_actions_report_idx").on(table.reportId),
    index("moderation_actions_moderator_idx").on(table.moderatorId),
    check("moderation_actions_action", isOneOf(table.action, moderationActionKinds)),
    check("moderation_actions_note_length", sql`char_length(${table.note}) <= 2000`),
  ],
);

/** A calendar subscription: the URL carries a random secret, of which only the hash is stored. */
export const calendarFeeds = pgTable(
  "calendar_feeds",
  {
    id: serial("id").primaryKey(),
    memberId: integer("member_id")
      .notNull()
      .references(() => members.id, { onDelete: "cascade" }),
    tripId: integer("trip_id").references(() => trips.id, { onDelete: "cascade" }),
    secretHash: text("secret_hash").notNull().unique(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (table) => [index("calendar_feeds_member_idx").on(table.memberId)],
);

/** The response of a create request, replayed when the client retries with the same Idempotency-Key. */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    memberId: integer("member_id")
      .notNull()
      .references(() => members.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    status: integer("status").notNull(),
    body: jsonb("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.memberId, table.key] })],
);

/** The openness report of a city, computed by a job and served from here. */
export const cityReports = pgTable("city_reports", {
  cityId: integer("city_id")
    .primaryKey()
    .references(() => cities.id, { onDelete: "cascade" }),
  report: jsonb("report").notNull(),
  computedAt: timestamp("computed_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Small facts about this instance, such as whether the demo world was loaded and who its personas are. */
export const instanceSettings = pgTable("instance_settings", {
  key: text("key").primaryKey(),
  value: jsonb("value").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
