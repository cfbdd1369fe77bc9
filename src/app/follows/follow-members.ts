/**
 * Follows the members a person chose after reviewing an import's matches: those one may follow (not oneself, not
 * suspended, no block) are followed in one statement, the others skipped; returns how many follows are new.
 */
import { filterFollowable, insertFollows } from "../../db/repositories/feeds.repository";
import type { AppContext } from "../context";

export async function followMembers(
  context: AppContext,
  options: { followerId: number; memberIds: number[] },
): Promise<{ followed: number; skipped: number }> {
  const unique = [...new Set(options.memberIds)];
  const allowed = await filterFollowable(context.db, options.followerId, unique);
  const followed = await insertFollows(context.db, options.followerId, allowed);
  return { followed, skipped: unique.length - allowed.length };
}
