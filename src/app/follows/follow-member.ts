/** Follows a member's work; following oneself, a suspended member or across a block answers "not found". */
import { countFollowers, filterFollowable, insertFollows } from "../../db/repositories/feeds.repository";
import { notFound } from "../../domain/errors";
import type { AppContext } from "../context";

export interface FollowState {
  following: boolean;
  followers: number;
}

export async function followMember(
  context: AppContext,
  options: { followerId: number; memberId: number },
): Promise<FollowState> {
  const [allowed] = await filterFollowable(context.db, options.followerId, [options.memberId]);
  if (allowed === undefined) throw notFound("Member");
  await insertFollows(context.db, options.followerId, [allowed]);
  return { following: true, followers: await countFollowers(context.db, options.memberId) };
}
