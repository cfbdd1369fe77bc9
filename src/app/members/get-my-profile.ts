/** The viewer's own profile, as they edit it. */
import { findMemberById, type MemberRow } from "../../db/repositories/members.repository";
import { notFound } from "../../domain/errors";
import type { AppContext } from "../context";

export async function getMyProfile(context: AppContext, options: { memberId: number }): Promise<MemberRow> {
  const member = await findMemberById(context.db, options.memberId);
  if (!member) throw notFound("Member");
  return member;
}
