/** Contract of my own data: export, erasure, blocked members and privacy settings. */
import { createRoute, z } from "@hono/zod-openapi";
import { errorResponses, idSchema } from "./common";

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});
const body = <T extends z.ZodType>(schema: T) => ({
  body: { content: { "application/json": { schema } }, required: true },
});

export const myDataExportSchema = z
  .object({
    format: z.literal("givefirst-export-1"),
    exportedAt: z.string(),
    account: z.object({
      email: z.string().nullable(),
      emailVerified: z.boolean().nullable(),
      createdAt: z.string().nullable(),
    }),
    profile: z.record(z.string(), z.unknown()),
    linked: z.record(z.string(), z.array(z.unknown())).openapi({
      description: 'Rows of every table that points at me, keyed "table.column", without secrets',
    }),
    offersReceived: z.array(z.unknown()),
    offerThreadMessages: z.array(z.unknown()),
    introductionThreadMessages: z.array(z.unknown()),
    feedPostsOfMyFeeds: z.array(z.unknown()),
  })
  .openapi("MyDataExport");

export const exportMyDataRoute = createRoute({
  method: "get",
  path: "/api/me/export",
  tags: ["my data"],
  responses: { 200: json(myDataExportSchema, "Everything linked to me"), 401: errorResponses[401] },
});

export const eraseMyAccountSchema = z
  .object({
    /** My password; without it, the session must have been opened in the last 10 minutes. */
    password: z.string().min(1).max(256).optional(),
  })
  .strict()
  .openapi("EraseMyAccount");

export const eraseMyAccountRoute = createRoute({
  method: "delete",
  path: "/api/me",
  tags: ["my data"],
  request: body(eraseMyAccountSchema),
  responses: {
    204: { description: "Erased; what is kept and why is in docs/your-data.md" },
    400: errorResponses[400],
    401: errorResponses[401],
    403: { ...errorResponses[400], description: "Enter the password, or sign in again" },
  },
});

export const blockedMemberSchema = z
  .object({ memberId: z.number().int(), name: z.string(), blockedAt: z.string() })
  .openapi("BlockedMember");

export const listBlocksRoute = createRoute({
  method: "get",
  path: "/api/me/blocks",
  tags: ["my data"],
  responses: {
    200: json(z.object({ blocked: z.array(blockedMemberSchema) }), "The members I blocked"),
    401: errorResponses[401],
  },
});

export const blockMemberSchema = z.object({ memberId: idSchema }).strict().openapi("BlockMember");

export const blockMemberRoute = createRoute({
  method: "post",
  path: "/api/me/blocks",
  tags: ["my data"],
  request: body(blockMemberSchema),
  responses: {
    201: json(z.object({ memberId: z.number().int() }), "Blocked: neither of us sees the other anywhere"),
    400: errorResponses[400],
    401: errorResponses[401],
    404: errorResponses[404],
  },
});

export const unblockMemberRoute = createRoute({
  method: "delete",
  path: "/api/me/blocks/{memberId}",
  tags: ["my data"],
  request: { params: z.object({ memberId: idSchema }) },
  responses: {
    204: { description: "The block is lifted" },
    400: errorResponses[400],
    401: errorResponses[401],
    404: errorResponses[404],
  },
});

export const privacySchema = z.object({ analyticsOptOut: z.boolean() }).openapi("Privacy");

export const getPrivacyRoute = createRoute({
  method: "get",
  path: "/api/me/privacy",
  tags: ["my data"],
  responses: { 200: json(privacySchema, "My privacy settings"), 401: errorResponses[401] },
});

export const updatePrivacyRoute = createRoute({
  method: "put",
  path: "/api/me/privacy",
  tags: ["my data"],
  request: body(privacySchema.partial().strict().openapi("UpdatePrivacy")),
  responses: {
    200: json(privacySchema, "My privacy settings"),
    400: errorResponses[400],
    401: errorResponses[401],
  },
});
