/** Contract of double opt-in introductions and their conversation. */
import { createRoute, z } from "@hono/zod-openapi";
import { errorResponses, idSchema, multiLine } from "./common";
import { idempotencyKeyHeaders } from "./idempotency";

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});
const body = <T extends z.ZodType>(schema: T) => ({
  body: { content: { "application/json": { schema } }, required: true },
});
const params = z.object({ id: idSchema });
const person = z.object({ memberId: z.number().int(), name: z.string() });

export const proposeIntroductionSchema = z
  .object({ firstId: idSchema, secondId: idSchema, reason: multiLine(z.string().trim().min(1).max(2000)) })
  .strict()
  .openapi("ProposeIntroduction");

export const introductionSchema = z
  .object({
    id: z.number().int(),
    role: z.enum(["connector", "first", "second"]),
    connector: person,
    others: z.array(person),
    reason: z.string(),
    status: z.enum(["pending", "accepted", "did_not_happen"]).openapi({
      description: "Pending until both accept or the 7 days run out; a decline is never shown, not even as a status",
    }),
    myAnswer: z.enum(["pending", "accepted", "declined"]).nullable(),
    createdAt: z.string(),
    expiresAt: z.string(),
  })
  .openapi("Introduction");
export type IntroductionBody = z.infer<typeof introductionSchema>;

export const proposeIntroductionRoute = createRoute({
  method: "post",
  path: "/api/introductions",
  tags: ["introductions"],
  request: { headers: idempotencyKeyHeaders, ...body(proposeIntroductionSchema) },
  responses: {
    201: json(introductionSchema, "Proposed; both members are asked privately"),
    400: errorResponses[400],
    401: errorResponses[401],
    409: { ...errorResponses[400], description: "These members cannot be introduced, or it is already proposed" },
    429: errorResponses[429],
  },
});

export const listIntroductionsRoute = createRoute({
  method: "get",
  path: "/api/introductions",
  tags: ["introductions"],
  responses: {
    200: json(z.object({ introductions: z.array(introductionSchema) }), "Introductions I am part of"),
    401: errorResponses[401],
  },
});

export const getIntroductionRoute = createRoute({
  method: "get",
  path: "/api/introductions/{id}",
  tags: ["introductions"],
  request: { params },
  responses: { 200: json(introductionSchema, "The introduction"), 401: errorResponses[401], 404: errorResponses[404] },
});

export const answerIntroductionSchema = z
  .object({ answer: z.enum(["accepted", "declined"]) })
  .strict()
  .openapi("AnswerIntroduction");

export const answerIntroductionRoute = createRoute({
  method: "post",
  path: "/api/introductions/{id}/answer",
  tags: ["introductions"],
  request: { params, ...body(answerIntroductionSchema) },
  responses: {
    200: json(introductionSchema, "My answer is recorded; nothing changes for the others unless both accepted"),
    400: errorResponses[400],
    401: errorResponses[401],
    404: errorResponses[404],
    409: { ...errorResponses[400], description: "Already answered otherwise" },
  },
});

export const introductionMessageSchema = z
  .object({
    id: z.number().int(),
    authorId: z.number().int(),
    authorName: z.string(),
    body: z.string(),
    createdAt: z.string(),
  })
  .openapi("IntroductionMessage");

export const listIntroductionMessagesRoute = createRoute({
  method: "get",
  path: "/api/introductions/{id}/messages",
  tags: ["introductions"],
  request: { params },
  responses: {
    200: json(z.object({ messages: z.array(introductionMessageSchema) }), "The conversation, oldest first"),
    401: errorResponses[401],
    404: errorResponses[404],
  },
});

export const sendIntroductionMessageSchema = z
  .object({ body: multiLine(z.string().trim().min(1).max(3800)), offerId: idSchema.optional() })
  .strict()
  .openapi("SendIntroductionMessage");

export const sendIntroductionMessageRoute = createRoute({
  method: "post",
  path: "/api/introductions/{id}/messages",
  tags: ["introductions"],
  request: { params, headers: idempotencyKeyHeaders, ...body(sendIntroductionMessageSchema) },
  responses: {
    201: json(z.object({ messages: z.array(introductionMessageSchema) }), "Sent; the conversation so far"),
    400: errorResponses[400],
    401: errorResponses[401],
    404: errorResponses[404],
  },
});
