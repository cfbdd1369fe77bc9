/** Cities, members and the ties between them. */
import { sql } from "drizzle-orm";
import {
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
  timestamp,
  unique,
} from "drizzle-orm/pg-core";
import { users } from "./auth";
import { careerStages, emailPreferences, isOneOf, locales, origins, roles, tripAudiences } from "./values";

export const cities = pgTable(
  "cities",
  {
    id: serial("id").primaryKey(),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    nameFr: text("name_fr"),
    country: text("country").notNull(),
    timeZone: text("time_zone").notNull(),
    locale: text("locale").notNull().default("en"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check("cities_slug_format", sql`${table.slug} ~ '^[a-z0-9-]{2,64}$'`),
    check("cities_locale", isOneOf(table.locale, locales)),
  ],
);

export const members = pgTable(
  "members",
  {
    id: serial("id").primaryKey(),
    userId: text("user_id")
      .unique()
      .references(() => users.id, { onDelete: "set null" }),
    name: text("name").notNull(),
    headline: text("headline").notNull().default(""),
    bio: text("bio").notNull().default(""),
    homeCityId: integer("home_city_id").references(() => cities.id),
    currentCityId: integer("current_city_id").references(() => cities.id),
    languages: text("languages")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    sectors: text("sectors")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    tags: text("tags")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    gives: text("gives").notNull().default(""),
    givesTags: text("gives_tags")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    seeks: text("seeks").notNull().default(""),
    seeksTags: text("seeks_tags")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    links: jsonb("links").$type<{ label: string; url: string }[]>().notNull().default([]),
    careerStage: text("career_stage").notNull().default("other"),
    origin: text("origin").notNull().default("local"),
    arrivedOn: date("arrived_on"),
    locale: text("locale").notNull().default("en"),
    emailPreference: text("email_preference").notNull().default("instant"),
    defaultTripAudience: text("default_trip_audience").notNull().default("connections_and_picked"),
    alertCapPerWeek: integer("alert_cap_per_week").notNull().default(3),
    alertsPaused: boolean("alerts_paused").notNull().default(false),
    analyticsOptOut: boolean("analytics_opt_out").notNull().default(false),
    isDemo: boolean("is_demo").notNull().default(false),
    isDemoLocal: boolean("is_demo_local").notNull().default(false),
    suspendedAt: timestamp("suspended_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("members_home_city_idx").on(table.homeCityId),
    index("members_current_city_idx").on(table.currentCityId),
    index("members_name_trgm_idx").using("gin", sql`${table.name} gin_trgm_ops`),
    index("members_search_en_idx").using(
      "gin",
      sql`to_tsvector('english'::regconfig, ${table.name} || ' ' || ${table.headline} || ' ' || ${table.bio} || ' ' || ${table.gives} || ' ' || ${table.seeks})`,
    ),
    index("members_search_fr_idx").using(
      "gin",
      sql`to_tsvector('french'::regconfig, ${table.name} || ' ' || ${table.headline} || ' ' || ${table.bio} || ' ' || ${table.gives} || ' ' || ${table.seeks})`,
    ),
    check("members_name_length", sql`char_length(${table.name}) between 1 and 120`),
    check("members_career_stage", isOneOf(table.careerStage, careerStages)),
    check("members_origin", isOneOf(table.origin, origins)),
    check("members_locale", isOneOf(table.locale, locales)),
    check("members_email_preference", isOneOf(table.emailPreference, emailPreferences)),
    check("members_default_trip_audience", isOneOf(table.defaultTripAudience, tripAudiences)),
    check("members_alert_cap", sql`${table.alertCapPerWeek} between 0 and 50`),
  ],
);

/** Roles beyond plain membership; an organiser's role is bound to a city, a moderator's or admin's may be global. */
export const memberRoles = pgTable(
  "member_roles",
  {
    id: serial("id").primaryKey(),
    memberId: integer("member_id")
      .notNull()
      .references(() => members.id, { onDelete: "cascade" }),
    role: text("role").notNull(),
    cityId: integer("city_id").references(() => cities.id, { onDelete: "cascade" }),
    grantedAt: timestamp("granted_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique("member_roles_unique").on(table.memberId, table.role, table.cityId).nullsNotDistinct(),
    check("member_roles_role", isOneOf(table.role, roles)),
  ],
);

/** A follows B's work (directed). */
export const follows = pgTable(
  "follows",
  {
    followerId: integer("follower_id")
      .notNull()
      .references(() => members.id, { onDelete: "cascade" }),
    followeeId: integer("followee_id")
      .notNull()
      .references(() => members.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.followerId, table.followeeId] }),
    index("follows_followee_idx").on(table.followeeId),
    check("follows_not_self", sql`${table.followerId} <> ${table.followeeId}`),
  ],
);

/** A and B have met (undirected, stored once with a < b); strength counts the meetings. */
export const ties = pgTable(
  "ties",
  {
    aId: integer("a_id")
      .notNull()
      .references(() => members.id, { onDelete: "cascade" }),
    bId: integer("b_id")
      .notNull()
      .references(() => members.id, { onDelete: "cascade" }),
    strength: integer("strength").notNull().default(1),
    firstMetOn: date("first_met_on").notNull(),
    lastMetOn: date("last_met_on").notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.aId, table.bId] }),
    index("ties_b_idx").on(table.bId),
    check("ties_ordered", sql`${table.aId} < ${table.bId}`),
    check("ties_strength", sql`${table.strength} >= 1`),
    check("ties_dates", sql`${table.firstMetOn} <= ${table.lastMetOn}`),
  ],
);

