/**
 * Bulk-loads a generated demo world. Rows go in with `insert … select from unnest(...)` in chunks (one statement per
 * chunk, whatever the row count), with ids assigned here so that the world's indices map to ids without a lookup.
 * A 100,000-member city (about a million ties) loads in well under a minute on either engine.
 */
import type { ExecuteSql } from "../create-db";
import type { DemoWorld } from "../../domain/demo/types";

export interface LoadedWorld {
  cityIds: Record<string, number>;
  /** Database id of the world's member at each index. */
  memberIds: Int32Array;
  eventIds: number[];
  tripIds: number[];
  rows: number;
}

/** Joins text arrays into one string per row; the SQL splits them back with string_to_array on this separator. */
const separator = "\u001f";
const joined = (items: readonly string[]) => items.join(separator);
const chunkSize = 20_000;

const careerStageOf: Record<string, string> = { independent: "freelancer" };
const audienceOf: Record<string, string> = {
  network: "connections",
  network_and_picked_locals: "connections_and_picked",
  public: "members",
};
const isoDay = (epochDay: number) => new Date(epochDay * 86_400_000).toISOString().slice(0, 10);

async function nextId(executeSql: ExecuteSql, table: string): Promise<number> {
  const { rows } = await executeSql(`SELECT coalesce(max(id), 0)::int + 1 AS next FROM ${table}`);
  return Number(rows[0]?.next ?? 1);
}

async function resetSequence(executeSql: ExecuteSql, table: string): Promise<void> {
  await executeSql(
    `SELECT setval(pg_get_serial_sequence('${table}', 'id'), coalesce((SELECT max(id) FROM ${table}), 0) + 1, false)`,
  );
}

/** Runs `insert` over [0, count) in chunks, reporting progress. */
async function inChunks(
  count: number,
  insert: (from: number, to: number) => Promise<void>,
  onRows: (rows: number) => void,
): Promise<void> {
  for (let from = 0; from < count; from += chunkSize) {
    const to = Math.min(count, from + chunkSize);
    await insert(from, to);
    onRows(to - from);
  }
}

/**
 * Runs a bulk load with the secondary (non-unique) indexes and the foreign keys of `tables` dropped, then restores
 * them from their saved definitions: one index build, and one validation per key, cost much less than maintaining
 * full-text GIN indexes and checking references row by row. Re-adding a key validates every loaded row.
 */
async function withDeferredIndexes<T>(executeSql: ExecuteSql, tables: string[], body: () => Promise<T>): Promise<T> {
  const { rows } = await executeSql(
    `SELECT i.indexname AS name, i.indexdef AS definition FROM pg_indexes i
     JOIN pg_class c ON c.relname = i.indexname JOIN pg_index x ON x.indexrelid = c.oid
     WHERE i.schemaname = 'public' AND i.tablename = ANY($1::text[]) AND NOT x.indisunique`,
    [tables],
  );
  // Foreign keys too: one validating join when re-added costs far less than a trigger lookup per loaded row.
  const { rows: foreignKeys } = await executeSql(
    `SELECT c.conrelid::regclass::text AS "table", c.conname AS name, pg_get_constraintdef(c.oid) AS definition
     FROM pg_constraint c WHERE c.contype = 'f' AND c.conrelid::regclass::text = ANY($1::text[])`,
    [tables],
  );
  for (const index of rows) await executeSql(`DROP INDEX IF EXISTS "${String(index.name)}"`);
  for (const key of foreignKeys) {
    await executeSql(`ALTER TABLE "${String(key.table)}" DROP CONSTRAINT "${String(key.name)}"`);
  }
  try {
    return await body();
  } finally {
    for (const key of foreignKeys) {
      await executeSql(
        `ALTER TABLE "${String(key.table)}" ADD CONSTRAINT "${String(key.name)}" ${String(key.definition)}`,
      );
    }
    for (const index of rows) await executeSql(String(index.definition));
  }
}

export async function loadDemoWorld(
  executeSql: ExecuteSql,
  world: DemoWorld,
  onProgress: (rowsLoaded: number) => void = () => {},
): Promise<LoadedWorld> {
  return withDeferredIndexes(executeSql, ["members", "ties", "follows", "gifts", "meetings"], () =>
    loadRows(executeSql, world, onProgress),
  );
}

