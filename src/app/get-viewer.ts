/** Who is making a request: the member behind the session cookie, or nobody. */
import { deleteSessionByToken, extendSession, findViewerBySessionToken } from "../db/repositories/members.repository";
import { readSignedCookie, sessionCookieSettings, sessionNeedsExtension } from "./accounts/session-token";
import type { AppContext } from "./context";

export interface ViewerInfo {
  memberId: number;
  userId: string;
  name: string;
  email: string;
  emailVerified: boolean;
  locale: "en" | "fr";
  roles: { role: string; citySlug: string | null }[];
  isDemo: boolean;
  suspended: boolean;
  /** Where the member is (current city, else home city), when known. */
  cityId?: number | null;
}

/**
 * Resolves the session of a request's headers in one query; an expired session, a bad signature or a session of a
 * deleted member count as no session. A session used more than a day after its last extension is extended (as
 * better-auth's `getSession` does), unless its member chose not to be remembered.
 */
export async function getViewer(
  context: Pick<AppContext, "auth" | "db">,
  headers: Headers,
): Promise<ViewerInfo | null> {
  const settings = await sessionCookieSettings(context.auth);
  const cookieHeader = headers.get("cookie");
  const token = readSignedCookie(cookieHeader, settings.cookieName, settings.secret);
  if (!token) return null;
  const found = await findViewerBySessionToken(context.db, token);
  if (!found) return null;
  // Sessions live in real time, as the accounts library that creates them counts it (not the app's clock).
  const now = new Date();
  if (found.sessionExpiresAt.getTime() < now.getTime()) {
    await deleteSessionByToken(context.db, token);
    return null;
  }
  if (
    sessionNeedsExtension(found.sessionExpiresAt, now, settings) &&
    readSignedCookie(cookieHeader, settings.dontRememberCookieName, settings.secret) === null &&
    !(await extendSession(context.db, token, new Date(now.getTime() + settings.expiresInSeconds * 1000), now))
  )
    return null;
  return {
    memberId: found.memberId,
    userId: found.userId,
    name: found.name,
    email: found.email,
    emailVerified: found.emailVerified,
    locale: found.locale === "fr" ? "fr" : "en",
    roles: found.roles,
    isDemo: found.isDemo,
    suspended: found.suspendedAt !== null,
    cityId: found.cityId,
  };
}
