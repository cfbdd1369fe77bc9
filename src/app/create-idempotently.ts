/**
 * Runs any create use case at most once per (member, Idempotency-Key), without the use case knowing: with a key, the
 * use case runs on a context whose database is one transaction (its own transactions become savepoints), and the
 * response is remembered in that same transaction, so that the creation and its key are saved together or not at
 * all. Jobs the use case queues are sent once the transaction has committed (on PGlite's single connection, a job
 * sent from inside the transaction would wait for it for ever). Without a key, the use case runs as it is.
 *
 *   const { body, replayed } = await createIdempotently(context, { memberId, key }, async (scoped) =>
 *     present(await createThing(scoped, ...)));
 */
import type { AppContext } from "./context";
import type { JobQueue } from "./job-queue";
import { runIdempotently } from "./run-idempotently";

export async function createIdempotently<T>(
  context: AppContext,
  request: { memberId: number; key: string | undefined },
  create: (context: AppContext) => Promise<T>,
): Promise<{ body: T; replayed: boolean }> {
  if (request.key === undefined) return { body: await create(context), replayed: false };
  const deferred: Parameters<JobQueue["send"]>[] = [];
  const jobs: JobQueue = {
    send: async (...job) => {
      deferred.push(job);
    },
  };
  const result = await runIdempotently<T>(context.db, request, (remember) =>
    context.db.transaction(async (tx) => {
      const body = await create({ ...context, db: tx, jobs });
      await remember(tx, body);
      return body;
    }),
  );
  if (!result.replayed) for (const job of deferred) await context.jobs.send(...job);
  return result;
}
