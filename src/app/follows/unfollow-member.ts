/** Stops following a member's work; unfollowing someone one does not follow is a no-op. */
import { countFollowers, deleteFollow } from "../../db/repositories/feeds.repository";
import type { AppContext } from "../context";
import type { FollowState } from "./follow-member";
import { requireVisibleMember } from "../feeds/list-member-posts";

export async function unfollowMember(
  context: AppContext,
  options: { followerId: number; memberId: number },
): Promise<FollowState> {
  // Unfollowing stays possible across a block (it only removes a row), but the answer reveals nothing then.
  await deleteFollow(context.db, options.followerId, options.memberId);
  await requireVisibleMember(context, { memberId: options.memberId, viewerId: options.followerId });
  return { following: false, followers: await countFollowers(context.db, options.memberId) };
}
