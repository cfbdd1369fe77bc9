/** Grants or revokes a role: organiser of a city, moderator, or admin. */
import { findCityBySlug } from "../../db/repositories/cities.repository";
import { findMemberByEmail, findMemberById, grantRole, revokeRole } from "../../db/repositories/members.repository";
import { invalid, notFound } from "../../domain/errors";
import type { AppContext } from "../context";

export type GrantableRole = "organiser" | "moderator" | "admin";

export interface RoleChange {
  /** A member id, or the email of the member's account. */
  member: string;
  role: GrantableRole;
  /** Organisers are organisers of one city. */
  citySlug?: string;
}

async function resolve(context: Pick<AppContext, "db">, change: RoleChange) {
  const member = /^\d+$/.test(change.member)
    ? await findMemberById(context.db, Number(change.member))
    : await findMemberByEmail(context.db, change.member);
  if (!member) throw notFound(`Member ${change.member}`);
  if (change.role === "organiser" && !change.citySlug)
    throw invalid("city", "city: an organiser is the organiser of a city");
  let cityId: number | null = null;
  if (change.citySlug) {
    const city = await findCityBySlug(context.db, change.citySlug);
    if (!city) throw notFound(`City ${change.citySlug}`);
    cityId = city.id;
  }
  return { memberId: member.id, memberName: member.name, cityId };
}

export async function grantMemberRole(
  context: Pick<AppContext, "db">,
  change: RoleChange,
): Promise<{ memberName: string }> {
  const { memberId, memberName, cityId } = await resolve(context, change);
  await grantRole(context.db, memberId, change.role, cityId);
  return { memberName };
}

export async function revokeMemberRole(
  context: Pick<AppContext, "db">,
  change: RoleChange,
): Promise<{ memberName: string; revoked: boolean }> {
  const { memberId, memberName, cityId } = await resolve(context, change);
  return { memberName, revoked: (await revokeRole(context.db, memberId, change.role, cityId)) > 0 };
}
