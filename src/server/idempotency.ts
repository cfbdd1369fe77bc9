/**
 * The `Idempotency-Key` header at the edge. In a create route:
 *
 *   const { body, replayed } = await createThing(context, { ..., idempotencyKey: readIdempotencyKey(c) });
 *   markReplayed(c, replayed);
 */
import type { Context } from "hono";
import { idempotencyKeySchema } from "../api/idempotency";
import { invalid } from "../domain/errors";

/** The request's Idempotency-Key, undefined when absent; a 400 naming the header when present but malformed. */
export function readIdempotencyKey(c: Context): string | undefined {
  const raw = c.req.header("Idempotency-Key");
  if (raw === undefined) return undefined;
  const parsed = idempotencyKeySchema.safeParse(raw);
  if (!parsed.success) throw invalid("Idempotency-Key", "Idempotency-Key must be 1 to 200 visible ASCII characters");
  return parsed.data;
}

/** Tells the client that this response is the replay of an earlier one. */
export function markReplayed(c: Context, replayed: boolean): void {
  if (replayed) c.header("Idempotent-Replayed", "true");
}
