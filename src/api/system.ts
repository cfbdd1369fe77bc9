/** Contract of the foundation endpoints: health, instance configuration, the viewer, cities and the demo helpers. */
import { createRoute, z } from "@hono/zod-openapi";
import { errorResponses, idSchema, localeSchema } from "./common";

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

export const healthSchema = z
  .object({ status: z.literal("ok"), database: z.enum(["pglite", "postgres"]) })
  .openapi("Health");

export const healthRoute = createRoute({
  method: "get",
  path: "/health",
  tags: ["system"],
  responses: { 200: json(healthSchema, "The server and its database answer"), 503: errorResponses[400] },
});

export const instanceSchema = z
  .object({ name: z.string(), demo: z.boolean(), version: z.string(), baseUrl: z.string() })
  .openapi("Instance");

export const instanceRoute = createRoute({
  method: "get",
  path: "/api/instance",
  tags: ["system"],
  responses: { 200: json(instanceSchema, "What this instance is") },
});

export const citySchema = z
  .object({
    id: z.number().int(),
    slug: z.string(),
    name: z.string(),
    nameFr: z.string().nullable(),
    country: z.string(),
    timeZone: z.string(),
    locale: localeSchema,
  })
  .openapi("City");
export type City = z.infer<typeof citySchema>;

export const listCitiesRoute = createRoute({
  method: "get",
  path: "/api/cities",
  tags: ["cities"],
  responses: { 200: json(z.object({ cities: z.array(citySchema) }), "Every city of the instance") },
});

export const viewerSchema = z
  .object({
    memberId: z.number().int(),
    name: z.string(),
    email: z.string(),
    emailVerified: z.boolean(),
    locale: localeSchema,
    roles: z.array(z.object({ role: z.string(), citySlug: z.string().nullable() })),
    isDemo: z.boolean(),
  })
  .openapi("Viewer");
export type Viewer = z.infer<typeof viewerSchema>;

export const meRoute = createRoute({
  method: "get",
  path: "/api/me",
  tags: ["accounts"],
  responses: { 200: json(viewerSchema, "The signed-in member"), 401: errorResponses[401] },
});

export const demoPersonaSchema = z
  .object({
    memberId: z.number().int(),
    name: z.string(),
    headline: z.string(),
    city: z.string().nullable(),
    role: z.string(),
  })
  .openapi("DemoPersona");

export const demoPersonasRoute = createRoute({
  method: "get",
  path: "/api/demo/personas",
  tags: ["demo"],
  responses: {
    200: json(z.object({ personas: z.array(demoPersonaSchema) }), "Demo members one can sign in as"),
    404: errorResponses[404],
  },
});

export const demoSignInRoute = createRoute({
  method: "post",
  path: "/api/demo/sign-in",
  tags: ["demo"],
  request: {
    body: { content: { "application/json": { schema: z.object({ memberId: idSchema }).strict() } }, required: true },
  },
  responses: {
    200: json(viewerSchema, "Signed in as the demo member"),
    400: errorResponses[400],
    404: errorResponses[404],
  },
});

export const inboxEmailSchema = z
  .object({
    id: z.number().int(),
    subject: z.string(),
    textBody: z.string(),
    status: z.string(),
    createdAt: z.string(),
  })
  .openapi("InboxEmail");

export const demoInboxRoute = createRoute({
  method: "get",
  path: "/api/demo/inbox",
  tags: ["demo"],
  responses: {
    200: json(z.object({ emails: z.array(inboxEmailSchema) }), "Emails sent to me (demo mode: no SMTP server needed)"),
    401: errorResponses[401],
    404: errorResponses[404],
  },
});
