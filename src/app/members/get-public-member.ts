/** A member's public profile with their giving record; a block either way answers "not found", like a missing member. */
import { findMemberById, type MemberRow } from "../../db/repositories/members.repository";
import {
  findCityRefs,
  findGivingSummary,
  isBlockedEitherWay,
  type CityRef,
  type GivingSummary,
} from "../../db/repositories/profiles.repository";
import { notFound } from "../../domain/errors";
import type { AppContext } from "../context";

export interface PublicMemberView {
  member: MemberRow;
  homeCity: CityRef | null;
  currentCity: CityRef | null;
  giving: GivingSummary;
}

export async function getPublicMember(
  context: AppContext,
  options: { memberId: number; viewerId: number | null },
): Promise<PublicMemberView> {
  const member = await findMemberById(context.db, options.memberId);
  if (!member || member.suspendedAt !== null) throw notFound("Member");
  if (options.viewerId !== null && options.viewerId !== member.id) {
    if (await isBlockedEitherWay(context.db, options.viewerId, member.id)) throw notFound("Member");
  }
  const cityIds = [member.homeCityId, member.currentCityId].filter((id): id is number => id !== null);
  const [cityRefs, giving] = await Promise.all([
    findCityRefs(context.db, cityIds),
    findGivingSummary(context.db, member.id),
  ]);
  return {
    member,
    homeCity: member.homeCityId === null ? null : (cityRefs.get(member.homeCityId) ?? null),
    currentCity: member.currentCityId === null ? null : (cityRefs.get(member.currentCityId) ?? null),
    giving,
  };
}
