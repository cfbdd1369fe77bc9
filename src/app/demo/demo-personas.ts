/**
 * Demo sign-in: in demo mode anyone can act as one of the demo world's personas in one click. The persona's password
 * is derived from the instance secret and never shown; its credential is created on first use, so seeding stays fast.
 */
import { createHmac } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { findMemberById } from "../../db/repositories/members.repository";
import { readSetting } from "../../db/repositories/settings.repository";
import { accounts, users } from "../../db/schema/auth";
import { AppError, notFound } from "../../domain/errors";
import type { AppContext } from "../context";

export interface DemoPersona {
  memberId: number;
  name: string;
  headline: string;
  city: string | null;
  role: string;
}

export const demoPersonasKey = "demo.personas";

export async function listDemoPersonas(context: AppContext): Promise<DemoPersona[]> {
  if (!context.settings.demo) throw notFound("Demo mode");
  return (await readSetting<DemoPersona[]>(context.db, demoPersonasKey)) ?? [];
}

/** Signs in as a demo persona and returns the Set-Cookie headers of the new session. */
export async function signInAsDemoPersona(context: AppContext, memberId: number, secret: string): Promise<Headers> {
  if (!context.settings.demo) throw notFound("Demo mode");
  const personas = await listDemoPersonas(context);
  if (!personas.some((persona) => persona.memberId === memberId)) throw notFound("Demo persona");
  const member = await findMemberById(context.db, memberId);
  if (!member?.userId) throw notFound("Demo persona");
  const [user] = await context.db.select().from(users).where(eq(users.id, member.userId));
  if (!user) throw notFound("Demo persona");
  const password = createHmac("sha256", secret).update(`demo:${user.id}`).digest("base64url");
  const [credential] = await context.db
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(eq(accounts.userId, user.id), eq(accounts.providerId, "credential")));
  if (!credential) {
    const internals = await context.auth.$context;
    await internals.internalAdapter.linkAccount({
      userId: user.id,
      providerId: "credential",
      accountId: user.id,
      password: await internals.password.hash(password),
    });
  }
  const response = await context.auth.api.signInEmail({
    body: { email: user.email, password },
    asResponse: true,
  });
  if (!response.ok) throw new AppError("internal", `demo sign-in failed with status ${response.status}`);
  return response.headers;
}
