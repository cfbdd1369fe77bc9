/** Shapes shared by every endpoint of the contract. */
import { z } from "@hono/zod-openapi";
import { errorCodes } from "../domain/errors";

export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.enum(errorCodes),
      message: z.string(),
      field: z.string().optional(),
    }),
  })
  .openapi("Error");
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** The error responses every route may give, for the OpenAPI document. */
export const errorResponses = {
  400: { description: "Invalid input", content: { "application/json": { schema: errorBodySchema } } },
  401: { description: "Not signed in", content: { "application/json": { schema: errorBodySchema } } },
  404: { description: "Not found or not visible to you", content: { "application/json": { schema: errorBodySchema } } },
  429: { description: "Rate limited", content: { "application/json": { schema: errorBodySchema } } },
} as const;

/** For a polled view sent with an ETag: the If-None-Match copy still holds. */
export const notModifiedResponse = {
  description: "Not modified: the copy named by If-None-Match still holds",
} as const;

export const idSchema = z.coerce.number().int().positive().max(2_147_483_647);
export const localeSchema = z.enum(["en", "fr"]);

// Control characters (C0, DEL, C1) and the Unicode line and paragraph separators.
const singleLinePattern = /^[^\p{Cc}\u2028\u2029]*$/u;
const multiLinePattern = /^(?:[^\p{Cc}\u2028\u2029]|\n)*$/u;

/** A single-line text field (a title, a name, a venue name): refuses line breaks, tabs and other control characters. */
export function singleLine(schema: z.ZodString): z.ZodString {
  return schema.regex(singleLinePattern, "must be a single line, without line breaks, tabs or control characters");
}

/**
 * A multi-line text field (a description, a message): line breaks are kept as \n (a CRLF or a lone CR becomes \n),
 * other control characters refused.
 */
export function multiLine(schema: z.ZodString): z.ZodString {
  return schema
    .overwrite((text) => text.replace(/\r\n?/g, "\n"))
    .regex(multiLinePattern, "may contain line breaks (\\n) but no tabs or other control characters");
}
