/** Whether the viewer follows a member's work, and how many follow it. */
import { countFollowers, isFollowing } from "../../db/repositories/feeds.repository";
import type { AppContext } from "../context";
import { requireVisibleMember } from "../feeds/list-member-posts";
import type { FollowState } from "./follow-member";

export async function getFollowState(
  context: AppContext,
  options: { viewerId: number | null; memberId: number },
): Promise<FollowState> {
  await requireVisibleMember(context, { memberId: options.memberId, viewerId: options.viewerId });
  const [following, followers] = await Promise.all([
    options.viewerId === null ? false : isFollowing(context.db, options.viewerId, options.memberId),
    countFollowers(context.db, options.memberId),
  ]);
  return { following, followers };
}