/** A block hides both sides from each other everywhere. */
export const blocks = pgTable(
  "blocks",
  {
    blockerId: integer("blocker_id")
      .notNull()
      .references(() => members.id, { onDelete: "cascade" }),
    blockedId: integer("blocked_id")
      .notNull()
      .references(() => members.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.blockerId, table.blockedId] }),
    index("blocks_blocked_idx").on(table.blockedId),
    check("blocks_not_self", sql`${table.blockerId} <> ${table.blockedId}`),
  ],
);

export const venues = pgTable(
  "venues",
  {
    id: serial("id").primaryKey(),
    cityId: integer("city_id")
      .notNull()
      .references(() => cities.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    address: text("address").notNull().default(""),
    lat: doublePrecision("lat"),
    lon: doublePrecision("lon"),
  },
  (table) => [
    index("venues_city_idx").on(table.cityId),
    check("venues_lat", sql`${table.lat} is null or ${table.lat} between -90 and 90`),
    check("venues_lon", sql`${table.lon} is null or ${table.lon} between -180 and 180`),
    check("venues_coordinates_paired", sql`(${table.lat} is null) = (${table.lon} is null)`),
  ],
);

/** The feeds of a member's blog or publications (RSS, Atom, JSON Feed), fetched politely in the background. */
export const memberFeeds = pgTable(
  "member_feeds",
  {
    id: serial("id").primaryKey(),
    memberId: integer("member_id")
      .notNull()
      .references(() => members.id, { onDelete: "cascade" }),
    url: text("url").notNull(),
    title: text("title"),
    etag: text("etag"),
    lastModified: text("last_modified"),
    fetchedAt: timestamp("fetched_at", { withTimezone: true }),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique("member_feeds_member_url_unique").on(table.memberId, table.url),
    check("member_feeds_url_scheme", sql`${table.url} ~ '^https?://'`),
  ],
);

export const feedPosts = pgTable(
  "feed_posts",
  {
    id: serial("id").primaryKey(),
    feedId: integer("feed_id")
      .notNull()
      .references(() => memberFeeds.id, { onDelete: "cascade" }),
    guid: text("guid").notNull(),
    title: text("title").notNull(),
    url: text("url"),
    summary: text("summary").notNull().default(""),
    publishedAt: timestamp("published_at", { withTimezone: true }),
  },
  (table) => [
    unique("feed_posts_feed_guid_unique").on(table.feedId, table.guid),
    index("feed_posts_feed_published_idx").on(table.feedId, table.publishedAt),
  ],
);
