/**
 * Runs a create use case at most once per (member, Idempotency-Key): a repeated key replays the first response, and
 * two requests racing with one key end with one creation and the loser replaying the winner's response.
 *
 *   const { body, replayed } = await runIdempotently(context.db, { memberId, key }, async (remember) =>
 *     context.db.transaction(async (tx) => { const view = ...create...; await remember(tx, view); return view; }));
 *
 * `remember` must be called inside the transaction that creates the resource; without a key it does nothing.
 */
import type { Database } from "../db/create-db";
import {
  findIdempotentResponse,
  isIdempotencyKeyTaken,
  rememberIdempotentResponse,
} from "../db/repositories/idempotency.repository";

export type RememberResponse<T> = (tx: Database, body: T) => Promise<void>;

export async function runIdempotently<T>(
  db: Database,
  request: { memberId: number; key: string | undefined; status?: number },
  create: (remember: RememberResponse<T>) => Promise<T>,
): Promise<{ body: T; replayed: boolean }> {
  const { memberId, key } = request;
  if (key === undefined) return { body: await create(async () => {}), replayed: false };
  const saved = await findIdempotentResponse(db, memberId, key);
  if (saved) return { body: saved.body as T, replayed: true };
  try {
    const body = await create((tx, view) =>
      rememberIdempotentResponse(tx, { memberId, key, status: request.status ?? 201, body: view }),
    );
    return { body, replayed: false };
  } catch (error) {
    if (isIdempotencyKeyTaken(error)) {
      const winner = await findIdempotentResponse(db, memberId, key);
      if (winner) return { body: winner.body as T, replayed: true };
    }
    throw error;
  }
}
