/** Contract of the agenda: the traveller's solved week, its calendars, and busy times imported from a calendar. */
import { createRoute, z } from "@hono/zod-openapi";
import { agendaKinds } from "../domain/agenda/agenda-kind";
import { errorBodySchema, errorResponses, idSchema, notModifiedResponse } from "./common";

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});
const calendar = (description: string) => ({
  description,
  content: { "text/calendar": { schema: z.string() } },
});

const counterpartSchema = z.object({ memberId: z.number().int(), name: z.string() });

export const agendaItemSchema = z
  .object({
    id: z.string(),
    offerId: z.number().int(),
    kind: z.enum(agendaKinds),
    offerKind: z.string(),
    counterpart: counterpartSchema,
    venue: z.object({ id: z.number().int(), name: z.string() }).nullable(),
    start: z.string().describe("ISO instant (UTC)"),
    end: z.string().describe("ISO instant (UTC)"),
    localStart: z.string().describe("Wall time in the city's zone, YYYY-MM-DDTHH:MM"),
    localEnd: z.string(),
    locked: z.boolean(),
  })
  .openapi("AgendaItem");

export const agendaUnscheduledSchema = z
  .object({
    id: z.string(),
    offerId: z.number().int(),
    kind: z.enum(agendaKinds),
    counterpart: counterpartSchema,
    code: z.string(),
    params: z.record(z.string(), z.union([z.string(), z.number()])),
    reason: z.string(),
    alternative: z.object({ start: z.string(), localStart: z.string() }).nullable(),
  })
  .openapi("AgendaUnscheduled");

export const agendaSchema = z
  .object({
    tripId: z.number().int(),
    version: z.number().int(),
    timeZone: z.string(),
    status: z.enum(["optimal", "feasible", "infeasible"]),
    solver: z.string(),
    objective: z.number().nullable(),
    bound: z.number().nullable(),
    gap: z.number().nullable(),
    chosen: z.array(agendaItemSchema),
    unscheduled: z.array(agendaUnscheduledSchema),
    changes: z.object({ added: z.array(z.string()), removed: z.array(z.string()), moved: z.array(z.string()) }),
    updating: z
      .boolean()
      .describe(
        "The plan was solved before the latest changes to the offers; a new one is being solved (ask again shortly)",
      ),
  })
  .openapi("Agenda");
export type AgendaBody = z.infer<typeof agendaSchema>;

const tripParams = z.object({ id: idSchema });

export const getTripAgendaRoute = createRoute({
  method: "get",
  path: "/api/trips/{id}/agenda",
  tags: ["agenda"],
  summary:
    "The traveller's solved agenda of a trip (solved again when its offers changed, stored when the plan changed; while the solver is busy, the last plan with updating: true)",
  request: { params: tripParams },
  responses: {
    200: json(agendaSchema, "The agenda (a stored plan with an ETag)"),
    304: notModifiedResponse,
    ...errorResponses,
  },
});

export const getTripAgendaCalendarRoute = createRoute({
  method: "get",
  path: "/api/trips/{id}/agenda.ics",
  tags: ["agenda"],
  summary: "The traveller's agenda as an iCalendar file",
  request: { params: tripParams },
  responses: { 200: calendar("iCalendar"), ...errorResponses },
});

export const calendarFeedSchema = z
  .object({ id: z.number().int(), url: z.string().describe("Shown once: the secret is not stored") })
  .openapi("CalendarFeed");

export const createCalendarFeedRoute = createRoute({
  method: "post",
  path: "/api/trips/{id}/calendar-feeds",
  tags: ["agenda"],
  summary: "Creates a calendar subscription URL for a trip's agenda",
  request: { params: tripParams },
  responses: { 201: json(calendarFeedSchema, "The feed, with its URL"), ...errorResponses },
});

export const revokeCalendarFeedRoute = createRoute({
  method: "delete",
  path: "/api/calendar-feeds/{id}",
  tags: ["agenda"],
  summary: "Revokes a calendar subscription URL",
  request: { params: z.object({ id: idSchema }) },
  responses: { 204: { description: "Revoked" }, ...errorResponses },
});

export const calendarFeedRoute = createRoute({
  method: "get",
  path: "/api/calendar/{secret}",
  tags: ["agenda"],
  summary: "A calendar subscription (the path is the feed's secret followed by .ics)",
  request: { params: z.object({ secret: z.string().max(200) }) },
  responses: { 200: calendar("iCalendar"), 404: json(errorBodySchema, "Unknown or revoked") },
});

export const importBusyTimesRoute = createRoute({
  method: "post",
  path: "/api/trips/{id}/busy-times",
  tags: ["agenda"],
  summary: "Imports busy times from an iCalendar file (text body, at most 512 KB)",
  request: {
    params: tripParams,
    body: { content: { "text/calendar": { schema: z.string() } }, required: true },
  },
  responses: {
    201: json(z.object({ imported: z.number().int() }).openapi("BusyTimesImported"), "Stored"),
    413: json(errorBodySchema, "Too large"),
    ...errorResponses,
  },
});
