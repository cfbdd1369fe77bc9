/**
 * Contract of "bring your network": upload a contact file (LinkedIn Connections.csv, Mastodon following_accounts.csv,
 * vCard) to see which entries are members, then follow the ones chosen in the review.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { errorResponses, idSchema, singleLine } from "./common";

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

export const importFormatSchema = z.enum(["linkedin", "mastodon", "vcard"]);
export type ImportFormatName = z.infer<typeof importFormatSchema>;

/** The request body may be a little over the file limit (JSON escaping); the file itself is checked at 5 MB. */
export const importBodyLimitBytes = 7 * 1024 * 1024;

export const importFileSchema = z
  .object({
    /** Detected from the content when absent. */
    format: importFormatSchema.optional(),
    fileName: singleLine(z.string().max(255)).optional(),
    content: z.string().min(1).max(importBodyLimitBytes),
  })
  .strict()
  .openapi("ImportFile");

export const importMatchesSchema = z
  .object({
    format: importFormatSchema,
    /** Entries read from the file; only the matched ones are listed, and nothing of the file is stored. */
    entries: z.number().int(),
    matches: z.array(
      z.object({
        memberId: z.number().int(),
        name: z.string(),
        headline: z.string(),
        entryName: z.string(),
        matchedBy: z.array(z.enum(["link", "email"])),
        alreadyFollowing: z.boolean(),
      }),
    ),
  })
  .openapi("ImportMatches");
export type ImportMatches = z.infer<typeof importMatchesSchema>;

export const followMembersSchema = z
  .object({ memberIds: z.array(idSchema).min(1).max(5000) })
  .strict()
  .openapi("FollowMembers");

export const matchImportRoute = createRoute({
  method: "post",
  path: "/api/me/imports",
  tags: ["imports"],
  request: { body: { content: { "application/json": { schema: importFileSchema } }, required: true } },
  responses: {
    200: json(importMatchesSchema, "The members found in the file, for review; nothing is stored"),
    400: errorResponses[400],
    401: errorResponses[401],
    413: { ...errorResponses[400], description: "The file is over 5 MB or holds over 20,000 entries" },
  },
});

export const followMembersRoute = createRoute({
  method: "post",
  path: "/api/me/follows",
  tags: ["imports"],
  request: { body: { content: { "application/json": { schema: followMembersSchema } }, required: true } },
  responses: {
    200: json(
      z.object({ followed: z.number().int(), skipped: z.number().int() }),
      "The chosen members are followed; those one may not follow are skipped",
    ),
    400: errorResponses[400],
    401: errorResponses[401],
  },
});
