/**
 * Accounts with better-auth: email and password, email verification, password reset, sessions in the database.
 * Every new user gets a member profile; account emails go through the outbox in the member's language.
 */
import { APIError, betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { createAuthMiddleware } from "better-auth/api";
import { eq } from "drizzle-orm";
import type { Database } from "../../db/create-db";
import { insertMember } from "../../db/repositories/members.repository";
import {
  countSignInFailures,
  recordSignInFailure,
  signInFailureKey,
} from "../../db/repositories/sign-in-failures.repository";
import { isUserSuspended } from "../../db/repositories/reports.repository";
import { accounts, rateLimits, sessions, users, verifications } from "../../db/schema/auth";
import { members } from "../../db/schema/people";
import { queueAccountEmail } from "../mail/account-emails";

export interface AuthSettings {
  baseUrl: string;
  secret: string;
  production: boolean;
  /** Sign-in attempts allowed per client address and per hour, failed or not (300; better-auth's own limit). */
  signInAttemptsPerHour?: number;
  /** Failed sign-ins allowed per account and per hour (100): the next attempt is refused, even with the password. */
  signInFailuresPerAccountPerHour?: number;
  /** Failed sign-ins allowed per client address and per hour, whatever the accounts tried (100). */
  signInFailuresPerAddressPerHour?: number;
  /**
   * Sign a new account in at once. Off by default: then signing up answers the same whether the address is
   * registered or not, and the verification link signs the member in. The demo turns it on, as its inbox shows the
   * link to the signed-in member only.
   */
  autoSignInAfterSignUp?: boolean;
}

/**
 * The header through which better-auth learns the client's address. The server sets it from the connection and
 * drops any value a client sent, so that nobody escapes a per-address limit by forging X-Forwarded-For.
 */
export const clientAddressHeader = "x-givefirst-client-address";
const hourMs = 3_600_000;

/** Picks the member's language from the browser's Accept-Language header. */
function localeFrom(headers: Headers | undefined): "en" | "fr" {
  const accepted = headers?.get("accept-language") ?? "";
  const first = accepted.split(",")[0]?.trim().toLowerCase() ?? "";
  return first.startsWith("fr") ? "fr" : "en";
}

async function memberOf(db: Database, userId: string): Promise<{ id: number; locale: "en" | "fr" } | undefined> {
  const [row] = await db
    .select({ id: members.id, locale: members.locale })
    .from(members)
    .where(eq(members.userId, userId));
  return row ? { id: row.id, locale: row.locale === "fr" ? "fr" : "en" } : undefined;
}

export function createAuth(db: Database, settings: AuthSettings) {
  const host = new URL(settings.baseUrl).hostname;
  /** Queues a verification or reset email in the member's language. */
  const sendAccountEmail = async (
    kind: "verify_email" | "reset_password",
    user: { id: string; email: string; name: string },
    url: string,
  ) => {
    const member = await memberOf(db, user.id);
    await queueAccountEmail(db, {
      kind,
      to: user.email,
      name: user.name,
      url,
      locale: member?.locale ?? "en",
      memberId: member?.id ?? null,
      host,
    });
  };
  const failureKeys = (email: string, address: string | null) => [
    signInFailureKey("account", email.trim().toLowerCase()),
    ...(address ? [signInFailureKey("address", address)] : []),
  ];
  const limits = {
    account: settings.signInFailuresPerAccountPerHour ?? 100,
    address: settings.signInFailuresPerAddressPerHour ?? 100,
  };
  /** Refuses a sign-in once its account or its address has failed too often within the hour. */
  const throttleSignIn = createAuthMiddleware(async (ctx) => {
    if (ctx.path !== "/sign-in/email") return;
    const email = (ctx.body as { email?: unknown } | undefined)?.email;
    if (typeof email !== "string") return;
    const keys = failureKeys(email, ctx.headers?.get(clientAddressHeader) ?? null);
    const counts = await countSignInFailures(db, keys, Date.now() - hourMs);
    const [account, address] = keys.map((key) => counts.get(key) ?? 0);
    if ((account ?? 0) >= limits.account || (address ?? 0) >= limits.address)
      throw new APIError("TOO_MANY_REQUESTS", { message: "Too many failed sign-ins. Try again in an hour." });
  });
  /** Counts a refused password against the account and the address. */
  const countFailedSignIn = createAuthMiddleware(async (ctx) => {
    if (ctx.path !== "/sign-in/email") return;
    const returned = ctx.context.returned;
    if (!(returned instanceof APIError) || returned.statusCode !== 401) return;
    const email = (ctx.body as { email?: unknown } | undefined)?.email;
    if (typeof email !== "string") return;
    const now = Date.now();
    await recordSignInFailure(db, failureKeys(email, ctx.headers?.get(clientAddressHeader) ?? null), now, now - hourMs);
  });
  return betterAuth({
    appName: "Givefirst",
    baseURL: settings.baseUrl,
    basePath: "/api/auth",
    secret: settings.secret,
    telemetry: { enabled: false },
    logger: { level: "error" },
    trustedOrigins: [settings.baseUrl],
    hooks: { before: throttleSignIn, after: countFailedSignIn },
    database: drizzleAdapter(db, {
      provider: "pg",
      schema: { user: users, session: sessions, account: accounts, verification: verifications, rateLimit: rateLimits },
    }),
    emailAndPassword: {
      enabled: true,
      minPasswordLength: 10,
      maxPasswordLength: 256,
      revokeSessionsOnPasswordReset: true,
      autoSignIn: settings.autoSignInAfterSignUp ?? false,
      sendResetPassword: ({ user, url }) => sendAccountEmail("reset_password", user, url),
    },
    emailVerification: {
      sendOnSignUp: true,
      autoSignInAfterVerification: true,
      sendVerificationEmail: ({ user, url }) => sendAccountEmail("verify_email", user, url),
    },
    session: { expiresIn: 60 * 60 * 24 * 30, updateAge: 60 * 60 * 24 },
    rateLimit: {
      enabled: true,
      storage: "database",
      window: 60,
      max: 100,
      customRules: {
        "/sign-in/email": { window: 3600, max: settings.signInAttemptsPerHour ?? 300 },
        "/request-password-reset": { window: 3600, max: 10 },
        "/sign-up/email": { window: 3600, max: 20 },
      },
    },
    advanced: {
      cookiePrefix: "givefirst",
      useSecureCookies: settings.production,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax", secure: settings.production },
      ipAddress: { ipAddressHeaders: [clientAddressHeader] },
    },
    databaseHooks: {
      // A suspended member gets no session, whatever the way in (password, verification link, demo sign-in).
      session: {
        create: {
          before: async (session) => {
            if (await isUserSuspended(db, session.userId))
              throw new APIError("FORBIDDEN", { message: "This account is suspended", code: "ACCOUNT_SUSPENDED" });
          },
        },
      },
      user: {
        create: {
          after: async (user, context) => {
            await insertMember(db, {
              userId: user.id,
              name: user.name.slice(0, 120) || user.email.split("@")[0] || "Member",
              locale: localeFrom(context?.request?.headers),
            });
          },
        },
      },
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;
