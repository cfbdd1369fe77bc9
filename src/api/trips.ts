/**
 * Contract of trips and alerts: announcing, editing and cancelling a stay, "arriving in my city", my alerts, my alert
 * preferences and the one-click unsubscribe. Every input is a strict object, validated here and nowhere else.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { errorResponses, idSchema, localeSchema, singleLine, multiLine } from "./common";
import { idempotencyKeyHeaders } from "./idempotency";

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});
const body = <T extends z.ZodType>(schema: T) => ({
  body: { content: { "application/json": { schema } }, required: true },
});

export const tripAudienceSchema = z.enum(["connections", "connections_and_picked", "members"]);
export const emailPreferenceSchema = z.enum(["instant", "digest", "off"]);
const dateSchema = z.iso.date();
const timeSchema = z.iso.time({ precision: -1 });
const tagsSchema = z.array(singleLine(z.string().trim().min(1).max(60))).max(20);
const rangeSchema = z
  .object({
    from: timeSchema,
    to: z.union([timeSchema, z.literal("24:00")]),
    kinds: z
      .array(z.enum(["coffee", "lunch", "dinner", "visit", "event_invitation", "introduction", "advice"]))
      .max(7)
      .optional(),
  })
  .strict();
export const availabilitySchema = z
  .object({
    weekly: z.partialRecord(z.enum(["1", "2", "3", "4", "5", "6", "7"]), z.array(rangeSchema).max(6)),
    dates: z.record(dateSchema, z.array(rangeSchema).max(6)).optional(),
  })
  .strict()
  .openapi("Availability");

const tripFields = {
  arrivalDate: dateSchema,
  arrivalTime: timeSchema.nullable().optional(),
  departureDate: dateSchema.nullable().optional(),
  departureTime: timeSchema.nullable().optional(),
  purpose: z.enum(["professional", "personal", "both"]),
  seeks: multiLine(z.string().trim().max(2000)),
  seeksTags: tagsSchema,
  gives: multiLine(z.string().trim().max(2000)),
  givesTags: tagsSchema,
  availability: availabilitySchema,
  maxMeetingsPerDay: z.number().int().min(1).max(12),
  audience: tripAudienceSchema,
};

export const announceTripSchema = z
  .object({
    city: z.string().min(1).max(64),
    /** "move": moving here, an arrival and no departure. */
    kind: z.enum(["visit", "move"]).default("visit"),
    ...tripFields,
    purpose: tripFields.purpose.default("professional"),
    seeks: tripFields.seeks.default(""),
    seeksTags: tripFields.seeksTags.default([]),
    gives: tripFields.gives.default(""),
    givesTags: tripFields.givesTags.default([]),
    availability: tripFields.availability.optional(),
    maxMeetingsPerDay: tripFields.maxMeetingsPerDay.default(4),
    audience: tripFields.audience.optional(),
  })
  .strict()
  .openapi("AnnounceTrip");
export type AnnounceTripInput = z.infer<typeof announceTripSchema>;

export const updateTripSchema = z
  .object({
    kind: z.enum(["visit", "move"]).optional(),
    arrivalDate: tripFields.arrivalDate.optional(),
    arrivalTime: tripFields.arrivalTime,
    departureDate: tripFields.departureDate,
    departureTime: tripFields.departureTime,
    purpose: tripFields.purpose.optional(),
    seeks: tripFields.seeks.optional(),
    seeksTags: tripFields.seeksTags.optional(),
    gives: tripFields.gives.optional(),
    givesTags: tripFields.givesTags.optional(),
    availability: tripFields.availability.optional(),
    maxMeetingsPerDay: tripFields.maxMeetingsPerDay.optional(),
    audience: tripFields.audience.optional(),
  })
  .strict()
  .openapi("UpdateTrip");
export type UpdateTripInput = z.infer<typeof updateTripSchema>;

export const matchReasonSchema = z.record(z.string(), z.unknown()).openapi("MatchReason");

