/**
 * The session token of a request, read from the accounts library's signed cookie directly. Going through
 * better-auth's `getSession` endpoint costs, on every request, a WebCrypto key import, two queries (session, then
 * user) and the endpoint machinery: about a quarter of the server's CPU per request under load (issue #8). The cookie
 * is `<token>.<base64 HMAC-SHA256(secret, token)>`, URI-encoded, as better-auth signs it; its name, the secret and
 * the session lifetimes are read from better-auth's own context, so that the two never disagree.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { parse } from "hono/utils/cookie";
import type { Auth } from "./create-auth";

export interface SessionCookieSettings {
  /** The session cookie's name (`__Secure-` prefixed in production). */
  cookieName: string;
  /** The cookie better-auth sets when a member signs in without "remember me": the session is then not extended. */
  dontRememberCookieName: string;
  secret: string;
  /** Seconds a session lasts from its last extension. */
  expiresInSeconds: number;
  /** Seconds after which a used session is extended again. */
  updateAgeSeconds: number;
}

const settingsOfAuth = new WeakMap<Auth, Promise<SessionCookieSettings>>();

/** The cookie settings of an accounts instance, read once from its context. */
export function sessionCookieSettings(auth: Auth): Promise<SessionCookieSettings> {
  let settings = settingsOfAuth.get(auth);
  if (!settings) {
    settings = auth.$context.then((context) => ({
      cookieName: context.authCookies.sessionToken.name,
      dontRememberCookieName: context.authCookies.dontRememberToken.name,
      secret: context.secret,
      expiresInSeconds: context.sessionConfig.expiresIn,
      updateAgeSeconds: context.sessionConfig.updateAge,
    }));
    settingsOfAuth.set(auth, settings);
  }
  return settings;
}

/** The value of a signed cookie whose signature holds, else null (absent, malformed, or signed with another key). */
export function readSignedCookie(cookieHeader: string | null, name: string, secret: string): string | null {
  if (!cookieHeader) return null;
  const value = parse(cookieHeader, name)[name];
  if (!value) return null;
  const dot = value.lastIndexOf(".");
  if (dot < 1) return null;
  const signed = value.slice(0, dot);
  const signature = value.slice(dot + 1);
  // A base64 HMAC-SHA256 is 44 characters ending in "=" (what better-auth checks too).
  if (signature.length !== 44 || !signature.endsWith("=")) return null;
  const expected = createHmac("sha256", secret).update(signed).digest();
  const given = Buffer.from(signature, "base64");
  return given.length === expected.length && timingSafeEqual(given, expected) ? signed : null;
}

/** Whether a session last extended at `expiresAt - expiresIn` is due for another extension at `now`. */
export function sessionNeedsExtension(expiresAt: Date, now: Date, settings: SessionCookieSettings): boolean {
  return expiresAt.getTime() - settings.expiresInSeconds * 1000 + settings.updateAgeSeconds * 1000 <= now.getTime();
}
