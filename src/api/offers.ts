/** Contract of offers: a local answers a trip; the traveller accepts, declines, stars or asks for another time; a short thread. */
import { createRoute, z } from "@hono/zod-openapi";
import { maxSlotsPerOffer, offerKinds, offerStatuses } from "../domain/offers/offer-kinds";
import { errorResponses, idSchema, multiLine, notModifiedResponse, singleLine } from "./common";
import { idempotencyKeyHeaders } from "./idempotency";

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});
const body = <T extends z.ZodType>(schema: T) => ({
  content: { "application/json": { schema } },
  required: true,
});

export const offerKindSchema = z.enum(offerKinds).openapi("OfferKind");

export const proposedSlotSchema = z
  .object({
    startsAt: z.iso.datetime({ offset: true }).describe("The start, an ISO instant with its offset"),
    durationMinutes: z.number().int().min(5).max(720),
  })
  .strict()
  .openapi("ProposedSlot");

export const venueInputSchema = z
  .union([
    z.object({ id: idSchema }).strict(),
    z
      .object({
        name: singleLine(z.string().trim().min(1).max(200)),
        address: singleLine(z.string().trim().max(500)),
        lat: z.number().min(-90).max(90).optional(),
        lon: z.number().min(-180).max(180).optional(),
      })
      .strict()
      .refine((venue) => (venue.lat === undefined) === (venue.lon === undefined), {
        message: "Give both lat and lon, or neither",
        path: ["lon"],
      }),
  ])
  .openapi("VenueInput");

export const createOfferSchema = z
  .object({
    kind: offerKindSchema,
    message: multiLine(z.string().max(4000)).default(""),
    slots: z.array(proposedSlotSchema).max(maxSlotsPerOffer).default([]),
    venue: venueInputSchema.optional(),
    eventId: idSchema.optional(),
  })
  .strict()
  .openapi("CreateOffer");
export type CreateOfferBody = z.infer<typeof createOfferSchema>;

export const offerSlotSchema = z
  .object({ id: z.number().int(), startsAt: z.string(), endsAt: z.string(), durationMinutes: z.number().int() })
  .openapi("OfferSlot");

