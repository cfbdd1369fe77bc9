/** The `Idempotency-Key` request header of create endpoints: 1–200 visible ASCII characters. */
import { z } from "@hono/zod-openapi";

export const idempotencyKeySchema = z
  .string()
  .regex(/^[\x21-\x7e]{1,200}$/, "Idempotency-Key must be 1 to 200 visible ASCII characters");

/** Request headers of a create route that accepts an Idempotency-Key (for the contract and the OpenAPI document). */
export const idempotencyKeyHeaders = z.object({
  "idempotency-key": idempotencyKeySchema.optional().openapi({
    description: "Retrying with the same key replays the first response instead of creating twice",
  }),
});
