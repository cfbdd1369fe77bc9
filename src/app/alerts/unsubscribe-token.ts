/**
 * One-click unsubscribe links: the token is the member id signed with the instance secret (HMAC-SHA256), so that a
 * link works without signing in and cannot be forged for another member. No state to store or expire.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

function signature(memberId: number, secret: string): string {
  return createHmac("sha256", secret).update(`unsubscribe:${memberId}`).digest("base64url");
}

export function createUnsubscribeToken(memberId: number, secret: string): string {
  return `${memberId}.${signature(memberId, secret)}`;
}

/** The member a token was made for, or null when it is malformed or not signed by this instance. */
export function readUnsubscribeToken(token: string, secret: string): number | null {
  const match = /^(\d{1,10})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return null;
  const memberId = Number(match[1]);
  const expected = Buffer.from(signature(memberId, secret));
  const given = Buffer.from(match[2] ?? "");
  return expected.length === given.length && timingSafeEqual(expected, given) ? memberId : null;
}