async function loadRows(
  executeSql: ExecuteSql,
  world: DemoWorld,
  onProgress: (rowsLoaded: number) => void,
): Promise<LoadedWorld> {
  let rows = 0;
  const progress = (count: number) => {
    rows += count;
    onProgress(rows);
  };

  const cityIds: Record<string, number> = {};
  for (const city of world.cities) {
    const { rows: inserted } = await executeSql(
      `INSERT INTO cities (slug, name, name_fr, country, time_zone, locale) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (slug) DO UPDATE SET name = excluded.name RETURNING id`,
      [city.key, city.name, city.name, city.countryCode, city.timeZone, city.locale === "fr" ? "fr" : "en"],
    );
    cityIds[city.key] = Number(inserted[0]?.id);
  }
  progress(world.cities.length);

  const venueBase = await nextId(executeSql, "venues");
  await executeSql(
    `INSERT INTO venues (id, city_id, name, address, lat, lon)
     SELECT * FROM unnest($1::int[], $2::int[], $3::text[], $4::text[], $5::float8[], $6::float8[])`,
    [
      world.venues.map((_, index) => venueBase + index),
      world.venues.map((venue) => cityIds[venue.cityKey]),
      world.venues.map((venue) => venue.name),
      world.venues.map((venue) => `${venue.address} (${venue.neighborhood})`),
      world.venues.map((venue) => venue.latitude),
      world.venues.map((venue) => venue.longitude),
    ],
  );
  await resetSequence(executeSql, "venues");
  progress(world.venues.length);

  const memberBase = await nextId(executeSql, "members");
  const memberIds = new Int32Array(world.members.length);
  for (let index = 0; index < memberIds.length; index++) memberIds[index] = memberBase + index;
  await inChunks(
    world.members.length,
    async (from, to) => {
      const slice = world.members.slice(from, to);
      const ids = Array.from(memberIds.subarray(from, to));
      await executeSql(
        `INSERT INTO users (id, name, email, email_verified)
         SELECT 'demo-' || id, name, email, true FROM unnest($1::int[], $2::text[], $3::text[]) AS t(id, name, email)`,
        [ids, slice.map((member) => `${member.firstName} ${member.lastName}`), slice.map((member) => member.email)],
      );
      await executeSql(
        `INSERT INTO members (id, user_id, name, headline, bio, home_city_id, current_city_id, languages, sectors, tags,
           gives, gives_tags, seeks, seeks_tags, links, career_stage, origin, arrived_on, locale, is_demo, is_demo_local, created_at)
         SELECT id, 'demo-' || id, name, headline, bio, city, city, string_to_array(languages, chr(31)),
           string_to_array(sectors, chr(31)), string_to_array(gives_tags || chr(31) || seeks_tags, chr(31)),
           gives, string_to_array(gives_tags, chr(31)), seeks, string_to_array(seeks_tags, chr(31)),
           CASE WHEN website IS NULL THEN '[]'::jsonb ELSE jsonb_build_array(jsonb_build_object('label', 'blog', 'url', website)) END,
           career_stage, origin, arrived_on::date, locale, true, demo_local, joined_on::date
         FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::int[], $6::text[], $7::text[], $8::text[],
           $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[], $17::bool[], $18::text[])
           AS t(id, name, headline, bio, city, languages, sectors, gives, gives_tags, seeks, seeks_tags, website,
                career_stage, origin, arrived_on, locale, demo_local, joined_on)`,
        [
          ids,
          slice.map((member) => `${member.firstName} ${member.lastName}`),
          slice.map((member) => member.headline),
          slice.map((member) => member.bio),
          slice.map((member) => cityIds[member.cityKey]),
          slice.map((member) => joined(member.languages)),
          slice.map((member) => joined(member.sectors)),
          slice.map((member) => member.gives),
          slice.map((member) => joined(member.giveTags)),
          slice.map((member) => member.seeks),
          slice.map((member) => joined(member.seekTags)),
          slice.map((member) => member.websiteUrl),
          slice.map((member) => careerStageOf[member.careerStage] ?? member.careerStage),
          slice.map((member) => member.origin),
          slice.map((member) => member.arrivedOn),
          slice.map((member) => (member.locale === "fr" ? "fr" : "en")),
          slice.map((member) => member.isDemoLocal),
          slice.map((member) => member.joinedOn),
        ],
      );
    },
    (count) => progress(count * 2),
  );
  await resetSequence(executeSql, "members");

  const { ties, follows } = world;
  await inChunks(
    ties.count,
    async (from, to) => {
      const a = Array.from(ties.a.subarray(from, to), (index) => memberIds[index]);
      const b = Array.from(ties.b.subarray(from, to), (index) => memberIds[index]);
      await executeSql(
        `INSERT INTO ties (a_id, b_id, strength, first_met_on, last_met_on)
         SELECT least(a, b), greatest(a, b), strength, first_met::date, last_met::date
         FROM unnest($1::int[], $2::int[], $3::int[], $4::text[], $5::text[]) AS t(a, b, strength, first_met, last_met)`,
        [
          a,
          b,
          Array.from(ties.strength.subarray(from, to)),
          Array.from(ties.firstMetDay.subarray(from, to), isoDay),
          Array.from(ties.lastMetDay.subarray(from, to), isoDay),
        ],
      );
    },
    progress,
  );
  await inChunks(
    follows.count,
    async (from, to) => {
      await executeSql(
        `INSERT INTO follows (follower_id, followee_id, created_at)
         SELECT follower, followee, since::timestamptz FROM unnest($1::int[], $2::int[], $3::text[]) AS t(follower, followee, since)`,
        [
          Array.from(follows.follower.subarray(from, to), (index) => memberIds[index]),
          Array.from(follows.followed.subarray(from, to), (index) => memberIds[index]),
          Array.from(follows.sinceDay.subarray(from, to), isoDay),
        ],
      );
    },
    progress,
  );

  const meetingBase = await nextId(executeSql, "meetings");
  await inChunks(
    world.meetings.length,
    async (from, to) => {
      const slice = world.meetings.slice(from, to);
      const ids = slice.map((_, offset) => meetingBase + from + offset);
      await executeSql(
        `INSERT INTO meetings (id, city_id, host_id, guest_id, kind, starts_at, ends_at, venue_id, status, host_confirmed, guest_confirmed)
         SELECT id, city, host, guest, kind, starts::timestamptz, ends::timestamptz, venue, 'held', true, true
         FROM unnest($1::int[], $2::int[], $3::int[], $4::int[], $5::text[], $6::text[], $7::text[], $8::int[])
           AS t(id, city, host, guest, kind, starts, ends, venue)`,
        [
          ids,
          slice.map((meeting) => cityIds[meeting.cityKey]),
          slice.map((meeting) => memberIds[meeting.hostIndex]),
          slice.map((meeting) => memberIds[meeting.guestIndex]),
          slice.map((meeting) => meeting.kind),
          slice.map((meeting) => meeting.startsAt),
          slice.map((meeting) => meeting.endsAt),
          slice.map((meeting) => venueBase + meeting.venueIndex),
        ],
      );
      await executeSql(
        `INSERT INTO meeting_feedback (meeting_id, member_id, useful, thanks)
         SELECT id, guest, useful, thanks FROM unnest($1::int[], $2::int[], $3::bool[], $4::text[]) AS t(id, guest, useful, thanks)`,
        [
          ids,
          slice.map((meeting) => memberIds[meeting.guestIndex]),
          slice.map((meeting) => meeting.wasUseful),
          slice.map((meeting) => meeting.feedback),
        ],
      );
    },
    (count) => progress(count * 2),
  );
  await resetSequence(executeSql, "meetings");

  await inChunks(
    world.gifts.length,
    async (from, to) => {
      const slice = world.gifts.slice(from, to);
      await executeSql(
        `INSERT INTO gifts (giver_id, receiver_id, kind, occurred_on, city_id, thanks, source)
         SELECT giver, receiver, kind, day::date, city, thanks, source
         FROM unnest($1::int[], $2::int[], $3::text[], $4::text[], $5::int[], $6::text[], $7::text[])
           AS t(giver, receiver, kind, day, city, thanks, source)`,
        [
          slice.map((gift) => memberIds[gift.giverIndex]),
          slice.map((gift) => memberIds[gift.receiverIndex]),
          slice.map((gift) => gift.kind),
          slice.map((gift) => gift.givenOn),
          slice.map((gift) => cityIds[gift.cityKey]),
          slice.map((gift) => gift.thankYouNote),
          slice.map((gift, offset) =>
            gift.meetingIndex !== null
              ? `meeting:${meetingBase + gift.meetingIndex}`
              : `demo-gift:${memberBase}:${from + offset}`,
          ),
        ],
      );
    },
    progress,
  );

  const eventBase = await nextId(executeSql, "events");
  const eventIds = world.events.map((_, index) => eventBase + index);
  if (world.events.length > 0) {
    await executeSql(
      `INSERT INTO events (id, city_id, host_id, title, title_fr, description, description_fr, tags, venue_id, starts_at, ends_at,
         capacity, seats_taken, audience)
       SELECT id, city, host, title, CASE WHEN locale = 'fr' THEN title END, description, CASE WHEN locale = 'fr' THEN description END,
         string_to_array(tags, chr(31)), venue, starts::timestamptz, ends::timestamptz, capacity, going, audience
       FROM unnest($1::int[], $2::int[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::int[], $9::text[],
         $10::text[], $11::int[], $12::int[], $13::text[]) AS t(id, city, host, title, description, locale, tags, venue, starts, ends, capacity, going, audience)`,
      [
        eventIds,
        world.events.map((event) => cityIds[event.cityKey]),
        world.events.map((event) => memberIds[event.hostIndex]),
        world.events.map((event) => event.title),
        world.events.map((event) => event.description),
        world.events.map((event) => event.locale),
        world.events.map((event) => joined(event.sectors)),
        world.events.map((event) => venueBase + event.venueIndex),
        world.events.map((event) => event.startsAt),
        world.events.map((event) => event.endsAt),
        world.events.map((event) =>
          Math.max(event.capacity, event.attendance.filter((entry) => entry.status === "going").length),
        ),
        world.events.map((event) => event.attendance.filter((entry) => entry.status === "going").length),
        world.events.map((event) => (event.isInviteOnly ? "invite_only" : "members")),
      ],
    );
    const invitationRows = world.events.flatMap((event, index) =>
      event.attendance.map((entry) => ({
        event: eventIds[index],
        member: memberIds[entry.memberIndex],
        host: memberIds[event.hostIndex],
        status: entry.status,
      })),
    );
    await executeSql(
      `INSERT INTO invitations (event_id, member_id, invited_by)
       SELECT event, member, host FROM unnest($1::int[], $2::int[], $3::int[]) AS t(event, member, host) WHERE member <> host
       ON CONFLICT DO NOTHING`,
      [
        invitationRows.map((row) => row.event),
        invitationRows.map((row) => row.member),
        invitationRows.map((row) => row.host),
      ],
    );
    const answered = invitationRows.filter((row) => row.status !== "invited");
    await executeSql(
      `INSERT INTO rsvps (event_id, member_id, status)
       SELECT event, member, status FROM unnest($1::int[], $2::int[], $3::text[]) AS t(event, member, status) ON CONFLICT DO NOTHING`,
      [
        answered.map((row) => row.event),
        answered.map((row) => row.member),
        answered.map((row) => (row.status === "going" ? "going" : "not_going")),
      ],
    );
    progress(world.events.length + invitationRows.length + answered.length);
  }
  await resetSequence(executeSql, "events");

  const tripBase = await nextId(executeSql, "trips");
  const tripIds = world.trips.map((_, index) => tripBase + index);
  if (world.trips.length > 0) {
    await executeSql(
      `INSERT INTO trips (id, member_id, city_id, kind, arrival_date, departure_date, purpose, seeks, seeks_tags, gives, gives_tags,
         availability, audience, visible_until)
       SELECT id, member, city, kind, arrives::date, CASE WHEN kind = 'move' THEN NULL ELSE departs::date END, 'professional',
         seeks, string_to_array(seeks_tags, chr(31)), gives, string_to_array(gives_tags, chr(31)), $12::jsonb, audience,
         CASE WHEN kind = 'move' THEN arrives::date + 91 ELSE departs::date + 1 END
       FROM unnest($1::int[], $2::int[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[])
         AS t(id, member, city, kind, arrives, departs, seeks, seeks_tags, gives, gives_tags, audience)`,
      [
        tripIds,
        world.trips.map((trip) => memberIds[trip.memberIndex]),
        world.trips.map((trip) => cityIds[trip.cityKey]),
        world.trips.map((trip) => (trip.purpose === "move" ? "move" : "visit")),
        world.trips.map((trip) => trip.arrivesOn),
        world.trips.map((trip) => trip.departsOn),
        world.trips.map((trip) => trip.seeks),
        world.trips.map((trip) => joined(trip.seekTags)),
        world.trips.map((trip) => trip.gives),
        world.trips.map((trip) => joined(trip.giveTags)),
        world.trips.map((trip) => audienceOf[trip.audience] ?? "connections_and_picked"),
        JSON.stringify(defaultAvailabilityJson),
      ],
    );
    progress(world.trips.length);
  }
  await resetSequence(executeSql, "trips");

  return { cityIds, memberIds, eventIds, tripIds, rows };
}

/** Weekdays 08:30–19:00 for any meeting, 19:00–23:00 for dinners and events (the product's default availability). */
const weekday = [
  { from: "08:30", to: "19:00" },
  { from: "19:00", to: "23:00", kinds: ["dinner", "event"] },
];
const defaultAvailabilityJson = {
  weekly: { "1": weekday, "2": weekday, "3": weekday, "4": weekday, "5": weekday, "6": [], "7": [] },
};
