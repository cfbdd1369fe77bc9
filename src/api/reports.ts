/** Contract of abuse reports: a member reports another member, or a trip, offer, event or message of theirs. */
import { createRoute, z } from "@hono/zod-openapi";
import { reportReasons, reportTargetKinds } from "../domain/moderation/report-rules";
import { errorResponses, idSchema, multiLine } from "./common";

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

export const reportTargetKindSchema = z.enum(reportTargetKinds);
export const reportReasonSchema = z.enum(reportReasons);

export const fileReportSchema = z
  .object({
    targetKind: reportTargetKindSchema,
    /** The member's id for a member, else the trip's, offer's, event's or message's id. */
    targetId: idSchema,
    reason: reportReasonSchema,
    details: multiLine(z.string().trim().max(2000)).default(""),
  })
  .strict()
  .openapi("FileReport");

export const myReportSchema = z
  .object({
    id: z.number().int(),
    targetKind: reportTargetKindSchema,
    targetId: z.number().int().nullable(),
    subjectId: z.number().int(),
    reason: reportReasonSchema,
    details: z.string(),
    /** Whether a moderator has handled it; what they decided stays between them and the member. */
    handled: z.boolean(),
    createdAt: z.string(),
  })
  .openapi("MyReport");
export type MyReportBody = z.infer<typeof myReportSchema>;

export const fileReportRoute = createRoute({
  method: "post",
  path: "/api/reports",
  tags: ["moderation"],
  request: { body: { content: { "application/json": { schema: fileReportSchema } }, required: true } },
  responses: {
    201: json(myReportSchema, "Reported; the moderators will look at it"),
    400: errorResponses[400],
    401: errorResponses[401],
    404: errorResponses[404],
    409: { ...errorResponses[400], description: "Already reported and still open" },
    429: errorResponses[429],
  },
});

export const listMyReportsRoute = createRoute({
  method: "get",
  path: "/api/reports/mine",
  tags: ["moderation"],
  responses: {
    200: json(z.object({ reports: z.array(myReportSchema) }), "The reports I filed, newest first"),
    401: errorResponses[401],
  },
});
