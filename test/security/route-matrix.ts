/**
 * The authorization matrix (issue #8.1): for every route of the OpenAPI document, who may call it in the world of
 * `world.ts`, and how everyone else is refused. `authorization.test.ts` fails for a route without an entry here.
 *
 * Adding a route: one entry keyed "METHOD /path/{param}" as the OpenAPI document spells it, with
 * - `params`: which planted resource each path parameter names (a key of WorldIds, or a fixed value);
 * - `ok`: the actors who succeed (2xx); shorthands `members` (every signed-in actor) and `everyone`;
 * - `refused`: how the other members are refused: 404 for a private resource (the default: its existence must not
 *   leak), 403 for a public one they may not change;
 * - `anonymous`: how a request without a session is refused (401 unless the route answers 404 or serves everyone);
 * - `expect`: exceptions per actor, e.g. a member who may see the resource but gets 409 for a rule of the domain;
 * - `fresh`: plants resources of its own for a route that consumes them (cancel, withdraw…), so that the routes
 *   after it still find the shared world as planted; it returns ids under names that `params` and `body` may use.
 * A write's refused calls must leave every table unchanged (checked with a checksum of the whole database).
 */
import { offers, offerTimeProposals } from "../../src/db/schema/arrivals";
import { introductions } from "../../src/db/schema/gatherings";
import { randomUUID } from "node:crypto";
import { users } from "../../src/db/schema/auth";
import * as people from "../../src/db/schema/people";
import { blocks, memberFeeds } from "../../src/db/schema/people";
import { notifications, reports } from "../../src/db/schema/system";
import type { Actor, MatrixIds, World, WorldIds } from "./world";

export type Outcome = "ok" | number;

export interface RouteCase {
  params?: Record<string, keyof WorldIds | string | number>;
  query?: (ids: MatrixIds) => string;
  body?: (ids: MatrixIds) => unknown;
  /** A body that is not JSON (e.g. text/calendar). */
  raw?: { contentType: string; text: string };
  ok: readonly Actor[];
  refused?: 403 | 404;
  anonymous?: Outcome;
  expect?: Partial<Record<Actor, Outcome>>;
  /** Plants what the route consumes; the names it returns can be used in `params` and read in `body`. */
  fresh?: (world: World) => Promise<Record<string, number | string>>;
}

export const everyone: readonly Actor[] = [
  "anonymous",
  "unrelated",
  "blocked",
  "audience",
  "owner",
  "organiser",
  "moderator",
];
export const members: readonly Actor[] = everyone.filter((actor) => actor !== "anonymous");
const insiders: readonly Actor[] = ["owner", "audience"];
const notBlocked: readonly Actor[] = members.filter((actor) => actor !== "blocked");

const tripBody = {
  city: "miami",
  arrivalDate: "2026-12-10",
  departureDate: "2026-12-12",
  seeks: "a matrix trip",
  audience: "connections",
};
/** A new open offer of the audience member on the secret trip, written directly (the per-trip limit is 3). */
const freshOffer = async (world: World) => {
  const [row] = await world.harness.context.db
    .insert(offers)
    .values({ tripId: world.ids.trip, senderId: world.ids.audience, kind: "advice", message: "another" })
    .returning();
  return { offer: row!.id };
};
/** A time proposal planted with a known id, since a path parameter is either a world id or a fixed value. */
const plantedProposalId = 987_654;
const busyCalendar = [
  "BEGIN:VCALENDAR",
  "VERSION:2.0",
  "PRODID:-//test//EN",
  "BEGIN:VEVENT",
  "UID:busy-1@test",
  "DTSTAMP:20261120T000000Z",
  "DTSTART:20261202T150000Z",
  "DTEND:20261202T160000Z",
  "SUMMARY:Busy",
  "END:VEVENT",
  "END:VCALENDAR",
  "",
].join("\r\n");

