/**
 * Contract of the openness analytics: a city's report and network view for the dashboard, and the organisers' refresh.
 * Aggregates are public; individuals (gatekeepers, bridge ends, node names) are in the answer only for the city's
 * organisers and admins, and a member who opted out of analytics is never named.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { errorResponses } from "./common";

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

const citySlugParams = z.object({
  slug: z
    .string()
    .regex(/^[a-z0-9-]{2,64}$/, "must be a city slug such as toulouse")
    .openapi({ param: { name: "slug", in: "path" }, example: "toulouse" }),
});

const cityRefSchema = z.object({ slug: z.string(), name: z.string() });
const audienceSchema = z.enum(["public", "organiser"]);
const nullableNumber = z.number().nullable();

export const personLabelSchema = z
  .object({
    memberId: z.number().int().nullable(),
    name: z.string(),
    optedOut: z.boolean(),
  })
  .openapi("PersonLabel");

const componentSchema = z.object({ score: z.number(), detail: z.record(z.string(), nullableNumber) }).nullable();

export const opennessSchema = z
  .object({
    index: nullableNumber,
    status: z.enum(["ok", "insufficient-data"]),
    components: z.object({
      mixing: componentSchema,
      bridging: componentSchema,
      noBarons: componentSchema,
      openElite: componentSchema,
      newcomerIntegration: componentSchema,
      giving: componentSchema,
    }),
    reasons: z.array(z.string()),
    randomizations: z.number().int(),
  })
  .openapi("OpennessIndex");

const eiSchema = z
  .object({
    ei: z.number(),
    expected: z.number(),
    relative: z.number(),
    external: z.number(),
    internal: z.number(),
  })
  .passthrough()
  .nullable();

export const computingSchema = z
  .object({ status: z.literal("computing"), city: cityRefSchema, retryAfterSeconds: z.number().int() })
  .openapi("ReportComputing");

export const cityReportSchema = z
  .object({
    status: z.literal("ready"),
    city: cityRefSchema,
    audience: audienceSchema,
    computedAt: z.string(),
    openness: opennessSchema,
    counts: z.object({ members: z.number().int(), ties: z.number().int(), follows: z.number().int() }),
    density: z.number(),
    reciprocity: nullableNumber,
    communities: z.object({ count: z.number().int(), modularity: z.number(), sizes: z.array(z.number().int()) }),
    betweenness: z.object({
      centralization: z.number(),
      exact: z.boolean(),
      pivots: z.number().int(),
      errorBound: z.number(),
      confidence: z.number(),
    }),
    mixing: z.record(z.string(), z.object({ ei: eiSchema, assortativity: nullableNumber })),
    newcomers: z
      .object({
        eligible: z.number().int(),
        integrated: z.number().int(),
        share: nullableNumber,
        medianDaysToFirstTie: nullableNumber,
        firstTieObserved: z.number().int(),
        firstTieCensored: z.number().int(),
        survival: z.array(
          z.object({ day: z.number(), survival: z.number(), atRisk: z.number(), events: z.number() }).passthrough(),
        ),
      })
      .passthrough()
      .nullable(),
    giving: z
      .object({
        eligibleTrips: z.number().int(),
        answeredTrips: z.number().int(),
        answeredShare: nullableNumber,
        receivers: z.number().int(),
        receiversWhoGave: z.number().int(),
        payForwardShare: nullableNumber,
      })
      .nullable(),
    trend: z.array(
      z.object({
        label: z.string(),
        start: z.string(),
        end: z.string(),
        index: nullableNumber,
        status: z.enum(["ok", "insufficient-data"]),
      }),
    ),
    bridges: z.array(
      z.object({
        communityA: z.number().int(),
        communityB: z.number().int(),
        constraintDrop: z.number(),
        centralizationDrop: nullableNumber,
        between: z.tuple([personLabelSchema, personLabelSchema]).nullable(),
      }),
    ),
    gatekeepers: z
      .array(
        z.object({
          member: personLabelSchema,
          community: z.number().int(),
          betweenness: z.number(),
          constraint: nullableNumber,
          effectiveSize: nullableNumber,
          crossCommunityTies: z.number().int(),
          gatekeeperPaths: z.number(),
          representativePaths: z.number(),
        }),
      )
      .nullable(),
  })
  .openapi("CityReport");
export type CityReportBody = z.infer<typeof cityReportSchema>;

export const networkNodeSchema = z
  .object({
    id: z.number().int(),
    community: z.number().int(),
    degree: z.number().int(),
    member: personLabelSchema.optional(),
    isGatekeeper: z.boolean().optional(),
    isBridgeEnd: z.boolean().optional(),
  })
  .openapi("NetworkNode");

export const cityNetworkSchema = z
  .object({
    status: z.literal("ready"),
    city: cityRefSchema,
    audience: audienceSchema,
    computedAt: z.string(),
    totalMembers: z.number().int(),
    totalTies: z.number().int(),
    sampling: z.object({ method: z.string(), shownMembers: z.number().int(), shownTies: z.number().int() }).nullable(),
    nodes: z.array(networkNodeSchema),
    edges: z.array(z.tuple([z.number().int(), z.number().int()])),
    communities: z.array(z.object({ id: z.number().int(), size: z.number().int() })),
    communityLinks: z.array(z.object({ a: z.number().int(), b: z.number().int(), ties: z.number().int() })),
  })
  .openapi("CityNetwork");
export type CityNetworkBody = z.infer<typeof cityNetworkSchema>;

export const getCityReportRoute = createRoute({
  method: "get",
  path: "/api/cities/{slug}/report",
  tags: ["analytics"],
  request: { params: citySlugParams },
  responses: {
    200: json(cityReportSchema, "The city's openness report; individuals only for its organisers"),
    202: json(computingSchema, "No report yet: it is being computed, ask again after retryAfterSeconds"),
    400: errorResponses[400],
    404: errorResponses[404],
  },
});

export const getCityNetworkRoute = createRoute({
  method: "get",
  path: "/api/cities/{slug}/network",
  tags: ["analytics"],
  request: { params: citySlugParams },
  responses: {
    200: json(cityNetworkSchema, "The graph for the network view (sampled beyond a few thousand members)"),
    202: json(computingSchema, "No report yet: it is being computed"),
    400: errorResponses[400],
    404: errorResponses[404],
  },
});

export const refreshCityReportRoute = createRoute({
  method: "post",
  path: "/api/cities/{slug}/report/refresh",
  tags: ["analytics"],
  request: { params: citySlugParams },
  responses: {
    202: json(
      z.object({ queued: z.literal(true), city: cityRefSchema }).openapi("ReportRefreshQueued"),
      "The refresh is queued",
    ),
    401: errorResponses[401],
    403: { description: "Not an organiser of this city", content: errorResponses[401].content },
    404: errorResponses[404],
  },
});
