/** Contract of the directory: a city's members, searchable, paginated; never their trips or dates. */
import { createRoute, z } from "@hono/zod-openapi";
import { errorResponses } from "./common";

export const directoryQuerySchema = z
  .object({
    city: z.string().regex(/^[a-z0-9-]{2,64}$/, "a city slug"),
    q: z.string().trim().max(200).optional(),
    sector: z.string().trim().min(1).max(64).optional(),
    tag: z.string().trim().min(1).max(64).optional(),
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(50).default(20),
  })
  .strict();

export const directoryMemberSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    headline: z.string(),
    sectors: z.array(z.string()),
    tags: z.array(z.string()),
    languages: z.array(z.string()),
    gives: z.string(),
    seeks: z.string(),
    isDemo: z.boolean(),
  })
  .openapi("DirectoryMember");

export const directoryPageSchema = z
  .object({ members: z.array(directoryMemberSchema), nextCursor: z.string().nullable() })
  .openapi("DirectoryPage");

export const searchDirectoryRoute = createRoute({
  method: "get",
  path: "/api/directory",
  tags: ["directory"],
  summary: "Search a city's members by name, words (English or French), sector and tag",
  request: { query: directoryQuerySchema },
  responses: {
    200: { description: "One page of members", content: { "application/json": { schema: directoryPageSchema } } },
    400: errorResponses[400],
    401: errorResponses[401],
    404: errorResponses[404],
  },
});