export const routeMatrix: Record<string, RouteCase> = {
  // System
  "GET /health": { ok: everyone },
  "GET /api/instance": { ok: everyone },
  "GET /api/cities": { ok: everyone },
  "GET /api/me": { ok: members },
  "GET /api/demo/personas": { ok: [], anonymous: 404 },
  // Demo mode is off in this world: nobody may sign in as someone else.
  "POST /api/demo/sign-in": { ok: [], anonymous: 404, body: (ids) => ({ memberId: ids.owner }) },
  "GET /api/demo/inbox": { ok: [] },

  // Trips and alerts
  "GET /api/trips/mine": { ok: members },
  "POST /api/trips": { ok: members, body: () => tripBody },
  "GET /api/trips/{id}": { params: { id: "trip" }, ok: insiders },
  "PATCH /api/trips/{id}": { params: { id: "trip" }, ok: ["owner"], body: () => ({ seeks: "still secret" }) },
  "POST /api/trips/{id}/cancel": {
    params: { id: "trip" },
    ok: ["owner"],
    fresh: async (world) => {
      const response = await world.clients.owner.post("/api/trips", tripBody);
      return { trip: ((await response.json()) as { id: number }).id };
    },
  },
  "GET /api/arrivals": { ok: members, query: (ids) => `city=${ids.city}` },
  "GET /api/alerts": { ok: members },
  "POST /api/alerts/{id}/seen": { params: { id: "alert" }, ok: ["audience"] },
  "GET /api/me/preferences": { ok: members },
  "PUT /api/me/preferences": { ok: members, body: () => ({ emailPreference: "digest" }) },
  // The signed token is the capability: it works without a session, for the member it names only.
  "GET /api/unsubscribe": { ok: everyone, query: (ids) => `token=${encodeURIComponent(ids.unsubscribeToken)}` },

  // Offers
  "POST /api/trips/{id}/offers": {
    params: { id: "trip" },
    ok: ["audience"],
    expect: { owner: 403 },
    body: () => ({ kind: "advice", message: "Ask me anything" }),
  },
  "GET /api/trips/{id}/offers": { params: { id: "trip" }, ok: insiders },
  "GET /api/offers/mine": { ok: members },
  "GET /api/offers/{id}": { params: { id: "offer" }, ok: insiders },
  // The sender sees the offer, so is told what they may not do (403); to outsiders it does not exist.
  "POST /api/offers/{id}/star": {
    params: { id: "offer" },
    ok: ["owner"],
    expect: { audience: 403 },
    body: () => ({ starred: true }),
  },
  "POST /api/offers/{id}/another-time": {
    params: { id: "offer" },
    ok: ["owner"],
    expect: { audience: 403 },
    body: () => ({ message: "Later?" }),
  },
  "GET /api/offers/{id}/messages": { params: { id: "offer" }, ok: insiders },
  "POST /api/offers/{id}/messages": { params: { id: "offer" }, ok: insiders, body: () => ({ body: "Hello" }) },
  "POST /api/offers/{id}/accept": {
    params: { id: "offer" },
    ok: ["owner"],
    expect: { audience: 403 },
    body: () => ({}),
    fresh: freshOffer,
  },
  "POST /api/offers/{id}/decline": {
    params: { id: "offer" },
    ok: ["owner"],
    expect: { audience: 403 },
    body: () => ({}),
    fresh: freshOffer,
  },
  "POST /api/offers/{id}/propose-time": {
    params: { id: "offer" },
    ok: ["owner"],
    expect: { audience: 403 },
    body: () => ({ startsAt: "2026-12-03T11:00:00-05:00" }),
    fresh: freshOffer,
  },
  "POST /api/offers/{id}/proposals/{proposalId}/accept": {
    params: { id: "offer", proposalId: plantedProposalId },
    ok: ["audience"],
    expect: { owner: 403 },
    fresh: async (world) => {
      const planted = await freshOffer(world);
      await world.harness.context.db.insert(offerTimeProposals).values({
        id: plantedProposalId,
        offerId: planted.offer,
        proposedById: world.ids.owner,
        startsAt: new Date("2026-12-03T16:00:00Z"),
        durationMin: 60,
      });
      return planted;
    },
  },
  "POST /api/offers/{id}/withdraw": {
    params: { id: "offer" },
    ok: ["audience"],
    expect: { owner: 403 },
    body: () => ({}),
    fresh: freshOffer,
  },

  // Agenda and calendars
  "GET /api/trips/{id}/agenda": { params: { id: "trip" }, ok: ["owner"] },
  "GET /api/trips/{id}/agenda.ics": { params: { id: "trip" }, ok: ["owner"] },
  "POST /api/trips/{id}/calendar-feeds": { params: { id: "trip" }, ok: ["owner"] },
  "DELETE /api/calendar-feeds/{id}": {
    params: { id: "calendarFeed" },
    ok: ["owner"],
    fresh: async (world) => {
      const response = await world.clients.owner.post(`/api/trips/${world.ids.trip}/calendar-feeds`);
      return { calendarFeed: ((await response.json()) as { id: number }).id };
    },
  },
  // The secret in the URL is the capability, as calendar apps subscribe without a session.
  "GET /api/calendar/{secret}": { params: { secret: "calendarSecret" }, ok: everyone },
  "POST /api/trips/{id}/busy-times": {
    params: { id: "trip" },
    ok: ["owner"],
    raw: { contentType: "text/calendar", text: busyCalendar },
  },

  // Directory and profiles
  "GET /api/directory": { ok: members, query: (ids) => `city=${ids.city}` },
  "GET /api/members/{id}": { params: { id: "owner" }, ok: everyone.filter((actor) => actor !== "blocked") },
  "GET /api/me/profile": { ok: members },
  "PUT /api/me/profile": { ok: members, body: () => ({ headline: "Still here" }) },

  // Analytics: the report is public; only the city's organisers refresh it.
  "GET /api/cities/{slug}/report": { params: { slug: "city" }, ok: everyone },
  "GET /api/cities/{slug}/network": { params: { slug: "city" }, ok: everyone },
  "POST /api/cities/{slug}/report/refresh": { params: { slug: "city" }, ok: ["organiser"], refused: 403 },

  // Events: the invitation-only event is seen by its host and its guest only.
  "POST /api/events": {
    ok: members,
    body: (ids) => ({
      cityId: ids.cityId,
      title: "Breakfast",
      startsAt: "2026-12-05T13:00:00Z",
      endsAt: "2026-12-05T14:00:00Z",
      capacity: 5,
    }),
  },
  "GET /api/events/{id}": { params: { id: "event" }, ok: insiders, anonymous: 404 },
  "PATCH /api/events/{id}": { params: { id: "event" }, ok: ["owner"], body: () => ({ capacity: 12 }) },
  "POST /api/events/{id}/invitations": {
    params: { id: "event" },
    ok: ["owner"],
    body: (ids) => ({ memberId: ids.third }),
  },
  "GET /api/events/{id}/newcomers": { params: { id: "event" }, ok: ["owner"] },
  "POST /api/events/{id}/newcomers/{tripId}/invite": {
    params: { id: "event", tripId: "trip" },
    ok: [],
    // The host's own trip is no newcomer's trip for their event; to anyone else the event does not exist.
    expect: { owner: 404 },
  },
  "POST /api/events/{id}/rsvp": {
    params: { id: "event" },
    ok: ["audience"],
    expect: { owner: 400 },
    body: () => ({ status: "going" }),
  },
  // Guests who may see the list see who is going; the host sees every answer.
  "GET /api/events/{id}/guests": { params: { id: "event" }, ok: insiders },
  "POST /api/events/{id}/guests/{memberId}/approve": {
    params: { id: "event", memberId: "audience" },
    ok: ["owner"],
    // The guest asked for no approval: nothing to approve, even for the host.
    expect: { owner: 404 },
  },
  "POST /api/events/{id}/attendance": {
    params: { id: "event" },
    ok: ["owner"],
    // The event has not started: attendance is a mistake of the input, even for the host.
    expect: { owner: 400 },
    body: (ids) => ({ memberId: ids.audience, attended: true }),
  },
  "GET /api/events/{id}/calendar.ics": { params: { id: "event" }, ok: insiders, anonymous: 404 },
  "POST /api/events/{id}/cancel": {
    params: { id: "event" },
    ok: ["owner"],
    fresh: async (world) => {
      const response = await world.clients.owner.post("/api/events", {
        cityId: world.ids.cityId,
        title: "To cancel",
        startsAt: "2026-12-05T13:00:00Z",
        endsAt: "2026-12-05T14:00:00Z",
        capacity: 5,
        audience: "invite_only",
      });
      return { event: ((await response.json()) as { id: number }).id };
    },
  },
  "GET /api/cities/{slug}/events": { params: { slug: "city" }, ok: everyone },
  "GET /api/cities/{slug}/events.ics": { params: { slug: "city" }, ok: everyone },

  // Introductions: the connector (owner) and the first party (audience) see it; the second party is not an actor.
  "POST /api/introductions": {
    ok: members,
    body: (ids) => ({ firstId: ids.audience, secondId: ids.unrelated, reason: "You should meet" }),
    // Introducing yourself is a mistake of the input.
    expect: { audience: 400, unrelated: 400 },
  },
  "GET /api/introductions": { ok: members },
  "GET /api/introductions/{id}": { params: { id: "introduction" }, ok: insiders },
  "POST /api/introductions/{id}/answer": {
    params: { id: "introduction" },
    ok: ["audience"],
    body: () => ({ answer: "accepted" }),
    fresh: async (world) => {
      const [row] = await world.harness.context.db
        .insert(introductions)
        .values({
          connectorId: world.ids.owner,
          firstId: world.ids.audience,
          secondId: world.ids.third,
          reason: "pending one",
          expiresAt: new Date("2027-01-01T00:00:00Z"),
        })
        .returning();
      return { introduction: row!.id };
    },
  },
  // The conversation is the two introduced members' own: not even the connector reads it.
  "GET /api/introductions/{id}/messages": { params: { id: "introduction" }, ok: ["audience"] },
  "POST /api/introductions/{id}/messages": {
    params: { id: "introduction" },
    ok: ["audience"],
    body: () => ({ body: "Hello both" }),
  },

  // Meetings and the give ledger
  "POST /api/meetings/{id}/confirm": { params: { id: "meeting" }, ok: insiders },
  "POST /api/meetings/{id}/feedback": { params: { id: "meeting" }, ok: insiders, body: () => ({ useful: true }) },
  "GET /api/meetings/{id}/feedback": { params: { id: "meeting" }, ok: insiders },
  "POST /api/gifts/advice/{id}": { params: { id: "adviceOffer" }, ok: ["owner"], body: () => ({ thanks: "Thanks!" }) },
  "POST /api/gifts/{id}/thanks": { params: { id: "gift" }, ok: ["owner"], body: () => ({ thanks: "Thank you" }) },
  "GET /api/members/{id}/giving": { params: { id: "owner" }, ok: notBlocked },
  "GET /api/giving/pay-it-forward/{id}": { params: { id: "trip" }, ok: ["owner"] },
  // Feeds on profiles and follows (#9): posts and follow state are public except across a block; one may not follow
  // oneself; the feed to remove is the owner's own.
  "GET /api/me/feeds": { ok: members },
  "POST /api/me/feeds": { ok: members, body: () => ({ url: "https://blog.example.test/feed.xml" }) },
  "DELETE /api/me/feeds/{id}": {
    params: { id: "feed" },
    ok: ["owner"],
    fresh: async (world) => {
      const [row] = await world.harness.context.db
        .insert(memberFeeds)
        .values({ memberId: world.ids.owner, url: "https://owner.example.test/feed.xml" })
        .returning();
      return { feed: row!.id } as unknown as Partial<WorldIds>;
    },
  },
  "GET /api/members/{id}/posts": { params: { id: "owner" }, ok: everyone.filter((actor) => actor !== "blocked") },
  "GET /api/members/{id}/follow": { params: { id: "owner" }, ok: everyone.filter((actor) => actor !== "blocked") },
  "PUT /api/members/{id}/follow": {
    params: { id: "owner" },
    ok: notBlocked.filter((actor) => actor !== "owner"),
  },
  "DELETE /api/members/{id}/follow": { params: { id: "owner" }, ok: notBlocked },
  "GET /api/cities/{slug}/events.rss": { params: { slug: "city" }, ok: everyone },
  // Bring your network (#9.2): one's own file and one's own follows.
  "POST /api/me/imports": {
    ok: members,
    body: () => ({ content: "Account address,Show boosts\nsomeone@mastodon.social,true\n" }),
  },
  "POST /api/me/follows": { ok: members, body: (ids) => ({ memberIds: [ids.third] }) },

  // Notifications: each member's own; someone else's notification answers like a missing one.
  "GET /api/notifications": { ok: members },
  "POST /api/notifications/{id}/read": {
    params: { id: "notification" },
    ok: ["owner"],
    fresh: async (world) => {
      const [row] = await world.harness.context.db
        .insert(notifications)
        .values({ memberId: world.ids.owner, kind: "matrix", payload: {} })
        .returning();
      return { notification: row!.id } as unknown as Partial<WorldIds>;
    },
  },
  "POST /api/notifications/read-all": { ok: members },
  // Reports: any member may report another (here a fresh member); the queue is for moderators only, 404 to others.
  "POST /api/reports": {
    ok: members,
    body: (ids) => ({
      targetKind: "member",
      targetId: (ids as unknown as { reported: number }).reported,
      reason: "spam",
    }),
    fresh: async (world) => ({ reported: await plainMember(world, null) }) as unknown as Partial<WorldIds>,
  },
  "GET /api/reports/mine": { ok: members },
  "GET /api/moderation/reports": { ok: ["moderator"] },
  "GET /api/moderation/actions": { ok: ["moderator"] },
  "POST /api/moderation/reports/{id}/actions": {
    params: { id: "report" },
    ok: ["moderator"],
    body: () => ({ action: "dismiss" }),
    fresh: async (world) => {
      const [row] = await world.harness.context.db
        .insert(reports)
        .values({
          reporterId: world.ids.unrelated,
          subjectId: world.ids.audience,
          reason: "spam",
          cityId: world.ids.cityId,
        })
        .returning();
      return { report: row!.id } as unknown as Partial<WorldIds>;
    },
  },
  "POST /api/moderation/members/{id}/unsuspend": {
    params: { id: "suspended" },
    ok: ["moderator"],
    fresh: async (world) => ({ suspended: await plainMember(world, new Date()) }) as unknown as Partial<WorldIds>,
  },
  // My data: each member's own. Erasure with a wrong password changes nothing (400 for every member).
  "GET /api/me/export": { ok: members },
  "DELETE /api/me": {
    ok: [],
    expect: Object.fromEntries(members.map((actor) => [actor, 400])),
    body: () => ({ password: "not anyone's password" }),
  },
  "GET /api/me/blocks": { ok: members },
  "POST /api/me/blocks": {
    ok: members,
    body: (ids) => ({ memberId: (ids as unknown as { blockable: number }).blockable }),
    fresh: async (world) => ({ blockable: await plainMember(world, null) }) as unknown as Partial<WorldIds>,
  },
  "DELETE /api/me/blocks/{memberId}": {
    params: { memberId: "unblockable" },
    ok: ["owner"],
    fresh: async (world) => {
      const unblockable = await plainMember(world, null);
      await world.harness.context.db.insert(blocks).values({ blockerId: world.ids.owner, blockedId: unblockable });
      return { unblockable } as unknown as Partial<WorldIds>;
    },
  },
  "GET /api/me/privacy": { ok: members },
  "PUT /api/me/privacy": { ok: members, body: () => ({ analyticsOptOut: false }) },
  // Admin pages: nobody in this world is an admin, so they do not exist for anyone.
  "POST /api/admin/cities": {
    ok: [],
    body: () => ({ slug: "matrix-town", name: "Matrix Town", country: "FR", timeZone: "Europe/Paris", locale: "fr" }),
  },
  "GET /api/admin/roles": { ok: [] },
  "POST /api/admin/roles": { ok: [], body: (ids) => ({ member: String(ids.unrelated), role: "moderator" }) },
  "POST /api/admin/roles/revoke": { ok: [], body: (ids) => ({ member: String(ids.unrelated), role: "moderator" }) },
};

/** A member with an account and no session, suspended or not, for routes that need someone to act on. */
async function plainMember(world: World, suspendedAt: Date | null): Promise<number> {
  const { db } = world.harness.context;
  const userId = randomUUID();
  await db.insert(users).values({ id: userId, name: "Plain", email: `plain-${userId}@example.test` });
  const [row] = await db.insert(people.members).values({ userId, name: "Plain member", suspendedAt }).returning();
  return row!.id;
}

/**
 * Routes outside the OpenAPI document, listed by hand: better-auth's endpoints, the document itself and the web app.
 * The test calls each as every actor; `ok` as above.
 */
export const routesOutsideOpenApi: Record<string, RouteCase> = {
  "GET /api/openapi.json": { ok: everyone },
  "GET /": { ok: everyone },
  // Each actor reads only their own session (checked by the test: the session names the caller).
  "GET /api/auth/get-session": { ok: everyone },
  "POST /api/auth/sign-out": { ok: everyone, body: () => ({}) },
};
