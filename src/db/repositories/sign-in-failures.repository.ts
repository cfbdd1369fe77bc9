/**
 * Counters of failed sign-ins, per account and per client address, in better-auth's `rate_limits` table under keys
 * of their own, so that every server process on one database shares them. A counter's `last_request` holds the
 * start of its one-hour window (better-auth prunes rows older than its longest window, one hour too).
 */
import { randomUUID } from "node:crypto";
import { and, gt, inArray, sql } from "drizzle-orm";
import type { Database } from "../create-db";
import { rateLimits } from "../schema/auth";

export const signInFailureKey = (kind: "account" | "address", value: string) => `sign-in-failures:${kind}:${value}`;

/** Failures counted since each key's window started, for windows that started after `windowStart` (ms). */
export async function countSignInFailures(
  db: Database,
  keys: string[],
  windowStart: number,
): Promise<Map<string, number>> {
  const rows = await db
    .select({ key: rateLimits.key, count: rateLimits.count })
    .from(rateLimits)
    .where(and(inArray(rateLimits.key, keys), gt(rateLimits.lastRequest, windowStart)));
  return new Map(rows.map((row) => [row.key, row.count]));
}

/** Adds one failure to each key in one statement per key; a window older than `windowStart` starts again at `now`. */
export async function recordSignInFailure(
  db: Database,
  keys: string[],
  now: number,
  windowStart: number,
): Promise<void> {
  for (const key of keys) {
    await db
      .insert(rateLimits)
      .values({ id: randomUUID(), key, count: 1, lastRequest: now })
      .onConflictDoUpdate({
        target: rateLimits.key,
        set: {
          count: sql`case when ${rateLimits.lastRequest} > ${windowStart} then ${rateLimits.count} + 1 else 1 end`,
          lastRequest: sql`case when ${rateLimits.lastRequest} > ${windowStart} then ${rateLimits.lastRequest} else ${now} end`,
        },
      });
  }
}
