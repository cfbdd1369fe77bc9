/** Helpers of the trips and alerts tests: members who need no signed-in client, created without a sign-in. */
import { randomUUID } from "node:crypto";
import { insertMember, type MemberRow, type NewMember } from "../../src/db/repositories/members.repository";
import { users } from "../../src/db/schema/auth";
import type { createTestApp } from "../support/test-app";

/** A member with an account (for their email address) but no session: fast enough for a city of them. */
export async function createLocal(
  harness: ReturnType<typeof createTestApp>,
  overrides: Partial<NewMember> = {},
): Promise<{ member: MemberRow; email: string }> {
  const userId = randomUUID();
  const email = `local-${userId.slice(0, 8)}@example.test`;
  const name = overrides.name ?? `Local ${userId.slice(0, 4)}`;
  await harness.context.db.insert(users).values({ id: userId, name, email, emailVerified: true });
  const member = await insertMember(harness.context.db, { ...overrides, name, userId });
  return { member, email };
}
