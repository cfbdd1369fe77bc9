/** Contract of events: create, edit, cancel, invite, RSVP with a waitlist, guests, attendance, calendars and city feeds. */
import { createRoute, z } from "@hono/zod-openapi";
import { errorResponses, idSchema, singleLine, multiLine } from "./common";
import { idempotencyKeyHeaders } from "./idempotency";

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});
const body = <T extends z.ZodType>(schema: T) => ({
  body: { content: { "application/json": { schema } }, required: true },
});
const calendar = (description: string) => ({
  description,
  content: { "text/calendar": { schema: z.string() } },
});

const instantSchema = z.iso.datetime({ offset: true }).openapi({ example: "2026-12-01T18:30:00-05:00" });
const eventIdParams = z.object({ id: idSchema });
export const eventAudienceSchema = z.enum(["public", "members", "invite_only"]);
export const rsvpStatusSchema = z.enum(["going", "maybe", "not_going", "waitlisted", "pending_approval"]);

const eventFields = {
  title: singleLine(z.string().trim().min(1).max(200)),
  titleFr: singleLine(z.string().trim().min(1).max(200)).nullable(),
  description: multiLine(z.string().max(10_000)),
  descriptionFr: multiLine(z.string().max(10_000)).nullable(),
  tags: z.array(singleLine(z.string().trim().min(1).max(40))).max(20),
  venueId: idSchema.nullable(),
  startsAt: instantSchema,
  endsAt: instantSchema,
  capacity: z.number().int().min(1).max(100_000),
  audience: eventAudienceSchema,
  approvalRequired: z.boolean(),
};

export const createEventSchema = z
  .object({
    cityId: idSchema,
    ...eventFields,
    titleFr: eventFields.titleFr.optional(),
    description: eventFields.description.default(""),
    descriptionFr: eventFields.descriptionFr.optional(),
    tags: eventFields.tags.default([]),
    venueId: eventFields.venueId.optional(),
    audience: eventAudienceSchema.default("members"),
    approvalRequired: z.boolean().default(false),
  })
  .strict()
  .openapi("CreateEvent");
export type CreateEventInput = z.infer<typeof createEventSchema>;

export const editEventSchema = z
  .object(eventFields)
  .partial()
  .strict()
  .refine((value) => Object.keys(value).length > 0, { message: "nothing to change" })
  .openapi("EditEvent");
export type EditEventInput = z.infer<typeof editEventSchema>;

export const eventSchema = z
  .object({
    id: z.number().int(),
    cityId: z.number().int(),
    citySlug: z.string(),
    timeZone: z.string(),
    host: z.object({ memberId: z.number().int(), name: z.string() }),
    title: z.string(),
    titleFr: z.string().nullable(),
    description: z.string(),
    descriptionFr: z.string().nullable(),
    tags: z.array(z.string()),
    venueId: z.number().int().nullable(),
    startsAt: z.string(),
    endsAt: z.string(),
    capacity: z.number().int(),
    seatsTaken: z.number().int(),
    audience: eventAudienceSchema,
    approvalRequired: z.boolean(),
    status: z.enum(["scheduled", "cancelled"]),
    sequence: z.number().int(),
    myRsvp: rsvpStatusSchema.nullable(),
    waitlistPosition: z.number().int().nullable(),
  })
  .openapi("Event");
export type EventView = z.infer<typeof eventSchema>;

export const createEventRoute = createRoute({
  method: "post",
  path: "/api/events",
  tags: ["events"],
  request: { headers: idempotencyKeyHeaders, ...body(createEventSchema) },
  responses: {
    201: json(eventSchema, "The event"),
    400: errorResponses[400],
    401: errorResponses[401],
    404: errorResponses[404],
  },
});

export const getEventRoute = createRoute({
  method: "get",
  path: "/api/events/{id}",
  tags: ["events"],
  request: { params: eventIdParams },
  responses: { 200: json(eventSchema, "The event"), 400: errorResponses[400], 404: errorResponses[404] },
});

export const editEventRoute = createRoute({
  method: "patch",
  path: "/api/events/{id}",
  tags: ["events"],
  request: { params: eventIdParams, ...body(editEventSchema) },
  responses: {
    200: json(eventSchema, "The event as edited (its sequence went up by one)"),
    400: errorResponses[400],
    401: errorResponses[401],
    404: errorResponses[404],
  },
});

export const cancelEventRoute = createRoute({
  method: "post",
  path: "/api/events/{id}/cancel",
  tags: ["events"],
  request: { params: eventIdParams },
  responses: {
    200: json(eventSchema, "The cancelled event"),
    401: errorResponses[401],
    404: errorResponses[404],
  },
});

export const inviteMemberSchema = z.object({ memberId: idSchema }).strict().openapi("InviteMember");

