/** A member's latest posts for their public profile; a suspended member, or a block either way, answers "not found". */
import { listLatestPostsOfMember, type MemberPostRow } from "../../db/repositories/feeds.repository";
import { findMemberById } from "../../db/repositories/members.repository";
import { isBlockedEitherWay } from "../../db/repositories/profiles.repository";
import { notFound } from "../../domain/errors";
import type { AppContext } from "../context";
import { postsShownOnProfile } from "./feed-limits";

export async function listMemberPosts(
  context: AppContext,
  options: { memberId: number; viewerId: number | null },
): Promise<MemberPostRow[]> {
  await requireVisibleMember(context, options);
  return listLatestPostsOfMember(context.db, options.memberId, postsShownOnProfile);
}

/** The member exists, is not suspended, and no block stands between them and the viewer. */
export async function requireVisibleMember(
  context: AppContext,
  options: { memberId: number; viewerId: number | null },
): Promise<void> {
  const member = await findMemberById(context.db, options.memberId);
  if (!member || member.suspendedAt !== null) throw notFound("Member");
  if (options.viewerId !== null && options.viewerId !== member.id) {
    if (await isBlockedEitherWay(context.db, options.viewerId, member.id)) throw notFound("Member");
  }
}
