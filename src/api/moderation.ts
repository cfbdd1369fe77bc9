/** Contract of the moderation queue: moderators (global or of a city) and admins; anyone else gets 404. */
import { createRoute, z } from "@hono/zod-openapi";
import { errorResponses, idSchema, multiLine } from "./common";
import { reportReasonSchema, reportTargetKindSchema } from "./reports";

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});
const noteSchema = multiLine(z.string().trim().max(2000)).default("");

export const queueReportSchema = z
  .object({
    id: z.number().int(),
    status: z.enum(["open", "warned", "suspended", "dismissed"]),
    targetKind: reportTargetKindSchema,
    targetId: z.number().int().nullable(),
    reason: reportReasonSchema,
    details: z.string(),
    reporter: z.object({ id: z.number().int(), name: z.string() }),
    subject: z.object({ id: z.number().int(), name: z.string(), suspended: z.boolean() }),
    city: z.string().nullable(),
    /** What the reported trip, offer, event or message says (the member's headline for a member). */
    excerpt: z.string().nullable(),
    reportsOnSubject: z.number().int(),
    createdAt: z.string(),
    handledAt: z.string().nullable(),
    handledBy: z.number().int().nullable(),
  })
  .openapi("QueueReport");
export type QueueReportBody = z.infer<typeof queueReportSchema>;

export const listQueueRoute = createRoute({
  method: "get",
  path: "/api/moderation/reports",
  tags: ["moderation"],
  request: { query: z.object({ status: z.enum(["open", "handled"]).default("open") }).strict() },
  responses: {
    200: json(z.object({ reports: z.array(queueReportSchema) }), "Reports in my scope"),
    400: errorResponses[400],
    401: errorResponses[401],
    404: errorResponses[404],
  },
});

export const actOnReportSchema = z
  .object({ action: z.enum(["dismiss", "warn", "suspend"]), note: noteSchema })
  .strict()
  .openapi("ActOnReport");

export const actOnReportRoute = createRoute({
  method: "post",
  path: "/api/moderation/reports/{id}/actions",
  tags: ["moderation"],
  request: {
    params: z.object({ id: idSchema }),
    body: { content: { "application/json": { schema: actOnReportSchema } }, required: true },
  },
  responses: {
    200: json(z.object({ id: z.number().int(), status: z.string() }), "Acted; the report is closed"),
    400: errorResponses[400],
    401: errorResponses[401],
    404: errorResponses[404],
    409: { ...errorResponses[400], description: "The report was already handled" },
  },
});

export const unsuspendSchema = z.object({ note: noteSchema }).strict().openapi("Unsuspend");

export const unsuspendRoute = createRoute({
  method: "post",
  path: "/api/moderation/members/{id}/unsuspend",
  tags: ["moderation"],
  request: {
    params: z.object({ id: idSchema }),
    body: { content: { "application/json": { schema: unsuspendSchema } }, required: true },
  },
  responses: {
    200: json(z.object({ memberId: z.number().int() }), "The suspension is lifted"),
    400: errorResponses[400],
    401: errorResponses[401],
    404: errorResponses[404],
    409: { ...errorResponses[400], description: "The member is not suspended" },
  },
});

export const moderationLogSchema = z
  .object({
    actions: z.array(
      z.object({
        id: z.number().int(),
        action: z.enum(["dismiss", "warn", "suspend", "unsuspend"]),
        reportId: z.number().int().nullable(),
        subject: z.object({ id: z.number().int(), name: z.string() }),
        moderator: z.object({ id: z.number().int(), name: z.string() }).nullable(),
        note: z.string(),
        createdAt: z.string(),
      }),
    ),
    suspended: z.array(z.object({ id: z.number().int(), name: z.string(), suspendedAt: z.string() })),
  })
  .openapi("ModerationLog");
export type ModerationLogBody = z.infer<typeof moderationLogSchema>;

export const moderationLogRoute = createRoute({
  method: "get",
  path: "/api/moderation/actions",
  tags: ["moderation"],
  responses: {
    200: json(moderationLogSchema, "Who did what, when, in my scope; and the members suspended there"),
    401: errorResponses[401],
    404: errorResponses[404],
  },
});
