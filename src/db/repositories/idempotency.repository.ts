/**
 * Idempotency keys: the first response of a create request, saved under (member, key) and replayed when the client
 * retries with the same `Idempotency-Key`. Call `rememberIdempotentResponse` inside the transaction that creates the
 * resource, so the key and the resource are stored together or not at all.
 */
import { and, eq } from "drizzle-orm";
import type { Database } from "../create-db";
import { idempotencyKeys } from "../schema/system";

export interface IdempotentResponse {
  status: number;
  body: unknown;
}

/** The saved response of an earlier request by this member with this key, or undefined. */
export async function findIdempotentResponse(
  db: Database,
  memberId: number,
  key: string,
): Promise<IdempotentResponse | undefined> {
  const [row] = await db
    .select({ status: idempotencyKeys.status, body: idempotencyKeys.body })
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.memberId, memberId), eq(idempotencyKeys.key, key)));
  return row;
}

/**
 * Saves a response under its key, in the caller's transaction. A concurrent request with the same key makes this fail
 * with a unique violation (see `isIdempotencyKeyTaken`), which rolls the whole creation back.
 */
export async function rememberIdempotentResponse(
  tx: Database,
  entry: { memberId: number; key: string; status: number; body: unknown },
): Promise<void> {
  await tx.insert(idempotencyKeys).values(entry);
}

/** Whether an error is the unique violation of a key already taken (both PostgreSQL drivers and PGlite). */
export function isIdempotencyKeyTaken(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 4; depth += 1) {
    const { code, constraint } = current as { code?: unknown; constraint?: unknown };
    if (code === "23505") return constraint === undefined || constraint === "idempotency_keys_member_id_key_pk";
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
