/** Contract of the give ledger: meetings confirmed, feedback and thanks, advice marked helpful, giving records. */
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
const conflict = { ...errorResponses[400], description: "Not possible in the current state" };
const thanksSchema = multiLine(z.string().trim().min(1).max(1000));

export const meetingStateSchema = z
  .object({
    meetingId: z.number().int(),
    status: z.enum(["scheduled", "held", "cancelled"]),
    hostConfirmed: z.boolean(),
    guestConfirmed: z.boolean(),
  })
  .openapi("MeetingState");

export const confirmMeetingRoute = createRoute({
  method: "post",
  path: "/api/meetings/{id}/confirm",
  tags: ["giving"],
  request: { params, headers: idempotencyKeyHeaders },
  responses: {
    200: json(meetingStateSchema, "My side confirmed; held (a gift and a tie) once both sides confirmed"),
    401: errorResponses[401],
    404: errorResponses[404],
    409: conflict,
  },
});

export const meetingFeedbackInputSchema = z
  .object({
    useful: z.boolean().nullable().optional(),
    followUp: z.boolean().nullable().optional(),
    deal: z.boolean().nullable().optional(),
    thanks: thanksSchema.nullable().optional(),
  })
  .strict()
  .openapi("MeetingFeedbackInput");

export const meetingFeedbackSchema = z
  .object({
    mine: z
      .object({
        useful: z.boolean().nullable(),
        followUp: z.boolean().nullable(),
        deal: z.boolean().nullable(),
        thanks: z.string().nullable(),
      })
      .nullable()
      .openapi({ description: "Private: only I see my answers" }),
    thanks: z.array(z.object({ memberId: z.number().int(), thanks: z.string() })),
  })
  .openapi("MeetingFeedback");

export const saveMeetingFeedbackRoute = createRoute({
  method: "post",
  path: "/api/meetings/{id}/feedback",
  tags: ["giving"],
  request: { params, headers: idempotencyKeyHeaders, ...body(meetingFeedbackInputSchema) },
  responses: {
    200: json(meetingFeedbackSchema, "Saved"),
    400: errorResponses[400],
    401: errorResponses[401],
    404: errorResponses[404],
    409: conflict,
  },
});

export const getMeetingFeedbackRoute = createRoute({
  method: "get",
  path: "/api/meetings/{id}/feedback",
  tags: ["giving"],
  request: { params },
  responses: { 200: json(meetingFeedbackSchema, "My feedback"), 401: errorResponses[401], 404: errorResponses[404] },
});

export const markAdviceHelpfulRoute = createRoute({
  method: "post",
  path: "/api/gifts/advice/{id}",
  tags: ["giving"],
  request: {
    params,
    headers: idempotencyKeyHeaders,
    ...body(z.object({ thanks: thanksSchema.nullable().optional() }).strict().openapi("AdviceHelpful")),
  },
  responses: {
    200: json(z.object({ giftId: z.number().int() }), "The advice (offer id) was helpful: the adviser's gift"),
    400: errorResponses[400],
    401: errorResponses[401],
    404: errorResponses[404],
    409: conflict,
  },
});

export const thankForGiftRoute = createRoute({
  method: "post",
  path: "/api/gifts/{id}/thanks",
  tags: ["giving"],
  request: {
    params,
    headers: idempotencyKeyHeaders,
    ...body(z.object({ thanks: thanksSchema.nullable() }).strict().openapi("GiftThanks")),
  },
  responses: {
    200: json(z.object({ giftId: z.number().int(), thanks: z.string().nullable() }), "The thank-you note"),
    400: errorResponses[400],
    401: errorResponses[401],
    404: errorResponses[404],
  },
});

export const ledgerEntrySchema = z
  .object({
    id: z.number().int(),
    kind: z.enum(["meeting", "introduction", "event_invitation", "advice"]),
    occurredOn: z.string(),
    cityId: z.number().int().nullable(),
    thanks: z.string().nullable(),
    other: z.object({ memberId: z.number().int(), name: z.string() }),
  })
  .openapi("LedgerEntry");

export const givingRecordSchema = z
  .object({
    memberId: z.number().int(),
    name: z.string(),
    given: z.number().int(),
    received: z.number().int(),
    newcomersHelped: z.number().int(),
    recentGiven: z.array(ledgerEntrySchema),
    recentReceived: z.array(ledgerEntrySchema),
    recentThanks: z.array(ledgerEntrySchema),
  })
  .openapi("GivingRecord");
export type GivingRecordBody = z.infer<typeof givingRecordSchema>;

export const givingRecordRoute = createRoute({
  method: "get",
  path: "/api/members/{id}/giving",
  tags: ["giving"],
  request: { params },
  responses: {
    200: json(givingRecordSchema, "What the member gave and received: the platform shows giving, not followers"),
    401: errorResponses[401],
    404: errorResponses[404],
  },
});

export const arrivalSchema = z
  .object({
    tripId: z.number().int(),
    memberId: z.number().int(),
    name: z.string(),
    arrivalDate: z.string(),
    departureDate: z.string().nullable(),
    seeks: z.string(),
  })
  .openapi("Arrival");

export const payItForwardRoute = createRoute({
  method: "get",
  path: "/api/giving/pay-it-forward/{id}",
  tags: ["giving"],
  request: { params },
  responses: {
    200: json(
      z.object({
        homeCityId: z.number().int().nullable(),
        arrivals: z.array(arrivalSchema),
        fromVisitedCity: z.array(arrivalSchema),
      }),
      "After my trip (id): who arrives in my home city, and locals of the city I visited who come to mine",
    ),
    401: errorResponses[401],
    404: errorResponses[404],
  },
});