export const offerSchema = z
  .object({
    id: z.number().int(),
    tripId: z.number().int(),
    kind: offerKindSchema,
    message: z.string(),
    status: z.enum(offerStatuses),
    starred: z.boolean(),
    anotherTimeRequested: z.boolean(),
    declineNote: z.string().nullable(),
    acceptedSlotId: z.number().int().nullable(),
    eventId: z.number().int().nullable(),
    meetingId: z.number().int().nullable(),
    sender: z.object({ memberId: z.number().int(), name: z.string(), headline: z.string(), isDemo: z.boolean() }),
    venue: z
      .object({
        id: z.number().int(),
        name: z.string(),
        address: z.string(),
        lat: z.number().nullable(),
        lon: z.number().nullable(),
      })
      .nullable(),
    slots: z.array(offerSlotSchema),
    /** Starts the traveller proposed (the agenda's alternatives); accepted ones became slots. */
    proposals: z.array(
      z.object({
        id: z.number().int(),
        startsAt: z.string(),
        durationMinutes: z.number().int(),
        status: z.enum(["pending", "accepted"]),
        slotId: z.number().int().nullable(),
      }),
    ),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Offer");
export type Offer = z.infer<typeof offerSchema>;

const offerListSchema = z.object({ offers: z.array(offerSchema) }).openapi("OfferList");
export type OfferListBody = z.infer<typeof offerListSchema>;
const tripParams = z.object({ id: idSchema.openapi({ param: { name: "id", in: "path" } }) });
const offerParams = z.object({ id: idSchema.openapi({ param: { name: "id", in: "path" } }) });
const actionErrors = {
  400: errorResponses[400],
  401: errorResponses[401],
  403: errorResponses[404],
  404: errorResponses[404],
  409: errorResponses[400],
} as const;

export const createOfferRoute = createRoute({
  method: "post",
  path: "/api/trips/{id}/offers",
  tags: ["offers"],
  summary: "Answer a trip with an offer",
  request: {
    params: tripParams,
    headers: idempotencyKeyHeaders,
    body: body(createOfferSchema),
  },
  responses: {
    201: json(offerSchema, "The offer (or, for a repeated Idempotency-Key, the first response)"),
    ...actionErrors,
    429: errorResponses[429],
  },
});

export const listTripOffersRoute = createRoute({
  method: "get",
  path: "/api/trips/{id}/offers",
  tags: ["offers"],
  summary: "Offers of a trip: all of them for the traveller, one's own for a local",
  request: { params: tripParams },
  responses: {
    200: json(offerListSchema, "The offers, starred first, with an ETag"),
    304: notModifiedResponse,
    401: errorResponses[401],
    404: errorResponses[404],
  },
});

export const listMyOffersRoute = createRoute({
  method: "get",
  path: "/api/offers/mine",
  tags: ["offers"],
  summary: "Offers I sent",
  responses: { 200: json(offerListSchema, "My offers, newest first"), 401: errorResponses[401] },
});

export const getOfferRoute = createRoute({
  method: "get",
  path: "/api/offers/{id}",
  tags: ["offers"],
  request: { params: offerParams },
  responses: { 200: json(offerSchema, "The offer"), 401: errorResponses[401], 404: errorResponses[404] },
});

const actionRoute = <T extends z.ZodType>(action: string, summary: string, schema: T) =>
  createRoute({
    method: "post",
    path: `/api/offers/{id}/${action}`,
    tags: ["offers"],
    summary,
    request: { params: offerParams, body: body(schema) },
    responses: { 200: json(offerSchema, "The offer as it now is"), ...actionErrors },
  });

export const acceptOfferRoute = actionRoute(
  "accept",
  "Accept at a slot (schedules a meeting) or without one (the agenda solver picks)",
  z.object({ slotId: idSchema.optional() }).strict().openapi("AcceptOffer"),
);
export const declineOfferRoute = actionRoute(
  "decline",
  "Decline, optionally with a kind word",
  z
    .object({ note: multiLine(z.string().trim().max(1000)).optional() })
    .strict()
    .openapi("DeclineOffer"),
);
export const starOfferRoute = actionRoute(
  "star",
  "Star or unstar (a priority for the agenda)",
  z.object({ starred: z.boolean() }).strict().openapi("StarOffer"),
);
export const askAnotherTimeRoute = actionRoute(
  "another-time",
  "Ask the sender for another time",
  z
    .object({ message: multiLine(z.string().trim().max(4000)).optional() })
    .strict()
    .openapi("AskAnotherTime"),
);
export const proposeOfferTimeRoute = actionRoute(
  "propose-time",
  "Propose another start to the sender (the traveller; e.g. the agenda's alternative for an offer left out)",
  z
    .object({ startsAt: z.iso.datetime({ offset: true }) })
    .strict()
    .openapi("ProposeOfferTime"),
);

export const acceptTimeProposalRoute = createRoute({
  method: "post",
  path: "/api/offers/{id}/proposals/{proposalId}/accept",
  tags: ["offers"],
  summary: "Accept a start the traveller proposed (the sender): it becomes one of the offer's slots",
  request: {
    params: z.object({
      id: idSchema.openapi({ param: { name: "id", in: "path" } }),
      proposalId: idSchema.openapi({ param: { name: "proposalId", in: "path" } }),
    }),
  },
  responses: { 200: json(offerSchema, "The offer as it now is"), ...actionErrors },
});

export const withdrawOfferRoute = actionRoute(
  "withdraw",
  "Withdraw one's own offer",
  z.object({}).strict().openapi("WithdrawOffer"),
);

export const offerMessageSchema = z
  .object({
    id: z.number().int(),
    authorId: z.number().int(),
    authorName: z.string(),
    body: z.string(),
    createdAt: z.string(),
  })
  .openapi("OfferMessage");

export const listOfferMessagesRoute = createRoute({
  method: "get",
  path: "/api/offers/{id}/messages",
  tags: ["offers"],
  request: { params: offerParams },
  responses: {
    200: json(z.object({ messages: z.array(offerMessageSchema) }), "The thread, oldest first"),
    401: errorResponses[401],
    404: errorResponses[404],
  },
});

export const postOfferMessageRoute = createRoute({
  method: "post",
  path: "/api/offers/{id}/messages",
  tags: ["offers"],
  request: {
    params: offerParams,
    headers: idempotencyKeyHeaders,
    body: body(
      z
        .object({ body: multiLine(z.string().trim().min(1).max(4000)) })
        .strict()
        .openapi("PostOfferMessage"),
    ),
  },
  responses: { 201: json(offerMessageSchema, "The message"), ...actionErrors },
});
