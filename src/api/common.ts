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

export const idSchema = z.coerce.number().int().positive().max(2_147_483_647);
export const localeSchema = z.enum(["en", "fr"]);
