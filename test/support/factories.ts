/**
 * Factories for integration tests: cities and members with overrides, and signed-in clients. Members get an account
 * with one shared password, hashed once per process, so that signing in many of them stays fast.
 */
import { createHmac, randomUUID } from "node:crypto";
import type { AppContext } from "../../src/app/context";
import { upsertCity, type CityRow } from "../../src/db/repositories/cities.repository";
import { insertMember, type MemberRow, type NewMember } from "../../src/db/repositories/members.repository";
import { accounts, sessions, users } from "../../src/db/schema/auth";
import { Client, testSecret, type createTestApp } from "./test-app";

export const testPassword = "a test password that is long";
let passwordHash: Promise<string> | undefined;

export const miamiCity = {
  slug: "miami",
  name: "Miami",
  country: "US",
  timeZone: "America/New_York",
  locale: "en" as const,
};
export const toulouseCity = {
  slug: "toulouse",
  name: "Toulouse",
  country: "FR",
  timeZone: "Europe/Paris",
  locale: "fr" as const,
};

export async function createCity(
  context: Pick<AppContext, "db">,
  city: Partial<Omit<typeof miamiCity, "locale"> & { locale: "en" | "fr" }> = {},
): Promise<CityRow> {
  return upsertCity(context.db, { ...miamiCity, ...city });
}

export interface TestMember {
  member: MemberRow;
  email: string;
  /** A client signed in as this member. */
  client: Client;
}

/**
 * Creates a member with an account (email verified unless told otherwise) and a client signed in as them. The
 * session is written as better-auth writes it (a session row and its signed cookie), without hashing a password:
 * that hashing dominated the tests' time. `createMemberWithPassword` gives a member who can sign in for real.
 */
export async function createMember(
  harness: ReturnType<typeof createTestApp>,
  overrides: Partial<NewMember> & { email?: string; emailVerified?: boolean } = {},
): Promise<TestMember> {
  const { context } = harness;
  const { email: givenEmail, emailVerified = true, ...memberFields } = overrides;
  const userId = randomUUID();
  const email = givenEmail ?? `member-${userId.slice(0, 8)}@example.test`;
  const name = memberFields.name ?? `Member ${userId.slice(0, 4)}`;
  await context.db.insert(users).values({ id: userId, name, email, emailVerified });
  const member = await insertMember(context.db, { ...memberFields, name, userId });
  return { member, email, client: await signIn(harness, userId) };
}

/** A new client with a new session of the same member (a second device). */
export async function signInAgain(harness: ReturnType<typeof createTestApp>, member: TestMember): Promise<Client> {
  return signIn(harness, member.member.userId!);
}

async function signIn(harness: ReturnType<typeof createTestApp>, userId: string): Promise<Client> {
  const token = randomUUID().replaceAll("-", "");
  await harness.context.db
    .insert(sessions)
    .values({ id: randomUUID(), token, userId, expiresAt: new Date(Date.now() + 86_400_000) });
  const signature = createHmac("sha256", testSecret).update(token).digest("base64");
  const client = new Client(harness.app);
  client.setCookie("givefirst.session_token", encodeURIComponent(`${token}.${signature}`));
  return client;
}

/** A member with a real password credential, signed in through the sign-in endpoint. */
export async function createMemberWithPassword(
  harness: ReturnType<typeof createTestApp>,
  overrides: Partial<NewMember> & { email?: string; emailVerified?: boolean } = {},
): Promise<TestMember> {
  const created = await createMember(harness, overrides);
  passwordHash ??= harness.context.auth.$context.then((internals) => internals.password.hash(testPassword));
  const userId = created.member.userId!;
  await harness.context.db
    .insert(accounts)
    .values({ id: randomUUID(), accountId: userId, providerId: "credential", userId, password: await passwordHash });
  const client = new Client(harness.app);
  const response = await client.post("/api/auth/sign-in/email", { email: created.email, password: testPassword });
  if (response.status !== 200) throw new Error(`sign-in of ${created.email} failed: ${response.status}`);
  return { ...created, client };
}
