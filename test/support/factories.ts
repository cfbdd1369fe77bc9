/**
 * Factories for integration tests: cities and members with overrides, and signed-in clients. Members get an account
 * with one shared password, hashed once per process, so that signing in many of them stays fast.
 */
import { randomUUID } from "node:crypto";
import type { AppContext } from "../../src/app/context";
import { upsertCity, type CityRow } from "../../src/db/repositories/cities.repository";
import { insertMember, type MemberRow, type NewMember } from "../../src/db/repositories/members.repository";
import { accounts, users } from "../../src/db/schema/auth";
import { Client, type createTestApp } from "./test-app";

export const testPassword = "a test password that is long";
let passwordHash: Promise<string> | undefined;

export const miamiCity = { slug: "miami", name: "Miami", country: "US", timeZone: "America/New_York", locale: "en" as const };
export const toulouseCity = { slug: "toulouse", name: "Toulouse", country: "FR", timeZone: "Europe/Paris", locale: "fr" as const };

export async function createCity(context: Pick<AppContext, "db">, city: Partial<typeof miamiCity> = {}): Promise<CityRow> {
  return upsertCity(context.db, { ...miamiCity, ...city });
}

export interface TestMember {
  member: MemberRow;
  email: string;
  /** A client signed in as this member. */
  client: Client;
}

/** Creates a member with an account (email verified unless told otherwise) and signs them in. */
export async function createMember(
  harness: ReturnType<typeof createTestApp>,
  overrides: Partial<NewMember> & { email?: string; emailVerified?: boolean } = {},
): Promise<TestMember> {
  const { context, app } = harness;
  const { email: givenEmail, emailVerified = true, ...memberFields } = overrides;
  const userId = randomUUID();
  const email = givenEmail ?? `member-${userId.slice(0, 8)}@example.test`;
  const name = memberFields.name ?? `Member ${userId.slice(0, 4)}`;
  passwordHash ??= context.auth.$context.then((internals) => internals.password.hash(testPassword));
  await context.db.insert(users).values({ id: userId, name, email, emailVerified });
  await context.db
    .insert(accounts)
    .values({ id: randomUUID(), accountId: userId, providerId: "credential", userId, password: await passwordHash });
  const member = await insertMember(context.db, { ...memberFields, name, userId });
  const client = new Client(app);
  const response = await client.post("/api/auth/sign-in/email", { email, password: testPassword });
  if (response.status !== 200) throw new Error(`sign-in of ${email} failed: ${response.status} ${await response.text()}`);
  return { member, email, client };
}
