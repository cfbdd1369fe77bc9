/** Contract of the admins' pages: add cities, grant and revoke roles. Anyone but an admin gets 404. */
import { createRoute, z } from "@hono/zod-openapi";
import { errorResponses, localeSchema, singleLine } from "./common";
import { citySchema } from "./system";

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});
const body = <T extends z.ZodType>(schema: T) => ({
  body: { content: { "application/json": { schema } }, required: true },
});

export const createCitySchema = z
  .object({
    slug: z
      .string()
      .trim()
      .regex(/^[a-z0-9-]{2,64}$/, "use 2 to 64 lowercase letters, digits or dashes"),
    name: singleLine(z.string().trim().min(1).max(120)),
    nameFr: singleLine(z.string().trim().max(120)).optional(),
    country: z
      .string()
      .trim()
      .regex(/^[A-Z]{2}$/, "an ISO 3166-1 alpha-2 code such as FR or US"),
    timeZone: z.string().trim().min(1).max(64),
    locale: localeSchema,
  })
  .strict()
  .openapi("CreateCity");

export const createCityRoute = createRoute({
  method: "post",
  path: "/api/admin/cities",
  tags: ["admin"],
  request: body(createCitySchema),
  responses: {
    201: json(citySchema, "The city (created, or updated when the slug exists)"),
    400: errorResponses[400],
    401: errorResponses[401],
    404: errorResponses[404],
  },
});

export const roleGrantSchema = z
  .object({
    memberId: z.number().int(),
    name: z.string(),
    email: z.string().nullable(),
    role: z.enum(["member", "organiser", "moderator", "admin"]),
    citySlug: z.string().nullable(),
    grantedAt: z.string(),
  })
  .openapi("RoleGrant");
export type RoleGrantBody = z.infer<typeof roleGrantSchema>;

export const listRolesRoute = createRoute({
  method: "get",
  path: "/api/admin/roles",
  tags: ["admin"],
  responses: {
    200: json(z.object({ grants: z.array(roleGrantSchema) }), "Every role granted"),
    401: errorResponses[401],
    404: errorResponses[404],
  },
});

export const roleChangeSchema = z
  .object({
    /** A member id, or the email of the member's account. */
    member: z.string().trim().min(1).max(320),
    role: z.enum(["organiser", "moderator", "admin"]),
    /** Organisers are organisers of one city; a moderator of a city sees that city's reports only. */
    citySlug: z
      .string()
      .trim()
      .regex(/^[a-z0-9-]{2,64}$/, "a city's slug")
      .optional(),
  })
  .strict()
  .openapi("RoleChange");

export const grantRoleRoute = createRoute({
  method: "post",
  path: "/api/admin/roles",
  tags: ["admin"],
  request: body(roleChangeSchema),
  responses: {
    201: json(z.object({ memberName: z.string() }), "Granted (granting twice is harmless)"),
    400: errorResponses[400],
    401: errorResponses[401],
    404: errorResponses[404],
  },
});

export const revokeRoleRoute = createRoute({
  method: "post",
  path: "/api/admin/roles/revoke",
  tags: ["admin"],
  request: body(roleChangeSchema),
  responses: {
    200: json(z.object({ memberName: z.string(), revoked: z.boolean() }), "Revoked, or there was nothing to revoke"),
    400: errorResponses[400],
    401: errorResponses[401],
    404: errorResponses[404],
  },
});