export const inviteMemberRoute = createRoute({
  method: "post",
  path: "/api/events/{id}/invitations",
  tags: ["events"],
  request: { params: eventIdParams, headers: idempotencyKeyHeaders, ...body(inviteMemberSchema) },
  responses: {
    200: json(z.object({ memberId: z.number().int(), invited: z.literal(true) }), "The member is invited"),
    400: errorResponses[400],
    401: errorResponses[401],
    404: errorResponses[404],
  },
});

export const travellerSchema = z
  .object({
    tripId: z.number().int(),
    memberId: z.number().int(),
    name: z.string(),
    headline: z.string(),
    arrivalDate: z.string(),
    departureDate: z.string().nullable(),
    shared: z.array(z.string()),
    invited: z.boolean(),
  })
  .openapi("TravellerInTown");

export const listNewcomersRoute = createRoute({
  method: "get",
  path: "/api/events/{id}/newcomers",
  tags: ["events"],
  request: { params: eventIdParams },
  responses: {
    200: json(z.object({ travellers: z.array(travellerSchema) }), "Travellers in town whose seeks match the theme"),
    401: errorResponses[401],
    404: errorResponses[404],
  },
});

export const inviteTravellerRoute = createRoute({
  method: "post",
  path: "/api/events/{id}/newcomers/{tripId}/invite",
  tags: ["events"],
  request: { params: z.object({ id: idSchema, tripId: idSchema }), headers: idempotencyKeyHeaders },
  responses: {
    200: json(
      z.object({ memberId: z.number().int(), offerId: z.number().int() }),
      "Invited; the invitation is a candidate on the traveller's agenda",
    ),
    401: errorResponses[401],
    404: errorResponses[404],
  },
});

export const rsvpSchema = z
  .object({ status: z.enum(["going", "maybe", "not_going"]) })
  .strict()
  .openapi("Rsvp");

export const rsvpResultSchema = z
  .object({ status: rsvpStatusSchema, waitlistPosition: z.number().int().nullable() })
  .openapi("RsvpResult");

export const rsvpRoute = createRoute({
  method: "post",
  path: "/api/events/{id}/rsvp",
  tags: ["events"],
  request: { params: eventIdParams, headers: idempotencyKeyHeaders, ...body(rsvpSchema) },
  responses: {
    200: json(rsvpResultSchema, "Going, waitlisted when full, awaiting the host's approval, maybe or not going"),
    400: errorResponses[400],
    401: errorResponses[401],
    404: errorResponses[404],
  },
});

export const guestSchema = z
  .object({
    memberId: z.number().int(),
    name: z.string(),
    status: rsvpStatusSchema,
    attended: z.boolean().nullable(),
  })
  .openapi("Guest");

export const listGuestsRoute = createRoute({
  method: "get",
  path: "/api/events/{id}/guests",
  tags: ["events"],
  request: { params: eventIdParams },
  responses: {
    200: json(
      z.object({ guests: z.array(guestSchema) }),
      "The host sees every answer (waitlist in order); others see who is going",
    ),
    401: errorResponses[401],
    404: errorResponses[404],
  },
});

export const approveGuestRoute = createRoute({
  method: "post",
  path: "/api/events/{id}/guests/{memberId}/approve",
  tags: ["events"],
  request: { params: z.object({ id: idSchema, memberId: idSchema }) },
  responses: {
    200: json(rsvpResultSchema, "The guest's new status: going, or waitlisted when full"),
    401: errorResponses[401],
    404: errorResponses[404],
  },
});

export const attendanceSchema = z.object({ memberId: idSchema, attended: z.boolean() }).strict().openapi("Attendance");

export const markAttendanceRoute = createRoute({
  method: "post",
  path: "/api/events/{id}/attendance",
  tags: ["events"],
  request: { params: eventIdParams, ...body(attendanceSchema) },
  responses: {
    200: json(
      z.object({ memberId: z.number().int(), attended: z.boolean(), giftRecorded: z.boolean() }),
      "Attendance marked; an invited guest who attended records the host's gift",
    ),
    400: errorResponses[400],
    401: errorResponses[401],
    404: errorResponses[404],
  },
});

export const eventCalendarRoute = createRoute({
  method: "get",
  path: "/api/events/{id}/calendar.ics",
  tags: ["events"],
  request: { params: eventIdParams },
  responses: { 200: calendar("The event as iCalendar"), 404: errorResponses[404] },
});

const cityParams = z.object({ slug: z.string().min(2).max(64) });

export const listCityEventsRoute = createRoute({
  method: "get",
  path: "/api/cities/{slug}/events",
  tags: ["events"],
  request: {
    params: cityParams,
    query: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }).strict(),
  },
  responses: {
    200: json(z.object({ events: z.array(eventSchema) }), "Upcoming events of the city the viewer may see"),
    400: errorResponses[400],
    404: errorResponses[404],
  },
});

export const cityEventsCalendarRoute = createRoute({
  method: "get",
  path: "/api/cities/{slug}/events.ics",
  tags: ["events"],
  request: { params: cityParams },
  responses: { 200: calendar("The city's upcoming public events as an iCalendar feed"), 404: errorResponses[404] },
});