export const tripSchema = z
  .object({
    id: z.number().int(),
    traveller: z.object({ memberId: z.number().int(), name: z.string(), headline: z.string() }),
    city: z.object({ slug: z.string(), name: z.string(), timeZone: z.string() }),
    kind: z.enum(["visit", "move"]),
    arrivalDate: z.string(),
    arrivalTime: z.string().nullable(),
    departureDate: z.string().nullable(),
    departureTime: z.string().nullable(),
    purpose: z.enum(["professional", "personal", "both"]),
    seeks: z.string(),
    seeksTags: z.array(z.string()),
    gives: z.string(),
    givesTags: z.array(z.string()),
    availability: availabilitySchema,
    maxMeetingsPerDay: z.number().int(),
    status: z.enum(["active", "cancelled", "expired"]),
    visibleUntil: z.string(),
    isMine: z.boolean(),
    /** Shown to the traveller only. */
    audience: tripAudienceSchema.optional(),
    alertedCount: z.number().int().optional(),
    /** Why the viewer was picked, when they were. */
    alert: z
      .object({
        id: z.number().int(),
        score: z.number(),
        reasons: z.array(matchReasonSchema),
        text: z.string(),
        seenAt: z.string().nullable(),
      })
      .optional(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Trip");
export type TripView = z.infer<typeof tripSchema>;

const tripIdParams = z.object({ id: idSchema }).strict();

export const announceTripRoute = createRoute({
  method: "post",
  path: "/api/trips",
  tags: ["trips"],
  request: { headers: idempotencyKeyHeaders, ...body(announceTripSchema) },
  responses: {
    201: json(
      tripSchema,
      "The announced trip (or, for a repeated Idempotency-Key, the first response); the locals are picked and alerted in the background",
    ),
    400: errorResponses[400],
    401: errorResponses[401],
    403: { ...errorResponses[400], description: "Email not verified" },
  },
});

export const getTripRoute = createRoute({
  method: "get",
  path: "/api/trips/{id}",
  tags: ["trips"],
  request: { params: tripIdParams },
  responses: { 200: json(tripSchema, "The trip"), 401: errorResponses[401], 404: errorResponses[404] },
});

export const updateTripRoute = createRoute({
  method: "patch",
  path: "/api/trips/{id}",
  tags: ["trips"],
  request: { params: tripIdParams, ...body(updateTripSchema) },
  responses: {
    200: json(tripSchema, "The edited trip"),
    400: errorResponses[400],
    401: errorResponses[401],
    404: errorResponses[404],
    409: { ...errorResponses[400], description: "The trip is cancelled or over" },
  },
});

export const cancelTripRoute = createRoute({
  method: "post",
  path: "/api/trips/{id}/cancel",
  tags: ["trips"],
  request: { params: tripIdParams },
  responses: { 200: json(tripSchema, "The cancelled trip"), 401: errorResponses[401], 404: errorResponses[404] },
});

export const listMyTripsRoute = createRoute({
  method: "get",
  path: "/api/trips/mine",
  tags: ["trips"],
  request: { query: z.object({ includePast: z.enum(["true", "false"]).optional() }).strict() },
  responses: {
    200: json(z.object({ trips: z.array(tripSchema) }), "My trips, soonest first"),
    401: errorResponses[401],
  },
});

export const listArrivalsRoute = createRoute({
  method: "get",
  path: "/api/arrivals",
  tags: ["trips"],
  request: { query: z.object({ city: z.string().min(1).max(64).optional() }).strict() },
  responses: {
    200: json(z.object({ trips: z.array(tripSchema) }), "Trips arriving in the city that I may see, soonest first"),
    400: errorResponses[400],
    401: errorResponses[401],
  },
});

export const alertSchema = z
  .object({
    id: z.number().int(),
    score: z.number(),
    reasons: z.array(matchReasonSchema),
    text: z.string(),
    createdAt: z.string(),
    seenAt: z.string().nullable(),
    trip: tripSchema,
  })
  .openapi("Alert");

export const listAlertsRoute = createRoute({
  method: "get",
  path: "/api/alerts",
  tags: ["alerts"],
  responses: {
    200: json(z.object({ alerts: z.array(alertSchema) }), "My alerts, newest first"),
    401: errorResponses[401],
  },
});

export const markAlertSeenRoute = createRoute({
  method: "post",
  path: "/api/alerts/{id}/seen",
  tags: ["alerts"],
  request: { params: z.object({ id: idSchema }).strict() },
  responses: {
    200: json(z.object({ id: z.number().int(), seenAt: z.string() }), "Marked as seen"),
    401: errorResponses[401],
    404: errorResponses[404],
  },
});

export const preferencesSchema = z
  .object({
    emailPreference: emailPreferenceSchema,
    alertsPaused: z.boolean(),
    alertCapPerWeek: z.number().int().min(0).max(50),
    defaultTripAudience: tripAudienceSchema,
    locale: localeSchema,
  })
  .openapi("Preferences");
export type Preferences = z.infer<typeof preferencesSchema>;

export const getPreferencesRoute = createRoute({
  method: "get",
  path: "/api/me/preferences",
  tags: ["alerts"],
  responses: { 200: json(preferencesSchema, "My alert and email preferences"), 401: errorResponses[401] },
});

/** Every field optional: the ones sent are changed. */
export const updatePreferencesSchema = preferencesSchema.partial().strict().openapi("UpdatePreferences");

export const updatePreferencesRoute = createRoute({
  method: "put",
  path: "/api/me/preferences",
  tags: ["alerts"],
  request: body(updatePreferencesSchema),
  responses: {
    200: json(preferencesSchema, "The new preferences"),
    400: errorResponses[400],
    401: errorResponses[401],
  },
});

export const unsubscribeRoute = createRoute({
  method: "get",
  path: "/api/unsubscribe",
  tags: ["alerts"],
  request: { query: z.object({ token: z.string().min(10).max(200) }).strict() },
  responses: {
    200: json(z.object({ emailPreference: z.literal("off") }), "Alert emails are off for this member"),
    400: errorResponses[400],
    404: errorResponses[404],
  },
});
