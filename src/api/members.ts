/** Contract of member profiles: the public profile of a member and the viewer's own profile (onboarding, edits). */
import { createRoute, z } from "@hono/zod-openapi";
import { errorResponses, idSchema, localeSchema, singleLine, multiLine } from "./common";

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

export const careerStages = [
  "student",
  "first_time_founder",
  "experienced_founder",
  "executive",
  "investor",
  "freelancer",
  "other",
] as const;
export const careerStageSchema = z.enum(careerStages);

const tagListSchema = z.array(singleLine(z.string().trim().min(1).max(40))).max(20);

export const profileLinkSchema = z
  .object({
    label: singleLine(z.string().trim().min(1).max(60)),
    url: z
      .string()
      .trim()
      .max(500)
      .regex(/^https?:\/\/\S+$/, "must be a web address starting with http:// or https://"),
  })
  .strict();

/** What a profile shows, in the owner's view and in the public one alike. */
const profileFields = {
  name: z.string(),
  headline: z.string(),
  bio: z.string(),
  sectors: z.array(z.string()),
  tags: z.array(z.string()),
  gives: z.string(),
  givesTags: z.array(z.string()),
  seeks: z.string(),
  seeksTags: z.array(z.string()),
  languages: z.array(z.string()),
  links: z.array(z.object({ label: z.string(), url: z.string() })),
  careerStage: careerStageSchema,
};

/** The profile as its owner edits it. */
export const profileSchema = z
  .object({
    memberId: z.number().int(),
    ...profileFields,
    homeCityId: z.number().int().nullable(),
    currentCityId: z.number().int().nullable(),
    locale: localeSchema,
    /** Whether the member has said at least what they give or seek (onboarding done). */
    isComplete: z.boolean(),
  })
  .openapi("Profile");
export type Profile = z.infer<typeof profileSchema>;

/** A partial update of one's profile; unknown fields are refused, each error names its field. */
export const profileUpdateSchema = z
  .object({
    name: singleLine(z.string().trim().min(1).max(120)),
    headline: singleLine(z.string().trim().max(200)),
    bio: multiLine(z.string().trim().max(4000)),
    sectors: tagListSchema,
    tags: tagListSchema,
    gives: multiLine(z.string().trim().max(2000)),
    givesTags: tagListSchema,
    seeks: multiLine(z.string().trim().max(2000)),
    seeksTags: tagListSchema,
    languages: z
      .array(
        z
          .string()
          .trim()
          .regex(/^[a-z]{2,3}$/, "must be a language code such as en or fr"),
      )
      .max(10),
    links: z.array(profileLinkSchema).max(10),
    careerStage: careerStageSchema,
    homeCityId: idSchema.nullable(),
    currentCityId: idSchema.nullable(),
    locale: localeSchema,
  })
  .partial()
  .strict()
  .openapi("ProfileUpdate");
export type ProfileUpdate = z.infer<typeof profileUpdateSchema>;

export const givingRecordSchema = z.object({
  given: z.number().int(),
  received: z.number().int(),
  byKind: z.array(z.object({ kind: z.string(), count: z.number().int() })),
  thanks: z.array(
    z.object({ fromMemberId: z.number().int(), fromName: z.string(), text: z.string(), occurredOn: z.string() }),
  ),
});

export const publicMemberSchema = z
  .object({
    id: z.number().int(),
    ...profileFields,
    homeCity: z.object({ id: z.number().int(), slug: z.string(), name: z.string() }).nullable(),
    currentCity: z.object({ id: z.number().int(), slug: z.string(), name: z.string() }).nullable(),
    isDemo: z.boolean(),
    giving: givingRecordSchema,
  })
  .openapi("PublicMember");
export type PublicMember = z.infer<typeof publicMemberSchema>;

export const getMemberRoute = createRoute({
  method: "get",
  path: "/api/members/{id}",
  tags: ["members"],
  request: { params: z.object({ id: idSchema }) },
  responses: {
    200: json(publicMemberSchema, "A member's public profile"),
    400: errorResponses[400],
    404: errorResponses[404],
  },
});

export const getMyProfileRoute = createRoute({
  method: "get",
  path: "/api/me/profile",
  tags: ["members"],
  responses: { 200: json(profileSchema, "The viewer's own profile"), 401: errorResponses[401] },
});

export const updateMyProfileRoute = createRoute({
  method: "put",
  path: "/api/me/profile",
  tags: ["members"],
  request: { body: { content: { "application/json": { schema: profileUpdateSchema } }, required: true } },
  responses: {
    200: json(profileSchema, "The updated profile"),
    400: errorResponses[400],
    401: errorResponses[401],
  },
});
