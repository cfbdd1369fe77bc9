/** Every role granted on the instance, for the admins' page. */
import { asc, eq } from "drizzle-orm";
import type { Database } from "../create-db";
import { users } from "../schema/auth";
import { cities, memberRoles, members } from "../schema/people";

export async function listRoleGrants(db: Database) {
  return db
    .select({
      memberId: members.id,
      name: members.name,
      email: users.email,
      role: memberRoles.role,
      citySlug: cities.slug,
      grantedAt: memberRoles.grantedAt,
    })
    .from(memberRoles)
    .innerJoin(members, eq(members.id, memberRoles.memberId))
    .leftJoin(users, eq(users.id, members.userId))
    .leftJoin(cities, eq(cities.id, memberRoles.cityId))
    .orderBy(asc(memberRoles.role), asc(members.name), asc(memberRoles.id));
}
